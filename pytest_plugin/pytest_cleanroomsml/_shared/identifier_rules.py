# DO NOT EDIT: written by `make schema` from plugins/module_utils/identifier_rules.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A string rule from a schema definition (length bounds and a whole-value pattern), and why a value breaks it.

Plain Python with no Ansible import: the pytest plugin ships a verbatim copy (written by
``make schema``) and builds its rules from the same schema as the collection.
"""

import re

from .quoted_values import quoted


class IdentifierRule:
    """The rule of one schema definition, such as {"minLength": 36, "maxLength": 36, "pattern": "^...$"}."""

    def __init__(self, shape, description, mistake=None):
        self.min_length = shape["minLength"]
        self.max_length = shape["maxLength"]
        self.pattern = re.compile(shape["pattern"])
        self.description = description
        # mistake(value, pattern): what is wrong with a value of the right length, in words.
        self.mistake = mistake

    def problem(self, value):
        """Why value breaks the rule, in words that follow "got"; None when it is acceptable."""
        if not isinstance(value, str):
            return f"{type(value).__name__} {quoted(value)}"
        if not self.min_length <= len(value) <= self.max_length:
            return f"{quoted(value)} of {len(value)} characters"
        # "$" also matches before a final newline, so newlines are refused explicitly.
        if "\n" in value or not self.pattern.match(value):
            mistake = self.mistake and self.mistake(value, self.pattern.pattern)
            return "{}{}".format(quoted(value), f": {mistake}" if mistake else "")
        return None

    def error(self, parameter, value):
        """Return why value is not acceptable for parameter, or None when it is."""
        problem = self.problem(value)
        return None if problem is None else f"{parameter} must be {self.description}, got {problem}"

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Report every problem with a lookup's options as AnsibleLookupError naming the option."""

import contextlib

from ansible.errors import AnsibleLookupError, AnsibleOptionsError


def _option_names(plugin):
    """{name or alias: option name} of the plugin's documented options."""
    names = {}
    for name, definition in plugin.option_definitions.items():
        if not name.startswith("_"):  # _terms is the lookup's positional arguments
            names.update(dict.fromkeys(definition.get("aliases") or (), name))
            names[name] = name
    return names


@contextlib.contextmanager
def lookup_option_errors(plugin, direct):
    """Around set_options(direct=...): refuse undocumented option names, which ansible ignores
    silently (a misspelt on_missing would quietly mean error), and turn ansible's own option
    errors (missing, wrong type, not a choice) into AnsibleLookupError."""
    names = _option_names(plugin)
    unknown = sorted(set(direct) - set(names))
    if unknown:
        raise AnsibleLookupError(
            "unknown option(s) {}; valid options: {}".format(", ".join(unknown), ", ".join(sorted(set(names.values()))))
        )
    try:
        yield
    except AnsibleOptionsError as error:
        raise AnsibleLookupError(str(error)) from error

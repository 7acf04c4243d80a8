# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How every message names a trained model and judges a status name, in one place.

The module, the lookup, the waiter, the Jinja tests and the pytest assertions all word
their messages with these, so that a playbook and a pipeline test say the same thing.
Plain Python with no Ansible import: the pytest plugin ships a verbatim copy (written
by ``make schema``).
"""

import re

from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted

# The shape of every trained model status, those AWS may add later included (fullmatch).
STATUS_NAME = re.compile(r"[A-Z][A-Z_]*")


def status_name_error(value, known_statuses=()):
    """Why value cannot be a trained model status, or None when it has a status's shape.

    A value that is a known status once upper-cased ('active') gets that status as a hint.
    """
    if isinstance(value, str) and STATUS_NAME.fullmatch(value):
        return None
    problem = f"{quoted(value)} is not a status name (upper-case ASCII letters and underscores, such as 'ACTIVE')"
    if isinstance(value, str) and value.strip().upper() in known_statuses:
        problem += f"; did you mean {value.strip().upper()!r}?"
    return problem


def model_label(model):
    """How messages name a camelCase model: "trained model 'churn' ('<ARN>', version '<id>')", minus what it lacks.

    Each value is quoted(): from a response, it may hold look-alike characters or be huge.
    """
    label = "trained model"
    if model.get("name"):
        label += " {}".format(quoted(model["name"]))
    identity = [quoted(model["trainedModelArn"])] if model.get("trainedModelArn") else []
    if model.get("versionIdentifier"):
        identity.append("version {}".format(quoted(model["versionIdentifier"])))
    if identity:
        label += " ({})".format(", ".join(identity))
    return label

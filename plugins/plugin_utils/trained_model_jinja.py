# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Jinja tests and the filter on a trained model: the pytest assertions' checks, as answers.

The decisions and their wording live in module_utils/trained_model_checks.py, which the
pytest plugin's assertions use too; this file turns them into a boolean or a list, and
input that is not a trained model or not a status into an AnsibleFilterError that says
what it was given and what it expects (Ansible names the plugin).
"""

from ansible.errors import AnsibleFilterError
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_checks as checks
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA

COLLECTION = "cleanrooms.ml"


def _camel_case_model(model):
    # Ansible names the failing plugin before the message; the hint is for playbooks, which register results.
    try:
        return checks.camel_case_model(model, SCHEMA)
    except checks.NotATrainedModelError as error:
        raise AnsibleFilterError(f"{error}; {error.hint}" if error.hint else str(error)) from None


def is_active(model):
    """True when the model's status is ACTIVE."""
    return checks.status_failure(_camel_case_model(model), (checks.ACTIVE,)) is None


def has_status(model, *statuses):
    """True when the model's status is one of ``statuses``, given as separate strings."""
    plugin = "trained_model_status"
    try:
        statuses = checks.checked_statuses(
            statuses,
            SCHEMA,
            f"{COLLECTION}.{plugin}",
            f"model is {COLLECTION}.{plugin}('ACTIVE', 'CREATE_FAILED')",
        )
    except checks.CheckInputError as error:
        raise AnsibleFilterError(str(error)) from None
    return checks.status_failure(_camel_case_model(model), statuses) is None


def has_metrics_published(model):
    """True when the model's metricsStatus is PUBLISH_SUCCEEDED."""
    return checks.publication_failure(_camel_case_model(model), "metricsStatus") is None


def has_logs_published(model):
    """True when the model's logsStatus is PUBLISH_SUCCEEDED."""
    return checks.publication_failure(_camel_case_model(model), "logsStatus") is None


def violations(model):
    """Every schema violation of the model as {path, message}, by path; empty when it is valid."""
    document = _camel_case_model(model)
    return [
        {"path": violation.path, "message": violation.message}
        for violation in checks.model_violations(document, SCHEMA)
    ]


def is_valid(model):
    """True when the model matches the shared schema (a list summary its summary definition)."""
    return not violations(model)

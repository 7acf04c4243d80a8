# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the module cleanroomsml_trained_model_info does once its arguments are parsed:
get one trained model (and optionally wait for a status), or list a collaboration's."""

import datetime
import time

from ansible.module_utils.basic import _load_params, missing_required_lib
from ansible.module_utils.common.warnings import warn
from ansible_collections.cleanrooms.ml.plugins.module_utils.answer_deadline import hold_answer_deadlines
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_errors import (
    AnsibleCleanRoomsMLError,
    failure_message,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_service import LIST_OPERATION, SERVICE_NAME
from ansible_collections.cleanrooms.ml.plugins.module_utils.concurrency import MAX_CONCURRENCY_LIMITS, map_concurrently
from ansible_collections.cleanrooms.ml.plugins.module_utils.connection_checks import (
    aws_config_error,
    endpoint_url_error,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import sent_credentials
from ansible_collections.cleanrooms.ml.plugins.module_utils.quoted_values import quoted
from ansible_collections.cleanrooms.ml.plugins.module_utils.timestamp_parsing import parse_timestamps_quickly
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api import (
    UnreadableResponseError,
    get_collaboration_trained_model,
    list_collaboration_trained_models,
    retry_decorator,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arguments import (
    TRAINED_MODEL_STATUSES,
    identifier_errors,
    integer_range_error,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import (
    ResponseValidationError,
    trained_model_facts,
    validation_library_missing,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_validation import SUMMARY_DEFINITION
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_waiting import WaitError, wait_for_status
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_words import model_label, status_name_error

# A year: longer than any training runs (28 days at most), and short enough for the clock and
# time.sleep(), which overflow on the huge integers an option would otherwise let through.
MAX_WAIT_SECONDS = 365 * 24 * 3600

# The wait options' defaults, applied here rather than in the argument spec so that an option
# given without wait=true can be told from one left out (see wait_option_warnings).
WAIT_DEFAULTS = {"wait_for": ["ACTIVE"], "wait_timeout": 1800, "wait_delay": 15}

# The status options, whose values are status names.
STATUS_OPTIONS = ("status", "wait_for")


def record_warning(message):
    """Add a warning to the task's result.

    Not module.warn(): AnsibleAWSModule (amazon.aws 10) keeps a copy of each warning it is given
    and, on ansible-core 2.19 and later, passes them to exit_json(warnings=...), which ansible-core
    2.19 deprecates, so that every warning came with a [DEPRECATION WARNING]. ansible-core's own
    record, the one AnsibleModule.warn() writes to, is returned with the result by itself.
    """
    warn(message)


def wait_option_warnings(params):
    """Wait options given without wait=true, which would otherwise be ignored in silence."""
    if params["wait"]:
        return []
    given = [option for option in WAIT_DEFAULTS if params[option] is not None]
    if not given:
        return []
    return [
        "{} {} no effect without wait=true: set wait: true to wait".format(
            ", ".join(given), "has" if len(given) == 1 else "have"
        )
    ]


def with_wait_defaults(params):
    """The parameters with the wait options' defaults filled in where none was given."""
    return dict(params, **{option: default for option, default in WAIT_DEFAULTS.items() if params[option] is None})


def status_option_errors(params):
    """Status option values that are no status name ('active'), with a hint when one is close."""
    errors = []
    for option in STATUS_OPTIONS:
        for value in params[option] or ():
            error = status_name_error(value, TRAINED_MODEL_STATUSES)
            if error:
                errors.append(f"{option}: {error}")
    return errors


def status_option_warnings(params):
    """Status names the collection does not know: accepted, as statuses AWS may have added since."""
    unknown = [
        (option, value)
        for option in STATUS_OPTIONS
        for value in params[option] or ()
        if value not in TRAINED_MODEL_STATUSES and not status_name_error(value, TRAINED_MODEL_STATUSES)
    ]
    return [
        "{}: {} is not a status this collection knows ({}); it is used as given, as a status AWS may have added".format(
            option, quoted(value), ", ".join(TRAINED_MODEL_STATUSES)
        )
        for option, value in unknown
    ]


def argument_errors(params, given=None):
    """Value checks the argument spec cannot express; all of them, before any call.

    ``given`` holds the options as the task gave them, before the argument spec filled in
    defaults and converted types (None: not known).
    """
    given = given or {}
    errors = identifier_errors(
        params["trained_model_arn"], params["collaboration_identifier"], params["version_identifier"]
    )
    errors.extend(status_option_errors(params))
    errors.append(integer_range_error("max_concurrency", params["max_concurrency"], *MAX_CONCURRENCY_LIMITS))
    for option, minimum in (("wait_delay", 1), ("wait_timeout", 0)):
        # One bound at a time, so that the message names the one broken ("at least 1", "at most ...").
        value = params[option]
        errors.append(
            integer_range_error(option, value, minimum) or integer_range_error(option, value, maximum=MAX_WAIT_SECONDS)
        )
    if params["wait"] and params["trained_model_arn"] is None:
        # required_if counts an option given as null (an undefined variable's default) as given.
        errors.append("wait requires trained_model_arn: only one trained model can be waited for")
    if params["wait"] and not params["wait_for"]:
        errors.append("wait_for must name at least one status to wait for")
    errors.append(aws_config_error(params["aws_config"]))
    errors.append(endpoint_url_error(params.get("endpoint_url")))
    if any(option in given and given[option] is None for option in ("trained_model_arn", "arn")):
        # An undefined variable's default, most likely: listing the whole collaboration instead would hide it.
        errors.append(
            "trained_model_arn is null: give a trained model ARN, "
            "or leave the option out to list the collaboration's trained models"
        )
    if given.get("name") is not None and not isinstance(given["name"], str):
        # The argument spec would turn it into a string that matches no model.
        errors.append(
            "name must be a trained model's name (a string), got {} {}".format(
                type(given["name"]).__name__, quoted(given["name"])
            )
        )
    return [error for error in errors if error]


def creation_order(summary):
    """Sort key of a summary by createTime (a datetime from botocore); one without comes before every dated one."""
    created = summary.get("createTime")
    if isinstance(created, datetime.datetime):
        return (1, created.timestamp() if created.tzinfo else created.replace(tzinfo=datetime.timezone.utc).timestamp())
    return (0, 0)


class TrainedModelInfo:
    """One run of the module: a client, the parameters, and the warnings to report."""

    def __init__(self, module):
        self.module = module
        self.params = module.params
        self.collaboration = self.params["collaboration_identifier"]
        self.client = module.client(SERVICE_NAME, retry_decorator=retry_decorator())
        self.sent_credentials = sent_credentials(self.client)
        hold_answer_deadlines(self.client)
        parse_timestamps_quickly(self.client)

    def facts(self, response, what, definition=None):
        """snake_case facts of a response, validated as validate_response says."""
        return self.reported(self.converted(response, what, definition))

    def converted(self, response, what, definition=None):
        """(facts, warnings, None), or (None, [], the ResponseValidationError) when strict validation fails.

        Reports nothing, so that worker threads can convert while other answers are awaited;
        reported() then reports each in the main thread, in order.
        """
        try:
            facts, warnings = trained_model_facts(response, self.params["validate_response"], what, definition)
        except ResponseValidationError as error:
            return None, [], error
        return facts, warnings, None

    def reported(self, converted):
        """The facts of a converted() response, once its warnings are recorded; fails the module on its error."""
        facts, warnings, error = converted
        if error is not None:
            self.module.fail_json(msg=str(error), violations=[str(violation) for violation in error.violations])
        for warning in warnings:
            record_warning(warning)
        return facts

    def get(self, arn, version=None, deadline=None):
        """The raw response for one trained model; safe to call from worker threads (errors reach the main one)."""
        return get_collaboration_trained_model(self.client, arn, self.collaboration, version, deadline)

    def result(self):
        """The module's result: one model when an ARN is given, otherwise the collaboration's list."""
        try:
            return self.one_model() if self.params["trained_model_arn"] else self.model_list()
        except AnsibleCleanRoomsMLError as error:
            # The service's message may quote the request's headers; Ansible masks only no_log options.
            self.module.fail_json_aws_error(error.redacted(self.sent_credentials.values))

    def one_model(self):
        arn, version = self.params["trained_model_arn"], self.params["version_identifier"]
        what = f"trained model {arn}"
        if not self.params["wait"]:
            return {"trained_model": self.facts(self.get(arn, version), what)}
        # Retry-After is honoured up to the end of the wait.
        deadline = time.monotonic() + self.params["wait_timeout"]
        try:
            response, polls, seconds = wait_for_status(
                lambda: self.get(arn, version, deadline),
                self.params["wait_for"],
                self.params["wait_timeout"],
                self.params["wait_delay"],
                model_label,
            )
        except WaitError as error:
            self.module.fail_json(
                msg=str(error),
                trained_model=self.facts(error.model, what),
                wait_polls=error.polls,
                wait_seconds=round(error.seconds, 1),
            )
        return {"trained_model": self.facts(response, what), "wait_polls": polls, "wait_seconds": round(seconds, 1)}

    def model_list(self):
        summaries = list_collaboration_trained_models(self.client, self.collaboration)
        name, statuses = self.params["name"], self.params["status"]
        kept = [
            summary
            for summary in summaries
            if (name is None or summary.get("name") == name) and (not statuses or summary.get("status") in statuses)
        ]
        # Newest first, so that trained_models[0] is the latest model; undated ones (a malformed answer) last.
        kept.sort(key=creation_order, reverse=True)
        if not self.params["details"]:
            return {
                "trained_models": [self.facts(summary, model_label(summary), SUMMARY_DEFINITION) for summary in kept]
            }
        for summary in kept:
            if not isinstance(summary.get("trainedModelArn"), str):
                error = UnreadableResponseError(
                    reason="{} summary of {} has no trainedModelArn to describe".format(
                        LIST_OPERATION, quoted(summary.get("name"))
                    )
                )
                raise AnsibleCleanRoomsMLError(
                    message=failure_message(error, LIST_OPERATION, collaboration_identifier=self.collaboration),
                    exception=error,
                )
        # Each answer is converted and validated on the thread that awaited it, while other answers are
        # still on their way, rather than all of them after the last has come (docs/performance.md).
        descriptions = map_concurrently(self.described, kept, self.params["max_concurrency"])
        return {"trained_models": [self.reported(description) for description in descriptions]}

    def described(self, summary):
        """converted() of the description of a listed model; safe to call from worker threads."""
        response = self.get(summary["trainedModelArn"], summary.get("versionIdentifier"))
        return self.converted(response, model_label(response))


def run(module):
    """Check the arguments, call AWS and exit with the facts (never changed)."""
    warnings = wait_option_warnings(module.params)
    module.params.update(with_wait_defaults(module.params))
    # _load_params(): the options as given, which ansible documents for modules that need them.
    errors = argument_errors(module.params, _load_params())
    if errors:
        module.fail_json(msg="; ".join(errors))
    for warning in warnings + status_option_warnings(module.params):
        record_warning(warning)
    if validation_library_missing(module.params["validate_response"]):
        module.fail_json(
            msg=missing_required_lib("jsonschema", reason="to validate responses (or set validate_response=off)")
        )

    module.exit_json(changed=False, **TrainedModelInfo(module).result())

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the lookup cleanroomsml_trained_model_info does once its options are set:
describe each term's trained model, concurrently, and return the facts in term order."""

from typing import Any, List, Optional

from ansible.errors import AnsibleLookupError
from ansible.module_utils.basic import missing_required_lib
from ansible.module_utils.common.collections import is_sequence
from ansible_collections.cleanrooms.ml.plugins.module_utils.answer_deadline import hold_answer_deadlines
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_errors import (
    ACCESS_DENIED_ERROR_CODE,
    NOT_FOUND_ERROR_CODE,
    AnsibleCleanRoomsMLError,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_service import SERVICE_NAME
from ansible_collections.cleanrooms.ml.plugins.module_utils.concurrency import MAX_CONCURRENCY_LIMITS, map_concurrently
from ansible_collections.cleanrooms.ml.plugins.module_utils.connection_checks import endpoint_url_error
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import sent_credentials
from ansible_collections.cleanrooms.ml.plugins.module_utils.timestamp_parsing import parse_timestamps_quickly
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api import (
    get_collaboration_trained_model,
    retry_decorator,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arguments import (
    identifier_errors,
    integer_range_error,
    trained_model_arn_error,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import (
    ResponseValidationError,
    trained_model_facts,
    validation_library_missing,
)
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.client_cache import cached_client
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_field import field_path_error, select_field


class Term:
    """One trained model ARN the lookup was given, and its place among the terms (from 1)."""

    def __init__(self, number, arn):
        self.number = number
        self.arn = arn

    @property
    def label(self):
        """How messages name the term."""
        return f"term {self.number:d}"


def flattened_terms(terms):
    """Terms as Term objects; a list given as one term counts as its items, so lookup(..., arns) works."""
    arns: List[Any] = []
    for term in terms:
        arns.extend(term if is_sequence(term) else [term])
    return [Term(number, arn) for number, arn in enumerate(arns, 1)]


def prepared_client(client):
    """Once per cached client: record its credentials from the first request, bound each answer, read timestamps
    directly (the module's client gets the same in TrainedModelInfo)."""
    sent_credentials(client)
    hold_answer_deadlines(client)
    parse_timestamps_quickly(client)


class _Skipped:
    """A term whose model is missing or denied, with on_missing or on_denied set to warn or skip."""

    def __init__(self, message, warn):
        self.message = message
        self.warn = warn


class TrainedModelLookup:
    """One run of the lookup: its options, a shared client, and the warnings to show."""

    def __init__(self, plugin):
        self.plugin = plugin
        self.collaboration = plugin.get_option("collaboration_identifier")
        self.version = plugin.get_option("version_identifier")
        self.validate_response = plugin.get_option("validate_response")
        self.max_concurrency = plugin.get_option("max_concurrency")
        self.field = plugin.get_option("field")
        self.policies = {
            # The AWS error codes that on_missing and on_denied decide about; any other error fails the lookup.
            NOT_FOUND_ERROR_CODE: plugin.get_option("on_missing"),
            ACCESS_DENIED_ERROR_CODE: plugin.get_option("on_denied"),
        }

    def argument_errors(self, terms):
        """Every problem with the terms and the options that ansible's own checks let through."""
        errors: List[Optional[str]] = []
        # Every term must be an ARN: unlike an unset option, a None term is a mistake too.
        errors.extend(trained_model_arn_error(term.label, term.arn) for term in terms)
        errors.extend(identifier_errors(collaboration_identifier=self.collaboration, version_identifier=self.version))
        errors.append(integer_range_error("max_concurrency", self.max_concurrency, *MAX_CONCURRENCY_LIMITS))
        if self.field is not None:
            errors.append(field_path_error(self.field))
        errors.append(endpoint_url_error(self.plugin.get_option("endpoint_url")))
        if validation_library_missing(self.validate_response):
            errors.append(
                missing_required_lib(
                    "jsonschema",
                    reason=f"for validate_response={self.validate_response} (or set validate_response=off)",
                )
            )
        return [error for error in errors if error]

    def run(self, terms):
        """The facts (or the field) of each term's model, in term order, without the skipped ones."""
        terms = flattened_terms(terms)
        errors = self.argument_errors(terms)
        if errors:
            raise AnsibleLookupError("; ".join(errors))
        if not terms:
            return []
        client = cached_client(self.plugin, SERVICE_NAME, retry_decorator, prepare=prepared_client)
        sent = sent_credentials(client)
        outcomes = map_concurrently(lambda term: self.fetch(client, sent, term), terms, self.max_concurrency)
        results = []
        for term, outcome in zip(terms, outcomes):
            if isinstance(outcome, _Skipped):
                if outcome.warn:
                    self.plugin.warn(f"Skipping {outcome.message}")
                continue
            results.append(self.result(term, outcome))
        return results

    def fetch(self, client, sent, term):
        """The raw response for a term, or _Skipped; runs in worker threads, so it only returns or raises.

        ``sent`` is the client's SentCredentials: the service's message may quote the request's headers.
        """
        try:
            return get_collaboration_trained_model(client, term.arn, self.collaboration, self.version)
        except AnsibleCleanRoomsMLError as error:
            message = self.error_message(term, error.redacted(sent.values))
            policy = self.policies.get(error.code, "error")
            if policy == "error":
                # The message already carries what botocore's exception says.
                raise AnsibleLookupError(message) from None
            return _Skipped(message, warn=policy == "warn")

    def error_message(self, term, error):
        """What failed for a term: the term, the model, and the AWS error code and message (or the botocore error)."""
        failure = error.message
        # The error's message names the model for some errors only; the term's ARN must always be there.
        if term.arn not in failure:
            failure = f"{failure}, for trained model {term.arn}"
        detail = error.exception.response["Error"].get("Message") if error.code else str(error.exception)
        return f"{term.label}: {failure} ({error.code or type(error.exception).__name__}: {detail})"

    def result(self, term, response):
        """A term's snake_case facts, validated as validate_response says, or their field."""
        try:
            facts, warnings = trained_model_facts(
                response, self.validate_response, f"trained model {term.arn} ({term.label})"
            )
        except ResponseValidationError as error:
            raise AnsibleLookupError(str(error)) from error
        for warning in warnings:
            self.plugin.warn(warning)
        return facts if self.field is None else select_field(facts, self.field)

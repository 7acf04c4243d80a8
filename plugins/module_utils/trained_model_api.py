# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Calls to the Clean Rooms ML API shared by the module, the lookup and the event source.

Each raises AnsibleCleanRoomsMLError (cleanroomsml_errors) when the call fails.
"""

import contextlib
import email.utils
import math
import time
from typing import Any, Dict

try:
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:
    BotoCoreError = ClientError = Exception  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_errors import CleanRoomsMLErrorHandler

# SERVICE_NAME is re-exported: benchmarks/event_poll_timer.py imports it from here.
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_service import (  # pylint: disable=unused-import
    GET_OPERATION,
    LIST_OPERATION,
    SERVICE_NAME,  # noqa: F401
)

# Error codes worth another try besides those AWSRetry already knows (Throttling, InternalError...):
# the ones Clean Rooms ML itself answers with.
RETRYABLE_ERROR_CODES = (
    "ThrottlingException",
    "InternalServiceException",
    "InternalServerException",
    "ServiceUnavailableException",
)

_BACKOFF: Dict[str, Any] = {
    "retries": 6,
    "delay": 1,
    "max_delay": 20,
    "catch_extra_error_codes": list(RETRYABLE_ERROR_CODES),
}

# What botocore's response parser raises, instead of an error of its own, on a body of the wrong
# shape: JSON that is not an object (AttributeError, TypeError), a timestamp that is no date
# (ValueError, or RuntimeError for an infinite one).
_PARSER_FAILURES = (AttributeError, TypeError, ValueError, RuntimeError)


class UnreadableResponseError(BotoCoreError):
    """A response that holds no readable trained model: a BotoCoreError, so callers report it as any other."""

    fmt = "unreadable response: {reason}"


# Deeper than any member of the API (a few levels): the facts' conversions recurse, one level at a time.
MAX_NESTING = 64


def _nested_too_deeply(value, limit=MAX_NESTING):
    """True when dicts and lists in value go more than limit levels deep; walked without recursion."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, (list, tuple)):
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in item)
    return False


def _check_readable(document, what):
    """Raise UnreadableResponseError naming the first member the plugins cannot use as the API defines it.

    botocore hands a string member over as whatever JSON value came: the members the
    plugins act on (status, statusDetails) must be what the API says; any member may hold
    anything else, as long as it is not nested beyond MAX_NESTING.
    """
    for member, value in document.items():
        # Most members are strings: only a dict or a list can be nested.
        if isinstance(value, (dict, list, tuple)) and member != "ResponseMetadata" and _nested_too_deeply(value):
            raise UnreadableResponseError(
                reason=f"{what} member {member} is nested more than {MAX_NESTING} levels deep"
            )
    if document.get("status") is not None and not isinstance(document["status"], str):
        raise UnreadableResponseError(
            reason="{} member status is a {}, not a string".format(what, type(document["status"]).__name__)
        )
    details = document.get("statusDetails")
    if details is None:
        return
    if not isinstance(details, dict):
        raise UnreadableResponseError(
            reason=f"{what} member statusDetails is a {type(details).__name__}, not an object"
        )
    for member in ("statusCode", "message"):
        if details.get(member) is not None and not isinstance(details[member], str):
            raise UnreadableResponseError(
                reason=f"{what} member statusDetails.{member} is a {type(details[member]).__name__}, not a string"
            )


# How far a listing goes before it gives up: an endpoint that announces a next page on every
# page would otherwise be paged for ever. A collaboration holds far fewer trained models.
LIST_LIMITS = {"pages": 1000, "items": 100000, "seconds": 900}


class ListingLimitError(BotoCoreError):
    """A listing that went past one of LIST_LIMITS; a BotoCoreError, so callers report it as any other."""

    fmt = "stopped after {reached}, the limit of a listing ({limit}); the endpoint kept announcing more pages"


@contextlib.contextmanager
def _parser_failures_reported():
    """Turn botocore's parser failures on a malformed body into UnreadableResponseError."""
    try:
        yield
    except _PARSER_FAILURES as error:
        raise UnreadableResponseError(reason=f"{type(error).__name__}: {error}") from error


def retry_after_seconds(error):
    """The seconds an error answer's Retry-After header asks to wait (a number or an HTTP date), or None."""
    metadata = (getattr(error, "response", None) or {}).get("ResponseMetadata") or {}
    value = (metadata.get("HTTPHeaders") or {}).get("retry-after")
    if not isinstance(value, str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return seconds if math.isfinite(seconds) and seconds > 0 else None


@contextlib.contextmanager
def _retry_after_honoured(deadline=None):
    """Before an error answer that carries Retry-After goes back to AWSRetry, wait what it asks.

    AWSRetry's own backoff is short and jittered and knows no Retry-After: the wait is added
    to it, but never past ``deadline`` (a time.monotonic() time) nor longer than the backoff's max_delay.
    time.sleep is looked up when it is called, as AWSRetry and botocore do, so that tests can skip it
    (pytest-cleanroomsml's cleanroomsml_no_retry_sleep fixture).
    """
    try:
        yield
    except ClientError as error:
        seconds = retry_after_seconds(error)
        if seconds:
            limit = (
                _BACKOFF["max_delay"] if deadline is None else min(_BACKOFF["max_delay"], deadline - time.monotonic())
            )
            if limit > 0:
                time.sleep(min(seconds, limit))
        raise


def retry_decorator():
    """Jittered exponential backoff on throttling and 5xx answers, for module.client()/self.client()."""
    return AWSRetry.jittered_backoff(**_BACKOFF)


@CleanRoomsMLErrorHandler.common_error_handler(GET_OPERATION)
def get_collaboration_trained_model(
    client, trained_model_arn, collaboration_identifier, version_identifier=None, deadline=None
):
    """Return the raw GetCollaborationTrainedModel response (boto3 types), retrying as the client was built to.

    A Retry-After header of a throttling answer is honoured up to ``deadline`` (a time.monotonic() time).
    """
    request = {"trainedModelArn": trained_model_arn, "collaborationIdentifier": collaboration_identifier}
    if version_identifier:
        request["versionIdentifier"] = version_identifier

    @AWSRetry.jittered_backoff(**_BACKOFF)
    def get_once():
        with _retry_after_honoured(deadline):
            return client.get_collaboration_trained_model(**request)

    with _parser_failures_reported():
        response = get_once()
    # botocore reads a body it cannot parse as JSON (cut short, an HTML page) as an empty response.
    if set(response) <= {"ResponseMetadata"}:
        raise UnreadableResponseError(reason="no trained model in the body (empty, cut short or not JSON)")
    _check_readable(response, GET_OPERATION)
    return response


@CleanRoomsMLErrorHandler.common_error_handler(LIST_OPERATION)
def list_collaboration_trained_models(client, collaboration_identifier, clock=time.monotonic):
    """Every trained model summary of a collaboration, through botocore's paginator (all pages).

    Paginators bypass the client's aws_retry wrapper, so the whole listing is retried
    instead, as amazon.aws does for its own paginated calls. A listing longer than
    LIST_LIMITS (pages, summaries or seconds) raises ListingLimitError.
    """

    @AWSRetry.jittered_backoff(**_BACKOFF)
    def list_all():
        started = clock()
        summaries = []
        paginator = client.get_paginator("list_collaboration_trained_models")
        with _retry_after_honoured(started + LIST_LIMITS["seconds"]):
            for number, page in enumerate(paginator.paginate(collaborationIdentifier=collaboration_identifier), 1):
                summaries.extend(_page_summaries(page, number))
                if page.get("nextToken"):
                    _check_listing_limits(number, len(summaries), clock() - started)
        return summaries

    with _parser_failures_reported():
        return list_all()


def _page_summaries(page, number):
    """The trained model summaries of a list page, each checked as _check_readable does."""
    summaries = page.get("collaborationTrainedModels")
    what = f"{LIST_OPERATION} page {number}"
    if not isinstance(summaries, list) or not all(isinstance(summary, dict) for summary in summaries):
        raise UnreadableResponseError(reason=f"{what} has no collaborationTrainedModels list of objects")
    for summary in summaries:
        _check_readable(summary, what + " collaborationTrainedModels item")
    return summaries


def _check_listing_limits(pages, items, seconds):
    """Raise ListingLimitError when a listing with another page to come has reached one of LIST_LIMITS."""
    if pages >= LIST_LIMITS["pages"]:
        raise ListingLimitError(reached=f"{pages} pages", limit=f"{int(LIST_LIMITS['pages'])} pages")
    if items >= LIST_LIMITS["items"]:
        raise ListingLimitError(reached=f"{items} trained models", limit=f"{int(LIST_LIMITS['items'])} trained models")
    if seconds >= LIST_LIMITS["seconds"]:
        raise ListingLimitError(reached=f"{seconds:.0f} seconds", limit=f"{int(LIST_LIMITS['seconds'])} seconds")

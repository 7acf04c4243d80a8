# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the event source cleanrooms.ml.trained_model_status does: poll a collaboration's
trained models and put one event on ansible-rulebook's queue per change of status or version.

Each poll lists the collaboration's models once (all pages) and fetches only those whose
summary changed, with the same calls and the same facts as the module. A poll that fails for
a passing reason (throttling, a 5xx answer, the network) is logged and tried again after a
jittered exponential backoff; what was not reported is found again by the next poll, so no
change is lost and none is reported twice. Blocking boto3 calls run on daemon threads, so
that cancelling the source returns at once instead of waiting for a call to finish.
"""

import asyncio
import contextlib
import logging
import random
import threading

try:
    from botocore.exceptions import ClientError, HTTPClientError
    from botocore.exceptions import ConnectionError as BotoConnectionError
except ImportError:
    pass  # botocore is a requirement of the collection; the source cannot run without it

from ansible_collections.amazon.aws.plugins.module_utils.retries import AWSRetry
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_errors import (
    NOT_FOUND_ERROR_CODE,
    AnsibleCleanRoomsMLError,
    error_code,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_service import SERVICE_NAME
from ansible_collections.cleanrooms.ml.plugins.module_utils.concurrency import DEFAULT_MAX_CONCURRENCY, map_concurrently
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import (
    SentCredentials,
    sent_credentials,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api import (
    RETRYABLE_ERROR_CODES,
    UnreadableResponseError,
    get_collaboration_trained_model,
    list_collaboration_trained_models,
)
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import (
    ResponseValidationError,
    trained_model_facts,
)
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.event_source_client import (
    EventSourceClientError,
    event_source_client,
)
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_changes import Observed, ObservedModels
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_options import (
    SOURCE_NAME,
    SourceArgumentError,
    source_options,
)

LOGGER = logging.getLogger(SOURCE_NAME)

# The first retry of a failed poll comes after about this many seconds, each next one after twice
# as long, never later than a regular poll would.
FIRST_BACKOFF = 1.0


class TrainedModelStatusError(RuntimeError):
    """A failure no retry can mend (access denied, unknown collaboration...): it ends the source."""


def is_transient(failure):
    """True for a failed call (AnsibleCleanRoomsMLError) that may pass: throttling, a 5xx answer, the network..."""
    error = failure.exception
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        code = error_code(error)
        return AWSRetry.found(code, RETRYABLE_ERROR_CODES) or status == 429 or status >= 500
    return isinstance(error, (BotoConnectionError, HTTPClientError, UnreadableResponseError))


def _settle(future, outcome, value):
    if not future.cancelled():
        getattr(future, outcome)(value)


async def run_in_daemon_thread(function, *args):
    """function(*args) on a daemon thread: awaiting it can be cancelled at once, and an
    abandoned call never keeps the process from exiting (asyncio.to_thread's threads would)."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def call():
        try:
            outcome, value = "set_result", function(*args)
        except BaseException as error:  # pylint: disable=broad-except  # handed to the awaiting coroutine
            outcome, value = "set_exception", error
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody awaits the result any more
            loop.call_soon_threadsafe(_settle, future, outcome, value)

    threading.Thread(target=call, name=f"{SOURCE_NAME} call", daemon=True).start()
    return await future


class TrainedModelStatusPoller:
    """Polls one collaboration and puts events on a queue; ``sleep`` is injectable for tests.

    ``sent`` is the client's SentCredentials: the service's messages may quote the request's
    headers, so what is logged or raised is redacted of them.
    """

    def __init__(self, options, client, sleep=asyncio.sleep, jitter=random.random, sent=None):
        self.options = options
        self.client = client
        self.sent_credentials = sent or SentCredentials()
        self.sleep = sleep
        self.jitter = jitter
        self.observed = ObservedModels()
        self.listed_once = False
        self.failed_polls = 0

    async def run(self, queue):
        """Poll until cancelled; only a TrainedModelStatusError ends it otherwise."""
        collaboration = self.options.collaboration_identifier
        LOGGER.info(
            "%s: watching the trained models of collaboration %s every %s s",
            SOURCE_NAME,
            collaboration,
            self.options.delay,
        )
        try:
            while True:
                try:
                    await self.poll(queue)
                except AnsibleCleanRoomsMLError as error:
                    if not is_transient(error):
                        raise self.fatal(error) from None
                    self.failed_polls += 1
                    wait = self.backoff()
                    LOGGER.warning(
                        "%s: a poll of collaboration %s failed, %d in a row (%s); trying again in %.3g s",
                        SOURCE_NAME,
                        collaboration,
                        self.failed_polls,
                        error.redacted(self.sent_credentials.values).exception,
                        wait,
                    )
                    await self.sleep(wait)
                    continue
                self.failed_polls = 0
                await self.sleep(self.options.delay)
        except asyncio.CancelledError:
            LOGGER.info("%s: stopped watching collaboration %s", SOURCE_NAME, collaboration)
            raise

    def backoff(self):
        """Seconds before the next try after self.failed_polls failed polls: jittered, doubling, at most the delay."""
        ceiling = min(self.options.delay, FIRST_BACKOFF * 2 ** min(self.failed_polls - 1, 30))
        return ceiling * (0.5 + self.jitter() / 2)

    async def poll(self, queue):
        """One listing, one description per changed model, one event per change to report."""
        summaries = await run_in_daemon_thread(self.list_models)
        if not self.listed_once:
            self.warn_about_unlisted_models(summaries)
        to_fetch = []
        for change in self.observed.changes(summaries):
            if not self.options.watches(change.trained_model_arn):
                continue
            baseline = not self.listed_once and not self.options.emit_initial
            if baseline or not self.options.reports(change.current.status):
                # Not reported, but seen: a later change starts from here.
                self.observed.record(change.trained_model_arn, change.current)
            else:
                to_fetch.append(change)
        self.listed_once = True
        if not to_fetch:
            return  # most polls: nothing changed, nothing to fetch
        outcomes = await run_in_daemon_thread(self.fetch_models, to_fetch)
        transient = None
        for change, outcome in zip(to_fetch, outcomes):
            if isinstance(outcome, AnsibleCleanRoomsMLError):
                transient = transient or self.failed_fetch(outcome)
                continue
            event = self.event(change, outcome)
            if event is not None:
                await queue.put(event)
                LOGGER.debug(
                    "%s: %s went from %s to %s",
                    SOURCE_NAME,
                    change.trained_model_arn,
                    event["previous_status"],
                    event["status"],
                )
        if transient is not None:
            raise transient  # the models not fetched are fetched by the next try

    def warn_about_unlisted_models(self, summaries):
        """Name the trained_model_arns the first listing lacks: a typo, or a model not created yet."""
        listed = {summary.get("trainedModelArn") for summary in summaries}
        for arn in sorted((self.options.trained_model_arns or frozenset()) - listed):
            LOGGER.warning(
                "%s: trained model %s is not in collaboration %s (yet): its changes are reported once it is listed",
                SOURCE_NAME,
                arn,
                self.options.collaboration_identifier,
            )

    def list_models(self):
        return list_collaboration_trained_models(self.client, self.options.collaboration_identifier)

    def fetch_models(self, changes):
        """The GetCollaborationTrainedModel response of each change's model, or the error (AnsibleCleanRoomsMLError)."""

        def fetch(change):
            try:
                return get_collaboration_trained_model(
                    self.client, change.trained_model_arn, self.options.collaboration_identifier
                )
            except AnsibleCleanRoomsMLError as error:
                return error

        return map_concurrently(fetch, changes, DEFAULT_MAX_CONCURRENCY)

    def failed_fetch(self, error):
        """Log or raise a failed GetCollaborationTrainedModel; returns it when the poll should be tried again."""
        if is_transient(error):
            return error
        if error.code == NOT_FOUND_ERROR_CODE:
            # Listed, then gone: the next listing tells whether it is still there.
            LOGGER.warning("%s: %s; its change is not reported", SOURCE_NAME, error.message)
            return None
        raise self.fatal(error)

    def fatal(self, error):
        """The TrainedModelStatusError that ends the source for a failed call, the service's message redacted."""
        return TrainedModelStatusError(f"{SOURCE_NAME}: {error.redacted(self.sent_credentials.values)}")

    def event(self, change, response):
        """The event for a change, or None when the description shows nothing to report; records what was seen."""
        current = Observed.of(response)
        if current == change.previous:
            return None  # the listing ran ahead of the description: the next poll looks again
        if not self.options.reports(current.status):
            self.observed.record(change.trained_model_arn, current)
            return None
        try:
            facts, warnings = trained_model_facts(
                response, self.options.validate_response, f"trained model {change.trained_model_arn}"
            )
        except ResponseValidationError as error:
            LOGGER.error("%s: %s; its change is not reported", SOURCE_NAME, error)
            return None
        for warning in warnings:
            LOGGER.warning("%s: %s", SOURCE_NAME, warning)
        self.observed.record(change.trained_model_arn, current)
        return {
            "trained_model": facts,
            "previous_status": change.previous_status,
            "status": facts.get("status"),
            "collaboration_identifier": self.options.collaboration_identifier,
        }


async def run_source(queue, args, sleep=asyncio.sleep):
    """The source's main(queue, args): check the arguments and build the client (no call yet), then poll."""
    options = source_options(args)
    try:
        client = event_source_client(SERVICE_NAME, options.connection)
    except EventSourceClientError as error:
        raise SourceArgumentError(f"{SOURCE_NAME}: {error}") from None
    await TrainedModelStatusPoller(options, client, sleep, sent=sent_credentials(client)).run(queue)

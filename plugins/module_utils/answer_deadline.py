# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A deadline on each request's whole answer, which botocore's timeouts alone do not give.

botocore's read_timeout bounds each read of the socket, not the answer: an endpoint (or
a proxy) that sends a byte every few seconds keeps a request, and the task, alive for
ever. ``hold_answer_deadlines(client)`` wraps the client's HTTP session, so that each
request is sent on a worker thread, which connects, sends and reads the whole answer,
and waited for at most connect_timeout + read_timeout seconds. (A before-send handler
cannot do it: botocore calls every one, also after a test's stub has answered.) Past that,
the attempt ends with botocore's own ReadTimeoutError, so botocore's retries and the callers'
messages treat it as any read timeout; the worker is abandoned (a daemon thread, left to the dying connection).
"""

import threading
import weakref
from typing import Any

try:
    from botocore.exceptions import ReadTimeoutError
except ImportError:
    ReadTimeoutError = None  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

_clients: "weakref.WeakSet[Any]" = weakref.WeakSet()
_clients_lock = threading.Lock()


def answer_seconds(config):
    """How long one attempt may take, from connecting to the answer's last byte."""
    return (config.connect_timeout or 0) + (config.read_timeout or 0)


class _DeadlineSession:
    """botocore's HTTP session, whose send() returns the whole answer within the deadline or raises ReadTimeoutError."""

    def __init__(self, http_session, seconds):
        self.http_session = http_session
        self.seconds = seconds

    def __getattr__(self, name):
        return getattr(self.http_session, name)

    def send(self, request):
        outcome = {}

        def send():
            try:
                response = self.http_session.send(request)
                # Reading the property loads the whole body, inside the deadline.
                response.content  # noqa: B018  # pylint: disable=pointless-statement
                outcome["response"] = response
            except Exception as error:  # pylint: disable=broad-except  # raised again on the caller's thread
                outcome["error"] = error

        worker = threading.Thread(target=send, name="cleanroomsml-request", daemon=True)
        worker.start()
        worker.join(self.seconds)
        if worker.is_alive():
            raise ReadTimeoutError(
                endpoint_url=request.url, error=f"no complete answer within {self.seconds:g} seconds"
            )
        if "error" in outcome:
            raise outcome["error"]
        return outcome["response"]


def hold_answer_deadlines(client):
    """Bound every answer of a botocore client (or amazon.aws's retrying wrapper of one), once per client."""
    with _clients_lock:
        if client in _clients:
            return
        _clients.add(client)
    # botocore's Endpoint sends through its http_session attribute (botocore's own tests replace it too).
    endpoint = getattr(client, "_endpoint", None)
    http_session = getattr(endpoint, "http_session", None)
    if endpoint is None or not hasattr(http_session, "send") or isinstance(http_session, _DeadlineSession):
        return
    endpoint.http_session = _DeadlineSession(http_session, answer_seconds(client.meta.config))

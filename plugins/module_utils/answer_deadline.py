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

The workers are kept and reused: starting a thread for each request cost more than the
request itself (1 to 2 ms against about 1 ms on a busy machine, docs/performance.md), while
handing a request to a waiting worker costs some tens of microseconds.
"""

import os
import queue
import threading
import weakref
from typing import Any, List

try:
    from botocore.exceptions import ReadTimeoutError
except ImportError:
    ReadTimeoutError = None  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

_clients: "weakref.WeakSet[Any]" = weakref.WeakSet()
_clients_lock = threading.Lock()


def answer_seconds(config):
    """How long one attempt may take, from connecting to the answer's last byte."""
    return (config.connect_timeout or 0) + (config.read_timeout or 0)


class _Exchange:
    """One request handed to a worker: what to send, and the answer (or error) once the worker has it all."""

    def __init__(self, http_session, request):
        self.http_session = http_session
        self.request = request
        self.response = None
        self.error = None
        # Released by the worker when the answer is complete; the caller waits on it with the deadline.
        self.done = threading.Lock()
        self.done.acquire()  # pylint: disable=consider-using-with  # released by the worker, not here

    def run(self):
        try:
            response = self.http_session.send(self.request)
            # Reading the property loads the whole body, inside the deadline.
            response.content  # noqa: B018  # pylint: disable=pointless-statement
            self.response = response
        except Exception as error:  # pylint: disable=broad-except  # raised again on the caller's thread
            self.error = error
        self.done.release()


class _WorkerPool:
    """Daemon threads that send requests, each waiting for its next one once it has answered the last."""

    def __init__(self):
        self.reset()

    def reset(self):
        """Forget every worker: a forked child has none of its parent's threads, and its lock may be held."""
        self._lock = threading.Lock()
        self._idle: List[queue.SimpleQueue[_Exchange]] = []

    def hand_over(self, exchange):
        """Give ``exchange`` to an idle worker, or to a new one when all are busy (or abandoned)."""
        with self._lock:
            inbox = self._idle.pop() if self._idle else None
        if inbox is None:
            inbox = queue.SimpleQueue()
            threading.Thread(target=self._work, args=(inbox,), name="cleanroomsml-request", daemon=True).start()
        inbox.put(exchange)

    def _work(self, inbox):
        while True:
            inbox.get().run()
            # A worker whose caller gave up comes back too, if its connection ever ends.
            with self._lock:
                self._idle.append(inbox)


_WORKERS = _WorkerPool()
# Ansible forks a worker process per task, and a lookup may run in the parent before.
os.register_at_fork(after_in_child=_WORKERS.reset)


class _DeadlineSession:
    """botocore's HTTP session, whose send() returns the whole answer within the deadline or raises ReadTimeoutError."""

    def __init__(self, http_session, seconds):
        self.http_session = http_session
        self.seconds = seconds

    def __getattr__(self, name):
        return getattr(self.http_session, name)

    def send(self, request):
        exchange = _Exchange(self.http_session, request)
        _WORKERS.hand_over(exchange)
        if not exchange.done.acquire(timeout=self.seconds):  # pylint: disable=consider-using-with
            raise ReadTimeoutError(
                endpoint_url=request.url, error=f"no complete answer within {self.seconds:g} seconds"
            )
        if exchange.error is not None:
            raise exchange.error
        return exchange.response


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

"""A raw HTTP endpoint on 127.0.0.1 for the transport faults moto cannot make.

Each connection gets the next reply of a script (the last one repeats): an HTTP answer
written byte for byte, a reset, a cut-short body, or silence. Everything is bounded: the
server accepts at most MAX_CONNECTIONS connections and holds a silent one at most
HOLD_SECONDS, so that a client that does hang fails its test instead of the whole run.
"""

import contextlib
import json
import socket
import struct
import threading
import time

MAX_CONNECTIONS = 64
HOLD_SECONDS = 30.0
# How long one read of the request may take; requests are small and local.
READ_SECONDS = 5.0


class Reply:
    """How to answer one connection; subclasses write to the socket (or deliberately do not)."""

    def answer(self, connection, stop):
        raise NotImplementedError

    def answer_request(self, connection, stop, head):
        """Answer a request whose head (request line and headers, bytes) was read; most replies ignore it."""
        self.answer(connection, stop)


class HttpReply(Reply):
    """A complete HTTP response; ``declared_length`` larger than the body makes it end too soon."""

    def __init__(self, status, body=b"", headers=None, declared_length=None):
        self.status = status
        self.body = body if isinstance(body, bytes) else body.encode("utf-8")
        self.headers = dict({"Content-Type": "application/json"}, **(headers or {}))
        self.declared_length = len(self.body) if declared_length is None else declared_length

    def answer(self, connection, stop):
        head = [f"HTTP/1.1 {self.status} Scripted", f"Content-Length: {self.declared_length}", "Connection: close"]
        head.extend("{}: {}".format(*item) for item in self.headers.items())
        connection.sendall(("\r\n".join(head) + "\r\n\r\n").encode("ascii") + self.body)


class Reset(Reply):
    """Close with an RST instead of a response, as a dropped or overloaded load balancer does."""

    def answer(self, connection, stop):
        # SO_LINGER with a zero timeout makes close() send RST rather than FIN.
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class Silence(Reply):
    """Accept the request and never answer: the client must give up by its own read timeout."""

    def answer(self, connection, stop):
        stop.wait(HOLD_SECONDS)


class SlowDrip(Reply):
    """A 200 answer whose body comes a byte every ``interval`` seconds: each read succeeds, the answer never ends."""

    def __init__(self, interval=0.5):
        self.interval = interval

    def answer(self, connection, stop):
        head = (
            "HTTP/1.1 200 Scripted\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 1000000\r\n"
            "Connection: close\r\n\r\n{"
        )
        connection.sendall(head.encode("ascii"))
        deadline = time.monotonic() + HOLD_SECONDS
        while not stop.wait(self.interval) and time.monotonic() < deadline:
            connection.sendall(b" ")


def json_reply(status, document, **options):
    """An HttpReply whose body is ``document`` as JSON, datetimes as ISO 8601 (a str is sent as it is, for broken
    JSON).
    """
    body = document if isinstance(document, str) else json.dumps(document, default=lambda value: value.isoformat())
    return HttpReply(status, body, **options)


def aws_error(status, code, message="scripted error", headers=None):
    """An HttpReply as AWS's REST-JSON services word an error."""
    return json_reply(status, {"message": message}, headers=dict({"x-amzn-ErrorType": code}, **(headers or {})))


class EndlessPages(Reply):
    """A list page of ``items`` copies of ``summary`` that announces a next page with a new token every time, after
    ``delay`` seconds.
    """

    def __init__(self, summary, items=1, delay=0.0):
        self.summary = summary
        self.items = items
        self.delay = delay
        self.pages = 0

    def answer(self, connection, stop):
        self.pages += 1
        stop.wait(self.delay)
        page = {"collaborationTrainedModels": [self.summary] * self.items, "nextToken": f"page-{self.pages}"}
        json_reply(200, page).answer(connection, stop)


class EchoHeaders(Reply):
    """An AWS error whose message, and a response header, quote the request's headers, as a careless proxy or endpoint
    may.
    """

    def __init__(self, status, code):
        self.status = status
        self.code = code

    def answer_request(self, connection, stop, head):
        lines = head.decode("latin-1").split("\r\n")[1:]
        headers = dict(line.split(": ", 1) for line in lines if ": " in line)
        message = "refused {!r}; raw: {}".format(headers, " | ".join(lines))
        echoed = {"X-Echoed-Token": headers.get("X-Amz-Security-Token", "none")}
        aws_error(self.status, self.code, message, echoed).answer(connection, stop)


class ScriptedEndpoint:
    """Serves the script on a thread; use as a context manager, which yields it with its ``url``."""

    def __init__(self, *replies):
        if not replies:
            raise ValueError("a script needs at least one reply")
        self.replies = list(replies)
        self.connections = 0
        self.accepted_at = []  # time.monotonic() of each connection
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)  # so that the accept loop notices stop
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, name="scripted-endpoint", daemon=True)
        self._handlers = []

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join(HOLD_SECONDS)
        for handler in self._handlers:
            handler.join(HOLD_SECONDS)
        self._listener.close()

    def _serve(self):
        while not self._stop.is_set() and self.connections < MAX_CONNECTIONS:
            try:
                connection, _address = self._listener.accept()
            except socket.timeout:
                continue
            reply = self.replies[min(self.connections, len(self.replies) - 1)]
            self.accepted_at.append(time.monotonic())
            self.connections += 1
            # One thread per connection, so that a silent one does not block the next.
            handler = threading.Thread(target=self._answer, args=(connection, reply), daemon=True)
            handler.start()
            self._handlers.append(handler)

    def _answer(self, connection, reply):
        with connection:
            connection.settimeout(READ_SECONDS)
            with contextlib.suppress(OSError):
                head = _read_request(connection)
                reply.answer_request(connection, self._stop, head)


def _read_request(connection):
    """Read one request (headers and body), so that the client never sees a reset while still sending; return its
    head.
    """
    data = b""
    deadline = time.monotonic() + READ_SECONDS
    while b"\r\n\r\n" not in data and time.monotonic() < deadline:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _separator, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _colon, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length and time.monotonic() < deadline:
        chunk = connection.recv(65536)
        if not chunk:
            return head
        body += chunk
    return head


def unused_port():
    """A loopback port nothing listens on (bound, then closed), for connection refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

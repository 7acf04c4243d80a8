"""hold_answer_deadlines: the whole answer within the deadline, on worker threads that are reused."""

import os
import threading
from types import SimpleNamespace

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import answer_deadline
from botocore.exceptions import ReadTimeoutError


class Answer:
    """What botocore's HTTP session returns: the body is read through the content property."""

    def __init__(self, body, reads):
        self.body = body
        self.reads = reads

    @property
    def content(self):
        self.reads.append(threading.current_thread())
        return self.body


class ScriptedSession:
    """An HTTP session whose send() answers at once, or blocks until released (an answer that never ends)."""

    def __init__(self):
        self.reads = []
        self.release = threading.Event()
        self.hold = False

    def send(self, request):
        if self.hold:
            self.release.wait(10)
        if request.name == "fail":
            raise ConnectionError("refused")
        return Answer(f"answer to {request.name}", self.reads)


def request(name):
    """A request as the session sees it: the deadline's error names its URL."""
    return SimpleNamespace(name=name, url=f"https://cleanrooms-ml.example/{name}")


@pytest.fixture(name="session")
def fixture_session():
    session = ScriptedSession()
    yield session
    session.release.set()  # lets an abandoned worker end


def test_the_answer_is_read_whole_on_a_worker_thread(session):
    answer = answer_deadline._DeadlineSession(session, 5).send(request("get"))
    assert answer.body == "answer to get"
    assert [thread.name for thread in session.reads] == ["cleanroomsml-request"]


def test_requests_one_after_another_reuse_one_worker(session):
    deadline_session = answer_deadline._DeadlineSession(session, 5)
    for number in range(50):
        assert deadline_session.send(request(number)).body == f"answer to {number}"
    assert len(session.reads) == 50
    (worker,) = set(session.reads)
    assert worker.is_alive()  # waiting for the next request


def test_an_error_of_the_send_is_raised_on_the_callers_thread(session):
    with pytest.raises(ConnectionError, match="refused"):
        answer_deadline._DeadlineSession(session, 5).send(request("fail"))


def test_an_answer_past_the_deadline_is_a_read_timeout_and_the_next_request_gets_another_worker(session):
    deadline_session = answer_deadline._DeadlineSession(session, 0.2)
    session.hold = True
    with pytest.raises(ReadTimeoutError, match=r"Read timeout on endpoint URL.*/held"):
        deadline_session.send(request("held"))
    session.hold = False
    # The abandoned worker is still held; the next request must not wait for it.
    assert answer_deadline._DeadlineSession(session, 5).send(request("next")).body == "answer to next"


def test_a_forked_child_starts_workers_of_its_own(session):
    deadline_session = answer_deadline._DeadlineSession(session, 5)
    deadline_session.send(request("in the parent"))
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover  # the child reports through the pipe
        try:
            body = deadline_session.send(request("in the child")).body
            os.write(write_end, body.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    status = os.waitpid(child, 0)[1]
    with os.fdopen(read_end) as report:
        assert report.read() == "answer to in the child"
    assert os.waitstatus_to_exitcode(status) == 0

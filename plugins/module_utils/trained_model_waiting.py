# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Wait for a trained model to reach a status, failing early when it never can.

Plain Python with no Ansible import, because the pytest plugin ships a verbatim copy
of this file (written by ``make schema``) for its wait_for_trained_model fixture.
"""

from __future__ import annotations  # annotations stay unevaluated on the managed hosts' older Pythons

import time

# The trained model lifecycle, written once: each step is (status, the status that follows,
# what moves it there). A step is moved by an operation (its API name), by the service once
# the status's work is done (STEP_DONE), or by the service failing that work (STEP_FAILED).
# Per the API reference, DeleteTrainedModelOutput "deletes the model artifacts stored by the
# service": only an ACTIVE model has any, and the model ends INACTIVE. The fake of the pytest
# plugin takes its transitions from this table; waiting gives up as soon as no wanted status is
# reachable from the current one, so this table is the only place that knows which are final.
STATUS_ON_CREATE = "CREATE_PENDING"  # what CreateTrainedModel starts with
STEP_DONE = "done"
STEP_FAILED = "failed"
LIFECYCLE = (
    ("CREATE_PENDING", "CREATE_IN_PROGRESS", STEP_DONE),
    ("CREATE_PENDING", "CREATE_FAILED", STEP_FAILED),
    ("CREATE_PENDING", "CANCEL_PENDING", "CancelTrainedModel"),
    ("CREATE_IN_PROGRESS", "ACTIVE", STEP_DONE),
    ("CREATE_IN_PROGRESS", "CREATE_FAILED", STEP_FAILED),
    ("CREATE_IN_PROGRESS", "CANCEL_PENDING", "CancelTrainedModel"),
    ("ACTIVE", "DELETE_PENDING", "DeleteTrainedModelOutput"),
    ("CANCEL_PENDING", "CANCEL_IN_PROGRESS", STEP_DONE),
    ("CANCEL_PENDING", "CANCEL_FAILED", STEP_FAILED),
    ("CANCEL_IN_PROGRESS", "INACTIVE", STEP_DONE),
    ("CANCEL_IN_PROGRESS", "CANCEL_FAILED", STEP_FAILED),
    ("DELETE_PENDING", "DELETE_IN_PROGRESS", STEP_DONE),
    ("DELETE_PENDING", "DELETE_FAILED", STEP_FAILED),
    ("DELETE_IN_PROGRESS", "INACTIVE", STEP_DONE),
    ("DELETE_IN_PROGRESS", "DELETE_FAILED", STEP_FAILED),
)
FINAL_STATUSES = ("CREATE_FAILED", "CANCEL_FAILED", "DELETE_FAILED", "INACTIVE")

# Which status can follow which, whatever moves it.
NEXT_STATUSES = {
    status: tuple(following for current, following, cause in LIFECYCLE if current == status)
    for status in dict.fromkeys([step[0] for step in LIFECYCLE] + list(FINAL_STATUSES))
}


def statuses_moved_by(cause: str) -> dict[str, str]:
    """{status: the status that follows} for the steps ``cause`` (an operation or STEP_DONE) moves."""
    return {current: following for current, following, moved_by in LIFECYCLE if moved_by == cause}


def reachable_statuses(status):
    """Every status a model in ``status`` can still reach, itself included.

    An unknown status (one AWS may add) is assumed able to reach anything, so waiting
    goes on until the timeout rather than failing on a status it does not understand.
    """
    if status not in NEXT_STATUSES:
        return set(NEXT_STATUSES) | {status}
    reached, frontier = {status}, [status]
    while frontier:
        for following in NEXT_STATUSES[frontier.pop()]:
            if following not in reached:
                reached.add(following)
                frontier.append(following)
    return reached


def can_still_reach(status, wanted):
    """Whether a model in ``status`` may still reach one of the ``wanted`` statuses.

    A wanted status the table does not know (one AWS may add) may follow any status, so
    waiting for it goes on until the timeout.
    """
    if any(status_wanted not in NEXT_STATUSES for status_wanted in wanted):
        return True
    return bool(reachable_statuses(status) & set(wanted))


def seconds_text(seconds):
    """Seconds for messages, to a tenth: '0.3', '2', '1800.5'."""
    return f"{round(seconds, 1):g}"


class WaitError(Exception):
    """Waiting ended without the wanted status; ``model`` is the last description seen."""

    def __init__(self, message, model, polls, seconds):
        super().__init__(message)
        self.model = model
        self.polls = polls
        self.seconds = seconds


class StatusUnreachableError(WaitError):
    """The model reached a status from which no wanted status can follow."""


class WaitTimeoutError(WaitError):
    """The timeout passed before the model reached a wanted status."""


def status_details_text(model):
    details = model.get("statusDetails") or model.get("status_details") or {}
    code = details.get("statusCode") or details.get("status_code")
    message = details.get("message")
    return ": ".join(part for part in (code, message) if part)


def wait_for_status(fetch, wanted, timeout, delay, label="trained model", clock=time.monotonic, sleep=time.sleep):
    """Call ``fetch()`` every ``delay`` seconds until the model's status is in ``wanted``.

    ``fetch`` returns the model as a dict with a "status" (camelCase or snake_case
    description). Returns (model, polls, seconds waited). Raises StatusUnreachableError
    at once when no wanted status can follow the current one, and WaitTimeoutError when
    ``timeout`` seconds pass; both name the model (``label``, a string or a function
    of the last model seen), the last status and its details.
    """
    wanted = tuple(wanted)
    started = clock()
    deadline = started + timeout
    polls = 0
    while True:
        model = fetch()
        polls += 1
        status = model.get("status")
        elapsed = clock() - started
        if status in wanted:
            return model, polls, elapsed
        what = label(model) if callable(label) else label
        if not can_still_reach(status, wanted):
            details = status_details_text(model)
            raise StatusUnreachableError(
                "{} is {}{}, from which {} can no longer be reached".format(
                    what, status, f" ({details})" if details else "", " or ".join(wanted)
                ),
                model,
                polls,
                elapsed,
            )
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitTimeoutError(
                f"{what} is still {status} after waiting {seconds_text(elapsed)} seconds ({polls:d} polls) for "
                + " or ".join(wanted),
                model,
                polls,
                elapsed,
            )
        # Never sleep past the deadline: the last poll happens at the timeout, not after it.
        sleep(min(delay, remaining))

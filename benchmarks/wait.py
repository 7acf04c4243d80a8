"""wait: a task waiting (wait_delay 1) for a model that turns ACTIVE some seconds after the task starts.

The model's change is scheduled when the callback reports the task's start. The task
should return soon after the change and poll no more than it must.
"""

import time

from benchmarks.fake_service import served_models
from benchmarks.figures import AtMost, LaterBy, Quantity, Row
from benchmarks.prerendered_service import fake_client
from benchmarks.timed_playbook import run_timed_play

NAME = "wait"
SIZES = {"full": {"change_after": 3.0, "rounds": 2}, "tiny": {"change_after": 1.0, "rounds": 1}}
GET_OPERATION = "GetCollaborationTrainedModel"


def _wait_round(served, change_after):
    """(seconds from the task's start to its result, polls the fake received) for one waiting task."""
    arn = served.arns[0]
    served.fake.set_status(arn, "CREATE_IN_PROGRESS")
    _read_once(served)  # set_status's after counts from the first read: from here on, from the call
    calls_before = len(served.fake.calls)

    def schedule_change(name, started):
        served.fake.set_status(arn, "ACTIVE", after=max(0.0, started + change_after - time.perf_counter()))

    task = {
        "name": "wait for ACTIVE",
        "cleanrooms.ml.cleanroomsml_trained_model_info": {
            "trained_model_arn": arn,
            "collaboration_identifier": served.collaboration,
            "endpoint_url": "{{ cleanroomsml_endpoint_url }}",
            "wait": True,
            "wait_delay": 1,
            "wait_timeout": 60,
        },
    }
    (timed,) = run_timed_play([task], served.endpoint_url, on_task_start=schedule_change)
    polls = sum(1 for operation, params in served.fake.calls[calls_before:] if operation == GET_OPERATION)
    return timed.seconds, polls


def _read_once(served):
    fake_client(served.endpoint_url).get_collaboration_trained_model(
        trainedModelArn=served.arns[0], collaborationIdentifier=served.collaboration
    )


def run(change_after, rounds):
    with served_models(1, status="CREATE_IN_PROGRESS") as served:
        outcomes = [_wait_round(served, change_after) for number in range(rounds)]
    returned = max(seconds for seconds, polls in outcomes)
    return [
        Row(
            NAME + ": return after the change",
            Quantity(
                returned,
                "s",
                f"the waiting task's time from its start to its result, slowest of {rounds} rounds",
                [seconds for seconds, polls in outcomes],
            ),
            Quantity(change_after, "s", "when the model turned ACTIVE, counted from the task's start"),
            LaterBy(1.5, "s"),
        ),
        Row(
            NAME + ": polls",
            Quantity(
                max(polls for seconds, polls in outcomes),
                "polls",
                f"GetCollaborationTrainedModel calls the fake received, most of {rounds} rounds",
                [polls for seconds, polls in outcomes],
            ),
            goal=AtMost(5, "polls"),
        ),
    ]

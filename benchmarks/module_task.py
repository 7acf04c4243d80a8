"""module-task: one task of our module against one task of amazon.aws.aws_caller_info, alternating in one play.

Ours calls the fake's server; aws_caller_info calls a plain moto server of its own (STS and
IAM), since the fake's server answers Clean Rooms ML only. Both are timed by the
task-times callback. A task's time is mostly the module's start-up, which
is mostly its imports.
"""

from benchmarks.fake_service import moto_server, served_models
from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.timed_playbook import run_timed_play

NAME = "module-task"
SIZES = {"full": {"tasks_each": 20}, "tiny": {"tasks_each": 1}}
GOAL = RatioAtMost(1.10)


def our_task(name, served):
    arguments = {
        "trained_model_arn": served.arns[0],
        "collaboration_identifier": served.collaboration,
        "endpoint_url": "{{ cleanroomsml_endpoint_url }}",
    }
    return {"name": name, "cleanrooms.ml.cleanroomsml_trained_model_info": arguments}


def _peer_task(name, endpoint_url):
    return {"name": name, "amazon.aws.aws_caller_info": {"endpoint_url": endpoint_url}}


def run(tasks_each):
    with served_models(1) as served, moto_server() as peer_url:
        # The first task of each module also builds its payload, which later tasks reuse.
        tasks = [our_task("warm-up ours", served), _peer_task("warm-up peer", peer_url)]
        for number in range(tasks_each):
            pair = [our_task(f"ours {number}", served), _peer_task(f"peer {number}", peer_url)]
            tasks.extend(pair if number % 2 == 0 else reversed(pair))
        times = run_timed_play(tasks, served.endpoint_url)
    seconds = {task.name: task.seconds for task in times}

    def median_of(side, what):
        return Quantity.median_of(
            [seconds[f"{side} {number}"] for number in range(tasks_each)],
            "s",
            f"{what}; median of {tasks_each} tasks",
        )

    return [
        Row(
            NAME,
            median_of("ours", "a cleanroomsml_trained_model_info task getting one model"),
            median_of("peer", "an amazon.aws.aws_caller_info task, alternating with ours in the same play"),
            GOAL,
        )
    ]

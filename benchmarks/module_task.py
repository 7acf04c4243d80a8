"""module-task: one task of our module against one task of amazon.aws.aws_caller_info, alternating in one play.

Both call the fake's server (aws_caller_info reaches moto's STS and IAM there) and are
timed by the task-times callback. A task's time is mostly the module's start-up, which
is mostly its imports.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import Quantity
from benchmarks.figures import RatioAtMost
from benchmarks.figures import Row
from benchmarks.timed_playbook import run_timed_play

NAME = "module-task"
SIZES = {"full": {"tasks_each": 20}, "tiny": {"tasks_each": 1}}
GOAL = RatioAtMost(1.10)


def our_task(name, served):
    arguments = {"trained_model_arn": served.arns[0], "collaboration_identifier": served.collaboration, "endpoint_url": "{{ cleanroomsml_endpoint_url }}"}
    return {"name": name, "cleanrooms.ml.cleanroomsml_trained_model_info": arguments}


def _peer_task(name):
    return {"name": name, "amazon.aws.aws_caller_info": {"endpoint_url": "{{ cleanroomsml_endpoint_url }}"}}


def run(tasks_each):
    with served_models(1) as served:
        # The first task of each module also builds its payload, which later tasks reuse.
        tasks = [our_task("warm-up ours", served), _peer_task("warm-up peer")]
        for number in range(tasks_each):
            pair = [our_task("ours %d" % number, served), _peer_task("peer %d" % number)]
            tasks.extend(pair if number % 2 == 0 else reversed(pair))
        times = run_timed_play(tasks, served.endpoint_url)
    seconds = dict((task.name, task.seconds) for task in times)

    def median_of(side, what):
        return Quantity.median_of([seconds["%s %d" % (side, number)] for number in range(tasks_each)], "s", "%s; median of %d tasks" % (what, tasks_each))

    return [
        Row(
            NAME,
            median_of("ours", "a cleanroomsml_trained_model_info task getting one model"),
            median_of("peer", "an amazon.aws.aws_caller_info task, alternating with ours in the same play"),
            GOAL,
        )
    ]

"""module-task: one task of our module against one task of amazon.aws.aws_caller_info, alternating in one play.

Ours calls the fake's server; aws_caller_info calls a plain moto server of its own (STS and
IAM), since the fake's server answers Clean Rooms ML only. Both are timed by the
task-times callback. A task's time is mostly the module's start-up, which
is mostly its imports.
"""

from benchmarks.fake_service import moto_server, served_models
from benchmarks.figures import RatioAtMost, Row
from benchmarks.timed_playbook import alternating_tasks, median_task_seconds, task_seconds

NAME = "module-task"
SIZES = {"full": {"tasks_each": 20}, "tiny": {"tasks_each": 1}}
GOAL = RatioAtMost(1.10)
OUR_TASK = "a cleanroomsml_trained_model_info task getting one model"


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
        tasks = alternating_tasks(
            lambda number: [our_task(f"ours {number}", served)],
            lambda number: [_peer_task(f"peer {number}", peer_url)],
            tasks_each,
        )
        seconds = task_seconds(tasks, served.endpoint_url)
    return [
        Row(
            NAME,
            median_task_seconds(seconds, "ours", tasks_each, OUR_TASK),
            median_task_seconds(
                seconds,
                "peer",
                tasks_each,
                "an amazon.aws.aws_caller_info task, alternating with ours in the same play",
            ),
            GOAL,
        )
    ]

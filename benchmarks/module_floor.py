"""module-floor: a task of our module against a bare module doing the same call, alternating in one play.

The bare module (benchmarks/library/cleanroomsml_bare_get.py) is what any module task pays:
AnsiballZ, AnsibleModule, a boto3 import and one GetCollaborationTrainedModel call; no
amazon.aws, no argument checks, no validation, no conversion. Our task over it is what the
collection adds.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import RatioAtMost, Row
from benchmarks.module_task import OUR_TASK, our_task
from benchmarks.timed_playbook import alternating_tasks, median_task_seconds, task_seconds

NAME = "module-floor"
SIZES = {"full": {"tasks_each": 20}, "tiny": {"tasks_each": 1}}
GOAL = RatioAtMost(1.15)
BARE_TASK = "a bare module's task (AnsiballZ, boto3, one call, nothing else)"


def bare_task(name, served):
    """A task of the bare module getting the first of ``served``'s models."""
    arguments = {
        "trained_model_arn": served.arns[0],
        "collaboration_identifier": served.collaboration,
        "endpoint_url": "{{ cleanroomsml_endpoint_url }}",
    }
    return {"name": name, "cleanroomsml_bare_get": arguments}


def run(tasks_each):
    with served_models(1) as served:
        tasks = alternating_tasks(
            lambda number: [our_task(f"ours {number}", served)],
            lambda number: [bare_task(f"bare {number}", served)],
            tasks_each,
        )
        seconds = task_seconds(tasks, served.endpoint_url)
    return [
        Row(
            NAME,
            median_task_seconds(seconds, "ours", tasks_each, OUR_TASK),
            median_task_seconds(
                seconds,
                "bare",
                tasks_each,
                BARE_TASK + ", alternating with ours in the same play",
            ),
            GOAL,
        )
    ]

"""module-floor: a task of our module against a bare module doing the same call, alternating in one play.

The bare module (benchmarks/library/cleanroomsml_bare_get.py) is what any module task pays:
AnsiballZ, AnsibleModule, a boto3 import and one GetCollaborationTrainedModel call; no
amazon.aws, no argument checks, no validation, no conversion. Our task over it is what the
collection adds.
"""

from benchmarks.fake_service import served_models
from benchmarks.figures import Quantity, RatioAtMost, Row
from benchmarks.module_task import our_task
from benchmarks.timed_playbook import run_timed_play

NAME = "module-floor"
SIZES = {"full": {"tasks_each": 20}, "tiny": {"tasks_each": 1}}
GOAL = RatioAtMost(1.15)


def _bare_task(name, served):
    arguments = {
        "trained_model_arn": served.arns[0],
        "collaboration_identifier": served.collaboration,
        "endpoint_url": "{{ cleanroomsml_endpoint_url }}",
    }
    return {"name": name, "cleanroomsml_bare_get": arguments}


def run(tasks_each):
    with served_models(1) as served:
        # The first task of each module also builds its payload, which later tasks reuse.
        tasks = [our_task("warm-up ours", served), _bare_task("warm-up bare", served)]
        for number in range(tasks_each):
            pair = [our_task(f"ours {number}", served), _bare_task(f"bare {number}", served)]
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
            median_of(
                "bare",
                "a bare module's task (AnsiballZ, boto3, one call, nothing else), "
                "alternating with ours in the same play",
            ),
            GOAL,
        )
    ]

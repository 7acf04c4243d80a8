"""vs-aws-cli: what users do today without this collection, the AWS CLI (v1, from PyPI) against the same endpoint.

- vs-aws-cli-module: a task of our module against `ansible.builtin.command: aws cleanroomsml
  get-collaboration-trained-model ...` followed by a set_fact of its output through from_json,
  alternating in one play; the CLI's figure is the two tasks' times added. Its "(floor)" row
  sets module-floor's bare module (AnsiballZ, boto3 and one call) in the same play against the
  CLI: no module task that imports boto3 can beat that ratio, so it shows what the goal leaves.
- vs-aws-cli-lookup: a template calling our lookup once per model against one calling
  `lookup('pipe', 'aws cleanroomsml ...') | from_json`, in one Ansible process
  (benchmarks/lookup_timer.py), per call. Our lookup's cached client is built during the
  warm-up; the CLI starts a new process, Python and botocore on every call.

Both against the fake's server, which answers the two sides the same.
"""

from benchmarks.aws_cli import get_model_argv
from benchmarks.fake_service import served_models
from benchmarks.figures import FasterBy, Quantity, Row
from benchmarks.lookup_timing import time_lookup_workloads
from benchmarks.module_floor import BARE_TASK, bare_task
from benchmarks.module_task import OUR_TASK, our_task
from benchmarks.timed_playbook import alternating_tasks, median_task_seconds, task_seconds

NAME = "vs-aws-cli"
SIZES = {
    "full": {"tasks_each": 10, "lookup_calls": 20, "cli_calls": 5, "rounds": 3},
    "tiny": {"tasks_each": 1, "lookup_calls": 2, "cli_calls": 1, "rounds": 1},
}
GOAL = FasterBy(2)


def _cli_tasks(number, served):
    command = {
        "name": f"cli {number}",
        "ansible.builtin.command": {
            "argv": get_model_argv(served.arns[0], served.collaboration, "{{ cleanroomsml_endpoint_url }}")
        },
        "register": "cli_answer",
        "changed_when": False,
    }
    parse = {
        "name": f"cli json {number}",
        "ansible.builtin.set_fact": {"cli_model": "{{ cli_answer.stdout | from_json }}"},
    }
    return [command, parse]


def _module_rows(served, tasks_each):
    tasks = alternating_tasks(
        lambda number: [our_task(f"ours {number}", served), bare_task(f"bare {number}", served)],
        lambda number: _cli_tasks(number, served),
        tasks_each,
    )
    seconds = task_seconds(tasks, served.endpoint_url)
    ours = median_task_seconds(seconds, "ours", tasks_each, OUR_TASK)
    bare = median_task_seconds(seconds, "bare", tasks_each, BARE_TASK + ", in the same play")
    cli = Quantity.median_of(
        [seconds[f"cli {number}"] + seconds[f"cli json {number}"] for number in range(tasks_each)],
        "s",
        "a command task running `aws cleanroomsml get-collaboration-trained-model`, "
        "plus a set_fact task parsing its output with from_json; "
        f"median of {tasks_each} pairs of tasks, alternating with ours in the same play",
    )
    return [Row(NAME + "-module", ours, cli, GOAL), Row(NAME + "-module (floor)", bare, cli)]


def _lookup_row(served, lookup_calls, cli_calls, rounds):
    workloads = [
        {"name": "lookup", "kind": "lookup_per_model", "calls": lookup_calls},
        {
            "name": "aws cli",
            "kind": "pipe_aws_cli",
            "calls": cli_calls,
            "command": get_model_argv("ARN", served.collaboration, served.endpoint_url),
        },
    ]
    samples = time_lookup_workloads(served, workloads, rounds)

    def per_call(name, calls, what):
        return Quantity.median_of(
            samples[name],
            "ms/call",
            f"{what}; median of {rounds} rounds of {calls} calls",
            scale=1000.0 / calls,
        )

    return Row(
        NAME + "-lookup",
        per_call("lookup", lookup_calls, "a Templar rendering a for-loop with one lookup of ours per model"),
        per_call(
            "aws cli",
            cli_calls,
            "the same loop with lookup('pipe', 'aws cleanroomsml get-collaboration-trained-model ...') | from_json",
        ),
        GOAL,
    )


def run(tasks_each, lookup_calls, cli_calls, rounds):
    with served_models(max(lookup_calls, cli_calls)) as served:
        return [*_module_rows(served, tasks_each), _lookup_row(served, lookup_calls, cli_calls, rounds)]

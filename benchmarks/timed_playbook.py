"""Run one play against the fake with ansible-playbook, and learn when each of its tasks started and ended.

The times come from callback_plugins/cleanroomsml_task_times.py, loaded from beside the
generated playbook. A task's time runs from its start to its result in the controller:
the worker fork, the module payload, the module's run and the result's return, but not
ansible-playbook's own start-up.
"""

import json
import tempfile
import threading
from pathlib import Path

import yaml
from fake_playbook import run_playbook

from benchmarks.figures import Quantity

CALLBACK_PLUGINS = Path(__file__).resolve().parent / "callback_plugins"
LIBRARY = Path(__file__).resolve().parent / "library"  # modules of the benchmarks' own, found beside the playbook
TIMES_FILE = "task_times.jsonl"  # the callback's output, beside the playbook


class TaskTime:
    """One task of the play: its name, when it started and ended (perf_counter seconds), and how it ended."""

    def __init__(self, name, started, ended, status):
        self.name = name
        self.started = started
        self.ended = ended
        self.status = status

    @property
    def seconds(self):
        return self.ended - self.started


def _events(path):
    """The callback's complete lines so far (a line still being written is left for later)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    return [json.loads(line) for line in lines]


def _task_times(events):
    starts = {event["uuid"]: event for event in events if event["event"] == "start"}
    return [
        TaskTime(event["task"], starts[event["uuid"]]["time"], event["time"], event["status"])
        for event in events
        if event["event"] == "end"
    ]


def run_timed_play(tasks, endpoint_url, on_task_start=None):
    """Run ``tasks`` (Ansible task dicts) in one play on localhost; return their TaskTimes in order.

    ``on_task_start(name, started)`` is called, while the play runs, as each task starts.
    The play gets the fake's URL as ``cleanroomsml_endpoint_url``. Raises RuntimeError
    with ansible-playbook's output when the play fails.
    """
    play = {
        "name": "cleanrooms.ml benchmark",
        "hosts": "localhost",
        "connection": "local",
        "gather_facts": False,
        "vars": {"ansible_python_interpreter": "{{ ansible_playbook_python }}"},
        "tasks": tasks,
    }
    with tempfile.TemporaryDirectory(prefix="cleanroomsml-bench-") as directory:
        directory = Path(directory)
        (directory / "callback_plugins").symlink_to(CALLBACK_PLUGINS)
        (directory / "library").symlink_to(LIBRARY)
        playbook = directory / "play.yml"
        playbook.write_text(yaml.safe_dump([play], sort_keys=False), encoding="utf-8")
        outcome = {}
        runner = threading.Thread(
            target=lambda: outcome.update(result=run_playbook(playbook, endpoint_url, capture=True))
        )
        runner.start()
        announced = 0
        # Ends with the play, which ends on its own: every task the benchmarks run has a timeout.
        while runner.is_alive():
            runner.join(0.01)
            starts = [event for event in _events(directory / TIMES_FILE) if event["event"] == "start"]
            for event in starts[announced:]:
                if on_task_start is not None:
                    on_task_start(event["task"], event["time"])
            announced = len(starts)
        result = outcome["result"]
        if result.returncode != 0:
            raise RuntimeError(
                f"ansible-playbook failed (rc={result.returncode}):\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
            )
        return _task_times(_events(directory / TIMES_FILE))


def alternating_tasks(first, second, rounds, warm_up=True):
    """The tasks of a play comparing two kinds of task: ``rounds`` pairs, their order swapped every round so
    that neither always runs first. ``first(number)`` and ``second(number)`` give a round's tasks (a list).

    ``warm_up`` puts a round -1 of each first: a module's first task also builds its payload, which later
    tasks reuse.
    """
    tasks = [*first(-1), *second(-1)] if warm_up else []
    for number in range(rounds):
        pair = [first(number), second(number)]
        for group in pair if number % 2 == 0 else reversed(pair):
            tasks.extend(group)
    return tasks


def task_seconds(tasks, endpoint_url):
    """{task name: seconds} of a play of ``tasks`` run against ``endpoint_url``."""
    return {task.name: task.seconds for task in run_timed_play(tasks, endpoint_url)}


def median_task_seconds(seconds, side, tasks_each, what):
    """The median time of the tasks ``"{side} 0"`` to ``"{side} {tasks_each - 1}"`` as a Quantity."""
    return Quantity.median_of(
        [seconds[f"{side} {number}"] for number in range(tasks_each)], "s", f"{what}; median of {tasks_each} tasks"
    )

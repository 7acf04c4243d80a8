# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: cleanroomsml_task_times
type: aggregate
short_description: Record when each task starts and ends, for the cleanrooms.ml benchmarks
description:
  - Appends one JSON line per event to C(task_times.jsonl) beside the playbook, as it happens, so that
    a benchmark can follow a running play.
  - Loaded from the benchmark's generated playbook directory only, so it needs no enabling.
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase

TIMES_FILE = "task_times.jsonl"


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "cleanroomsml_task_times"
    CALLBACK_NEEDS_ENABLED = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._path = None

    def v2_playbook_on_start(self, playbook):
        self._path = os.path.join(playbook._basedir, TIMES_FILE)

    def _record(self, event, task, status=None):
        # On Linux perf_counter reads CLOCK_MONOTONIC, one clock for every process of the
        # machine: the benchmark compares these times with its own.
        line = {
            "event": event,
            "time": time.perf_counter(),
            "task": task.get_name(),
            "uuid": task._uuid,
            "status": status,
        }
        with open(self._path, "a", encoding="utf-8") as output:
            output.write(json.dumps(line) + "\n")

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._record("start", task)

    def v2_runner_on_ok(self, result):
        self._record("end", result._task, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record("end", result._task, "failed")

    def v2_runner_on_skipped(self, result):
        self._record("end", result._task, "skipped")

    def v2_runner_on_unreachable(self, result):
        self._record("end", result._task, "unreachable")

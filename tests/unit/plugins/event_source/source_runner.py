"""Drive the event source's main(queue, args) against the in-process fake, loaded by path as ansible-rulebook loads
it.
"""

import asyncio
import contextlib
import importlib
import runpy
from pathlib import Path

SOURCE_FILE = (
    Path(__file__).resolve().parents[4] / "extensions" / "eda" / "plugins" / "event_source" / "trained_model_status.py"
)
SOURCE_MAIN = runpy.run_path(str(SOURCE_FILE))["main"]

# Short enough that a test takes a few polls in a fraction of a second.
TEST_DELAY = 0.02


def collection_module(name):
    """A module of the collection, as the source imports it when main() runs.

    Looked up when a test runs, not when it is collected: the lookup tests' conftest imports
    the collection again through Ansible's loader, and the source then gets the new modules.
    """
    return importlib.import_module("ansible_collections.cleanrooms.ml.plugins." + name)


def operations(fake, name):
    return [call for call in fake.calls if call[0] == name]


async def until(condition, timeout=5.0):
    """Wait (on the event loop) until condition() is true."""

    async def poll():
        while not condition():
            await asyncio.sleep(0.005)

    await asyncio.wait_for(poll(), timeout)


def poll_starts(fake):
    """How many polls the fake has seen begin: listings of a first page (no nextToken)."""
    return sum(1 for params in operations(fake, "ListCollaborationTrainedModels") if not params[1].get("nextToken"))


async def polls(fake, count):
    """Wait until the source has made ``count`` more whole polls (so until the next one starts)."""
    target = poll_starts(fake) + count + 1
    await until(lambda: poll_starts(fake) >= target)


def drained(queue):
    events = []
    while not queue.empty():
        events.append(queue.get_nowait())
    return events


def watch(args, scenario, timeout=15.0):
    """Run main(queue, args) as a task while ``await scenario(queue, task)`` runs; cancel it after.

    Returns the scenario's result.
    """

    async def body():
        queue = asyncio.Queue()
        task = asyncio.create_task(SOURCE_MAIN(queue, dict({"delay": TEST_DELAY}, **args)))
        try:
            return await asyncio.wait_for(scenario(queue, task), timeout)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return asyncio.run(body())

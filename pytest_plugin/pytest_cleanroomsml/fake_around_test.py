"""What the cleanroomsml_fake fixture does around each test: seed the fake before it, and after it
fail the test that left fail_next failures no request met (as pytest-httpx does for unused responses).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

import pytest

from .fake_markers import ALLOW_UNUSED_FAULTS, allows_unused_faults, marked_models

if TYPE_CHECKING:
    from .fake import CleanRoomsMLFake
    from .fake.request_hooks import UnusedFailure

# Whether the test's own call passed: when it failed or was skipped, it may have stopped before it used
# its failures, and its report already says what went wrong.
CALL_PASSED = pytest.StashKey[bool]()


def seed_for_test(fake: CleanRoomsMLFake, item: pytest.Item, seed_file_models: dict[str, Any] | None) -> None:
    """Add the seed file's models (parsed once per session), then those of the test's cleanroomsml_models marks.

    A mark's bad argument fails the test's setup, naming the marker and the test, before anything is added.
    """
    # Here: the plugin imports this module at start-up (CALL_PASSED), and the seed's checks need moto.
    from .fake.seed import SeedError, apply_seed

    try:
        documents = marked_models(item)
    except SeedError as error:
        failure = str(error)
    else:
        for document in [seed_file_models, *documents]:
            if document is not None:
                # A copy: the fake keeps the nested values it is given, and the seed file's serve every test.
                apply_seed(fake, copy.deepcopy(document))
        return
    # Failed outside the except block, so that the report shows the message alone.
    pytest.fail(failure, pytrace=False)


def check_failures_used(unused: list[UnusedFailure], item: pytest.Item) -> None:
    """Fail the test that passed (an error at its teardown) when it left failures queued, unless it may."""
    if not unused or allows_unused_faults(item) or not item.stash.get(CALL_PASSED, False):
        return
    listed = ", ".join(f"{failure.operation} {failure.error_code} ({failure.times} left)" for failure in unused)
    pytest.fail(
        f"cleanroomsml_fake.fail_next queued failures that no request met: {listed}. The code under test made "
        f"fewer calls than the test expected; a test that queues more than it needs can say so with "
        f"@pytest.mark.{ALLOW_UNUSED_FAULTS}",
        pytrace=False,
    )

"""pytest entry point (group pytest11): fixtures for code that calls AWS Clean Rooms ML."""

from __future__ import annotations

from typing import Iterator

import pytest

from .fake import CleanRoomsMLFake


@pytest.fixture
def cleanroomsml_fake() -> Iterator[CleanRoomsMLFake]:
    """A CleanRoomsMLFake with its in-process mock active for the test, reset after it."""
    fake = CleanRoomsMLFake()
    fake.reset()
    with fake.mock():
        yield fake
    fake.reset()


@pytest.fixture(scope="session")
def _cleanroomsml_http_endpoint() -> Iterator[str]:
    # One HTTP server per session: it serves moto's state, which cleanroomsml_fake resets per test.
    with CleanRoomsMLFake().server() as endpoint_url:
        yield endpoint_url


@pytest.fixture
def cleanroomsml_server(cleanroomsml_fake: CleanRoomsMLFake, _cleanroomsml_http_endpoint: str) -> str:
    """The fake's endpoint URL over HTTP, for subprocesses; it shares state with cleanroomsml_fake."""
    return _cleanroomsml_http_endpoint

"""The plugin's settings: command-line options, their ini equivalents, and which one wins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

DEFAULT_REGION = "us-east-1"


@dataclass(frozen=True)
class CleanRoomsMLSettings:
    """How this test run reaches Clean Rooms ML (the cleanroomsml_settings fixture)."""

    live: bool
    """True: real AWS through the standard credential chain; False: the offline fake."""
    region: str
    """The Region of clients, and of the fake's trained models."""
    endpoint_url: str | None
    """Where live clients send requests; None for the Region's AWS endpoint."""


def add_options(parser: pytest.Parser) -> None:
    """Add the "cleanroomsml" option group and, for each option, an ini setting of the same name."""
    group = parser.getgroup("cleanroomsml", "AWS Clean Rooms ML (pytest-cleanroomsml)")
    # Options default to None, which means "not given": the ini setting then decides.
    group.addoption(
        "--cleanroomsml-live", dest="cleanroomsml_live", action="store_true", default=None,
        help="run against real AWS (standard credential chain) instead of the offline fake; "
        "tests that need the fake are skipped (ini: cleanroomsml_live)",
    )
    group.addoption(
        "--cleanroomsml-region", dest="cleanroomsml_region", metavar="REGION", default=None,
        help=f"Region of clients and of the fake (default {DEFAULT_REGION}; ini: cleanroomsml_region)",
    )
    group.addoption(
        "--cleanroomsml-endpoint-url", dest="cleanroomsml_endpoint_url", metavar="URL", default=None,
        help="endpoint URL of live clients (ini: cleanroomsml_endpoint_url)",
    )
    parser.addini("cleanroomsml_live", "as --cleanroomsml-live: run against real AWS instead of the offline fake", type="bool", default=False)
    parser.addini("cleanroomsml_region", f"as --cleanroomsml-region: Region of clients and of the fake (default {DEFAULT_REGION})", default=DEFAULT_REGION)
    parser.addini("cleanroomsml_endpoint_url", "as --cleanroomsml-endpoint-url: endpoint URL of live clients", default="")


def read_settings(config: pytest.Config) -> CleanRoomsMLSettings:
    """The settings of this run: each from the command line when given there, else from the ini file."""
    return CleanRoomsMLSettings(
        live=bool(_setting(config, "cleanroomsml_live")),
        region=_setting(config, "cleanroomsml_region"),
        endpoint_url=_setting(config, "cleanroomsml_endpoint_url") or None,
    )


def _setting(config: pytest.Config, name: str) -> Any:
    value = config.getoption(name)
    return config.getini(name) if value is None else value

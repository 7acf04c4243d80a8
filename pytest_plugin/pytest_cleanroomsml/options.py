"""The plugin's settings: command-line options, their ini equivalents, and which one wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ._shared.quoted_values import quoted
from .fake.regions import REGIONS

DEFAULT_REGION = "us-east-1"
# The shape of an AWS Region name (us-east-1, us-gov-west-1): live runs may name one the fake does not serve.
REGION_NAME = re.compile(r"[a-z]{2}(-[a-z]+)+-[0-9]+")


@dataclass(frozen=True)
class CleanRoomsMLSettings:
    """How this test run reaches Clean Rooms ML (the cleanroomsml_settings fixture)."""

    live: bool
    """True: real AWS through the standard credential chain; False: the offline fake."""
    region: str
    """The Region of clients, and of the fake's trained models."""
    endpoint_url: str | None
    """Where live clients send requests; None for the Region's AWS endpoint."""
    seed_file: Path | None = None
    """The seed file loaded into the fake for every test (an absolute path), or None."""


def add_options(parser: pytest.Parser) -> None:
    """Add the "cleanroomsml" option group and, for each option, an ini setting of the same name."""
    group = parser.getgroup("cleanroomsml", "AWS Clean Rooms ML (pytest-cleanroomsml)")
    # Options default to None, which means "not given": the ini setting then decides.
    group.addoption(
        "--cleanroomsml-live",
        dest="cleanroomsml_live",
        action="store_true",
        default=None,
        help="run against real AWS (standard credential chain) instead of the offline fake; "
        "tests that need the fake are skipped (ini: cleanroomsml_live)",
    )
    group.addoption(
        "--cleanroomsml-region",
        dest="cleanroomsml_region",
        metavar="REGION",
        default=None,
        help=f"Region of clients and of the fake (default {DEFAULT_REGION}; ini: cleanroomsml_region)",
    )
    group.addoption(
        "--cleanroomsml-endpoint-url",
        dest="cleanroomsml_endpoint_url",
        metavar="URL",
        default=None,
        help="endpoint URL of live clients (ini: cleanroomsml_endpoint_url)",
    )
    group.addoption(
        "--cleanroomsml-seed",
        dest="cleanroomsml_seed",
        metavar="FILE",
        default=None,
        help="seed file (YAML or JSON, as cleanroomsml-fake --seed takes) whose trained models the fake holds "
        "at the start of every test (ini: cleanroomsml_seed, relative to the ini file's directory)",
    )
    parser.addini(
        "cleanroomsml_live",
        "as --cleanroomsml-live: run against real AWS instead of the offline fake",
        type="bool",
        default=False,
    )
    parser.addini(
        "cleanroomsml_region",
        f"as --cleanroomsml-region: Region of clients and of the fake (default {DEFAULT_REGION})",
        default=DEFAULT_REGION,
    )
    parser.addini(
        "cleanroomsml_endpoint_url", "as --cleanroomsml-endpoint-url: endpoint URL of live clients", default=""
    )
    parser.addini(
        "cleanroomsml_seed",
        "as --cleanroomsml-seed: seed file of the fake's trained models for every test, relative to the ini file",
        default="",
    )


def read_settings(config: pytest.Config) -> CleanRoomsMLSettings:
    """The settings of this run: each from the command line when given there, else from the ini file.

    Raises pytest.UsageError naming the setting and where it was given, for a value that
    cannot be used: once at start-up (pytest_configure), rather than in every test's setup.
    """
    live = _live(config)
    region = _setting(config, "cleanroomsml_region")
    problem = _region_problem(region, live)
    if problem:
        raise pytest.UsageError(f"{_source(config, 'cleanroomsml_region')}: {quoted(region)} {problem}")
    return CleanRoomsMLSettings(
        live=live,
        region=region,
        endpoint_url=_setting(config, "cleanroomsml_endpoint_url") or None,
        seed_file=_seed_file(config),
    )


def read_seed(config: pytest.Config, settings: CleanRoomsMLSettings) -> dict[str, Any] | None:
    """The checked seed document of settings.seed_file, or None without one.

    Raises pytest.UsageError naming the setting, where it was given and what is wrong with the file.
    """
    if settings.seed_file is None:
        return None
    # Here rather than at the top: checking a seed needs moto and jsonschema, which a run without one never imports.
    from .fake.seed import SeedError, load_seed

    try:
        return load_seed(settings.seed_file)
    except SeedError as error:
        raise pytest.UsageError(f"{_source(config, 'cleanroomsml_seed')}: {error}") from None


def _seed_file(config: pytest.Config) -> Path | None:
    """The seed file's absolute path: a relative one counts from the ini file's directory when the ini file
    gave it, else from the directory pytest was started in.
    """
    value = _setting(config, "cleanroomsml_seed")
    if not value:
        return None
    given_in_ini_file = _given_in(config, "cleanroomsml_seed") == "ini"
    base = config.inipath.parent if given_in_ini_file and config.inipath else config.invocation_params.dir
    return base / Path(value).expanduser()


def _live(config: pytest.Config) -> bool:
    try:
        return bool(_setting(config, "cleanroomsml_live"))
    except (pytest.UsageError, ValueError) as error:
        # pytest's own message ("invalid truth value 'maybe'") names neither the setting nor its file.
        raise pytest.UsageError(f"{_source(config, 'cleanroomsml_live')}: {error}; use true or false") from None


def _region_problem(region: str, live: bool) -> str | None:
    """Why the Region cannot be used, or None. Offline it must be one the fake serves; live, one of any shape AWS gives
    them.
    """
    if live:
        return None if REGION_NAME.fullmatch(region) else "is not a Region name (such as us-east-1)"
    if region in REGIONS:
        return None
    return f"is not a Region where the fake offers Clean Rooms ML; use one of: {', '.join(REGIONS)}"


def _given_in(config: pytest.Config, name: str) -> str:
    """Where a setting was given: "option" (its command-line option), "-o" or "ini" (the ini file, or nowhere)."""
    if config.getoption(name) is not None:
        return "option"
    if any(override.split("=", 1)[0].strip() == name for override in config.option.override_ini or ()):
        return "-o"
    return "ini"


def _source(config: pytest.Config, name: str) -> str:
    """Where a setting was given, in words: the command-line option, -o, or the ini file."""
    given_in = _given_in(config, name)
    if given_in == "option":
        return f"--{name.replace('_', '-')} (command line)"
    if given_in == "-o":
        return f"{name} (command line, -o)"
    return f"{name} (ini file {config.inipath})" if config.inipath else name


def _setting(config: pytest.Config, name: str) -> Any:
    value = config.getoption(name)
    return config.getini(name) if value is None else value

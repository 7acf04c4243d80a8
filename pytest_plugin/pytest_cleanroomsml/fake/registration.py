"""Make moto serve this backend; moto offers no public way to add one.

Both moto's in-process mock (``mock_aws``) and its server (``ThreadedMotoServer``)
route a request in three steps, and this module hooks into each of them:

1. the URL matches a pattern in ``moto.backend_index.backend_url_patterns``, which
   names the service (ours go first, to spare every request some 180 other patterns);
2. ``moto.backends.get_backend(service)`` imports ``moto.<service>`` and takes its
   ``<service>_backends``: this package is put into ``sys.modules`` under that name;
3. the backend finds its ``url_paths`` in the ``urls`` module next to its ``models``
   module (``BaseBackend`` replaces ``models`` in its module name).

The response class also overrides ``BaseResponse`` methods that moto calls on each
request; were they renamed, the overrides would silently stop applying.

``CleanRoomsMLFake.mock()`` answers through an instance of moto's botocore handler,
``BotocoreStubber``, that it switches on and off with its ``enabled`` flag, and that its
first use connects to a handler of ours in ``botocore.handlers.BUILTIN_HANDLERS``, which
botocore gives every new Session (see in_process.py and botocore_handler.py). The response
class answers the operations it serves itself, on both ways, through ``BaseResponse``
methods for account, Region and parameters, and leaves other requests to
``BaseResponse.dispatch``; in-process, it skips moto's handler unless moto's request
recorder is on (see responses.py and in_process.py). The fake's reset empties the lists
moto's ``BaseModel`` keeps of every instance (``instances_tracked``), as moto's own reset
does. docs/fake.md gives the figure that each of these reaches pays for.

If the installed moto is outside the range pytest-cleanroomsml declares, or a moto upgrade
changes any of these, ``register()`` fails with a RuntimeError that names the moto version
and the internal, rather than letting requests fail later in obscure ways.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import importlib.util
import inspect
import re
import sys
import threading
from typing import Any

from .._shared.cleanroomsml_service import SERVICE_NAME

MOTO_MODULE_NAME = f"moto.{SERVICE_NAME}"
DISTRIBUTION = "pytest-cleanroomsml"

_lock = threading.Lock()


@functools.cache
def ensure_registered() -> None:
    """``register()``, until it has once succeeded: nothing it sets up or checks changes afterwards."""
    register()


def register() -> None:
    """Register the Clean Rooms ML backend with moto. Safe to call any number of times."""
    from . import urls
    from .models import cleanroomsml_backends

    with _lock:
        patterns = _backend_url_patterns()
        _claim_moto_module_name()
        if not any(service == SERVICE_NAME for service, dummy in patterns):
            # First: routing tries the patterns in order, and ours match no other service's URL.
            patterns[:0] = [(SERVICE_NAME, re.compile(base)) for base in urls.url_bases]
        _check_get_backend_finds(cleanroomsml_backends)
        _check_backend_finds_url_paths(urls.url_paths)
        _check_base_response_calls("_get_action", "parse_parameters", "call_action")
        # What the fake's own answers ask of moto's response class and recorder.
        _check_base_response_calls(
            "dispatch", "get_region_from_url", "get_access_key", "get_current_account", "_enrich_response"
        )
        _check_declared_moto_version()
        _check_recorder_switch()
        _check_in_process_handler()
        _check_tracked_instances()


def _fail(internal: str, problem: str) -> RuntimeError:
    import moto

    return RuntimeError(
        f"The Clean Rooms ML fake cannot register with moto {moto.__version__}: "
        f"{internal} {problem}. It relies on moto internals; install the moto "
        f"version pytest-cleanroomsml declares."
    )


def _backend_url_patterns() -> list[tuple[str, re.Pattern[str]]]:
    try:
        from moto.backend_index import backend_url_patterns
    except ImportError as error:
        raise _fail("moto.backend_index.backend_url_patterns", "is missing") from error
    if not isinstance(backend_url_patterns, list):
        raise _fail("moto.backend_index.backend_url_patterns", "is no longer a list")
    return backend_url_patterns


def _claim_moto_module_name() -> None:
    package = sys.modules[__package__]
    registered = sys.modules.get(MOTO_MODULE_NAME)
    if registered is package:
        return
    if registered is not None or importlib.util.find_spec(MOTO_MODULE_NAME):
        raise _fail(MOTO_MODULE_NAME, "exists: moto now ships its own Clean Rooms ML backend")
    sys.modules[MOTO_MODULE_NAME] = package


def _check_get_backend_finds(backends: object) -> None:
    try:
        # Through the module: moto types get_backend for the names of its own services only.
        found = importlib.import_module("moto.backends").get_backend(SERVICE_NAME)
    except Exception as error:
        raise _fail(f"moto.backends.get_backend({SERVICE_NAME!r})", f"fails ({error!r})") from error
    if found is not backends:
        raise _fail(
            f"moto.backends.get_backend({SERVICE_NAME!r})",
            f"no longer returns {MOTO_MODULE_NAME}.{SERVICE_NAME}_backends",
        )


def _check_backend_finds_url_paths(url_paths: dict[str, Any]) -> None:
    from moto.core.models import DEFAULT_ACCOUNT_ID

    from .models import CleanRoomsMLBackend

    try:
        found = CleanRoomsMLBackend("us-east-1", DEFAULT_ACCOUNT_ID).url_paths
    except Exception as error:
        raise _fail("moto.core.base_backend.BaseBackend.url_paths", f"fails ({error!r})") from error
    if set(found) != {path.format("") for path in url_paths}:
        raise _fail(
            "moto.core.base_backend.BaseBackend.url_paths",
            "no longer reads the urls module next to the models module",
        )


def _check_base_response_calls(*method_names: str) -> None:
    from moto.core.responses import BaseResponse

    for name in method_names:
        if not callable(getattr(BaseResponse, name, None)):
            raise _fail(f"moto.core.responses.BaseResponse.{name}", "is missing")


def _check_declared_moto_version() -> None:
    """The moto the plugin declares: before 5.2.5, for one, moto's parser took the path members as a regex match."""
    import moto
    from packaging.requirements import Requirement  # pytest's own dependency

    try:
        declared = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return  # imported from a source tree that was never installed: nothing declared
    for requirement in map(Requirement, declared):
        if requirement.name == "moto" and not requirement.specifier.contains(moto.__version__, prereleases=True):
            raise _fail("moto", f"is outside the range pytest-cleanroomsml is tested with ({requirement.specifier})")


def _check_tracked_instances() -> None:
    """The lists moto's BaseModel keeps of every instance, which the fake's reset empties (controller.py)."""
    from .models import TrainedModel, TrainedModelVersion

    for model_class in (TrainedModel, TrainedModelVersion):
        if not isinstance(getattr(model_class, "instances_tracked", None), list):
            raise _fail(
                f"moto.core.common_models.BaseModel.instances_tracked (of {model_class.__name__})",
                "is no longer a list the fake's reset can empty",
            )


def _check_recorder_switch() -> None:
    from moto.moto_api import recorder

    if not isinstance(getattr(recorder, "_user_enabled", None), bool):
        raise _fail("moto.moto_api.recorder._user_enabled", "is no longer a flag")


def _check_in_process_handler() -> None:
    from botocore.handlers import BUILTIN_HANDLERS
    from moto.core.botocore_stubber import BotocoreStubber

    from .in_process import STUBBER

    if not isinstance(BUILTIN_HANDLERS, list):
        raise _fail("botocore.handlers.BUILTIN_HANDLERS", "is no longer a list the fake can add its handler to")
    if getattr(BotocoreStubber(), "enabled", None) is not False:
        raise _fail(
            "moto.core.botocore_stubber.BotocoreStubber.enabled",
            "no longer starts False",
        )
    try:
        # How botocore calls a before-send handler.
        inspect.signature(BotocoreStubber.__call__).bind(STUBBER, event_name="before-send", request=None)
    except TypeError as error:
        raise _fail(
            "moto.core.botocore_stubber.BotocoreStubber.__call__",
            f"no longer takes event_name and request ({error})",
        ) from error

"""An offline AWS Clean Rooms ML (boto3 client ``cleanroomsml``) for tests.

A moto backend laid out as moto's own (models, responses, urls, exceptions), served
in-process or over HTTP, and ``CleanRoomsMLFake`` to seed and steer it.

Its names are imported when first used (lazy_exports.py), so that the pytest plugin can
import the modules that need no moto (regions, botocore_handler) at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .controller import CleanRoomsMLFake
    from .models import cleanroomsml_backends
    from .timeline import MISSING

__all__ = ["MISSING", "CleanRoomsMLFake", "cleanroomsml_backends"]

MODULE_OF = {
    "CleanRoomsMLFake": ".controller",
    # moto finds these as moto.cleanroomsml.cleanroomsml_backends (see registration.py).
    "cleanroomsml_backends": ".models",
    "MISSING": ".timeline",
}
__getattr__, __dir__ = lazy_exports(__name__, MODULE_OF)

"""An offline AWS Clean Rooms ML (boto3 client ``cleanroomsml``) for tests.

A moto backend laid out as moto's own (models, responses, urls, exceptions), served
in-process or over HTTP, and ``CleanRoomsMLFake`` to seed and steer it.
"""

from .controller import CleanRoomsMLFake

# moto finds these as moto.cleanroomsml.cleanroomsml_backends (see registration.py).
from .models import cleanroomsml_backends
from .timeline import MISSING

__all__ = ["MISSING", "CleanRoomsMLFake", "cleanroomsml_backends"]

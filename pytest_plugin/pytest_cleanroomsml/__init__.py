"""pytest-cleanroomsml: fixtures, assertions and an offline fake for AWS Clean Rooms ML trained models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _version
from .lazy_exports import lazy_exports

if TYPE_CHECKING:
    from .assertions import (
        assert_logs_published,
        assert_metrics_published,
        assert_model_active,
        assert_model_status,
        assert_valid_trained_model,
    )
    from .fake import CleanRoomsMLFake
    from .options import CleanRoomsMLSettings
    from .retry_sleeps import RetrySleep, RetrySleeps
    from .trained_model_fixtures import TrainedModelFetcher, TrainedModelWaiter

__version__ = _version.__version__

__all__ = [
    "CleanRoomsMLFake",
    "CleanRoomsMLSettings",
    "RetrySleep",
    "RetrySleeps",
    "TrainedModelFetcher",
    "TrainedModelWaiter",
    "assert_logs_published",
    "assert_metrics_published",
    "assert_model_active",
    "assert_model_status",
    "assert_valid_trained_model",
]

# Imported when first used (lazy_exports.py): the pytest entry point imports this package in every run.
MODULE_OF = {
    "CleanRoomsMLFake": ".fake",
    "CleanRoomsMLSettings": ".options",
    "RetrySleep": ".retry_sleeps",
    "RetrySleeps": ".retry_sleeps",
    "TrainedModelFetcher": ".trained_model_fixtures",
    "TrainedModelWaiter": ".trained_model_fixtures",
    "assert_logs_published": ".assertions",
    "assert_metrics_published": ".assertions",
    "assert_model_active": ".assertions",
    "assert_model_status": ".assertions",
    "assert_valid_trained_model": ".assertions",
}
__getattr__, __dir__ = lazy_exports(__name__, MODULE_OF)

"""pytest-cleanroomsml: fixtures, assertions and an offline fake for AWS Clean Rooms ML trained models."""

from . import _version
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

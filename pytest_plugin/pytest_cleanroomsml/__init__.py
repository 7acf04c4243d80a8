"""pytest-cleanroomsml: fixtures, assertions and an offline fake for AWS Clean Rooms ML trained models."""

from .fake import CleanRoomsMLFake

__all__ = ["CleanRoomsMLFake"]

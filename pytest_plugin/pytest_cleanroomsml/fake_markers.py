"""The plugin's markers: models a test's fake holds, and tests allowed to leave fail_next faults unused."""

from __future__ import annotations

from typing import Any

import pytest

from ._shared.quoted_values import quoted

MODELS = "cleanroomsml_models"
ALLOW_UNUSED_FAULTS = "cleanroomsml_allow_unused_faults"
# (marker, description), as `pytest --markers` lists them.
MARKERS = (
    (
        f"{MODELS}(*models)",
        "trained models the cleanroomsml fake holds for this test, besides the seed file's: each a model name "
        "(an ACTIVE model) or a dict in the seed file's format, such as "
        "{'name': 'churn', 'status': 'CREATE_FAILED'}. On a class or module, for each of its tests.",
    ),
    (
        ALLOW_UNUSED_FAULTS,
        "the test may leave failures queued with cleanroomsml_fake.fail_next that no request met; "
        "without it, such failures are an error of the test at teardown.",
    ),
)
_EXPECTED = "model names or dicts in the seed file's format, such as {'name': 'churn', 'status': 'ACTIVE'}"


def marked_models(item: pytest.Item) -> list[dict[str, Any]]:
    """The checked seed documents of the item's cleanroomsml_models marks: module's first, the test's last.

    Raises SeedError naming the marker, the test and the argument that is wrong.
    """
    # Here rather than at the top, as in _model: the seed's checks need moto and jsonschema, which the
    # plugin imports only once a test uses the fake.
    from .fake.seed import SeedError

    origin = f"@pytest.mark.{MODELS} of {item.nodeid}"
    documents = []
    for mark in reversed(list(item.iter_markers(MODELS))):
        if mark.kwargs:
            keywords = ", ".join(sorted(mark.kwargs))
            raise SeedError(f"{origin}: takes no keyword arguments (got {keywords}); give {_EXPECTED}")
        if not mark.args:
            raise SeedError(f"{origin}: names no model; give {_EXPECTED}")
        documents.append({"models": [_model(origin, position, model) for position, model in enumerate(mark.args, 1)]})
    return documents


def _model(origin: str, position: int, model: Any) -> dict[str, Any]:
    """The seed-format model that argument ``position`` stands for, once checked."""
    from .fake.seed import SeedError, checked_seed

    where = f"{origin}, argument {position}"
    if isinstance(model, str) and model:
        model = {"name": model}
    elif not isinstance(model, dict):
        raise SeedError(f"{where} is {type(model).__name__} {quoted(model)}; give {_EXPECTED}")
    try:
        return checked_seed({"models": [model]}, origin)["models"][0]  # type: ignore[no-any-return]
    except SeedError as error:
        # The document is this one argument: its problems are located in it, not in a list of models.
        raise SeedError(
            str(error).replace(f"{origin}: models[0].", f"{where}: ").replace(f"{origin}: models[0]:", f"{where}:")
        ) from None


def allows_unused_faults(item: pytest.Item) -> bool:
    return item.get_closest_marker(ALLOW_UNUSED_FAULTS) is not None

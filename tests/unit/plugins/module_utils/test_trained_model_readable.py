"""_check_readable: the members the plugins act on have the API's types, and no member nests too deeply,
whether it is an object or a list (only those are walked; strings and numbers cannot nest)."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api import (
    MAX_NESTING,
    UnreadableResponseError,
    _check_readable,
)


def nested(container, depth):
    value = "bottom"
    for _level in range(depth):
        value = container(value)
    return value


@pytest.mark.parametrize(
    "container",
    [lambda value: {"deeper": value}, lambda value: [value], lambda value: (value,)],
    ids=["dict", "list", "tuple"],
)
def test_a_member_nested_beyond_the_limit_is_unreadable_whatever_its_container(container):
    _check_readable({"status": "ACTIVE", "metrics": nested(container, MAX_NESTING)}, "answer")
    with pytest.raises(UnreadableResponseError, match=f"answer member metrics is nested more than {MAX_NESTING}"):
        _check_readable({"status": "ACTIVE", "metrics": nested(container, MAX_NESTING + 1)}, "answer")


def test_scalars_and_response_metadata_are_not_walked():
    _check_readable(
        {
            "name": "x" * 10000,
            "size": 3,
            "ok": True,
            "none": None,
            "ResponseMetadata": nested(lambda value: [value], 500),
        },
        "answer",
    )

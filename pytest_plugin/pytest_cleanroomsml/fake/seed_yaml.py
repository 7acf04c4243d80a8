"""Read a seed file's YAML (or JSON) strictly, keeping where each value is in the file.

``yaml.safe_load`` still takes what a seed never needs and the fake cannot serve: aliases
(a 555-byte alias bomb expands to 124 MB), dates and times, ``!!binary``, ``.inf`` and
``.nan``. Each is refused here with its line and column. Messages never quote the file
beyond a short, capped value: a file given by mistake (a .env) may hold passwords.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import yaml

from .._shared import quoted_values

# Longer values are cut in messages: enough to recognise one, not to publish a line of a secrets file.
SEED_QUOTE_LIMIT = 40

# The shared helper is plain Python without type hints; its contract, as used here.
_quoted: Callable[[Any, int], str] = quoted_values.quoted


class SeedSyntaxError(Exception):
    """What is wrong, and where (a yaml Mark)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark


def place(mark: Any) -> str:
    """ "line 3, column 7" for a yaml Mark (which counts from 0)."""
    return "top level" if mark is None else f"line {mark.line + 1}, column {mark.column + 1}"


class SeedLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML has no type hints here (no types-PyYAML)
    """yaml's safe loader without aliases, timestamps, binary data and non-finite numbers."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise SeedSyntaxError(
                "an alias (*name): seed files take no anchors or aliases", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)

    def construct_timestamp(self, node: Any) -> Any:
        raise SeedSyntaxError("a date or time: quote it to make it a string", node.start_mark)

    def construct_binary(self, node: Any) -> Any:
        raise SeedSyntaxError(
            "binary data (!!binary): seed values are text, numbers, lists and mappings", node.start_mark
        )

    def construct_finite_float(self, node: Any) -> float:
        number = float(self.construct_yaml_float(node))
        if not math.isfinite(number):
            raise SeedSyntaxError("a number that is not finite (.inf or .nan)", node.start_mark)
        return number


SeedLoader.add_constructor("tag:yaml.org,2002:timestamp", SeedLoader.construct_timestamp)
SeedLoader.add_constructor("tag:yaml.org,2002:binary", SeedLoader.construct_binary)
SeedLoader.add_constructor("tag:yaml.org,2002:float", SeedLoader.construct_finite_float)


def parse_seed(text: str) -> tuple[Any, Any]:
    """(document, root node) of a seed's text; raises SeedSyntaxError, also for what yaml itself refuses."""
    loader = SeedLoader(text)
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # problem and context only: str(error) adds a snippet of the file's line.
        problem = " ".join(part for part in (error.context, error.problem) if part)
        if error.context_mark is not None and error.problem_mark is not None:
            problem += f", in what starts at {place(error.context_mark)}"
        raise SeedSyntaxError(f"not valid YAML or JSON: {problem}", error.problem_mark or error.context_mark) from None
    except yaml.YAMLError as error:
        raise SeedSyntaxError(f"not valid YAML or JSON: {type(error).__name__}", None) from None
    finally:
        loader.dispose()
    return document, node


def node_at(root: Any, path: Any) -> Any:
    """The node of a jsonschema path (['models', 0, 'status']) in the composed tree, as deep as it exists."""
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode):
            children = [value for key, value in node.value if key.value == part]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            children = [node.value[part]]
        else:
            children = []
        if not children:
            break
        node = children[0]
    return node


def shown(value: Any) -> str:
    """A value of the file, as a message may quote it."""
    return _quoted(value, SEED_QUOTE_LIMIT)

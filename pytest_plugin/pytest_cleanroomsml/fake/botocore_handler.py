"""The fake's entry in botocore's handlers, which the pytest plugin installs at start-up without importing moto.

botocore gives every new Session the handlers listed in ``botocore.handlers.BUILTIN_HANDLERS``;
a Session made earlier never calls one added later. So that clients made while pytest imports
test modules reach the fake, the plugin adds ``BEFORE_SEND`` before it collects them, in every
process that runs tests. It answers nothing until in_process connects the fake's handler (an
instance of moto's) to it, which the fake's first ``mock()`` does: moto takes about 0.3 s to
import, which a run whose tests never use the fake should not pay.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import botocore.handlers


class ForwardingHandler:
    """A before-send handler that passes botocore's event on to ``target`` once it is set; until then, answers none."""

    def __init__(self) -> None:
        self.target: Callable[..., Any] | None = None

    def __call__(self, event_name: str, request: Any, **kwargs: Any) -> Any:
        target = self.target
        return None if target is None else target(event_name=event_name, request=request, **kwargs)


FORWARDER = ForwardingHandler()
BEFORE_SEND = ("before-send", FORWARDER)


def install_handler() -> None:
    """Have every botocore Session created from now on call FORWARDER before sending. Idempotent."""
    if BEFORE_SEND not in botocore.handlers.BUILTIN_HANDLERS:
        botocore.handlers.BUILTIN_HANDLERS.append(BEFORE_SEND)


def forward_to(handler: Callable[..., Any]) -> None:
    """Installs FORWARDER and has it pass each request on to ``handler`` (the fake's)."""
    install_handler()
    FORWARDER.target = handler

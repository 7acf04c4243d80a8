# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A lookup's options: every problem reported as AnsibleLookupError naming the option, and
ansible's resolution of them done once for as long as what they are resolved from stays the same."""

import contextlib
import hashlib
import hmac
import json
import os
import threading
from typing import Any, Dict, Tuple

from ansible.errors import AnsibleLookupError, AnsibleOptionsError

# Sources of an option's value besides the call's arguments, the environment and a literal default.
# An option that has one is resolved by ansible on every call.
_OTHER_SOURCES = ("vars", "keyword", "cli", "ini", "yaml")
_SCALARS = (str, int, float, bool, type(None))


class _Definitions:
    """What the option definitions of one lookup say, worked out once per lookup."""

    def __init__(self, definitions):
        self.names: Dict[str, str] = {}  # {name or alias: option name}
        for name, definition in definitions.items():
            if not name.startswith("_"):  # _terms is the lookup's positional arguments
                self.names.update(dict.fromkeys(definition.get("aliases") or (), name))
                self.names[name] = name
        self.valid = ", ".join(sorted(set(self.names.values())))
        self.environment = tuple(
            sorted({entry["name"] for definition in definitions.values() for entry in definition.get("env") or ()})
        )
        # Resolved from the arguments and the environment only, so the same ones resolve the same way.
        self.resolved_from_arguments = not any(
            definition.get(source) for definition in definitions.values() for source in _OTHER_SOURCES
        ) and not any(_templated(definition.get("default")) for definition in definitions.values())


def _templated(default):
    return isinstance(default, str) and ("{{" in default or "{%" in default)


_DEFINITIONS: Dict[int, Tuple[Any, _Definitions]] = {}  # {id(option definitions): (option definitions, _Definitions)}


def _plugin_definitions(plugin):
    """_Definitions of a plugin's options; ansible makes a new plugin object for every lookup call, with the
    same option definitions."""
    definitions = plugin.option_definitions
    known = _DEFINITIONS.get(id(definitions))
    if known is None:
        # The definitions are kept in the entry so that their id() cannot be reused by another object.
        known = _DEFINITIONS[id(definitions)] = (definitions, _Definitions(definitions))
    return known[1]


@contextlib.contextmanager
def lookup_option_errors(plugin, direct):
    """Around set_options(direct=...): refuse undocumented option names, which ansible ignores
    silently (a misspelt on_missing would quietly mean error), and turn ansible's own option
    errors (missing, wrong type, not a choice) into AnsibleLookupError."""
    definitions = _plugin_definitions(plugin)
    unknown = sorted(set(direct) - set(definitions.names))
    if unknown:
        raise AnsibleLookupError(f"unknown option(s) {', '.join(unknown)}; valid options: {definitions.valid}")
    try:
        yield
    except AnsibleOptionsError as error:
        raise AnsibleLookupError(str(error)) from error


class _LastResolution:
    """The options ansible resolved last, and a digest of what it resolved them from.

    A template that calls a lookup in a loop passes the same arguments every time, and
    ansible's resolution of fourteen options was the largest part of what the lookup
    added to a call (docs/performance.md, lookup-per-call). The options are kept as a
    plugin object keeps them, credentials included (the cached clients hold those too);
    what they were resolved from is kept as a keyed digest only, so that nothing keyed by
    a credential can be checked against guessed ones.
    """

    def __init__(self):
        self.clear()

    def clear(self):
        self.lock = threading.Lock()
        self.hash_key = os.urandom(32)
        # {plugin class: (digest, options, origins)}
        self.entries: Dict[Any, Tuple[bytes, Dict[str, Any], Dict[str, Any]]] = {}

    def digest(self, plugin, direct):
        """What the options of this call are resolved from, as a digest; None when they cannot be remembered."""
        definitions = _plugin_definitions(plugin)
        # A list or a dict given to an option is judged by ansible each time (its JSON could match another's).
        if not definitions.resolved_from_arguments or not all(isinstance(value, _SCALARS) for value in direct.values()):
            return None
        inputs = json.dumps(
            [
                plugin._load_name,  # pylint: disable=protected-access
                sorted(direct.items()),
                [os.environ.get(name) for name in definitions.environment],
            ]
        )
        # BLAKE2b with a key is a MAC in one call: a third of hmac's cost, on every lookup call.
        return hashlib.blake2b(inputs.encode("utf-8"), key=self.hash_key).digest()


_LAST = _LastResolution()
os.register_at_fork(after_in_child=_LAST.clear)


def set_options_once(plugin, set_options, task_keys, var_options, direct):
    """AnsiblePlugin.set_options through ``set_options``, or the options it set last time when the call's
    arguments and the environment are the same (and nothing else can count: no playbook keywords)."""
    direct = direct or {}
    digest = None if task_keys else _LAST.digest(plugin, direct)
    with _LAST.lock:
        last = _LAST.entries.get(type(plugin))
    if digest is not None and last is not None and hmac.compare_digest(last[0], digest):
        # AnsiblePlugin keeps its options in these two attributes; get_option() reads them.
        plugin._options, plugin._origins = dict(last[1]), dict(last[2])  # pylint: disable=protected-access
        return
    set_options(task_keys=task_keys, var_options=var_options, direct=direct)
    if digest is not None:
        with _LAST.lock:
            _LAST.entries[type(plugin)] = (digest, dict(plugin._options), dict(plugin._origins))  # pylint: disable=protected-access

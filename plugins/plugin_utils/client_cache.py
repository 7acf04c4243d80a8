# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""boto3 clients built once per process and connection, shared by every lookup call.

amazon.aws's lookups build a client on each call, the largest part of a call's time (the
peer row of docs/performance.md): a template that calls a lookup in a loop pays it every time. boto3 clients are
thread-safe once built, so one client per set of connection options is enough.
"""

import hashlib
import json
import os
import threading

# Options of amazon.aws.common.plugins and amazon.aws.region.plugins that pick the client.
CONNECTION_OPTIONS = ("region", "endpoint_url", "profile")
CREDENTIAL_OPTIONS = ("access_key", "secret_key", "session_token")


class ClientCache:
    """Clients by service and connection options; credentials appear in keys only as a keyed hash."""

    def __init__(self):
        self.clear()

    def clear(self):
        """Forget every client, and start counting again."""
        self._lock = threading.Lock()
        self._clients = {}
        # A random key per cache, so that a key seen in a debugger or a dump cannot be
        # checked against guessed credentials.
        self._hash_key = os.urandom(32)
        self.clients_created = 0

    def key(self, service, options):
        """What identifies a client: the service, the connection options and a digest of the credentials."""
        credentials = json.dumps([options.get(name) or None for name in CREDENTIAL_OPTIONS])
        # BLAKE2b with a key is a MAC in one call: a third of hmac's cost, on every lookup call.
        digest = hashlib.blake2b(credentials.encode("utf-8"), key=self._hash_key).hexdigest()
        return (service, *tuple(options.get(name) or None for name in CONNECTION_OPTIONS), digest)

    def get(self, service, options, build):
        """The client for service and options (a plugin's options), calling build() only for the first request."""
        key = self.key(service, options)
        client = self._clients.get(key)
        if client is None:
            # Locked, so that threads asking at the same time build one client, not one each.
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    client = build()
                    self._clients[key] = client
                    self.clients_created += 1
        return client


CLIENT_CACHE = ClientCache()

# Ansible forks a worker per task. A child must not use its parent's clients: their pooled
# connections would be shared by two processes. Its lock could also be held by a parent's thread.
os.register_at_fork(after_in_child=CLIENT_CACHE.clear)


def cached_client(plugin, service, retry_decorator_factory=None, prepare=None):
    """plugin.client(service, retry_decorator) of an amazon.aws plugin, built once per process and connection.

    ``prepare(client)`` runs once, when the client is built and before any caller gets it: set-up that
    lasts as long as the client (event handlers, its HTTP session, its parser) is not redone on each call.
    """

    def build():
        client = plugin.client(service, retry_decorator=retry_decorator_factory() if retry_decorator_factory else None)
        if prepare is not None:
            prepare(client)
        return client

    return CLIENT_CACHE.get(service, plugin.get_options(), build)

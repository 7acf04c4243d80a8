"""The client cache: one client per connection per process, built once even from many threads, secrets hashed."""

import os
import threading
import time

import pytest
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.client_cache import CLIENT_CACHE, ClientCache
from helpers.lookup_runs import COLLABORATION

CONNECTION = {
    "region": "us-east-1",
    "endpoint_url": None,
    "profile": None,
    "access_key": "AKIAKEY",
    "secret_key": "the-secret",
    "session_token": None,
}


class Builder:
    """A build() for ClientCache.get that counts its calls and returns a new object each time."""

    def __init__(self, seconds=0.0):
        self.calls = 0
        self.seconds = seconds

    def __call__(self):
        self.calls += 1
        time.sleep(self.seconds)
        return object()


def test_a_client_is_built_once_per_service_and_connection():
    cache, build = ClientCache(), Builder()
    first = cache.get("cleanroomsml", CONNECTION, build)
    assert cache.get("cleanroomsml", dict(CONNECTION), build) is first
    assert (build.calls, cache.clients_created) == (1, 1)
    others = [
        cache.get("s3", CONNECTION, build),
        cache.get("cleanroomsml", dict(CONNECTION, region="eu-west-1"), build),
        cache.get("cleanroomsml", dict(CONNECTION, endpoint_url="http://127.0.0.1:5000"), build),
        cache.get("cleanroomsml", dict(CONNECTION, secret_key="another-secret"), build),
        cache.get("cleanroomsml", dict(CONNECTION, access_key=None, secret_key=None, profile="dev"), build),
    ]
    assert len(set(map(id, [first, *others]))) == 6
    assert cache.clients_created == 6


def test_empty_options_mean_unset_as_in_amazon_aws():
    cache, build = ClientCache(), Builder()
    cache.get("cleanroomsml", dict(CONNECTION, session_token=""), build)
    cache.get("cleanroomsml", dict(CONNECTION, session_token=None, profile=""), build)
    assert cache.clients_created == 1


def test_keys_hold_no_credentials_in_printable_form():
    cache = ClientCache()
    key = cache.key("cleanroomsml", dict(CONNECTION, session_token="the-token"))
    assert "the-secret" not in repr(key) and "the-token" not in repr(key) and "AKIAKEY" not in repr(key)
    assert key[:4] == ("cleanroomsml", "us-east-1", None, None)
    # Keyed per cache: the digest of the same credentials differs between two caches.
    assert ClientCache().key("cleanroomsml", CONNECTION)[-1] != cache.key("cleanroomsml", CONNECTION)[-1]


def test_threads_asking_at_once_share_one_client():
    cache, build = ClientCache(), Builder(seconds=0.05)
    start = threading.Barrier(16)
    clients = []

    def ask():
        start.wait()
        clients.append(cache.get("cleanroomsml", CONNECTION, build))

    threads = [threading.Thread(target=ask) for index in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(clients) == 16 and len(set(map(id, clients))) == 1
    assert (build.calls, cache.clients_created) == (1, 1)


def test_clear_forgets_clients_and_restarts_the_count():
    cache, build = ClientCache(), Builder()
    first = cache.get("cleanroomsml", CONNECTION, build)
    cache.clear()
    assert cache.clients_created == 0
    assert cache.get("cleanroomsml", CONNECTION, build) is not first


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_process_builds_its_own_clients(client_cache):
    client_cache.get("cleanroomsml", CONNECTION, Builder())
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: report what it inherited, and leave at once
        os.write(write_end, b"%d %d" % (CLIENT_CACHE.clients_created, len(CLIENT_CACHE._clients)))
        os._exit(0)
    os.close(write_end)
    inherited = os.read(read_end, 100)
    os.close(read_end)
    os.waitpid(child, 0)
    assert inherited == b"0 0"
    assert client_cache.clients_created == 1


def test_many_lookup_calls_in_a_process_share_one_client(run_lookup, add_models, client_cache, cleanroomsml_fake):
    arns = [model["trainedModelArn"] for model in add_models("churn", "lookalike", "propensity")]
    for _round_number in range(10):
        assert run_lookup(*arns, field="status") == ["ACTIVE"] * 3
    assert client_cache.clients_created == 1
    assert len(cleanroomsml_fake.calls) == 30


def test_a_template_loop_of_lookups_builds_one_client(render, add_models, client_cache):
    models = add_models("churn", "lookalike", "propensity")
    template = (
        "{% for round in range(5) %}{% for model in models %}"
        "{{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', model.trainedModelArn, "
        "collaboration_identifier=collaboration, field='name') }},"
        "{% endfor %}{% endfor %}"
    )
    assert render(template, models=models, collaboration=COLLABORATION) == "churn,lookalike,propensity," * 5
    assert client_cache.clients_created == 1


def test_other_connection_options_get_their_own_client(run_lookup, add_models, client_cache):
    (churn,) = add_models("churn")
    for _repeat in range(2):
        run_lookup(churn["trainedModelArn"], region="us-east-1")
    assert client_cache.clients_created == 1
    run_lookup(
        churn["trainedModelArn"], region="us-east-1", endpoint_url="https://cleanrooms-ml.us-east-1.amazonaws.com"
    )
    assert client_cache.clients_created == 2
    run_lookup(
        churn["trainedModelArn"], region="us-east-1", access_key="AKIAOTHERLOOKUPKEY01", secret_key="another-secret-key"
    )
    assert client_cache.clients_created == 3

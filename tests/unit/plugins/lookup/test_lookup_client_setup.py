"""The lookup's cached client is set up once, when it is built: credentials recorded, answers bounded,
timestamps read directly (as the module's client does), with the same facts as botocore's own parser."""

from ansible_collections.cleanrooms.ml.plugins.module_utils import answer_deadline, timestamp_parsing
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main as module_main
from ansible_collections.cleanrooms.ml.plugins.plugin_utils import trained_model_lookup
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.client_cache import cached_client
from helpers.call_counting import counted
from helpers.lookup_runs import COLLABORATION


def test_the_lookup_reads_timestamps_directly_with_the_modules_facts(
    run_lookup, run_module, add_models, client_cache, monkeypatch
):
    churn, lookalike = add_models("churn", "lookalike")
    arns = [churn["trainedModelArn"], lookalike["trainedModelArn"]]
    read = counted(monkeypatch, timestamp_parsing, "iso8601_timestamp")

    quick = run_lookup(*arns)

    assert len(read) == 2 * 2  # the create and update time of each description
    assert (
        quick[0]
        == run_module(module_main, {"trained_model_arn": arns[0], "collaboration_identifier": COLLABORATION})[
            "trained_model"
        ]
    )
    # With botocore's own parser (dateutil): the same facts.
    monkeypatch.setattr(trained_model_lookup, "parse_timestamps_quickly", lambda client: None)
    client_cache.clear()
    read.clear()
    assert run_lookup(*arns) == quick
    assert read == []


def test_the_client_is_set_up_once_for_every_call_that_shares_it(run_lookup, add_models, client_cache, monkeypatch):
    (churn,) = add_models("churn")
    setups = counted(monkeypatch, trained_model_lookup, "parse_timestamps_quickly")
    bounded = counted(monkeypatch, trained_model_lookup, "hold_answer_deadlines")

    for _call in range(5):
        assert run_lookup(churn["trainedModelArn"], field="name") == ["churn"]

    assert len(setups) == len(bounded) == client_cache.clients_created == 1
    (client,) = client_cache._clients.values()
    assert setups[0] == bounded[0] == (client,)
    assert isinstance(client._endpoint.http_session, answer_deadline._DeadlineSession)
    # Recorded from the first request on, so that a service message quoting them is redacted.
    assert trained_model_lookup.sent_credentials(client).values


class _Plugin:
    """What cached_client needs of an amazon.aws plugin: its options and client()."""

    def __init__(self):
        self.built = []

    def get_options(self):
        return {"region": "us-east-1"}

    def client(self, service, retry_decorator=None):
        self.built.append(object())
        return self.built[-1]


def test_prepare_runs_once_on_the_new_client_before_it_is_returned(client_cache):
    plugin, prepared = _Plugin(), []
    first = cached_client(plugin, "cleanroomsml", prepare=prepared.append)
    assert cached_client(plugin, "cleanroomsml", prepare=prepared.append) is first
    assert prepared == plugin.built == [first]

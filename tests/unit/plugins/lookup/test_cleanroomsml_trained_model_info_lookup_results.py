"""The lookup's results against the fake, in-process: the module's facts, term order, fields, versions."""

import threading

import pytest
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main as module_main
from botocore.client import BaseClient
from helpers.lookup_runs import COLLABORATION


def test_one_term_gives_the_dict_the_module_returns_as_trained_model(
    run_lookup, run_module, add_models, lookup_warnings
):
    (churn,) = add_models("churn", description="Predicts churn")
    [facts] = run_lookup(churn["trainedModelArn"])
    module_result = run_module(
        module_main, {"trained_model_arn": churn["trainedModelArn"], "collaboration_identifier": COLLABORATION}
    )
    assert facts == module_result["trained_model"]
    assert facts["name"] == "churn"
    assert facts["resource_config"]["volume_size_in_gb"] == churn["resourceConfig"]["volumeSizeInGB"]
    assert facts["create_time"] == churn["createTime"].isoformat()
    assert lookup_warnings == []


def test_many_terms_come_back_in_term_order(run_lookup, add_models, cleanroomsml_fake):
    models = add_models(*[f"model-{number:02d}" for number in range(12)])
    arns = [model["trainedModelArn"] for model in reversed(models)]
    results = run_lookup(*arns, max_concurrency=4)
    assert [facts["trained_model_arn"] for facts in results] == arns
    assert sorted(params["trainedModelArn"] for operation, params in cleanroomsml_fake.calls) == sorted(arns)


def test_terms_are_described_concurrently(run_lookup, add_models, monkeypatch):
    arns = [model["trainedModelArn"] for model in add_models(*[f"model-{number}" for number in range(8)])]
    # Each description waits until all 8 are under way: one at a time, the first would wait in vain and fail.
    all_under_way = threading.Barrier(len(arns), timeout=10)
    make_api_call = BaseClient._make_api_call

    def make_api_call_once_all_are_under_way(client, operation_name, api_params):
        if operation_name == "GetCollaborationTrainedModel":
            all_under_way.wait()
        return make_api_call(client, operation_name, api_params)

    monkeypatch.setattr(BaseClient, "_make_api_call", make_api_call_once_all_are_under_way)

    results = run_lookup(*arns, max_concurrency=8)

    assert [facts["trained_model_arn"] for facts in results] == arns


def test_a_list_given_as_one_term_counts_as_its_items(run_lookup, add_models):
    churn, lookalike, propensity = (
        model["trainedModelArn"] for model in add_models("churn", "lookalike", "propensity")
    )
    results = run_lookup([churn, lookalike], propensity, field="trained_model_arn")
    assert results == [churn, lookalike, propensity]


def test_version_identifier_applies_to_every_term(run_lookup, add_models, cleanroomsml_fake):
    (churn,) = add_models("churn")
    newer = cleanroomsml_fake.add_version(churn["trainedModelArn"], status="CREATE_IN_PROGRESS")
    assert run_lookup(churn["trainedModelArn"], field="version_identifier") == [newer["versionIdentifier"]]
    older = run_lookup(churn["trainedModelArn"], version_identifier=churn["versionIdentifier"])
    assert [(facts["version_identifier"], facts["status"]) for facts in older] == [
        (churn["versionIdentifier"], "ACTIVE")
    ]
    assert cleanroomsml_fake.calls[-1][1]["versionIdentifier"] == churn["versionIdentifier"]


def test_collaboration_id_alias(run_lookup, add_models):
    (churn,) = add_models("churn")
    assert run_lookup(churn["trainedModelArn"], collaboration_id=COLLABORATION, field="name") == ["churn"]


def test_no_terms_make_no_call(run_lookup, cleanroomsml_fake, client_cache):
    assert run_lookup() == []
    assert cleanroomsml_fake.calls == []
    assert client_cache.clients_created == 0


@pytest.mark.parametrize(
    "field, expected",
    [
        ("status", "CREATE_FAILED"),
        ("status_details.message", "training container exited with code 1"),
        ("status_details", {"status_code": "InternalError", "message": "training container exited with code 1"}),
        ("resource_config.instance_type", "ml.m5.xlarge"),
        ("resource_config.volume_size_in_gb", 10),
    ],
)
def test_field_returns_the_value_at_a_dotted_path(run_lookup, add_models, field, expected):
    (failed,) = add_models(
        "lookalike",
        status="CREATE_FAILED",
        statusDetails={"statusCode": "InternalError", "message": "training container exited with code 1"},
    )
    assert run_lookup(failed["trainedModelArn"], field=field) == [expected]


def test_field_is_none_where_a_model_lacks_the_member(run_lookup, add_models):
    active, failed = add_models("churn", "lookalike")
    arns = [active["trainedModelArn"], failed["trainedModelArn"]]
    assert run_lookup(*arns, field="status_details.message") == [None, None]
    assert run_lookup(*arns, field="description") == [None, None]


def test_lookup_gives_the_item_of_one_term_and_query_a_list(render, add_models):
    churn, lookalike = add_models("churn", "lookalike")
    variables = {
        "churn": churn["trainedModelArn"],
        "lookalike": lookalike["trainedModelArn"],
        "collaboration": COLLABORATION,
    }
    one = "cleanrooms.ml.cleanroomsml_trained_model_info', churn, collaboration_identifier=collaboration"
    assert render(f"{{{{ lookup('{one}) }}}}", **variables)["name"] == "churn"
    assert render(f"{{{{ lookup('{one}, field='name') }}}}", **variables) == "churn"
    assert render(f"{{{{ query('{one}, field='name') }}}}", **variables) == ["churn"]
    assert render(f"{{{{ lookup('{one}, field='name', wantlist=True) }}}}", **variables) == ["churn"]
    both = (
        "{{ query('cleanrooms.ml.cleanroomsml_trained_model_info', churn, lookalike,"
        " collaboration_identifier=collaboration) }}"
    )
    assert [facts["name"] for facts in render(both, **variables)] == ["churn", "lookalike"]

"""snake_case: the facts' names are camel_dict_to_snake_dict's, worked out once per name."""

import pytest
from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_facts
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_member_names import CAMEL_CASE_NAMES
from trained_model_samples import ARN

DOCUMENTS = [
    {
        "trainedModelArn": ARN,
        "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 50},
        "statusDetails": {"statusCode": "X", "message": None},
        "incrementalTrainingDataChannels": [{"channelName": "a", "modelName": "m"}, [{"nestedInAList": True}]],
        "createTime": "2026-11-20T09:30:00+00:00",
    },
    # Names the API does not use (a newer API, a hand-made endpoint): the same rules apply.
    {"TargetGroupARNs": ["a"], "HTTPEndpoint": {"Already_snake": 1, "x": [[{"ABCDefGhi": None}]]}, "s3URI": "s"},
    {},
    {"emptyList": [], "emptyDict": {}, "number": 1.5, "flag": False},
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_names_are_camel_dict_to_snake_dicts(document):
    assert trained_model_facts.snake_case(document) == camel_dict_to_snake_dict(document)


def test_every_member_of_the_schema_has_its_documented_name():
    document = dict.fromkeys(CAMEL_CASE_NAMES.values())
    assert trained_model_facts.snake_case(document) == dict.fromkeys(CAMEL_CASE_NAMES)


def test_a_document_is_copied_not_changed():
    document = {"statusDetails": {"statusCode": "X"}, "channels": [{"channelName": "a"}]}
    facts = trained_model_facts.snake_case(document)
    facts["status_details"]["status_code"] = "changed"
    facts["channels"].append("more")
    assert document == {"statusDetails": {"statusCode": "X"}, "channels": [{"channelName": "a"}]}


def test_each_name_is_worked_out_once():
    trained_model_facts._snake_name.cache_clear()
    for _round in range(3):
        trained_model_facts.snake_case(DOCUMENTS[0])
    info = trained_model_facts._snake_name.cache_info()
    assert info.misses == 13
    assert info.hits == 2 * 13

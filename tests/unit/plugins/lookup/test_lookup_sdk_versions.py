"""The lookup asks amazon.aws to check the AWS SDK's versions once per process while they are supported,
and on every call (with its warning) while they are not."""

import pytest
from ansible_collections.amazon.aws.plugins.plugin_utils.base import AWSPluginBase
from ansible_collections.cleanrooms.ml.plugins.plugin_utils import sdk_versions


@pytest.fixture
def sdk_checks(monkeypatch):
    """The minimums amazon.aws's require_aws_sdk is asked to check, in order; none checked before the test."""
    monkeypatch.setattr(sdk_versions, "_SUPPORTED", set())
    checks = []
    require_aws_sdk = AWSPluginBase.require_aws_sdk

    def counted(plugin, botocore_version=None, boto3_version=None):
        checks.append((botocore_version, boto3_version))
        return require_aws_sdk(plugin, botocore_version=botocore_version, boto3_version=boto3_version)

    monkeypatch.setattr(AWSPluginBase, "require_aws_sdk", counted)
    return checks


def test_supported_versions_are_checked_once(run_lookup, add_models, sdk_checks, lookup_warnings):
    (churn,) = add_models("churn")
    for _call in range(3):
        assert run_lookup(churn["trainedModelArn"], field="name") == ["churn"]
    assert sdk_checks == [(None, None)]
    assert lookup_warnings == []


def test_versions_below_the_minimum_are_checked_and_warned_about_on_every_call(
    run_lookup, add_models, sdk_checks, lookup_warnings
):
    (churn,) = add_models("churn")
    for _call in range(3):
        assert run_lookup(churn["trainedModelArn"], field="name", botocore_version="999.0.0") == ["churn"]
    assert sdk_checks == [("999.0.0", None)] * 3
    assert len(lookup_warnings) == 3 and all("botocore <" in warning for warning in lookup_warnings)
    # Other minimums are checked for themselves.
    run_lookup(churn["trainedModelArn"], field="name")
    assert sdk_checks[-1] == (None, None)

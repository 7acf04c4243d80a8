"""A listing whose endpoint announces a next page on every page ends at a limit (pages, trained models
or seconds), with a one-line failure naming it, instead of paging for ever."""

import pytest
from ansible_collections.cleanrooms.ml.plugins.module_utils import trained_model_api
from ansible_collections.cleanrooms.ml.plugins.modules.cleanroomsml_trained_model_info import main
from helpers.lookup_runs import COLLABORATION

from .scripted_endpoint import EndlessPages, ScriptedEndpoint

MEMBERSHIP_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/1b4e28ba-2fa1-11d2-883f-0016d3cca427"
SUMMARY = {
    "trainedModelArn": MEMBERSHIP_ARN + "/trained-model/0f8fad5b-d9cb-469f-a165-70867728950e",
    "name": "churn",
    "membershipIdentifier": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "collaborationIdentifier": COLLABORATION,
    "status": "ACTIVE",
    "configuredModelAlgorithmAssociationArn": MEMBERSHIP_ARN
    + "/configured-model-algorithm-association/0f8fad5b-d9cb-469f-a165-70867728950e",
    "creatorAccountId": "123456789012",
    "createTime": "2026-11-01T00:00:00Z",
    "updateTime": "2026-11-01T00:00:00Z",
}
# Small limits, so that reaching each takes a moment; the real ones are in trained_model_api.LIST_LIMITS.
LIMITS = {"pages": 20, "items": 50, "seconds": 1}

# (name, the endless listing, the limit it must reach, what the failure says)
CASES = [
    ("a new token on every page", EndlessPages(SUMMARY), "the limit of a listing (20 pages)"),
    ("many models on every page", EndlessPages(SUMMARY, items=10), "the limit of a listing (50 trained models)"),
    ("slow pages without end", EndlessPages(SUMMARY, delay=0.2), "the limit of a listing (1 seconds)"),
]


@pytest.mark.fault
@pytest.mark.parametrize("pages, says", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_endless_listing_fails_at_a_named_limit(run_module, quick_backoff, monkeypatch, pages, says):
    monkeypatch.setattr(trained_model_api, "LIST_LIMITS", LIMITS)
    with ScriptedEndpoint(pages) as endpoint:
        result = run_module(
            main, {"collaboration_identifier": COLLABORATION, "endpoint_url": endpoint.url, "validate_response": "off"}
        )

    assert result.get("failed"), result
    assert says in result["msg"] and "ListCollaborationTrainedModels" in result["msg"] and "\n" not in result["msg"], (
        result["msg"]
    )
    # The limit named in the message stopped the listing (a count, not a stopwatch): slow pages stop at the
    # time limit before the page limit, which would name pages instead.
    assert endpoint.connections <= LIMITS["pages"]

"""What the fake does to spare work on each request answers as the uncached work would."""

import json
from typing import Any

import moto.backend_index
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.clock import CLOCK
from pytest_cleanroomsml.fake.registration import register
from pytest_cleanroomsml.fake.timeline import MISSING, Timeline


def get_model(client: Any, model: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )


def test_the_fake_s_url_pattern_is_tried_first() -> None:
    register()

    assert moto.backend_index.backend_url_patterns[0][0] == "cleanroomsml"


def test_the_answer_changes_as_soon_as_the_description_does(fake: CleanRoomsMLFake, make_fake_client: Any) -> None:
    client = make_fake_client()
    model = fake.add_trained_model(name="churn", status="CREATE_IN_PROGRESS")
    assert get_model(client, model)["status"] == "CREATE_IN_PROGRESS"

    fake.set_status(model["trainedModelArn"], "ACTIVE")
    assert get_model(client, model)["status"] == "ACTIVE"

    fake.set_status(model["trainedModelArn"], "CREATE_FAILED", message="out of memory")
    response = get_model(client, model)
    assert response["status"] == "CREATE_FAILED"
    assert response["statusDetails"] == {"message": "out of memory"}


def test_what_is_derived_follows_the_changes_as_they_fall_due() -> None:
    timeline = Timeline({"status": "CREATE_PENDING", "name": "churn"})
    timeline.schedule({"status": "ACTIVE"}, after=60)

    assert timeline.derived("json", json.dumps) == json.dumps(timeline.current())
    assert json.loads(timeline.derived("json", json.dumps))["status"] == "CREATE_PENDING"
    CLOCK.advance(60)
    assert json.loads(timeline.derived("json", json.dumps))["status"] == "ACTIVE"
    timeline.schedule({"name": MISSING})
    assert json.loads(timeline.derived("json", json.dumps)) == {"status": "ACTIVE"}


def test_what_is_derived_is_computed_once_per_state() -> None:
    timeline = Timeline({"status": "ACTIVE"})
    computed = []

    def compute(description: Any) -> Any:
        computed.append(description)
        return dict(description)

    first = timeline.derived("copy", compute)
    assert timeline.derived("copy", compute) is first
    assert timeline.derived("other", compute) == first
    timeline.drop_pending_automatic()
    assert timeline.derived("copy", compute) == first
    assert len(computed) == 3


def test_an_override_changed_after_seeding_leaves_the_description_alone(
    fake: CleanRoomsMLFake, make_fake_client: Any
) -> None:
    resources = {
        "instanceCount": 1,
        "instanceType": "ml.m5.xlarge",
        "volumeSizeInGB": 10,
    }
    model = fake.add_trained_model(name="churn", resourceConfig=resources)

    resources["instanceCount"] = 5

    assert get_model(make_fake_client(), model)["resourceConfig"]["instanceCount"] == 1

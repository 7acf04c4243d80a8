"""Seed files: the documented format loads, and mistakes are named by file and entry."""

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.seed import SeedError, apply_seed, load_seed

MEMBERSHIP = "11111111-2222-4333-8444-555555555555"
COLLABORATION = "0c5b1f3e-1111-4222-8333-444455556666"
ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/{MEMBERSHIP}"
    "/trained-model/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
)
SEED = f"""
models:
  - name: churn
    collaborationIdentifier: {COLLABORATION}
    overrides:
      membershipIdentifier: {MEMBERSHIP}
      trainedModelArn: {ARN}
      description: Weekly churn
    versions:
      - status: CREATE_IN_PROGRESS
        statusChanges:
          - {{after: 0.2, status: ACTIVE}}
  - name: broken
    status: CREATE_FAILED
    statusDetails: {{statusCode: OOM, message: out of memory}}
    missingMembers: [creatorAccountId]
"""


def seed_file(tmp_path: Path, text: Any, name: Any = "models.yaml") -> Any:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_seed_file_adds_its_models_and_versions(fake: CleanRoomsMLFake, fake_client: Any, tmp_path: Path) -> None:
    added = apply_seed(fake, load_seed(seed_file(tmp_path, SEED)))

    versions = fake_client.list_trained_model_versions(membershipIdentifier=MEMBERSHIP, trainedModelArn=ARN)[
        "trainedModels"
    ]
    latest = fake_client.get_collaboration_trained_model(trainedModelArn=ARN, collaborationIdentifier=COLLABORATION)
    assert [(added_one["name"], added_one["status"]) for added_one in added] == [
        ("churn", "ACTIVE"),
        ("churn", "CREATE_IN_PROGRESS"),
        ("broken", "CREATE_FAILED"),
    ]
    assert [version["status"] for version in versions] == [
        "ACTIVE",
        "CREATE_IN_PROGRESS",
    ]
    assert latest["description"] == "Weekly churn"
    fake.advance(0.2)
    assert fake_client.get_trained_model(membershipIdentifier=MEMBERSHIP, trainedModelArn=ARN)["status"] == "ACTIVE"


def test_status_details_and_missing_members_apply(fake: CleanRoomsMLFake, fake_client: Any, tmp_path: Path) -> None:
    added = apply_seed(fake, load_seed(seed_file(tmp_path, SEED)))
    [broken] = [description for description in added if description["name"] == "broken"]

    response = fake_client.get_collaboration_trained_model(
        trainedModelArn=broken["trainedModelArn"],
        collaborationIdentifier=broken["collaborationIdentifier"],
    )

    assert response["status"] == "CREATE_FAILED"
    assert response["statusDetails"] == {
        "statusCode": "OOM",
        "message": "out of memory",
    }
    assert "creatorAccountId" not in response


def test_status_changes_count_from_the_first_read_or_in_reads(
    fake: CleanRoomsMLFake, fake_client: Any, tmp_path: Path
) -> None:
    text = """
models:
  - name: timed
    status: CREATE_IN_PROGRESS
    statusChanges: [{after: 600, status: ACTIVE}]
  - name: polled
    status: CREATE_IN_PROGRESS
    statusChanges: [{afterPolls: 2, status: CREATE_FAILED}]
"""
    timed, polled = apply_seed(fake, load_seed(seed_file(tmp_path, text)))

    def status_of(model: dict[str, Any]) -> str:
        return str(
            fake_client.get_collaboration_trained_model(
                trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"]
            )["status"]
        )

    fake.advance(3600)  # before any read: counts for nothing
    assert status_of(timed) == "CREATE_IN_PROGRESS"
    fake.advance(590)  # the wall clock may add a few seconds under load, not ten
    assert status_of(timed) == "CREATE_IN_PROGRESS"
    fake.advance(10)
    assert status_of(timed) == "ACTIVE"
    assert [status_of(polled), status_of(polled), status_of(polled)] == [
        "CREATE_IN_PROGRESS",
        "CREATE_FAILED",
        "CREATE_FAILED",
    ]


def test_a_json_seed_file_works_too(fake: CleanRoomsMLFake, tmp_path: Path) -> None:
    path = seed_file(tmp_path, json.dumps({"models": [{"name": "churn"}]}), "models.json")

    [model] = apply_seed(fake, load_seed(path))

    assert (model["name"], model["status"]) == ("churn", "ACTIVE")


@pytest.mark.parametrize(
    "text, message",
    [
        ("{}", "top level: 'models' is a required property"),
        (
            "models: [{name: churn, status: 5}]",
            "models[0].status: 5 is not of type 'string'",
        ),
        ("models: [{status: ACTIVE}]", "models[0]: 'name' is a required property"),
        (
            "models: [{name: a, versions: [{colour: red}]}]",
            "models[0].versions[0]: unknown member(s): 'colour'",
        ),
        (
            "models: [{name: a, statusChanges: [{status: ACTIVE}]}]",
            "models[0].statusChanges[0]: needs exactly one of: after, afterPolls",
        ),
        (
            "models: [{name: a, statusChanges: [{after: 1, afterPolls: 2, status: ACTIVE}]}]",
            "models[0].statusChanges[0]: needs exactly one of: after, afterPolls",
        ),
        (
            "models: [{name: a, statusChanges: [{afterPolls: 0, status: ACTIVE}]}]",
            "models[0].statusChanges[0].afterPolls: 0 is less than the minimum of 1",
        ),
        (
            "models: [{name: a, statusChanges: [{afterPolls: 1.5, status: ACTIVE}]}]",
            "models[0].statusChanges[0].afterPolls: 1.5 is not of type 'integer'",
        ),
        (
            "models: [{name: a, statusChanges: [{after: -1, status: ACTIVE}]}]",
            "models[0].statusChanges[0].after: -1 is less than the minimum of 0",
        ),
        (
            "models: [{name: churn}, {name: fraud, collaborationIdentifier: fraud}]",
            "models[1].collaborationIdentifier: 'fraud' does not match "
            "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'",
        ),
        (
            "models: [{name: a, missingMembers: [trainedModelArn], versions: [{}]}]",
            "models[0]: versions and statusChanges need the trainedModelArn",
        ),
    ],
)
def test_a_mistake_is_named_by_file_and_entry(tmp_path: Path, text: Any, message: Any) -> None:
    path = seed_file(tmp_path, text)

    with pytest.raises(SeedError) as raised:
        load_seed(path)

    assert f"{path}: {message}" in str(raised.value)


def test_every_mistake_is_reported(tmp_path: Path) -> None:
    path = seed_file(tmp_path, "models: [{name: 1}, {name: b, status: []}]")

    with pytest.raises(SeedError) as raised:
        load_seed(path)

    assert str(raised.value).splitlines() == [
        f"{path}: models[0].name: 1 is not of type 'string' (line 1, column 17)",
        f"{path}: models[1].status: [] is not of type 'string' (line 1, column 39)",
    ]


def test_a_file_that_is_not_yaml_is_reported(tmp_path: Path) -> None:
    path = seed_file(tmp_path, "models: [unclosed")

    with pytest.raises(SeedError, match="not valid YAML or JSON"):
        load_seed(path)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="cannot read it: No such file or directory"):
        load_seed(tmp_path / "absent.yaml")

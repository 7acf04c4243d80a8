"""Seed files: the documented format loads, and mistakes are named by file and entry."""

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.seed import SeedError, apply_seed, apply_seed_document, load_seed

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
        (f'{{"trainedModelArn": "{ARN}"}}', "top level: 'name' is a required property (line 1, column 1)"),
        (
            '[{"trainedModelArn": "a", "name": "a"}, {"trainedModelArn": "a",\n "name": 7}]',
            "[1].name: 7 is not of type 'string' (line 2, column 10)",
        ),
        (
            f'[{{"trainedModelArn": "{ARN}", "name": "a"}}, {{"trainedModelArn": "{ARN}", "name": "a"}}]',
            "[1]: the same trainedModelArn and versionIdentifier as [0]",
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


BASE_VERSION, LATEST_VERSION = "11111111-0000-4000-8000-000000000001", "11111111-0000-4000-8000-000000000002"
AWS_CLI_JSON = f"""[
  {{"trainedModelArn": "{ARN}", "versionIdentifier": "{BASE_VERSION}", "name": "churn", "status": "CREATE_FAILED",
   "collaborationIdentifier": "{COLLABORATION}", "membershipIdentifier": "{MEMBERSHIP}",
   "statusDetails": {{"statusCode": "OOM", "message": "out of memory"}},
   "createTime": "2026-01-02T03:04:05.678Z", "updateTime": "2026-01-02T04:00:00+00:00"}},
  {{"trainedModelArn": "{ARN}", "versionIdentifier": "{LATEST_VERSION}", "name": "churn", "status": "ACTIVE",
   "collaborationIdentifier": "{COLLABORATION}", "membershipIdentifier": "{MEMBERSHIP}",
   "createTime": "2026-02-01T00:00:00.000Z", "updateTime": "2026-02-01T00:00:01.000Z"}}
]"""


def test_the_aws_cli_json_of_several_versions_seeds_them_with_datetimes(
    fake: CleanRoomsMLFake, fake_client: Any, tmp_path: Path
) -> None:
    descriptions = json.loads(AWS_CLI_JSON)
    # Given newest first: the fake still adds the oldest first, so the other is the latest.
    apply_seed(fake, load_seed(seed_file(tmp_path, json.dumps(descriptions[::-1]), "described.json")))

    latest = fake_client.get_collaboration_trained_model(trainedModelArn=ARN, collaborationIdentifier=COLLABORATION)
    base = fake_client.get_collaboration_trained_model(
        trainedModelArn=ARN,
        collaborationIdentifier=COLLABORATION,
        versionIdentifier=descriptions[0]["versionIdentifier"],
    )
    assert latest["versionIdentifier"] == descriptions[1]["versionIdentifier"]
    assert "incrementalTrainingDataChannels" not in latest and "resourceConfig" not in latest  # only what was given
    assert base["statusDetails"] == {"statusCode": "OOM", "message": "out of memory"}
    [held] = fake.trained_models()
    assert held["createTime"] == datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
    assert held["updateTime"] == datetime.datetime(2026, 2, 1, 0, 0, 1, tzinfo=datetime.timezone.utc)
    assert base["createTime"] == datetime.datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc)


def test_iso_8601_timestamps_in_overrides_become_datetimes(fake: CleanRoomsMLFake, tmp_path: Path) -> None:
    seed = "models: [{name: churn, overrides: {createTime: '2026-01-02T03:04:05Z', note: '2026-01-02T03:04:05Z'}}]"

    [model] = apply_seed(fake, load_seed(seed_file(tmp_path, seed)))

    assert model["createTime"] == datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert model["note"] == "2026-01-02T03:04:05Z"  # not a timestamp in the service model: as given


def test_what_the_aws_cli_prints_seeds_a_fake_that_answers_the_same(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, fake_client: Any, tmp_path: Path
) -> None:
    aws = Path(sys.prefix) / "awscli" / "bin" / "aws"
    if not aws.exists():
        pytest.skip(f"the AWS CLI is not installed at {aws} (make venv installs it from requirements-awscli.txt)")
    arn = fake.add_trained_model("churn", "CREATE_FAILED", COLLABORATION, description="first")["trainedModelArn"]
    base = fake.trained_models()[0]["versionIdentifier"]
    fake.add_version(arn, "ACTIVE", description="second")
    command = [str(aws), "cleanroomsml", "get-collaboration-trained-model", "--trained-model-arn", arn]
    command += ["--collaboration-identifier", COLLABORATION, "--endpoint-url", fake_endpoint_url, "--output", "json"]
    printed = [
        json.loads(subprocess.run(command + version, check=True, capture_output=True, text=True).stdout)
        for version in (["--version-identifier", base], [])
    ]

    def answers() -> list[Any]:
        return [
            {member: value for member, value in response.items() if member != "ResponseMetadata"}
            for response in (
                fake_client.get_collaboration_trained_model(
                    trainedModelArn=arn, collaborationIdentifier=COLLABORATION, **version
                )
                for version in ({"versionIdentifier": base}, {})
            )
        ]

    expected = answers()
    fake.reset()
    apply_seed(fake, load_seed(seed_file(tmp_path, json.dumps(printed), "both.json")))
    from_a_list = answers()
    fake.reset()
    apply_seed(fake, load_seed(seed_file(tmp_path, json.dumps(printed[1]), "latest.json")))

    assert from_a_list == expected
    assert fake.trained_models() == [expected[1]]  # one object: one version, as printed


def test_a_parsed_document_seeds_the_fake_and_its_mistakes_name_where_it_came_from(fake: CleanRoomsMLFake) -> None:
    [model] = apply_seed_document(fake, {"models": [{"name": "churn", "status": "CREATE_FAILED"}]}, "marker")
    [described] = apply_seed_document(fake, json.loads(AWS_CLI_JSON)[1])

    with pytest.raises(SeedError) as raised:
        apply_seed_document(fake, {"models": [{"name": "churn", "status": 5}]}, "marker")

    assert (model["name"], model["status"]) == ("churn", "CREATE_FAILED")
    assert described["versionIdentifier"] == LATEST_VERSION
    assert str(raised.value) == "marker: models[0].status: 5 is not of type 'string'"

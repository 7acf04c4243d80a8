"""cleanroomsml-fake snapshot: a second fake serving the snapshot answers as the first did."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_cleanroomsml._shared.trained_model_validation import schema_violations
from pytest_cleanroomsml.fake import CleanRoomsMLFake
from pytest_cleanroomsml.fake.cli import main
from pytest_cleanroomsml.fake.snapshot import read_collaboration
from pytest_cleanroomsml.fake.snapshot_redaction import Redaction, redaction_key
from pytest_cleanroomsml.package_data import trained_model_schema
from test_fake_cli import read_line, start_cli

COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
OTHER_COLLABORATION = "99999999-8888-4777-8666-555555555555"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def seed_collaboration(fake: CleanRoomsMLFake) -> None:
    """Several models, several versions each, failed ones with statusDetails, members botocore lacks or left out."""
    churn = fake.add_trained_model(
        "churn", "ACTIVE", COLLABORATION, description="Weekly churn", driftScore={"value": 0.2}
    )["trainedModelArn"]
    fake.add_version(churn, "CREATE_FAILED", statusDetails={"statusCode": "OOM", "message": "out of memory"})
    fake.add_version(churn, "ACTIVE", metricsStatus="PUBLISH_SUCCEEDED", trainingContainerImageDigest="sha256:ab12")
    broken = fake.add_trained_model(
        "broken",
        "CREATE_FAILED",
        COLLABORATION,
        statusDetails={"statusCode": "InternalError", "message": "container exited"},
        stoppingCondition=fake.MISSING,
    )["trainedModelArn"]
    fake.add_version(broken, "CREATE_IN_PROGRESS", description="retry")
    fake.add_trained_model("plain", "INACTIVE", COLLABORATION)
    fake.add_trained_model("elsewhere", "ACTIVE", OTHER_COLLABORATION)


def wire_answers(client: Any, collaboration: str, arns_and_versions: list[tuple[str, list[str]]]) -> list[Any]:
    """The JSON bodies of every Get (latest and each version) and every List page (2 a page, and the default)."""
    bodies: list[Any] = []
    client.meta.events.register(
        "before-parse.cleanroomsml.*", lambda response_dict, **_: bodies.append(opaque_token(response_dict["body"]))
    )
    for arn, versions in arns_and_versions:
        client.get_collaboration_trained_model(trainedModelArn=arn, collaborationIdentifier=collaboration)
        for version in versions:
            client.get_collaboration_trained_model(
                trainedModelArn=arn, collaborationIdentifier=collaboration, versionIdentifier=version
            )
    for page_size in (2, None):
        paginator = client.get_paginator("list_collaboration_trained_models")
        list(paginator.paginate(collaborationIdentifier=collaboration, PaginationConfig={"PageSize": page_size}))
    return bodies


def opaque_token(body: bytes) -> Any:
    """A body whose page token, if any, is only said to be there.

    moto's tokens hold a hash() of the request, which differs from one process to the next.
    """
    answer = json.loads(body)
    return {**answer, "nextToken": "<token>"} if "nextToken" in answer else answer


def models_and_versions(fake: CleanRoomsMLFake, client: Any, collaboration: str) -> list[tuple[str, list[str]]]:
    models = []
    for model in fake.trained_models(collaboration):
        listed = client.list_trained_model_versions(
            membershipIdentifier=model["membershipIdentifier"], trainedModelArn=model["trainedModelArn"]
        )["trainedModels"]
        models.append((model["trainedModelArn"], [version["versionIdentifier"] for version in listed]))
    return models


def take_snapshot(endpoint_url: str, output: Path, *options: str) -> None:
    arguments = ["snapshot", "--collaboration-identifier", COLLABORATION, "--region", "us-east-1"]
    assert main([*arguments, "--endpoint-url", endpoint_url, "--output", str(output), *options]) == 0


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_second_fake_serving_the_snapshot_answers_every_get_and_list_as_the_first(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, new_client: Any, tmp_path: Path, suffix: str
) -> None:
    seed_collaboration(fake)
    first = new_client(fake_endpoint_url)
    requests = models_and_versions(fake, first, COLLABORATION)
    expected = wire_answers(first, COLLABORATION, requests)
    snapshot = tmp_path / f"snapshot{suffix}"

    take_snapshot(fake_endpoint_url, snapshot)
    second = start_cli("--port", "0", "--seed", str(snapshot))
    try:
        answers = wire_answers(new_client(read_line(second.stdout)), COLLABORATION, requests)
    finally:
        second.terminate()
        stderr = second.communicate(timeout=30)[1]

    assert "Traceback" not in stderr
    assert len(expected) == 3 + 6 + 2 + 1  # 3 latest, 6 versions, 2 pages of 2 and the default page
    assert [body["name"] for body in expected[-1]["collaborationTrainedModels"]] == ["churn", "broken", "plain"]
    assert answers == expected


def test_a_redacted_snapshot_is_served_with_every_identifier_replaced_consistently(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, new_client: Any, tmp_path: Path
) -> None:
    seed_collaboration(fake)
    first = new_client(fake_endpoint_url)
    requests = models_and_versions(fake, first, COLLABORATION)
    originals = wire_answers(first, COLLABORATION, requests)
    redaction = Redaction(redaction_key())
    snapshot = tmp_path / "snapshot.yaml"

    take_snapshot(fake_endpoint_url, snapshot, "--redact")
    second = start_cli("--port", "0", "--seed", str(snapshot))
    try:
        answers = wire_answers(
            new_client(read_line(second.stdout)),
            redaction.uuid(COLLABORATION),
            redaction.document([list(request) for request in requests]),
        )
    finally:
        second.terminate()
        second.communicate(timeout=30)

    assert answers == redaction.document(originals)
    answer_text, original_text = json.dumps(answers), json.dumps(originals)
    original_ids = set(UUID.findall(original_text)) | {"123456789012"}
    assert not [identifier for identifier in original_ids if identifier in answer_text]
    assert len(set(UUID.findall(answer_text))) == len(set(UUID.findall(original_text)))  # one for one
    schema = trained_model_schema()
    for body in answers[: 3 + 6]:  # every get answer: ids and ARNs match the service model's patterns
        known = {member: value for member, value in body.items() if member in schema["properties"]}
        assert schema_violations(known, schema) == []
        assert f"membership/{body['membershipIdentifier']}/" in body["trainedModelArn"]
    for body in answers[-1]["collaborationTrainedModels"]:
        known = {member: value for member, value in body.items() if member != "driftScore"}
        assert schema_violations(known, schema, "CollaborationTrainedModelSummary") == []


def test_redaction_is_the_same_in_every_run_and_keyed_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    public = Redaction()
    monkeypatch.setenv("CLEANROOMSML_REDACTION_KEY", "a team secret")

    assert public.uuid(COLLABORATION) == "9412b5ea-b2b4-45cb-81dd-749937c3fe40"
    assert public.account("123456789012") == "458436337970"
    assert Redaction(redaction_key()).uuid(COLLABORATION) not in (COLLABORATION, public.uuid(COLLABORATION))
    assert public.document({"description": f"from {COLLABORATION.upper()} of 123456789012"}) == {
        "description": f"from {public.uuid(COLLABORATION)} of 123456789012"  # no account member or ARN named it
    }


def test_versions_are_found_through_incremental_channels_when_they_cannot_be_listed(
    fake: CleanRoomsMLFake, new_client: Any
) -> None:
    seed_collaboration(fake)
    fake.fail_next("ListTrainedModelVersions", "AccessDeniedException")
    with fake.mock():
        chained = read_collaboration(new_client(), COLLABORATION, max_concurrency=1)

    operations = [call[0] for call in fake.calls]
    assert [[version["status"] for version in model] for model in chained] == [
        ["ACTIVE", "CREATE_FAILED", "ACTIVE"],
        ["CREATE_FAILED", "CREATE_IN_PROGRESS"],
        ["INACTIVE"],
    ]
    # Denied once for the membership that made all three: never asked again.
    assert operations.count("ListTrainedModelVersions") == 1


def test_every_page_of_the_listing_is_read(fake: CleanRoomsMLFake, new_client: Any) -> None:
    for number in range(5):
        fake.add_trained_model(f"model-{number}", "ACTIVE", COLLABORATION)
    with fake.mock():
        models = read_collaboration(new_client(), COLLABORATION, page_size=2)

    assert [model[0]["name"] for model in models] == [f"model-{number}" for number in range(5)]
    assert [call[0] for call in fake.calls].count("ListCollaborationTrainedModels") == 3


def snapshot_error(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    status = main(["snapshot", *arguments])
    captured = capsys.readouterr()
    assert captured.out == ""
    return status, captured.err


@pytest.mark.parametrize(
    "arguments, message",
    [
        (
            ["--collaboration-identifier", "churn"],
            "--collaboration-identifier must be a collaboration ID (a UUID of 36 characters), "
            "got 'churn' of 5 characters",
        ),
        (
            ["--collaboration-identifier", COLLABORATION, "--endpoint-url", "ftp://127.0.0.1"],
            "--endpoint-url must be an http:// or https:// URL with a host, got 'ftp://127.0.0.1'",
        ),
        (
            ["--collaboration-identifier", COLLABORATION, "--output", "models.txt"],
            "--output must end in .yaml, .yml or .json (its format), got 'models.txt'",
        ),
        (
            ["--collaboration-identifier", COLLABORATION, "--output", "/nowhere/models.yaml"],
            "--output '/nowhere/models.yaml': its folder does not exist",
        ),
    ],
)
def test_bad_arguments_are_refused_before_any_call(
    fake: CleanRoomsMLFake,
    fake_endpoint_url: str,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    status, stderr = snapshot_error(capsys, "--endpoint-url", fake_endpoint_url, *arguments)

    assert (status, stderr) == (2, f"cleanroomsml-fake snapshot: error: {message}\n")
    assert fake.calls == []


@pytest.mark.parametrize(
    "code, message",
    [
        (
            "AccessDeniedException",
            "ListCollaborationTrainedModels was denied (the caller needs the IAM action "
            "cleanrooms-ml:ListCollaborationTrainedModels): 'Not authorized; x-amz-security-token=<redacted>'",
        ),
        (
            "ResourceNotFoundException",
            f"--collaboration-identifier '{COLLABORATION}': no such collaboration for this caller in us-east-1 "
            "(ListCollaborationTrainedModels: 'Not authorized; x-amz-security-token=<redacted>')",
        ),
        (
            "ValidationException",
            "ListCollaborationTrainedModels failed with ValidationException: "
            "'Not authorized; x-amz-security-token=<redacted>'",
        ),
    ],
)
def test_a_refused_call_is_one_line_naming_it_without_the_credentials(
    fake: CleanRoomsMLFake,
    fake_endpoint_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    message: str,
) -> None:
    monkeypatch.setenv("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLEsessiontoken")
    fake.fail_next(
        "ListCollaborationTrainedModels",
        code,
        message="Not authorized; x-amz-security-token=FwoGZXIvYXdzEXAMPLEsessiontoken",
    )

    status, stderr = snapshot_error(
        capsys,
        "--collaboration-identifier",
        COLLABORATION,
        "--endpoint-url",
        fake_endpoint_url,
        "--region",
        "us-east-1",
    )

    assert (status, stderr) == (1, f"cleanroomsml-fake snapshot: error: {message}\n")


def test_without_credentials_or_with_an_unknown_profile_nothing_is_called(
    fake: CleanRoomsMLFake,
    fake_endpoint_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(variable)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    arguments = ("--collaboration-identifier", COLLABORATION, "--endpoint-url", fake_endpoint_url)

    no_credentials = snapshot_error(capsys, *arguments)
    no_profile = snapshot_error(capsys, *arguments, "--profile", "nobody")

    assert no_credentials == (
        1,
        "cleanroomsml-fake snapshot: error: no AWS credentials found: give --profile, "
        "or set them in the environment (AWS_ACCESS_KEY_ID...)\n",
    )
    assert no_profile == (
        1,
        "cleanroomsml-fake snapshot: error: --profile 'nobody': no such profile in the AWS config files\n",
    )
    assert fake.calls == []


@pytest.mark.parametrize(
    "region, message",
    [
        (None, "--region: none given, and the environment and profile name none"),
        ("us east", "--region 'us east': Provided region_name 'us east' doesn't match a supported format."),
    ],
)
def test_a_missing_or_malformed_region_is_named(
    fake: CleanRoomsMLFake,
    fake_endpoint_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    region: str | None,
    message: str,
) -> None:
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    monkeypatch.delenv("AWS_REGION", raising=False)
    arguments = ["--collaboration-identifier", COLLABORATION, "--endpoint-url", fake_endpoint_url]

    status, stderr = snapshot_error(capsys, *arguments, *(["--region", region] if region else []))

    assert (status, stderr) == (1, f"cleanroomsml-fake snapshot: error: {message}\n")
    assert fake.calls == []


def test_without_output_the_yaml_goes_to_standard_output(
    fake: CleanRoomsMLFake, fake_endpoint_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.add_trained_model("churn", "ACTIVE", COLLABORATION)
    arguments = ["--collaboration-identifier", COLLABORATION, "--endpoint-url", fake_endpoint_url]

    assert main(["snapshot", *arguments]) == 0

    captured = capsys.readouterr()
    assert [model["name"] for model in yaml.safe_load(captured.out)["models"]] == ["churn"]
    assert captured.err == "cleanroomsml-fake snapshot: 1 trained model, 1 version written to standard output\n"

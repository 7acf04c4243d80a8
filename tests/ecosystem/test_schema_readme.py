"""docs/schema/README.md's recipes work: its check-jsonschema command and its Python code, on responses of the fake."""

import json
import re
import shlex
import shutil

import boto3
import pytest
from tool_runs import ROOT, VENV_BIN, describe, run

SCHEMA_DIRECTORY = ROOT / "docs" / "schema"
README = (SCHEMA_DIRECTORY / "README.md").read_text(encoding="utf-8")
SCHEMA = SCHEMA_DIRECTORY / "collaboration_trained_model.schema.json"


def readme_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, re.DOTALL)


@pytest.fixture
def readme_python():
    """The names the README's Python block defines."""
    [block] = readme_blocks("python")
    namespace = {}
    exec(compile(block, "docs/schema/README.md", "exec"), namespace)
    return namespace


@pytest.fixture
def document(cleanroomsml_fake, readme_python):
    """A GetCollaborationTrainedModel response of the fake, as the AWS CLI would print it."""
    model = cleanroomsml_fake.add_trained_model(name="churn", status="CREATE_FAILED", description="Predicts churn")
    client = boto3.client("cleanroomsml", region_name="us-east-1")
    response = client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )
    return readme_python["as_document"](response)


@pytest.fixture
def check_jsonschema(tmp_path):
    """Runs the README's check-jsonschema command on a document saved as model.json beside the schema."""
    [command] = [
        line[2:]
        for block in readme_blocks("console")
        for line in block.splitlines()
        if line.startswith("$ check-jsonschema")
    ]
    arguments = shlex.split(command)
    arguments[0] = str(VENV_BIN / arguments[0])
    shutil.copy(SCHEMA, tmp_path)

    def check(document):
        (tmp_path / "model.json").write_text(json.dumps(document), encoding="utf-8")
        return run(arguments, cwd=tmp_path)

    return check


def with_epoch_create_time(document):
    """The document with createTime saved as seconds since the epoch, as some tools write datetimes."""
    return dict(document, createTime=1763631000.0)


def test_the_document_has_iso_8601_timestamps_and_no_response_metadata(document):
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", document["createTime"])
    assert "ResponseMetadata" not in document


def test_check_jsonschema_accepts_the_document(document, check_jsonschema):
    result = check_jsonschema(document)
    assert result.returncode == 0, describe(result)
    assert "ok -- validation done" in result.stdout


def test_check_jsonschema_names_a_numeric_timestamp(document, check_jsonschema):
    result = check_jsonschema(with_epoch_create_time(document))
    assert result.returncode == 1, describe(result)
    assert "model.json::$.createTime: 1763631000.0 is not of type 'string'" in result.stdout


def test_the_python_recipe_accepts_the_document_and_names_a_numeric_timestamp(document, readme_python):
    errors = readme_python["trained_model_errors"]
    assert errors(document, SCHEMA) == []
    assert errors(with_epoch_create_time(document), SCHEMA) == ["$.createTime: 1763631000.0 is not of type 'string'"]

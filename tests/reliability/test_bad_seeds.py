"""cleanroomsml-fake --seed refuses every bad seed at start: exit 2, the place in the file named, no traceback,
and nothing of the file's content beyond a short quote (a file given by mistake may hold passwords)."""

import pytest
from pytest_cleanroomsml.fake import cli
from pytest_cleanroomsml.fake.controller import CleanRoomsMLFake

SECRET = "hunter2-seed-secret-7c1f"
MODEL = "models:\n  - name: churn\n"
ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n"
    % ((chr(98 + level), chr(98 + level)) + (chr(97 + level),) * 9)
    for level in range(8)
)

# (name, the file's bytes, what the message must name: the place)
BAD_SEEDS = [
    (".env file given by mistake", (f"DB_PASSWORD={SECRET}\nAPI_KEY={SECRET}\n").encode(), "line 1"),
    (
        "YAML syntax error on a secret's line",
        (f"models:\n  - name: churn\nAPI_TOKEN: '{SECRET}\n").encode(),
        "line 3",
    ),
    ("after: .inf", (MODEL + "    statusChanges: [{after: .inf, status: ACTIVE}]\n").encode(), "line 3"),
    ("after: .nan", (MODEL + "    statusChanges: [{after: .nan, status: ACTIVE}]\n").encode(), "line 3"),
    (
        "trainedModelArn override of the wrong type",
        (MODEL + "    overrides: {trainedModelArn: 5}\n").encode(),
        "line 3",
    ),
    (
        "versionIdentifier override of the wrong type",
        (MODEL + "    overrides: {versionIdentifier: [a]}\n").encode(),
        "line 3",
    ),
    ("a YAML date", (MODEL + "    overrides: {createTime: 2024-01-01}\n").encode(), "line 3"),
    (
        "a YAML timestamp in a string member",
        (MODEL + "    overrides: {description: 2024-01-01 10:00:00}\n").encode(),
        "line 3",
    ),
    ("!!binary", (MODEL + "    overrides: {description: !!binary aGVsbG8=}\n").encode(), "line 3"),
    ("a 555-byte alias bomb", ALIAS_BOMB.encode(), "line 2"),
    ("not UTF-8", b"models:\n  - name: \xff\xfe churn\n", "line 2"),
    ("a name that is a number", (MODEL.replace("churn", "5")).encode(), "line 2"),
]


class Started(Exception):
    """The fake started serving: the seed was accepted."""


@pytest.fixture
def never_serve(monkeypatch):
    def refuse_to_serve(*args, **kwargs):
        raise Started()

    monkeypatch.setattr(CleanRoomsMLFake, "server", refuse_to_serve)


@pytest.mark.bad_input
@pytest.mark.parametrize("content, place", [case[1:] for case in BAD_SEEDS], ids=[case[0] for case in BAD_SEEDS])
def test_a_bad_seed_is_refused_at_start(tmp_path, capsys, never_serve, content, place):
    seed = tmp_path / "seed.yaml"
    seed.write_bytes(content)

    with pytest.raises(SystemExit) as exited:
        cli.main(["--seed", str(seed), "--port", "0"])

    captured = capsys.readouterr()
    message = captured.err
    assert exited.value.code == 2, message
    assert str(seed) in message and place in message, message
    assert "Traceback" not in message and SECRET not in message + captured.out, message
    assert len(message) < 2000

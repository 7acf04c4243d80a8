"""Bad arguments to the fake's controls (fail_next, set_status, latency, advance, overrides): a TypeError or ValueError
naming the argument, at once, instead of a fake that breaks later or fills the memory."""

import pytest

ARN_OVERRIDE = (
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    "/trained-model/0f8fad5b-d9cb-469f-a165-70867728950e"
)
GET = "GetCollaborationTrainedModel"

# (id, what to do with the fake and a model in it, the argument the message names)
CASES = [
    (
        "fail_next times: a billion",
        lambda fake, model: fake.fail_next(GET, "ThrottlingException", times=10**9),
        "times",
    ),
    ("fail_next times: a string", lambda fake, model: fake.fail_next(GET, "ThrottlingException", times="3"), "times"),
    ("fail_next times: a float", lambda fake, model: fake.fail_next(GET, "ThrottlingException", times=2.5), "times"),
    (
        "fail_next message: a number",
        lambda fake, model: fake.fail_next(GET, "ThrottlingException", message=5),
        "message",
    ),
    (
        "set_status after: infinite",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after=float("inf")),
        "after",
    ),
    (
        "set_status after: nan",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after=float("nan")),
        "after",
    ),
    (
        "set_status after: negative",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after=-1),
        "after",
    ),
    (
        "set_status after: a string",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after="5"),
        "after",
    ),
    (
        "set_status after: past what a timestamp holds",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after=1e300),
        "after",
    ),
    (
        "set_status after_polls: 0",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=0),
        "after_polls",
    ),
    (
        "set_status after_polls: a float",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=1.5),
        "after_polls",
    ),
    (
        "set_status after_polls: True",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after_polls=True),
        "after_polls",
    ),
    (
        "set_status after and after_polls together",
        lambda fake, model: fake.set_status(model["trainedModelArn"], "ACTIVE", after=5, after_polls=2),
        "after_polls",
    ),
    ("set_status status: None", lambda fake, model: fake.set_status(model["trainedModelArn"], None), "status"),
    ("advance: negative", lambda fake, model: fake.advance(-1), "seconds"),
    ("advance: nan", lambda fake, model: fake.advance(float("nan")), "seconds"),
    ("advance: a string", lambda fake, model: fake.advance("60"), "seconds"),
    ("advance: past what a timestamp holds", lambda fake, model: fake.advance(1e300), "seconds"),
    ("latency: negative", lambda fake, model: setattr(fake, "latency", -1), "latency"),
    ("latency: infinite", lambda fake, model: setattr(fake, "latency", float("inf")), "latency"),
    ("latency: a string", lambda fake, model: setattr(fake, "latency", "0.5"), "latency"),
    ("latency: a day", lambda fake, model: setattr(fake, "latency", 86400), "latency"),
    (
        "override trainedModelArn: a number",
        lambda fake, model: fake.add_trained_model("x", trainedModelArn=5),
        "trainedModelArn",
    ),
    (
        "override versionIdentifier: a list",
        lambda fake, model: fake.add_version(model["trainedModelArn"], versionIdentifier=["v"]),
        "versionIdentifier",
    ),
    ("name: a number", lambda fake, model: fake.add_trained_model(5), "name"),
]


@pytest.mark.bad_input
@pytest.mark.parametrize("control, argument", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_bad_control_argument_is_refused_by_name(cleanroomsml_fake, control, argument):
    model = cleanroomsml_fake.add_trained_model("churn")

    with pytest.raises((TypeError, ValueError)) as raised:
        control(cleanroomsml_fake, model)

    assert argument in str(raised.value)
    assert cleanroomsml_fake.latency == 0
    assert cleanroomsml_fake.clock() == 0
    assert cleanroomsml_fake.trained_models() == [model]


@pytest.mark.bad_input
@pytest.mark.parametrize("control, argument", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_connected_controller_refuses_it_alike(cleanroomsml_fake, cleanroomsml_server, control, argument):
    """Over the control API (CleanRoomsMLFake.connect): the same exception, the same message, nothing changed."""
    from pytest_cleanroomsml.fake import CleanRoomsMLFake

    model = cleanroomsml_fake.add_trained_model("churn")
    with pytest.raises((TypeError, ValueError)) as in_process:
        control(cleanroomsml_fake, model)

    with pytest.raises(type(in_process.value)) as connected:
        control(CleanRoomsMLFake.connect(cleanroomsml_server), model)

    assert str(connected.value) == str(in_process.value)
    assert cleanroomsml_fake.trained_models() == [model]
    assert cleanroomsml_fake.latency == 0


pytest_plugins = ["pytester"]

OTHER_REGION_TEST = """
from pytest_cleanroomsml.fake import CleanRoomsMLFake

def test_seeds_another_region(cleanroomsml_fake):
    CleanRoomsMLFake(region="eu-west-2").add_trained_model("elsewhere", trainedModelArn={arn!r})
"""


@pytest.mark.bad_input
def test_the_fake_fixture_resets_every_region_it_touched(pytester):
    from pytest_cleanroomsml.fake import CleanRoomsMLFake

    arn = ARN_OVERRIDE.replace("us-east-1", "eu-west-2")
    pytester.makepyfile(OTHER_REGION_TEST.format(arn=arn))

    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)

    # moto's state is process-wide: what the test seeded in eu-west-2 must be gone after it.
    with pytest.raises(LookupError):
        CleanRoomsMLFake(region="eu-west-2").set_status(arn, "ACTIVE")

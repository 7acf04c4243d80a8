"""A long session keeps nothing of a test that used the fake once it has been torn down (docs/performance.md,
plugin-memory). The inner session runs in a pytest subprocess, which has moto's state and the fake's objects to itself.
"""

pytest_plugins = ["pytester"]

TESTS = 30

# Each test leaves what a test can: a model with a version, a status change still waiting for a read, a failure
# that a request met, recorded calls, a latency. The last test, which uses no fixture of the plugin, counts what is
# still alive of those that ran before it.
SESSION = """
import gc

import pytest
from botocore.client import BaseClient

from pytest_cleanroomsml.fake import CleanRoomsMLFake, cleanroomsml_backends
from pytest_cleanroomsml.fake.models import TrainedModel, TrainedModelVersion
from pytest_cleanroomsml.fake.timeline import Timeline, _Change

PER_TEST = (CleanRoomsMLFake, TrainedModel, TrainedModelVersion, Timeline, _Change, BaseClient)


@pytest.mark.parametrize("number", range({tests}))
def test_uses_the_fake(number, cleanroomsml_fake, cleanroomsml_client):
    model = cleanroomsml_fake.add_trained_model("model-%d" % number)
    cleanroomsml_fake.add_version(model["trainedModelArn"])
    cleanroomsml_fake.set_status(model["trainedModelArn"], "CREATE_FAILED", after=60)
    cleanroomsml_fake.fail_next("GetCollaborationTrainedModel", "AccessDeniedException")
    cleanroomsml_fake.latency = 0.0001
    request = dict(trainedModelArn=model["trainedModelArn"], collaborationIdentifier=model["collaborationIdentifier"])
    with pytest.raises(cleanroomsml_client.exceptions.AccessDeniedException):
        cleanroomsml_client.get_collaboration_trained_model(**request)
    assert cleanroomsml_client.get_collaboration_trained_model(**request)["status"] == "ACTIVE"


def test_nothing_of_the_earlier_tests_is_held():
    gc.collect()
    alive = {{kind.__name__: 0 for kind in PER_TEST}}
    for found in gc.get_objects():
        for kind in PER_TEST:
            if isinstance(found, kind):
                alive[kind.__name__] += 1
    held = {{
        (account, region): (len(backend.trained_models), len(backend.request_hooks.calls))
        for account, regions in cleanroomsml_backends.items()
        for region, backend in regions.items()
    }}

    assert alive == {{kind.__name__: 0 for kind in PER_TEST}}
    assert set(held.values()) <= {{(0, 0)}}, held
"""


def test_a_long_session_holds_nothing_of_the_tests_torn_down(pytester):
    pytester.makepyfile(test_session=SESSION.format(tests=TESTS))

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly")

    result.assert_outcomes(passed=TESTS + 1)

"""The Clean Rooms ML fake, seeded with many trained models and served over HTTP on 127.0.0.1."""

import contextlib

from pytest_cleanroomsml.fake import CleanRoomsMLFake

REGION = "us-east-1"
COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


class ServedFake:
    """A running fake: the controller, its endpoint URL and the ARNs of the models seeded in COLLABORATION."""

    def __init__(self, fake, endpoint_url, arns):
        self.fake = fake
        self.endpoint_url = endpoint_url
        self.arns = arns
        self.collaboration = COLLABORATION


@contextlib.contextmanager
def served_models(count, status="ACTIVE", latency=0.0):
    """Serve ``count`` models of one collaboration, each request delayed by ``latency`` seconds.

    The server runs on threads of this process; what is measured runs in other processes
    (ansible-playbook, the lookup timer), so that it never competes with the server for
    this process's interpreter lock.
    """
    fake = CleanRoomsMLFake(region=REGION)
    fake.reset()
    arns = [
        fake.add_trained_model("model-%d" % number, status, COLLABORATION)["trainedModelArn"] for number in range(count)
    ]
    try:
        with fake.server() as endpoint_url:
            fake.latency = latency
            yield ServedFake(fake, endpoint_url, arns)
    finally:
        fake.reset()

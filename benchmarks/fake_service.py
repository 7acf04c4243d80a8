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
def served_models(count, status="ACTIVE", latency=0.0, versions=1):
    """Serve ``count`` models of one collaboration, ``versions`` versions each, requests delayed by ``latency`` s.

    The server runs on threads of this process; what is measured runs in other processes
    (ansible-playbook, the lookup timer), so that it never competes with the server for
    this process's interpreter lock.
    """
    fake = CleanRoomsMLFake(region=REGION)
    fake.reset()
    arns = [
        fake.add_trained_model(f"model-{number}", status, COLLABORATION)["trainedModelArn"] for number in range(count)
    ]
    for arn in arns:
        for _later_version in range(versions - 1):
            fake.add_version(arn, status)
    try:
        with fake.server() as endpoint_url:
            fake.latency = latency
            yield ServedFake(fake, endpoint_url, arns)
    finally:
        fake.reset()


@contextlib.contextmanager
def moto_server():
    """moto's own server (every service it ships) on a free port of 127.0.0.1, for the peers that use them.

    The fake's server answers Clean Rooms ML routes only (docs/fake.md), so a peer that calls
    STS, IAM or AWS Clean Rooms gets a server of its own.
    """
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()

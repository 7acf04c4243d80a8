"""fake-throughput: answers per second of the fake's HTTP server, against moto's server answering a service moto ships.

The fake's ``server()`` answers GetCollaborationTrainedModel of a seeded model; moto's own
ThreadedMotoServer, started beside it, answers AWS Clean Rooms' GetCollaboration (moto's
cleanrooms backend), a REST-JSON GET of one resource too. Both are moto's server code on
threads of this process. A load generator in another process
(benchmarks/request_load.py) sends each the same signed request many times over a few
keep-alive connections, in alternating rounds.
"""

from benchmarks.fake_service import moto_server, served_models
from benchmarks.figures import Quantity, RatioAtLeast, Row
from benchmarks.prerendered_service import fake_client
from benchmarks.subprocess_job import run_job

NAME = "fake-throughput"
SIZES = {
    "full": {"requests": 1000, "connections": 2, "rounds": 5},
    "tiny": {"requests": 20, "connections": 2, "rounds": 1},
}
GOAL = RatioAtLeast(1.0)


def _moto_collaboration(endpoint_url):
    """The identifier of a collaboration created in moto's own cleanrooms backend."""
    collaboration = fake_client(endpoint_url, "cleanrooms").create_collaboration(
        name="benchmark",
        description="compared with the Clean Rooms ML fake",
        members=[],
        creatorMemberAbilities=["CAN_QUERY", "CAN_RECEIVE_RESULTS"],
        creatorDisplayName="benchmark",
        queryLogStatus="DISABLED",
    )
    return collaboration["collaboration"]["id"]


def run(requests, connections, rounds):
    with served_models(1) as served, moto_server() as moto_url:
        calls = {
            "fake": {
                "endpoint_url": served.endpoint_url,
                "service": "cleanroomsml",
                "operation": "get_collaboration_trained_model",
                "params": {"trainedModelArn": served.arns[0], "collaborationIdentifier": served.collaboration},
            },
            "moto": {
                "endpoint_url": moto_url,
                "service": "cleanrooms",
                "operation": "get_collaboration",
                "params": {"collaborationIdentifier": _moto_collaboration(moto_url)},
            },
        }
        job = {
            "connections": connections,
            "requests": requests,
            "rounds": rounds,
            "calls": calls,
        }
        samples = run_job("benchmarks.request_load", job)
    sending = f"{requests} requests over {connections} keep-alive connections per round; median of {rounds} rounds"
    return [
        Row(
            NAME,
            Quantity.median_of(
                samples["fake"],
                "requests/s",
                "GetCollaborationTrainedModel answered by the fake's HTTP server, " + sending,
            ),
            Quantity.median_of(
                samples["moto"],
                "requests/s",
                "GetCollaboration answered by moto's cleanrooms backend in moto's own server, " + sending,
            ),
            GOAL,
        )
    ]

"""Time a poll of the event source cleanrooms.ml.trained_model_status beside a raw paginated listing.

Run by the event-poll benchmark as `python -m benchmarks.event_poll_timer`, in a process of its
own (the fake's server runs in the benchmark's). It reads a job from standard input:
  {"endpoint_url": ..., "collaboration": ..., "rounds": N}
makes the source's first poll (which only records what it sees), then times alternately a
poll in which nothing changed and the listing done by hand with a plain boto3 client and
botocore's paginator, and writes {"poll": [seconds...], "listing": [seconds...], "events": E}
to standard output (E: events the timed polls put on the queue, 0 when nothing changed).
"""

import asyncio
import json
import sys

import boto3
from ansible.plugins.loader import init_plugin_loader

from benchmarks import ROOT
from benchmarks.alternation import time_alternately


def main():
    job = json.load(sys.stdin)
    init_plugin_loader([str(ROOT / "build")])
    # Imported once the collection loader is in place.
    from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_api import SERVICE_NAME
    from ansible_collections.cleanrooms.ml.plugins.plugin_utils.event_source_client import event_source_client
    from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_options import source_options
    from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_source import (
        TrainedModelStatusPoller,
    )

    options = source_options({"collaboration_identifier": job["collaboration"], "endpoint_url": job["endpoint_url"]})
    poller = TrainedModelStatusPoller(options, event_source_client(SERVICE_NAME, options.connection))
    raw_client = boto3.session.Session().client(SERVICE_NAME, endpoint_url=job["endpoint_url"])
    loop = asyncio.new_event_loop()
    queue = asyncio.Queue()

    def poll():
        loop.run_until_complete(poller.poll(queue))

    def listing():
        paginator = raw_client.get_paginator("list_collaboration_trained_models")
        return paginator.paginate(collaborationIdentifier=job["collaboration"]).build_full_result()

    poll()  # the baseline
    listing()
    samples = time_alternately({"poll": poll, "listing": listing}, job["rounds"])
    samples["events"] = queue.qsize()
    loop.close()
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()

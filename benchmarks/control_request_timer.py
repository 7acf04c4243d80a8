"""Time requests to the fake's control API, made through ``CleanRoomsMLFake.connect()``.

Run by the control-request benchmark as `python -m benchmarks.control_request_timer`, in a
process of its own. It reads {"endpoint_url", "arn", "requests": N, "rounds": R} from standard
input, makes one request to warm up, then times R rounds of N ``set_status`` requests and writes
[seconds per round] to standard output.
"""

import json
import sys
import time

from pytest_cleanroomsml.fake import CleanRoomsMLFake


def main():
    job = json.load(sys.stdin)
    fake = CleanRoomsMLFake.connect(job["endpoint_url"])

    def steer():
        fake.set_status(job["arn"], "ACTIVE", message="steered")

    steer()
    samples = []
    for _round in range(job["rounds"]):
        started = time.perf_counter()
        for _request in range(job["requests"]):
            steer()
        samples.append(time.perf_counter() - started)
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()

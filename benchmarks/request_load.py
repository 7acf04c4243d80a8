"""Send the same request many times over keep-alive connections and count the answers per second.

Run by the fake-throughput benchmark as `python -m benchmarks.request_load`, in a process of
its own (the server runs in the benchmark's). It reads a job from standard input:
  {"connections": C, "requests": N, "rounds": R,
   "calls": {name: {"endpoint_url": ..., "service": ..., "operation": ..., "params": {...}}, ...}}
makes each call once with boto3 (which also warms the server up) and keeps the HTTP request
botocore sent, signed as it was; then, in rounds that alternate the calls, sends that
request N times over C connections (one thread each, raw http.client, so that the client's
own work per request stays small) and writes {name: [answers per second, one per round]}.
Every answer must be a 200, read in full.
"""

import http.client
import json
import sys
import threading
from urllib.parse import urlsplit

import boto3

from benchmarks.alternation import time_alternately


def _captured_request(endpoint_url, call):
    """(method, path, headers, body) of the request botocore sends for ``call``, which is made once."""
    client = boto3.session.Session().client(call["service"], endpoint_url=endpoint_url)
    captured = {}

    def capture(request, **kwargs):
        address = urlsplit(request.url)
        captured.update(
            method=request.method,
            path=address.path + ("?" + address.query if address.query else ""),
            headers=dict(request.headers),
            body=request.body or b"",
        )

    client.meta.events.register("before-send", capture)
    getattr(client, call["operation"])(**call["params"])
    return captured


def _send(endpoint_url, request, count, failures):
    address = urlsplit(endpoint_url)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    for _request_number in range(count):
        connection.request(request["method"], request["path"], body=request["body"], headers=request["headers"])
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            failures.append(response.status)
    connection.close()


def _load(endpoint_url, request, requests, connections):
    failures = []
    threads = [
        threading.Thread(target=_send, args=(endpoint_url, request, requests // connections, failures))
        for _connection_number in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{len(failures)} answers were not 200 (first: {failures[0]})")


def main():
    job = json.load(sys.stdin)
    calls = job["calls"]
    requests = {name: _captured_request(call["endpoint_url"], call) for name, call in calls.items()}
    sent = job["requests"] // job["connections"] * job["connections"]
    workloads = {
        name: lambda name=name, request=request: _load(calls[name]["endpoint_url"], request, sent, job["connections"])
        for name, request in requests.items()
    }
    samples = time_alternately(workloads, job["rounds"])
    json.dump({name: [sent / seconds for seconds in rounds] for name, rounds in samples.items()}, sys.stdout)


if __name__ == "__main__":
    main()

"""Time the lookup inside one Ansible process, beside plain boto3 loops doing the same calls.

Run by the lookup benchmarks as `python -m benchmarks.lookup_timer`, in a process of its
own (the fake's server runs in theirs). It reads a job from standard input:
  {"endpoint_url": ..., "collaboration": ..., "arns": [...], "rounds": N,
   "workloads": [{"name": ..., "kind": <one of WORKLOADS>, "calls": C (default: every ARN),
                  "max_concurrency": M (lookup_all_models only),
                  "command": [...] (pipe_aws_cli only: its argv, "ARN" where each model's ARN goes)}, ...]}
runs each workload once on the first ARN (to load plugins and build cached clients), then
times them alternately, each on its first C ARNs, and writes {name: [seconds per round]}
to standard output.
The lookup runs as in a play: a Templar renders a template that calls it.
"""

import json
import shlex
import sys

import boto3
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import init_plugin_loader
from ansible.template import Templar, trust_as_template
from pytest_cleanroomsml._shared.cleanroomsml_service import SERVICE_NAME

from benchmarks import ROOT
from benchmarks.alternation import time_alternately

LOOKUP = "cleanrooms.ml.cleanroomsml_trained_model_info"

# One lookup call per model: a loop in a template, as a report template would have it.
LOOP_TEMPLATE = (
    "{% for arn in arns %}{{ lookup('"
    + LOOKUP
    + "', arn, collaboration_identifier=collaboration, endpoint_url=endpoint_url).status }}{% endfor %}"
)
# One lookup call for every model.
BULK_TEMPLATE = (
    "{{ query('" + LOOKUP + "', arns, collaboration_identifier=collaboration, endpoint_url=endpoint_url,"
    " max_concurrency=max_concurrency) | length }}"
)

# What a template does without this collection: the AWS CLI through the pipe lookup, its JSON parsed.
PIPE_TEMPLATE = "{% for command in commands %}{{ (lookup('pipe', command) | from_json).status }}{% endfor %}"


def _render(template, job, arns, **variables):
    variables.update(arns=arns, collaboration=job["collaboration"], endpoint_url=job["endpoint_url"])
    return Templar(loader=DataLoader(), variables=variables).template(trust_as_template(template))


def lookup_per_model(job, workload):
    return lambda arns: _render(LOOP_TEMPLATE, job, arns)


def lookup_all_models(job, workload):
    return lambda arns: _render(BULK_TEMPLATE, job, arns, max_concurrency=workload["max_concurrency"])


def pipe_aws_cli(job, workload):
    def commands(arns):
        return [" ".join(shlex.quote(arn if word == "ARN" else word) for word in workload["command"]) for arn in arns]

    return lambda arns: _render(PIPE_TEMPLATE, job, arns, commands=commands(arns))


def _get_each(client_for_call, job, arns):
    for arn in arns:
        client_for_call().get_collaboration_trained_model(
            trainedModelArn=arn, collaborationIdentifier=job["collaboration"]
        )


def boto3_one_client(job, workload):
    client = boto3.session.Session().client(SERVICE_NAME, endpoint_url=job["endpoint_url"])
    return lambda arns: _get_each(lambda: client, job, arns)


def boto3_client_per_call(job, workload):
    # What amazon.aws's lookups do on each call: a new boto3 Session, then its client.
    return lambda arns: _get_each(
        lambda: boto3.session.Session().client(SERVICE_NAME, endpoint_url=job["endpoint_url"]), job, arns
    )


WORKLOADS = {
    "lookup_per_model": lookup_per_model,
    "lookup_all_models": lookup_all_models,
    "boto3_one_client": boto3_one_client,
    "boto3_client_per_call": boto3_client_per_call,
    "pipe_aws_cli": pipe_aws_cli,
}


def main():
    job = json.load(sys.stdin)
    init_plugin_loader([str(ROOT / "build")])
    runs = {workload["name"]: WORKLOADS[workload["kind"]](job, workload) for workload in job["workloads"]}
    for run in runs.values():
        run(job["arns"][:1])
    arns = {workload["name"]: job["arns"][: workload.get("calls")] for workload in job["workloads"]}
    samples = time_alternately(
        {name: lambda run=run, name=name: run(arns[name]) for name, run in runs.items()}, job["rounds"]
    )
    json.dump(samples, sys.stdout)


if __name__ == "__main__":
    main()

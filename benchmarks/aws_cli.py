"""The AWS CLI the vs-aws-cli benchmarks compare with: v1 from PyPI, in a virtual environment of its own.

`make venv` installs it from requirements-awscli.txt into .venv/awscli (it cannot share the
main environment; that file says why).
"""

import sys
from pathlib import Path

AWS_CLI = Path(sys.prefix) / "awscli" / "bin" / "aws"


def aws_cli():
    """The path of the `aws` command, or RuntimeError saying how to install it."""
    if not AWS_CLI.exists():
        raise RuntimeError(f"the AWS CLI is not installed at {AWS_CLI}: run `make venv` (requirements-awscli.txt)")
    return str(AWS_CLI)


def get_model_argv(arn, collaboration, endpoint_url):
    """`aws cleanroomsml get-collaboration-trained-model` of one model, JSON on standard output, as a list of
    arguments."""
    return [
        aws_cli(),
        "cleanroomsml",
        "get-collaboration-trained-model",
        "--trained-model-arn",
        arn,
        "--collaboration-identifier",
        collaboration,
        "--endpoint-url",
        endpoint_url,
        "--output",
        "json",
    ]

"""``cleanroomsml-fake snapshot``: write a seed file from a collaboration's trained models.

Arguments are checked before any call; every failure is one line on standard error naming
the argument or the call, with the credentials sent taken out of what the service said.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import boto3
import yaml
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, ProfileNotFound

from .._shared.cleanroomsml_service import IAM_PREFIX, SERVICE_NAME
from .._shared.connection_checks import url_error
from .._shared.credential_redaction import redacted, sent_credentials
from .._shared.identifier_rules import IdentifierRule
from .._shared.quoted_values import quoted
from ..package_data import trained_model_schema
from .seed_entries import seed_document
from .snapshot import read_collaboration
from .snapshot_redaction import Redaction, redaction_key

PROG = "cleanroomsml-fake snapshot"
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
# Throttling while reading hundreds of models is expected: botocore's standard retries, with room.
_RETRIES = {"mode": "standard", "max_attempts": 10}


class SnapshotFailure(Exception):
    """What went wrong, in one line."""


def add_snapshot_parser(subcommands: Any) -> None:
    parser = subcommands.add_parser(
        "snapshot",
        help="write a seed file from a collaboration's trained models (AWS or any endpoint)",
        description=(
            "Read every trained model of a collaboration, with all its versions, and write a seed file from "
            "which the fake answers GetCollaborationTrainedModel and ListCollaborationTrainedModels as they did."
        ),
    )
    parser.add_argument("--collaboration-identifier", required=True, metavar="ID", help="the collaboration's ID")
    parser.add_argument("--region", help="AWS Region (default: the profile's or AWS_REGION)")
    parser.add_argument("--profile", help="AWS profile whose credentials sign the requests")
    parser.add_argument("--endpoint-url", metavar="URL", help="send the requests there instead of AWS (e.g. a fake)")
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="seed file to write, YAML or JSON by its suffix (default: YAML on stdout)",
    )
    parser.add_argument(
        "--redact",
        action="store_true",
        help="replace account ids and membership, collaboration, model and version ids consistently (docs/fake.md)",
    )


def run_snapshot(args: argparse.Namespace) -> int:
    """The snapshot subcommand: 0 when the seed was written, 2 for bad arguments, 1 for a failed call."""
    problem = _argument_problem(args)
    if problem:
        return _fail(problem, 2)
    try:
        client = _client(args)
    except SnapshotFailure as failure:
        return _fail(str(failure), 1)
    sent = sent_credentials(client)  # before the first request: what it sends is taken out of messages
    try:
        models = read_collaboration(client, args.collaboration_identifier)
    except (BotoCoreError, ClientError) as error:
        return _fail(_call_failure(error, args, sent.values), 1)
    document = seed_document(models)
    if args.redact:
        document = Redaction(redaction_key()).document(document)
    text = seed_text(document, SUFFIXES.get(args.output.suffix.lower(), "yaml") if args.output else "yaml")
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            _write_whole(args.output, text)
        except OSError as error:
            return _fail(f"--output {quoted(str(args.output))}: cannot write it: {error.strerror}", 1)
    versions = sum(len(model.get("versions", [])) + 1 for model in document["models"])
    where = args.output or "standard output"
    written = f"{_counted(len(document['models']), 'trained model')}, {_counted(versions, 'version')}"
    print(f"{PROG}: {written} written to {where}", file=sys.stderr)
    return 0


def seed_text(document: dict[str, Any], form: str) -> str:
    """The seed document as YAML or JSON text (timestamps are ISO 8601 text already)."""
    if form == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    # libyaml's emitter, when PyYAML has it, writes a snapshot of 1,000 versions some 20 times faster.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)
    return text


def _argument_problem(args: argparse.Namespace) -> str | None:
    rule = IdentifierRule(trained_model_schema()["$defs"]["UUID"], "a collaboration ID (a UUID of 36 characters)")
    problem: str | None = rule.error("--collaboration-identifier", args.collaboration_identifier)
    if problem is None and args.endpoint_url is not None:
        problem = url_error("--endpoint-url", args.endpoint_url)
    if problem:
        return problem
    if args.output is not None:
        if args.output.suffix.lower() not in SUFFIXES:
            return f"--output must end in .yaml, .yml or .json (its format), got {quoted(str(args.output))}"
        if not args.output.parent.is_dir():
            return f"--output {quoted(str(args.output))}: its folder does not exist"
    return None


def _client(args: argparse.Namespace) -> Any:
    """A cleanroomsml client for the arguments, once credentials and a Region are known (no call made)."""
    try:
        session = boto3.session.Session(profile_name=args.profile, region_name=args.region)
    except ProfileNotFound:
        raise SnapshotFailure(f"--profile {quoted(args.profile)}: no such profile in the AWS config files") from None
    if session.region_name is None:
        raise SnapshotFailure("--region: none given, and the environment and profile name none")
    if session.get_credentials() is None:
        raise SnapshotFailure(
            "no AWS credentials found: give --profile, or set them in the environment (AWS_ACCESS_KEY_ID...)"
        )
    try:
        return session.client(
            SERVICE_NAME,
            endpoint_url=args.endpoint_url,
            config=Config(retries=_RETRIES, user_agent_extra="cleanroomsml-fake-snapshot"),
        )
    except BotoCoreError as error:  # an invalid Region name
        raise SnapshotFailure(f"--region {quoted(args.region)}: {redacted(str(error))}") from None


def _call_failure(error: Exception, args: argparse.Namespace, secrets: Any) -> str:
    """One line naming the call, and the argument when the service refused it."""
    if isinstance(error, NoCredentialsError):
        return "no AWS credentials found: give --profile, or set them in the environment (AWS_ACCESS_KEY_ID...)"
    if not isinstance(error, ClientError):
        return str(redacted(f"cannot reach Clean Rooms ML: {error}", secrets))
    operation = error.operation_name
    code = error.response.get("Error", {}).get("Code", "")
    said = quoted(redacted(error.response.get("Error", {}).get("Message", ""), secrets))
    if code == "AccessDeniedException":
        return f"{operation} was denied (the caller needs the IAM action {IAM_PREFIX}:{operation}): {said}"
    if code == "ResourceNotFoundException" and operation == "ListCollaborationTrainedModels":
        return (
            f"--collaboration-identifier {quoted(args.collaboration_identifier)}: no such collaboration "
            f"for this caller in {args.region or 'the Region'} ({operation}: {said})"
        )
    return f"{operation} failed with {code or 'an error'}: {said}"


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that no half-written file is ever left there."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

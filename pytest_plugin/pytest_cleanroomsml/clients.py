"""boto3 cleanroomsml clients: one for the offline fake, one for live AWS from the standard credential chain."""

from __future__ import annotations

import functools

import boto3
from botocore.client import BaseClient
from botocore.exceptions import BotoCoreError

from ._shared.cleanroomsml_service import SERVICE_NAME
from .options import CleanRoomsMLSettings
from .report_redaction import remember_live_credentials


class LiveCredentialsMissing(Exception):
    """A live run found no AWS credentials; the message says why, never what the credentials are."""


@functools.cache
def _offline_session(region: str) -> boto3.session.Session:
    """One boto3 Session per Region for the offline clients of the whole run.

    A new Session reads botocore's endpoint and service data again, some 100 ms per test.
    Offline tests all run with the same fake credentials and hidden config files (see
    aws_isolation), which is all a Session keeps from the environment, so one can serve them all.
    """
    return boto3.session.Session(region_name=region)


def offline_client(settings: CleanRoomsMLSettings) -> BaseClient:
    """A client for the fake: it must be made while the fake's mock is active, which answers its requests."""
    return _offline_session(settings.region).client(SERVICE_NAME)


def live_client(settings: CleanRoomsMLSettings) -> BaseClient:
    """A client for real AWS in the settings' Region and endpoint; LiveCredentialsMissing without credentials."""
    session = boto3.session.Session(region_name=settings.region)
    try:
        credentials = session.get_credentials()
    except BotoCoreError as error:
        # Only the error's name: some (a failing credential_process) quote output that may hold secrets.
        raise LiveCredentialsMissing(
            "live Clean Rooms ML run (--cleanroomsml-live): loading AWS credentials failed with "
            f"{type(error).__name__}; "
            "check AWS_PROFILE and the AWS config and credentials files"
        ) from None
    if credentials is None:
        raise LiveCredentialsMissing(
            "live Clean Rooms ML run (--cleanroomsml-live) without AWS credentials: none found in the environment, "
            "the AWS config and credentials files, or instance and container metadata"
        )
    frozen = credentials.get_frozen_credentials()
    remember_live_credentials(frozen.access_key, frozen.secret_key, frozen.token)
    return session.client(SERVICE_NAME, endpoint_url=settings.endpoint_url)

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""A boto3 client for an event source, built by amazon.aws's own connection handling.

An event source is no Ansible plugin, but amazon.aws's AWSPluginBase only needs its options:
region, profile, endpoint_url, keys, certificates, resolved exactly as its lookups resolve them.
"""

try:
    from botocore.exceptions import BotoCoreError
except ImportError:
    BotoCoreError = Exception  # botocore is a requirement of the collection; checked where the client is built

from ansible_collections.amazon.aws.plugins.plugin_utils.base import AWSPluginBase
from ansible_collections.cleanrooms.ml.plugins.module_utils.timestamp_parsing import parse_timestamps_quickly
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_status_options import SOURCE_NAME

# The source retries failed calls itself, asynchronously and logged (see trained_model_status_source),
# so that it can be cancelled at any time: botocore makes each call once.
_SINGLE_ATTEMPT = {"retries": {"mode": "standard", "total_max_attempts": 1}}


class EventSourceClientError(Exception):
    """The client cannot be built: no region, an unknown profile, a bad certificate bundle..."""


def _call_once(function):
    """A retry decorator for RetryingBotoClientWrapper that does not retry: aws_retry=True is accepted and ignored."""
    return function


class _EventSourceConnection(AWSPluginBase):
    """What AWSPluginBase needs from a plugin: its options and a way to fail."""

    ansible_name = SOURCE_NAME  # named in its "requires a region" message

    def __init__(self, options):
        self._options = dict(options, aws_config=_SINGLE_ATTEMPT)

    def get_options(self):
        return self._options

    def _do_fail(self, message):
        raise EventSourceClientError(message)


def event_source_client(service, connection_options):
    """A client for service, with amazon.aws's connection options; raises EventSourceClientError.

    It accepts the aws_retry=True that the collection's API helpers pass, as a client that
    module.client(..., retry_decorator=...) returns does, and makes each call once. It reads the
    API's timestamps as the module's and the lookup's clients do (parse_timestamps_quickly).
    """
    try:
        client = _EventSourceConnection(connection_options).client(service, retry_decorator=_call_once)
    except (BotoCoreError, ValueError) as error:
        raise EventSourceClientError(f"cannot build a {service} client: {error}") from None
    parse_timestamps_quickly(client)
    return client

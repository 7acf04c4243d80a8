# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Clean Rooms ML's error class and error handler, as amazon.aws writes one per service (module_utils/iam.py).

The API functions of trained_model_api are decorated with ``CleanRoomsMLErrorHandler.common_error_handler``:
a botocore error leaves them as an ``AnsibleCleanRoomsMLError`` whose message says what failed in the
words of the request. The module, the lookup and the event source each convert it once, at their edge,
after ``redacted(secrets)`` has taken the credentials out of what the service answered.
"""

import functools
import inspect

try:
    from botocore.exceptions import BotoCoreError, ClientError
except ImportError:
    BotoCoreError = ClientError = Exception  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

from ansible_collections.amazon.aws.plugins.module_utils.botocore import is_boto3_error_code
from ansible_collections.amazon.aws.plugins.module_utils.errors import AWSErrorHandler
from ansible_collections.amazon.aws.plugins.module_utils.exceptions import AnsibleAWSError
from ansible_collections.cleanrooms.ml.plugins.module_utils.cleanroomsml_service import IAM_PREFIX
from ansible_collections.cleanrooms.ml.plugins.module_utils.credential_redaction import redact_error
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_arns import region_mismatch

NOT_FOUND_ERROR_CODE = "ResourceNotFoundException"
ACCESS_DENIED_ERROR_CODE = "AccessDeniedException"


def error_code(error):
    """The AWS error code of a botocore ClientError, or None for other exceptions."""
    response = getattr(error, "response", None) or {}
    return response.get("Error", {}).get("Code")


def failure_message(
    error, operation, trained_model_arn=None, collaboration_identifier=None, version_identifier=None, region=None
):
    """Say in one line what failed, in the words of the request rather than the HTTP exchange.

    ``region`` is where the request went: a model asked for in another Region than its ARN's
    is never found there, and the message says so.
    """
    code = error_code(error)
    if code == NOT_FOUND_ERROR_CODE and trained_model_arn:
        message = "trained model {} (version {}) not found in collaboration {}".format(
            trained_model_arn,
            version_identifier or "latest",
            collaboration_identifier,
        )
        mismatch = region_mismatch(trained_model_arn, region)
        return f"{message}: {mismatch}" if mismatch else message
    if code == NOT_FOUND_ERROR_CODE and collaboration_identifier:
        return f"collaboration {collaboration_identifier} not found"
    if code == ACCESS_DENIED_ERROR_CODE:
        return f"access denied to {operation}: the caller needs the IAM action {IAM_PREFIX}:{operation}"
    if code:
        return f"{operation} failed with {code}"
    return f"{operation} failed"


class AnsibleCleanRoomsMLError(AnsibleAWSError):
    """A failed Clean Rooms ML call: ``message`` says what failed, ``exception`` is botocore's error."""

    @property
    def code(self):
        """The AWS error code, or None for an error without one (the network, an unreadable response)."""
        return error_code(self.exception)

    def redacted(self, secrets=()):
        """This error, with the credentials (and ``secrets``) taken out of what botocore's error shows."""
        if self.exception is not None:
            redact_error(self.exception, secrets)
        return self


def _client_region(client):
    """The Region a boto3 client sends its requests to, or None for something that is no client."""
    return getattr(getattr(client, "meta", None), "region_name", None)


class CleanRoomsMLErrorHandler(AWSErrorHandler):
    """amazon.aws's AWSErrorHandler for Clean Rooms ML: the messages name the request's model and collaboration."""

    _CUSTOM_EXCEPTION = AnsibleCleanRoomsMLError

    @classmethod
    def _is_missing(cls):
        return is_boto3_error_code(NOT_FOUND_ERROR_CODE)

    @classmethod
    def common_error_handler(cls, description):
        """Raise AnsibleCleanRoomsMLError for a botocore error of the decorated API function.

        ``description`` is the API operation. The message is ``failure_message`` of the call's
        own arguments (client, trained_model_arn, collaboration_identifier, version_identifier),
        so it names what was asked for where AWSErrorHandler's would say "Failed to ...".
        """

        def wrapper(func):
            signature = inspect.signature(func)

            @functools.wraps(func)
            def handler(*args, **kwargs):
                try:
                    return func(*args, **kwargs)
                except (BotoCoreError, ClientError) as error:
                    call = signature.bind(*args, **kwargs).arguments
                    message = failure_message(
                        error,
                        description,
                        call.get("trained_model_arn"),
                        call.get("collaboration_identifier"),
                        call.get("version_identifier"),
                        _client_region(call.get("client")),
                    )
                    raise cls._CUSTOM_EXCEPTION(message=message, exception=error) from error

            return handler

        return wrapper

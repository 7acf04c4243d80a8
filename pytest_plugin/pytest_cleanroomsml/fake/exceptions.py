"""Errors the Clean Rooms ML fake answers with, in the rest-json error format.

JsonRESTError sends the error code both as the ``X-Amzn-ErrorType`` header and as
``__type`` in the JSON body; botocore's rest-json parser reads the header first, so
boto3 raises the modelled class (``client.exceptions.ResourceNotFoundException``, ...).
"""

from __future__ import annotations

from moto.core.exceptions import JsonRESTError


class CleanRoomsMLError(JsonRESTError):
    """Base class: the class name is the error code, ``code`` the HTTP status."""

    def __init__(self, message: str, error_code: str | None = None):
        super().__init__(error_code or type(self).__name__, message)


class ValidationException(CleanRoomsMLError):
    code = 400


class ServiceQuotaExceededException(CleanRoomsMLError):
    code = 402


class AccessDeniedException(CleanRoomsMLError):
    code = 403


class ResourceNotFoundException(CleanRoomsMLError):
    code = 404


class ConflictException(CleanRoomsMLError):
    code = 409


class ThrottlingException(CleanRoomsMLError):
    code = 429


class InternalServiceException(CleanRoomsMLError):
    code = 500


# Not in the service model: generic AWS server-side errors, which boto3 raises as a
# plain ClientError. Only ever sent when a test asks for them with fail_next().
class InternalServerException(CleanRoomsMLError):
    code = 500


class ServiceUnavailable(CleanRoomsMLError):
    code = 503


class UnservedRegionException(CleanRoomsMLError):
    """A request signed for a Region the fake does not serve.

    Not in the service model (AWS has no endpoint there to answer); a 4xx, so that no SDK
    retries it. Never scripted with fail_next().
    """

    code = 400


class InvalidPaginationToken(ValidationException):
    """Raised by moto's paginator for a nextToken it did not issue."""

    def __init__(self, token: str):
        super().__init__(f"Invalid nextToken: {token}", "ValidationException")


ERRORS_BY_CODE = {
    error.__name__: error
    for error in (
        ValidationException,
        ServiceQuotaExceededException,
        AccessDeniedException,
        ResourceNotFoundException,
        ConflictException,
        ThrottlingException,
        InternalServiceException,
        InternalServerException,
        ServiceUnavailable,
    )
}

# DO NOT EDIT: written by `make schema` from plugins/module_utils/connection_checks.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Checks of the connection options (endpoint_url, aws_config) that botocore itself makes too late.

botocore's Config takes proxies that are no mapping and infinite or negative timeouts, and a
client takes an ftp:// endpoint: each fails only at the first request, in words that name
no option, or with a traceback. Checked here before any call, by messages naming the option.
"""

import math
from urllib.parse import urlsplit

try:
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError
except ImportError:
    Config = None
    BotoCoreError = Exception  # Handled by AnsibleAWSModule and AWSLookupBase, which require botocore

from .credential_redaction import redacted
from .quoted_values import quoted

_TIMEOUTS = ("connect_timeout", "read_timeout")


def url_error(what, url):
    """Why url is not an http(s) URL with a host, in a message naming what it is; or None."""
    expected = f"{what} must be an http:// or https:// URL with a host"
    if not isinstance(url, str):
        return f"{expected}, got a {type(url).__name__}"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # pylint: disable=pointless-statement  # raises ValueError on a port that is no number
    except ValueError as error:
        return f"{expected}, got {quoted(redacted(url))} ({error})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # redacted(): a password in the URL's user information is not shown.
        return f"{expected}, got {quoted(redacted(url))}"
    return None


def endpoint_url_error(endpoint_url):
    """Why endpoint_url cannot be sent requests to, or None (None: the Region's AWS endpoint)."""
    return None if endpoint_url is None else url_error("endpoint_url", endpoint_url)


def aws_config_error(aws_config):
    """Why botocore refuses the aws_config settings, or would fail on them at the first request; or None.

    amazon.aws builds its botocore Config outside its error handling, so an unknown setting
    would otherwise end the task with a traceback.
    """
    if not aws_config:
        return None
    try:
        Config(**aws_config)
    except (AttributeError, TypeError, ValueError, BotoCoreError) as error:
        return f"aws_config must hold botocore Config settings: {error}"
    for setting in _TIMEOUTS:
        seconds = aws_config.get(setting)
        if seconds is None:
            continue
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not (math.isfinite(seconds) and seconds > 0)
        ):
            return f"aws_config's {setting} must be a finite number of seconds above 0, got {quoted(seconds)}"
    proxies = aws_config.get("proxies")
    if proxies is not None:
        if not isinstance(proxies, dict):
            return (
                f"aws_config's proxies must map a scheme (http, https) to a proxy URL, got a {type(proxies).__name__}"
            )
        for scheme, url in proxies.items():
            problem = url_error(f"aws_config's proxies[{quoted(scheme)}]", url)
            if problem:
                return problem
    return None

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""amazon.aws's check of the AWS SDK's versions, made once per process for the lookup's calls.

AWSLookupBase.run checks botocore's and boto3's versions on every call (some 7 microseconds:
packaging parses four version strings), though the installed versions cannot change while the
process runs. A check that found them supported is not made again; one that did not (and
warned) is made, and warns, on every call, as before.
"""

from typing import Set, Tuple

_SUPPORTED: Set[Tuple[object, object]] = set()


def require_aws_sdk_once(require_aws_sdk, botocore_version=None, boto3_version=None):
    """require_aws_sdk(botocore_version=..., boto3_version=...), or True when it said so before for these minimums."""
    minimums = (botocore_version, boto3_version)
    if minimums in _SUPPORTED:
        return True
    supported = require_aws_sdk(botocore_version=botocore_version, boto3_version=boto3_version)
    if supported:
        _SUPPORTED.add(minimums)
    return supported

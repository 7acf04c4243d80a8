# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    """What the module and the lookup need where they run: the lines of requirements.txt, and the Python
    that botocore 1.35 needs. In place of amazon.aws.boto3, whose older minimums are not enough here."""

    DOCUMENTATION = r"""
options: {}
requirements:
  - python >= 3.8
  - boto3 >= 1.35.0
  - botocore >= 1.35.0
  - jsonschema >= 4.18, < 5
"""

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)


class ModuleDocFragment:
    """Options the module and the lookup cleanroomsml_trained_model_info share."""

    DOCUMENTATION = r"""
options:
  collaboration_identifier:
    description:
      - The ID of the collaboration that contains the trained models, a UUID of 36 characters.
    type: str
    required: true
    aliases: [collaboration_id]
  validate_response:
    description:
      - How to check each response against the JSON Schema of the API response that the collection ships.
      - V(warn) returns the data and adds one warning per violation, with its JSON path.
      - V(strict) fails and lists the violations.
      - V(off) skips the check.
      - Any mode but V(off) needs the Python library C(jsonschema).
    type: str
    choices: [strict, warn, "off"]
    default: warn
"""

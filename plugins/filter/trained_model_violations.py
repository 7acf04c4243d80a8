# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: trained_model_violations
version_added: 0.2.0
short_description: List where an AWS Clean Rooms ML trained model breaks the collection's JSON Schema
description:
  - Returns every violation of the JSON Schema of the C(GetCollaborationTrainedModel) response that the collection
    publishes, each with the JSON path where it is (in camelCase, as the schema names the members) and what is wrong
    there, ordered by path. The list is empty when the model is valid.
  - "The paths and messages are those that the pytest plugin's C(assert_valid_trained_model) lists, one per line,
    as V(<path>: <message>)."
  - A model with only the members of a C(ListCollaborationTrainedModels) summary is checked against the schema's
    C(CollaborationTrainedModelSummary) definition, anything else as a C(GetCollaborationTrainedModel) response.
  - P(cleanrooms.ml.valid_trained_model#test) answers whether the list is empty.
  - Fails, saying what it was given and what it expects, when the input is not a trained model, for example
    a whole registered result instead of its C(trained_model).
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
requirements:
  - jsonschema >= 4.18 (on the controller)
positional: _input
options:
  _input:
    description:
      - The trained model, as RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_model) or an item of
        RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_models) (snake_case), an item the
        P(cleanrooms.ml.cleanroomsml_trained_model_info#lookup) lookup returns, or a C(get-collaboration-trained-model)
        response of boto3 or the AWS CLI, or an item of a C(list-collaboration-trained-models) response (camelCase).
    type: dict
    required: true
seealso:
  - plugin: cleanrooms.ml.valid_trained_model
    plugin_type: test
"""

EXAMPLES = r"""
- name: Describe the churn model, leaving validation to the next task
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "{{ model_arn }}"
    collaboration_identifier: "{{ collaboration_id }}"
    validate_response: "off"
  register: churn

- name: Fail with every difference from the schema, each as its path and message
  ansible.builtin.assert:
    that:
      - violations | length == 0
    fail_msg: "{{ violations | map(attribute='path') | zip(violations | map(attribute='message'))
      | map('join', ': ') | list }}"
  vars:
    violations: "{{ churn.trained_model | cleanrooms.ml.trained_model_violations }}"

- name: Show the paths that break the schema
  ansible.builtin.debug:
    msg: "{{ churn.trained_model | cleanrooms.ml.trained_model_violations | map(attribute='path') | list }}"
"""

RETURN = r"""
_value:
  description:
    - The violations, ordered by path; empty when the model is valid.
  type: list
  elements: dict
  contains:
    path:
      description:
        - Where the violation is, as a JSON path with the schema's camelCase member names; V($) is the model itself.
      type: str
      sample: "$.resourceConfig.instanceCount"
    message:
      description:
        - What is wrong there.
      type: str
      sample: "0 is less than the minimum of 1"
"""

from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_jinja import violations


class FilterModule:
    def filters(self):
        return {"trained_model_violations": violations}

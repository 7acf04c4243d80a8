# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: valid_trained_model
version_added: 0.2.0
short_description: Whether an AWS Clean Rooms ML trained model matches the collection's JSON Schema
description:
  - Tests whether a trained model matches the JSON Schema of the C(GetCollaborationTrainedModel) response that the
    collection publishes and that the module, the lookup and the pytest plugin validate against.
  - A model with only the members of a C(ListCollaborationTrainedModels) summary is checked against the schema's
    C(CollaborationTrainedModelSummary) definition, anything else as a C(GetCollaborationTrainedModel) response.
  - The playbook twin of the pytest plugin's C(assert_valid_trained_model), with the same checks. The
    P(cleanrooms.ml.trained_model_violations#filter) filter lists what is wrong.
  - Takes the model in any form a playbook holds, see O(_input).
  - Fails, saying what it was given and what it expects, when the input is not a trained model, for example
    a whole registered result instead of its C(trained_model).
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
requirements:
  - jsonschema >= 4.18 (on the controller)
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
  - plugin: cleanrooms.ml.trained_model_violations
    plugin_type: filter
"""

EXAMPLES = r"""
- name: List the collaboration's models, leaving validation to the next task
  cleanrooms.ml.cleanroomsml_trained_model_info:
    collaboration_identifier: "{{ collaboration_id }}"
    validate_response: "off"
  register: listed

- name: Check every summary against the schema
  ansible.builtin.assert:
    that:
      - listed.trained_models | reject('cleanrooms.ml.valid_trained_model') | list | length == 0

- name: Describe one model
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "{{ model_arn }}"
    collaboration_identifier: "{{ collaboration_id }}"
    validate_response: "off"
  register: churn

- name: Use the model only when it matches the schema
  ansible.builtin.debug:
    msg: "{{ churn.trained_model.name }} matches the schema"
  when: churn.trained_model is cleanrooms.ml.valid_trained_model
"""

RETURN = r"""
_value:
  description:
    - V(true) when the model matches the schema, V(false) when it breaks it anywhere.
  type: boolean
"""

from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_jinja import is_valid


class TestModule:
    def tests(self):
        return {"valid_trained_model": is_valid}

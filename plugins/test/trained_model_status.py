# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: trained_model_status
version_added: 0.2.0
short_description: Whether an AWS Clean Rooms ML trained model has one of the given statuses
description:
  - Tests whether a trained model's status is one of the statuses given as arguments.
  - The playbook twin of the pytest plugin's C(assert_model_status), with the same checks.
  - Takes the model in any form a playbook holds, see O(_input).
  - Fails, saying what it was given and what it expects, when the input is not a trained model, when no status
    is given, when the statuses are not separate strings (a list), and when one is not a status name, such as
    V(active) instead of V(ACTIVE).
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
positional: statuses
options:
  _input:
    description:
      - The trained model, as RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_model) or an item of
        RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_models) (snake_case), an item the
        P(cleanrooms.ml.cleanroomsml_trained_model_info#lookup) lookup returns, or a C(get-collaboration-trained-model)
        response of boto3 or the AWS CLI, or an item of a C(list-collaboration-trained-models) response (camelCase).
    type: dict
    required: true
  statuses:
    description:
      - One or more statuses, each a separate argument, such as V(ACTIVE), V(CREATE_FAILED) or V(CREATE_IN_PROGRESS).
      - A status is written in upper-case ASCII letters and underscores; statuses AWS adds later are accepted.
    type: str
    required: true
seealso:
  - plugin: cleanrooms.ml.trained_model_active
    plugin_type: test
"""

EXAMPLES = r"""
- name: Describe the churn model
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "{{ model_arn }}"
    collaboration_identifier: "{{ collaboration_id }}"
  register: churn

- name: Poll until training has ended, one way or the other
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "{{ model_arn }}"
    collaboration_identifier: "{{ collaboration_id }}"
  register: churn
  until: >-
    churn.trained_model is cleanrooms.ml.trained_model_status('ACTIVE', 'CREATE_FAILED', 'CANCEL_FAILED',
    'INACTIVE')
  retries: 30
  delay: 10

- name: Stop when training failed
  ansible.builtin.assert:
    that:
      - churn.trained_model is not cleanrooms.ml.trained_model_status('CREATE_FAILED', 'CANCEL_FAILED')
    fail_msg: "{{ churn.trained_model.status_details.message | default('no details') }}"
"""

RETURN = r"""
_value:
  description:
    - V(true) when the model's status is one of O(statuses), V(false) otherwise (another status, or none).
  type: boolean
"""

from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_jinja import has_status


class TestModule:
    def tests(self):
        return {"trained_model_status": has_status}

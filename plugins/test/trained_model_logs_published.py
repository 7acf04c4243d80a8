# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: trained_model_logs_published
version_added: 0.2.0
short_description: Whether an AWS Clean Rooms ML trained model's logs were published
description:
  - Tests whether a trained model's training logs were published, that is whether its C(logs_status)
    (C(logsStatus) in boto3 and AWS CLI responses) is C(PUBLISH_SUCCEEDED).
  - The playbook twin of the pytest plugin's C(assert_logs_published), with the same checks.
  - Takes the model in any form a playbook holds, see O(_input).
  - Fails, saying what it was given and what it expects, when the input is not a trained model, for example
    a whole registered result instead of its C(trained_model).
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
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
  - plugin: cleanrooms.ml.trained_model_active
    plugin_type: test
"""

EXAMPLES = r"""
- name: Describe the churn model
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "{{ model_arn }}"
    collaboration_identifier: "{{ collaboration_id }}"
  register: churn

- name: Check that the model is ready for review
  ansible.builtin.assert:
    that:
      - churn.trained_model is cleanrooms.ml.trained_model_active
      - churn.trained_model is cleanrooms.ml.trained_model_logs_published
    fail_msg: "Logs: {{ churn.trained_model.logs_status | default('not published') }}"
"""

RETURN = r"""
_value:
  description:
    - V(true) when the model's C(logs_status) is C(PUBLISH_SUCCEEDED), V(false) otherwise (another status, or none).
  type: boolean
"""

from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_jinja import has_logs_published


class TestModule:
    def tests(self):
        return {"trained_model_logs_published": has_logs_published}

# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
name: cleanroomsml_trained_model_info
version_added: 0.1.0
short_description: Get facts about AWS Clean Rooms ML trained models in templates
description:
  - Returns, for each trained model ARN given as a term, the description of the trained model that the
    C(GetCollaborationTrainedModel) API gives, with snake_case keys and ISO 8601 timestamps, that is the same dict as
    the module returns as RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_model).
  - Results are in the order of the terms. The models are described concurrently, O(max_concurrency) at a time.
  - Terms and options are checked before any call to AWS.
  - Each response is checked against the collection's JSON Schema of the API response, see O(validate_response).
  - Throttling and server errors are retried with jittered exponential backoff.
  - The boto3 client is built once per Ansible process and set of connection options, and reused by every
    later call of the lookup in that process, for example by each iteration of a loop in a template.
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
options:
  _terms:
    description:
      - The Amazon Resource Names (ARNs) of the trained models to describe, 20 to 2048 characters each, for example
        C(arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/<membership id>/trained-model/<id>).
      - A list given as one term counts as its items.
    type: list
    elements: str
    required: true
  version_identifier:
    description:
      - The version of the trained models to describe, a UUID of 36 characters. It applies to every term.
      - Without it, the latest version of each model is described.
    type: str
  field:
    description:
      - A dotted path into the description, such as V(status), V(status_details.message) or
        V(resource_config.instance_type), to return that value for each term instead of the whole dict.
      - A path that names no member of a trained model fails before any call, listing the valid keys at the level
        where it goes wrong.
      - A member that a model lacks (for example C(status_details) of an C(ACTIVE) model) gives V(null).
    type: str
  on_missing:
    description:
      - What to do when a trained model is not found (C(ResourceNotFoundException)).
      - V(error) fails the lookup.
      - V(skip) silently leaves the term out of the result.
      - V(warn) leaves the term out of the result and shows a warning.
    type: str
    choices: [error, skip, warn]
    default: error
  on_denied:
    description:
      - What to do when access to a trained model is denied (C(AccessDeniedException)).
      - V(error) fails the lookup.
      - V(skip) silently leaves the term out of the result.
      - V(warn) leaves the term out of the result and shows a warning.
    type: str
    choices: [error, skip, warn]
    default: error
  max_concurrency:
    description:
      - How many trained models are described at the same time, from 1 to 32.
    type: int
    default: 8
notes:
  - Requires the IAM action C(cleanrooms-ml:GetCollaborationTrainedModel).
  - Ansible runs each task in a new worker process, so two tasks do not share a client; the calls of one task do.
seealso:
  - plugin: cleanrooms.ml.cleanroomsml_trained_model_info
    plugin_type: module
    description: The module of the same name, which returns the same facts to tasks, lists models and waits.
  - ref: ansible_collections.cleanrooms.ml.docsite.using_the_module
    description: The guide to the module and the lookup.
extends_documentation_fragment:
  - cleanrooms.ml.trained_model
  - cleanrooms.ml.requirements
  - amazon.aws.common.plugins
  - amazon.aws.region.plugins
"""

EXAMPLES = r"""
# Note: These examples do not set authentication details, see the AWS guide for details.

- name: Show the status of a trained model
  ansible.builtin.debug:
    msg: >-
      {{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', model_arn,
                collaboration_identifier=collaboration_id, field='status') }}

- name: Stop unless every model of the pipeline is ACTIVE
  ansible.builtin.assert:
    that: item.status == "ACTIVE"
    fail_msg: "{{ item.name }} is {{ item.status }}"
  loop: >-
    {{ query('cleanrooms.ml.cleanroomsml_trained_model_info', churn_arn, propensity_arn,
             collaboration_identifier=collaboration_id) }}
  loop_control:
    label: "{{ item.name }}"

- name: Describe a list of models, leaving out those that are gone, with a warning
  ansible.builtin.set_fact:
    models: >-
      {{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', model_arns, collaboration_id=collaboration_id,
                on_missing='warn', wantlist=true) }}

- name: Describe one version, failing on any difference from the response schema
  ansible.builtin.set_fact:
    first_version: >-
      {{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', model_arn, collaboration_identifier=collaboration_id,
                version_identifier='9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', validate_response='strict') }}

- name: Why did training fail (null when it did not)?
  ansible.builtin.debug:
    msg: >-
      {{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', model_arn, collaboration_identifier=collaboration_id,
                field='status_details.message', region='eu-west-1') }}

# model_report.j2, for the task below:
# {% for arn in model_arns %}
# {{ lookup('cleanrooms.ml.cleanroomsml_trained_model_info', arn, collaboration_id=collaboration_id, field='status') }}
# {% endfor %}
- name: Render a report with one lookup per model in the template's loop; all of them share one client
  ansible.builtin.template:
    src: model_report.j2
    dest: /tmp/model_report.txt
    mode: "0644"
"""

RETURN = r"""
_raw:
  description:
    - One item per term, in the order of the terms, without the terms left out by O(on_missing) or O(on_denied).
    - Each item is the trained model as C(GetCollaborationTrainedModel) describes it, with snake_case keys, that is the
      dict the module returns as RV(cleanrooms.ml.cleanroomsml_trained_model_info#module:trained_model); with O(field),
      the value at that path instead.
    - With the C(lookup) function and one term, the item itself; use the C(query) function or C(wantlist=true) for
      a list.
  type: list
  elements: raw
  sample:
    - trained_model_arn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/\
        trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
      name: churn
      status: ACTIVE
      version_identifier: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
      membership_identifier: "6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
      collaboration_identifier: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
      configured_model_algorithm_association_arn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/\
        6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/configured-model-algorithm-association/5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
      resource_config:
        instance_count: 1
        instance_type: ml.m5.xlarge
        volume_size_in_gb: 50
      create_time: "2026-11-20T09:30:00+00:00"
      update_time: "2026-11-20T10:05:00+00:00"
      creator_account_id: "111122223333"
"""

from ansible_collections.amazon.aws.plugins.plugin_utils.lookup import AWSLookupBase
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.lookup_options import (
    lookup_option_errors,
    set_options_once,
)
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.sdk_versions import require_aws_sdk_once
from ansible_collections.cleanrooms.ml.plugins.plugin_utils.trained_model_lookup import TrainedModelLookup


class LookupModule(AWSLookupBase):
    def run(self, terms, variables=None, botocore_version=None, boto3_version=None, **kwargs):
        with lookup_option_errors(self, kwargs):
            super().run(terms, variables, botocore_version, boto3_version, **kwargs)
        return TrainedModelLookup(self).run(terms)

    def require_aws_sdk(self, botocore_version=None, boto3_version=None):
        return require_aws_sdk_once(super().require_aws_sdk, botocore_version, boto3_version)

    def set_options(self, task_keys=None, var_options=None, direct=None):
        set_options_once(self, super().set_options, task_keys, var_options, direct)

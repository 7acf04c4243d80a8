#!/usr/bin/python
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
module: cleanroomsml_trained_model_info
version_added: 0.1.0
short_description: Get facts about an AWS Clean Rooms ML trained model
description:
  - Returns the description of a trained model in an AWS Clean Rooms ML collaboration, as returned by
    the C(GetCollaborationTrainedModel) API, with snake_case keys and ISO 8601 timestamps.
  - Identifiers are checked locally against the patterns of the AWS service model before any call to AWS.
  - Each response is checked against the collection's JSON Schema of the API response, see O(validate_response).
  - Throttling and server errors are retried with jittered exponential backoff.
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
options:
  trained_model_arn:
    description:
      - The Amazon Resource Name (ARN) of the trained model to describe.
      - 20 to 2048 characters, for example
        C(arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/<membership id>/trained-model/<id>).
      - Without it, the module lists the trained models of the collaboration (list mode) and returns RV(trained_models).
    type: str
    aliases: [arn]
  version_identifier:
    description:
      - The version of the trained model to describe, a UUID of 36 characters.
      - Without it, the latest version is described.
      - Only with O(trained_model_arn).
    type: str
  name:
    description:
      - In list mode, keep only the trained models with exactly this name.
    type: str
  status:
    description:
      - In list mode, keep only the trained models in one of these statuses.
      - The collection knows C(CREATE_PENDING), C(CREATE_IN_PROGRESS), C(CREATE_FAILED), C(ACTIVE), C(DELETE_PENDING),
        C(DELETE_IN_PROGRESS), C(DELETE_FAILED), C(INACTIVE), C(CANCEL_PENDING), C(CANCEL_IN_PROGRESS) and
        C(CANCEL_FAILED).
        Any other name in upper-case letters and underscores is taken with a warning, as a status AWS may have added;
        a name that is not upper-case (such as C(active)) is refused.
    type: list
    elements: str
  details:
    description:
      - In list mode, return the full description of each listed trained model (one C(GetCollaborationTrainedModel)
        call per model, O(max_concurrency) at a time) instead of the summary the list gives.
      - Ignored when O(trained_model_arn) is given, so that C(module_defaults) may set it for every task.
    type: bool
    default: false
  max_concurrency:
    description:
      - How many trained models O(details) describes at the same time, from 1 to 32.
      - Ignored when O(trained_model_arn) is given, so that C(module_defaults) may set it for every task.
    type: int
    default: 8
  wait:
    description:
      - Poll the trained model until its status is one of O(wait_for).
      - Fails at once when the model reaches a status from which none of O(wait_for) can follow
        (for example C(CREATE_FAILED) while waiting for C(ACTIVE)), and after O(wait_timeout) seconds.
      - Only with O(trained_model_arn).
    type: bool
    default: false
  wait_for:
    description:
      - The statuses that end a wait, C([ACTIVE]) when not given.
      - Status names as in O(status). Waiting for a status the collection does not know goes on until one of
        O(wait_for) or the timeout, since the collection cannot tell which statuses lead to it.
      - Only with O(wait=true); given without it, the module warns.
    type: list
    elements: str
  wait_timeout:
    description:
      - How long to wait, in seconds, from 0 to 31536000 (a year); 1800 when not given.
      - Only with O(wait=true); given without it, the module warns.
    type: int
  wait_delay:
    description:
      - How long to sleep between two polls, in seconds, from 1 to 31536000 (a year); 15 when not given.
      - Only with O(wait=true); given without it, the module warns.
    type: int
notes:
  - Requires the IAM action C(cleanrooms-ml:GetCollaborationTrainedModel), and
    C(cleanrooms-ml:ListCollaborationTrainedModels) in list mode.
  - The module never changes anything and supports check mode.
  - The connection options can be set with C(module_defaults) and the action group C(group/cleanrooms.ml.cleanroomsml)
    (this module), or C(group/cleanrooms.ml.aws) (this module and the modules of C(group/amazon.aws.aws)).
  - C(group/aws) and C(group/amazon.aws.aws) do not reach this module; options set there do not apply to it.
seealso:
  - plugin: cleanrooms.ml.cleanroomsml_trained_model_info
    plugin_type: lookup
    description: The lookup of the same name, which returns the same facts in templates.
  - ref: ansible_collections.cleanrooms.ml.docsite.using_the_module
    description: The guide to the module and the lookup.
extends_documentation_fragment:
  - cleanrooms.ml.trained_model
  - cleanrooms.ml.requirements
  - amazon.aws.common.modules
  - amazon.aws.region.modules
"""

EXAMPLES = r"""
# Note: These examples do not set authentication details, see the AWS guide for details.

- name: Get the latest version of a trained model
  cleanrooms.ml.cleanroomsml_trained_model_info:
    trained_model_arn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/\
      trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
    collaboration_identifier: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  register: churn_model

- name: Stop when the model is not ready
  ansible.builtin.assert:
    that: churn_model.trained_model.status == "ACTIVE"
    fail_msg: "{{ churn_model.trained_model.name }} is {{ churn_model.trained_model.status }}"

- name: Get one version, failing on any difference from the response schema
  cleanrooms.ml.cleanroomsml_trained_model_info:
    arn: "{{ model_arn }}"
    collaboration_id: "{{ collaboration_id }}"
    version_identifier: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
    validate_response: strict

- name: List the collaboration's active models named churn, newest first
  cleanrooms.ml.cleanroomsml_trained_model_info:
    collaboration_identifier: "{{ collaboration_id }}"
    name: churn
    status: [ACTIVE]
  register: churn_models

- name: Use the latest of them
  ansible.builtin.set_fact:
    model_arn: "{{ churn_models.trained_models[0].trained_model_arn }}"

- name: Describe every model of the collaboration in full, 16 at a time
  cleanrooms.ml.cleanroomsml_trained_model_info:
    collaboration_identifier: "{{ collaboration_id }}"
    details: true
    max_concurrency: 16
  register: all_models

- name: Wait up to an hour for training to finish
  cleanrooms.ml.cleanroomsml_trained_model_info:
    arn: "{{ model_arn }}"
    collaboration_id: "{{ collaboration_id }}"
    wait: true
    wait_timeout: 3600
    wait_delay: 30
  register: trained

- name: Set the region and endpoint once for every task of the collection
  module_defaults:
    group/cleanrooms.ml.cleanroomsml:
      region: eu-west-1
  block:
    - name: Get a trained model
      cleanrooms.ml.cleanroomsml_trained_model_info:
        arn: "{{ model_arn }}"
        collaboration_id: "{{ collaboration_id }}"
"""

RETURN = r"""
trained_models:
  description:
    - In list mode, the collaboration's trained models that pass the filters, newest first by C(create_time),
      so that C(trained_models[0]) is the latest.
    - The summaries of C(ListCollaborationTrainedModels), with snake_case keys; with O(details=true), full descriptions
      with the same keys as RV(trained_model).
  returned: in list mode
  type: list
  elements: dict
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
      create_time: "2026-11-20T09:30:00+00:00"
      update_time: "2026-11-20T10:05:00+00:00"
      creator_account_id: "111122223333"
error:
  description:
    - When AWS refused a call, the error it returned, as amazon.aws's modules return it.
  returned: on failure, when AWS answered with an error
  type: dict
  contains:
    code:
      description: The AWS error code.
      returned: always
      type: str
      sample: AccessDeniedException
    message:
      description: The AWS error message.
      returned: always
      type: str
      sample: "User is not authorized to perform: cleanrooms-ml:GetCollaborationTrainedModel"
violations:
  description:
    - With O(validate_response=strict), the differences between the response and the JSON Schema, one per item,
      each with its JSON path.
  returned: on failure, when a response does not match the schema and O(validate_response=strict)
  type: list
  elements: str
  sample:
    - "$.createTime: 1763631000.0 is not of type 'string'"
wait_polls:
  description: How many times the module asked for the model's status while waiting.
  returned: when O(wait=true)
  type: int
  sample: 4
wait_seconds:
  description: How long the module waited, in seconds.
  returned: when O(wait=true)
  type: float
  sample: 45.2
trained_model:
  description: The trained model, as C(GetCollaborationTrainedModel) describes it, with snake_case keys.
  returned: when O(trained_model_arn) is given
  type: dict
  contains:
    trained_model_arn:
      description: The ARN of the trained model.
      returned: always
      type: str
      sample: "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/\
        trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
    name:
      description: The name of the trained model.
      returned: always
      type: str
      sample: churn
    description:
      description: The description of the trained model.
      returned: when set
      type: str
      sample: Predicts churn from the shared loyalty data.
    status:
      description: The status of the trained model.
      returned: always
      type: str
      sample: ACTIVE
    status_details:
      description: Why the model has its status, for failed models.
      returned: when the service gives them
      type: dict
      contains:
        status_code:
          description: A code for programs; Clean Rooms ML does not change it for an existing error condition.
          type: str
          returned: when given
          sample: InternalError
        message:
          description: A message for people; it may change at any time.
          type: str
          returned: when given
          sample: "training container exited with code 1"
    version_identifier:
      description: The version of the trained model.
      returned: when the model has versions
      type: str
      sample: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
    incremental_training_data_channels:
      description: The incremental training data channels used to create this version.
      returned: for versions made by incremental training
      type: list
      elements: dict
      contains:
        channel_name:
          description: The name of the channel.
          type: str
          returned: always
          sample: train
        model_name:
          description: The name of the base trained model.
          type: str
          returned: always
          sample: churn
        version_identifier:
          description: The version of the base trained model.
          type: str
          returned: when given
          sample: "1f0e9d8c-7b6a-4d3c-8b2a-9d8c7b6a5f4e"
    membership_identifier:
      description: The membership ID of the member that created the trained model.
      returned: always
      type: str
      sample: "6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
    collaboration_identifier:
      description: The ID of the collaboration that contains the trained model.
      returned: always
      type: str
      sample: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    configured_model_algorithm_association_arn:
      description: The ARN of the configured model algorithm association used to train the model.
      returned: always
      type: str
      sample: "arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f/\
        configured-model-algorithm-association/5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
    resource_config:
      description: The EC2 resources used to train the model.
      returned: when given
      type: dict
      contains:
        instance_count:
          description: The number of instances.
          type: int
          returned: when given
          sample: 1
        instance_type:
          description: The instance type.
          type: str
          returned: always
          sample: ml.m5.xlarge
        volume_size_in_gb:
          description: The volume size of each instance, in GB.
          type: int
          returned: always
          sample: 50
    training_input_mode:
      description: How the training data was made available to the algorithm.
      returned: when given
      type: str
      sample: File
    stopping_condition:
      description: The stopping condition of the training.
      returned: when given
      type: dict
      contains:
        max_runtime_in_seconds:
          description: The longest the training may run, in seconds.
          type: int
          returned: when given
          sample: 86400
    metrics_status:
      description: Whether the model metrics were published.
      returned: when given
      type: str
      sample: PUBLISH_SUCCEEDED
    metrics_status_details:
      description: Details about the metrics status.
      returned: when given
      type: str
      sample: ""
    logs_status:
      description: Whether the training logs were published.
      returned: when given
      type: str
      sample: PUBLISH_SUCCEEDED
    logs_status_details:
      description: Details about the logs status.
      returned: when given
      type: str
      sample: ""
    training_container_image_digest:
      description: The digest of the training container image.
      returned: when given
      type: str
      sample: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    create_time:
      description: When the trained model was created, ISO 8601.
      returned: always
      type: str
      sample: "2026-11-20T09:30:00+00:00"
    update_time:
      description: When the trained model was last updated, ISO 8601.
      returned: always
      type: str
      sample: "2026-11-20T10:05:00+00:00"
    creator_account_id:
      description: The account ID of the member that created the trained model.
      returned: always
      type: str
      sample: "111122223333"
    ml_model_training_payer_account_id:
      description: The account ID of the member that pays for the training.
      returned: when given
      type: str
      sample: "111122223333"
"""

from ansible_collections.amazon.aws.plugins.module_utils.modules import AnsibleAWSModule
from ansible_collections.cleanrooms.ml.plugins.module_utils.concurrency import DEFAULT_MAX_CONCURRENCY
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_facts import VALIDATE_RESPONSE_CHOICES
from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_info_module import run


def main():
    argument_spec = {
        "trained_model_arn": {"type": "str", "aliases": ["arn"]},
        "collaboration_identifier": {"type": "str", "required": True, "aliases": ["collaboration_id"]},
        "version_identifier": {"type": "str"},
        "name": {"type": "str"},
        # Status names are checked by run(): any upper-case name is taken, since AWS may add statuses.
        "status": {"type": "list", "elements": "str"},
        "details": {"type": "bool", "default": False},
        "max_concurrency": {"type": "int", "default": DEFAULT_MAX_CONCURRENCY},
        "wait": {"type": "bool", "default": False},
        # No defaults here: run() fills them in (WAIT_DEFAULTS), after telling given options from absent ones.
        "wait_for": {"type": "list", "elements": "str"},
        "wait_timeout": {"type": "int"},
        "wait_delay": {"type": "int"},
        "validate_response": {"type": "str", "choices": list(VALIDATE_RESPONSE_CHOICES), "default": "warn"},
    }
    module = AnsibleAWSModule(
        argument_spec=argument_spec,
        # List-mode filters and single-model options exclude each other. details and max_concurrency
        # only tune list mode: the module cannot tell module_defaults from task options, so they are ignored.
        mutually_exclusive=[
            ("trained_model_arn", "name"),
            ("trained_model_arn", "status"),
        ],
        required_by={"version_identifier": "trained_model_arn"},
        required_if=[("wait", True, ["trained_model_arn"])],
        supports_check_mode=True,
    )
    run(module)


if __name__ == "__main__":
    main()

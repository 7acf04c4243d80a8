# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

DOCUMENTATION = r"""
---
short_description: Events when AWS Clean Rooms ML trained models change status
description:
  - An ansible-rulebook event source that polls the trained models of a collaboration and puts one event on the
    queue for each change it sees: a new status, a new version, a new model.
  - 'Each event is C({"trained_model": <facts>, "previous_status": <status or null>, "status": <status>,
    "collaboration_identifier": <id>}), where the facts are the dict that the module
    cleanrooms.ml.cleanroomsml_trained_model_info returns as C(trained_model): snake_case keys, ISO 8601 timestamps.'
  - Each poll lists the collaboration's models once (all pages) and gets only those whose version or status
    changed.
  - A change is reported once. Throttling, 5xx answers and network errors are logged and retried with a jittered
    exponential backoff; they never end the source, and the change is reported by the poll that succeeds.
  - Arguments are checked before any call to AWS; all the problems are reported in one error.
  - Needs the IAM actions C(cleanrooms-ml:ListCollaborationTrainedModels) and
    C(cleanrooms-ml:GetCollaborationTrainedModel).
  - Authentication follows amazon.aws (arguments, then environment variables, profiles, instance roles).
options:
  collaboration_identifier:
    description: The ID of the collaboration whose trained models are watched, a UUID of 36 characters.
    type: str
    required: true
  trained_model_arns:
    description: The ARNs of the trained models to watch. Without it, every model of the collaboration, new ones
      included.
    type: list
    elements: str
  statuses:
    description: Report only changes to these statuses (such as C(ACTIVE), C(CREATE_FAILED)). Without it, every change.
    type: list
    elements: str
  delay:
    description: Seconds between polls, more than 0 and at most 86400.
    type: float
    default: 60
  emit_initial:
    description: Report the status of each model found by the first poll, with C(previous_status) null.
    type: bool
    default: false
  validate_response:
    description: As the module's option, C(strict), C(warn) (logs each violation) or C(off); a strict violation is
      logged and not reported.
    type: str
    default: warn
  region:
    description: The AWS Region. Aliases C(aws_region), C(ec2_region).
    type: str
  profile:
    description: A profile of the AWS configuration files. Alias C(aws_profile). Not together with access keys.
    type: str
  endpoint_url:
    description: The URL to send requests to instead of the AWS endpoint. Alias C(aws_endpoint_url).
    type: str
  access_key:
    description: The AWS access key ID. Alias C(aws_access_key_id).
    type: str
  secret_key:
    description: The AWS secret access key. Alias C(aws_secret_access_key).
    type: str
  session_token:
    description: The AWS session token, for temporary credentials. Alias C(aws_session_token).
    type: str
  aws_ca_bundle:
    description: The CA bundle to verify the endpoint's certificate with.
    type: str
  validate_certs:
    description: Whether to verify the endpoint's TLS certificate.
    type: bool
    default: true
"""

EXAMPLES = r"""
- name: Deploy trained models when they turn ACTIVE
  hosts: all
  sources:
    - cleanrooms.ml.trained_model_status:
        collaboration_identifier: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
        statuses: [ACTIVE, CREATE_FAILED]
        region: us-east-1
  rules:
    - name: Deploy
      condition: event.status == "ACTIVE"
      action:
        run_playbook:
          name: deploy_model.yml
"""

import os
import sys


def _load_collection_code():
    """The source's logic, from the collection's plugin_utils.

    ansible-rulebook runs this file by its path, outside Ansible's collection loader. When the
    collection is not importable as it is, the collections directory this file lies in and
    ansible-core's configured ones (where amazon.aws may be) are added to sys.path, where the
    ansible_collections namespace package finds them.
    """
    try:
        from ansible_collections.cleanrooms.ml.plugins.plugin_utils import trained_model_status_source
    except ImportError:
        from ansible import constants

        # <root>/ansible_collections/cleanrooms/ml/extensions/eda/plugins/event_source/<this file>
        root = os.path.abspath(__file__)
        for _level in range(8):
            root = os.path.dirname(root)
        sys.path.extend(path for path in [root, *list(constants.COLLECTIONS_PATHS)] if path not in sys.path)
        from ansible_collections.cleanrooms.ml.plugins.plugin_utils import trained_model_status_source
    return trained_model_status_source


async def main(queue, args):
    """Put an event on queue for each change of the watched trained models, until cancelled."""
    await _load_collection_code().run_source(queue, args)


if __name__ == "__main__":
    import asyncio
    from typing import Any

    class _PrintingQueue(asyncio.Queue[Any]):
        async def put(self, item):
            print(item)

    asyncio.run(main(_PrintingQueue(), dict(arg.split("=", 1) for arg in sys.argv[1:])))

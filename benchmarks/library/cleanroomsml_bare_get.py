# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# The floor of a module task, for the module-floor benchmark: AnsiballZ, a boto3 import and one
# GetCollaborationTrainedModel call, with nothing else (no amazon.aws, no checks, no validation).

DOCUMENTATION = r"""
module: cleanroomsml_bare_get
short_description: One GetCollaborationTrainedModel call and nothing else (a benchmark's floor)
description:
  - Loaded only from the module-floor benchmark's generated playbook directory.
options:
  trained_model_arn: {type: str, required: true, description: The trained model's ARN.}
  collaboration_identifier: {type: str, required: true, description: The collaboration's identifier.}
  endpoint_url: {type: str, required: true, description: The endpoint to call.}
author:
  - cleanrooms.ml maintainers (@cleanrooms-ml)
"""

from ansible.module_utils.basic import AnsibleModule


def main():
    module = AnsibleModule(
        argument_spec={
            "trained_model_arn": {"required": True},
            "collaboration_identifier": {"required": True},
            "endpoint_url": {"required": True},
        },
        supports_check_mode=True,
    )
    import boto3

    client = boto3.client("cleanroomsml", endpoint_url=module.params["endpoint_url"])
    response = client.get_collaboration_trained_model(
        trainedModelArn=module.params["trained_model_arn"],
        collaborationIdentifier=module.params["collaboration_identifier"],
    )
    response.pop("ResponseMetadata", None)
    module.exit_json(changed=False, trained_model={name: str(value) for name, value in response.items()})


if __name__ == "__main__":
    main()

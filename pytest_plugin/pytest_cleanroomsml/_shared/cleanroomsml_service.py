# DO NOT EDIT: written by `make schema` from plugins/module_utils/cleanroomsml_service.py.
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The names of the Clean Rooms ML service and of its operations, written once.

Plain Python with no Ansible import, so that the pytest plugin and its fake can use the same names.
"""

# botocore's (and boto3's) name for the service: boto3.client(SERVICE_NAME).
SERVICE_NAME = "cleanroomsml"

# The API operations, as error messages, the IAM actions and the fake's call log name them.
GET_OPERATION = "GetCollaborationTrainedModel"
LIST_OPERATION = "ListCollaborationTrainedModels"

# The prefix of the service's IAM actions ("cleanrooms-ml:GetCollaborationTrainedModel"), and of its endpoints.
IAM_PREFIX = "cleanrooms-ml"

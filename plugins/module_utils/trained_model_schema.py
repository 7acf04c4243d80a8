# -*- coding: utf-8 -*-
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The JSON Schema of the GetCollaborationTrainedModel response, as a Python dict.

DO NOT EDIT: written by `make schema` from schema/collaboration_trained_model.schema.json.
"""

SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    '$id': 'urn:cleanrooms-ml:schema:get-collaboration-trained-model-response',
    'title': 'GetCollaborationTrainedModel response',
    'description': (
        'The response of AWS Clean Rooms ML GetCollaborationTrainedModel (API version 2023-09-06), withou'
        't ResponseMetadata. Timestamps are ISO 8601 strings. $defs.CollaborationTrainedModelSummary desc'
        "ribes one member of ListCollaborationTrainedModels' collaborationTrainedModels."
    ),
    'type': 'object',
    'additionalProperties': False,
    'required': [
        'membershipIdentifier',
        'collaborationIdentifier',
        'trainedModelArn',
        'name',
        'status',
        'configuredModelAlgorithmAssociationArn',
        'createTime',
        'updateTime',
        'creatorAccountId',
    ],
    'properties': {
        'membershipIdentifier': {
            'description': 'The membership ID of the member that created the trained model.',
            '$ref': '#/$defs/UUID',
        },
        'collaborationIdentifier': {
            'description': 'The collaboration ID of the collaboration that contains the trained model.',
            '$ref': '#/$defs/UUID',
        },
        'trainedModelArn': {
            'description': 'The Amazon Resource Name (ARN) of the trained model.',
            '$ref': '#/$defs/TrainedModelArn',
        },
        'versionIdentifier': {
            'description': 'The version identifier of the trained model.',
            '$ref': '#/$defs/UUID',
        },
        'incrementalTrainingDataChannels': {
            'description': 'The incremental training data channels used to create this version of the trained model.',
            '$ref': '#/$defs/IncrementalTrainingDataChannelsOutput',
        },
        'name': {
            'description': 'The name of the trained model.',
            '$ref': '#/$defs/NameString',
        },
        'description': {
            'description': 'The description of the trained model.',
            '$ref': '#/$defs/ResourceDescription',
        },
        'status': {
            'description': 'The status of the trained model.',
            '$ref': '#/$defs/TrainedModelStatus',
        },
        'statusDetails': {
            'description': 'Details about the status: a statusCode for programs and a message for people.',
            '$ref': '#/$defs/StatusDetails',
        },
        'configuredModelAlgorithmAssociationArn': {
            'description': 'The ARN of the configured model algorithm association used to create this trained model.',
            '$ref': '#/$defs/ConfiguredModelAlgorithmAssociationArn',
        },
        'resourceConfig': {
            'description': 'The EC2 resource configuration used to train this model.',
            '$ref': '#/$defs/ResourceConfig',
        },
        'trainingInputMode': {
            'description': 'How the training data was made available to the training algorithm.',
            '$ref': '#/$defs/TrainingInputMode',
        },
        'stoppingCondition': {
            'description': 'The stopping condition that determined when model training ended.',
            '$ref': '#/$defs/StoppingCondition',
        },
        'metricsStatus': {
            'description': 'The status of the model metrics.',
            '$ref': '#/$defs/MetricsStatus',
        },
        'metricsStatusDetails': {
            'description': 'Details about the status of the model metrics.',
            'type': 'string',
        },
        'logsStatus': {
            'description': 'The status of the logs.',
            '$ref': '#/$defs/LogsStatus',
        },
        'logsStatusDetails': {
            'description': 'Details about the status of the logs.',
            'type': 'string',
        },
        'trainingContainerImageDigest': {
            'description': 'The digest of the training container image.',
            'type': 'string',
        },
        'createTime': {
            'description': 'When the trained model was created (ISO 8601).',
            'type': 'string',
            'format': 'date-time',
        },
        'updateTime': {
            'description': 'When the trained model was last updated (ISO 8601).',
            'type': 'string',
            'format': 'date-time',
        },
        'creatorAccountId': {
            'description': 'The account ID of the member that created the trained model.',
            '$ref': '#/$defs/AccountId',
        },
        'mlModelTrainingPayerAccountId': {
            'description': 'The account ID of the member that pays for model training.',
            '$ref': '#/$defs/AccountId',
        },
    },
    '$defs': {
        'AccountId': {
            'type': 'string',
            'minLength': 12,
            'maxLength': 12,
            'pattern': '^[0-9]{12}$',
        },
        'CollaborationTrainedModelSummary': {
            'type': 'object',
            'additionalProperties': False,
            'required': [
                'createTime',
                'updateTime',
                'trainedModelArn',
                'name',
                'membershipIdentifier',
                'collaborationIdentifier',
                'status',
                'configuredModelAlgorithmAssociationArn',
                'creatorAccountId',
            ],
            'properties': {
                'createTime': {
                    'type': 'string',
                    'format': 'date-time',
                },
                'updateTime': {
                    'type': 'string',
                    'format': 'date-time',
                },
                'trainedModelArn': {
                    '$ref': '#/$defs/TrainedModelArn',
                },
                'name': {
                    '$ref': '#/$defs/NameString',
                },
                'versionIdentifier': {
                    '$ref': '#/$defs/UUID',
                },
                'incrementalTrainingDataChannels': {
                    '$ref': '#/$defs/IncrementalTrainingDataChannelsOutput',
                },
                'description': {
                    '$ref': '#/$defs/ResourceDescription',
                },
                'membershipIdentifier': {
                    '$ref': '#/$defs/UUID',
                },
                'collaborationIdentifier': {
                    '$ref': '#/$defs/UUID',
                },
                'status': {
                    '$ref': '#/$defs/TrainedModelStatus',
                },
                'configuredModelAlgorithmAssociationArn': {
                    '$ref': '#/$defs/ConfiguredModelAlgorithmAssociationArn',
                },
                'creatorAccountId': {
                    '$ref': '#/$defs/AccountId',
                },
                'mlModelTrainingPayerAccountId': {
                    '$ref': '#/$defs/AccountId',
                },
            },
        },
        'ConfiguredModelAlgorithmAssociationArn': {
            'type': 'string',
            'minLength': 20,
            'maxLength': 2048,
            'pattern': (
                '^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:membership/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4'
                '}-[0-9a-f]{4}-[0-9a-f]{12}/configured-model-algorithm-association/[-a-zA-Z0-9_/.]+$'
            ),
        },
        'IncrementalTrainingDataChannelOutput': {
            'type': 'object',
            'additionalProperties': False,
            'required': [
                'channelName',
                'modelName',
            ],
            'properties': {
                'channelName': {
                    '$ref': '#/$defs/ModelTrainingDataChannelName',
                },
                'versionIdentifier': {
                    '$ref': '#/$defs/UUID',
                },
                'modelName': {
                    '$ref': '#/$defs/NameString',
                },
            },
        },
        'IncrementalTrainingDataChannelsOutput': {
            'type': 'array',
            'items': {
                '$ref': '#/$defs/IncrementalTrainingDataChannelOutput',
            },
            'minItems': 1,
            'maxItems': 1,
        },
        'InstanceType': {
            'type': 'string',
            'enum': [
                'ml.m4.xlarge',
                'ml.m4.2xlarge',
                'ml.m4.4xlarge',
                'ml.m4.10xlarge',
                'ml.m4.16xlarge',
                'ml.g4dn.xlarge',
                'ml.g4dn.2xlarge',
                'ml.g4dn.4xlarge',
                'ml.g4dn.8xlarge',
                'ml.g4dn.12xlarge',
                'ml.g4dn.16xlarge',
                'ml.m5.large',
                'ml.m5.xlarge',
                'ml.m5.2xlarge',
                'ml.m5.4xlarge',
                'ml.m5.12xlarge',
                'ml.m5.24xlarge',
                'ml.c4.xlarge',
                'ml.c4.2xlarge',
                'ml.c4.4xlarge',
                'ml.c4.8xlarge',
                'ml.p2.xlarge',
                'ml.p2.8xlarge',
                'ml.p2.16xlarge',
                'ml.p4d.24xlarge',
                'ml.p4de.24xlarge',
                'ml.p5.48xlarge',
                'ml.c5.xlarge',
                'ml.c5.2xlarge',
                'ml.c5.4xlarge',
                'ml.c5.9xlarge',
                'ml.c5.18xlarge',
                'ml.c5n.xlarge',
                'ml.c5n.2xlarge',
                'ml.c5n.4xlarge',
                'ml.c5n.9xlarge',
                'ml.c5n.18xlarge',
                'ml.g5.xlarge',
                'ml.g5.2xlarge',
                'ml.g5.4xlarge',
                'ml.g5.8xlarge',
                'ml.g5.16xlarge',
                'ml.g5.12xlarge',
                'ml.g5.24xlarge',
                'ml.g5.48xlarge',
                'ml.trn1.2xlarge',
                'ml.trn1.32xlarge',
                'ml.trn1n.32xlarge',
                'ml.m6i.large',
                'ml.m6i.xlarge',
                'ml.m6i.2xlarge',
                'ml.m6i.4xlarge',
                'ml.m6i.8xlarge',
                'ml.m6i.12xlarge',
                'ml.m6i.16xlarge',
                'ml.m6i.24xlarge',
                'ml.m6i.32xlarge',
                'ml.c6i.xlarge',
                'ml.c6i.2xlarge',
                'ml.c6i.8xlarge',
                'ml.c6i.4xlarge',
                'ml.c6i.12xlarge',
                'ml.c6i.16xlarge',
                'ml.c6i.24xlarge',
                'ml.c6i.32xlarge',
                'ml.r5d.large',
                'ml.r5d.xlarge',
                'ml.r5d.2xlarge',
                'ml.r5d.4xlarge',
                'ml.r5d.8xlarge',
                'ml.r5d.12xlarge',
                'ml.r5d.16xlarge',
                'ml.r5d.24xlarge',
                'ml.t3.medium',
                'ml.t3.large',
                'ml.t3.xlarge',
                'ml.t3.2xlarge',
                'ml.r5.large',
                'ml.r5.xlarge',
                'ml.r5.2xlarge',
                'ml.r5.4xlarge',
                'ml.r5.8xlarge',
                'ml.r5.12xlarge',
                'ml.r5.16xlarge',
                'ml.r5.24xlarge',
                'ml.c7i.large',
                'ml.c7i.xlarge',
                'ml.c7i.2xlarge',
                'ml.c7i.4xlarge',
                'ml.c7i.8xlarge',
                'ml.c7i.12xlarge',
                'ml.c7i.16xlarge',
                'ml.c7i.24xlarge',
                'ml.c7i.48xlarge',
                'ml.m7i.large',
                'ml.m7i.xlarge',
                'ml.m7i.2xlarge',
                'ml.m7i.4xlarge',
                'ml.m7i.8xlarge',
                'ml.m7i.12xlarge',
                'ml.m7i.16xlarge',
                'ml.m7i.24xlarge',
                'ml.m7i.48xlarge',
                'ml.r7i.large',
                'ml.r7i.xlarge',
                'ml.r7i.2xlarge',
                'ml.r7i.4xlarge',
                'ml.r7i.8xlarge',
                'ml.r7i.12xlarge',
                'ml.r7i.16xlarge',
                'ml.r7i.24xlarge',
                'ml.r7i.48xlarge',
                'ml.g6.xlarge',
                'ml.g6.2xlarge',
                'ml.g6.4xlarge',
                'ml.g6.8xlarge',
                'ml.g6.12xlarge',
                'ml.g6.16xlarge',
                'ml.g6.24xlarge',
                'ml.g6.48xlarge',
                'ml.g6e.xlarge',
                'ml.g6e.2xlarge',
                'ml.g6e.4xlarge',
                'ml.g6e.8xlarge',
                'ml.g6e.12xlarge',
                'ml.g6e.16xlarge',
                'ml.g6e.24xlarge',
                'ml.g6e.48xlarge',
                'ml.p5en.48xlarge',
                'ml.p3.2xlarge',
                'ml.p3.8xlarge',
                'ml.p3.16xlarge',
                'ml.p3dn.24xlarge',
            ],
        },
        'LogsStatus': {
            'type': 'string',
            'enum': [
                'PUBLISH_SUCCEEDED',
                'PUBLISH_FAILED',
            ],
        },
        'MetricsStatus': {
            'type': 'string',
            'enum': [
                'PUBLISH_SUCCEEDED',
                'PUBLISH_FAILED',
            ],
        },
        'ModelTrainingDataChannelName': {
            'type': 'string',
            'minLength': 1,
            'maxLength': 64,
            'pattern': '^[A-Za-z0-9\\.\\-_]+$',
        },
        'NameString': {
            'type': 'string',
            'minLength': 1,
            'maxLength': 63,
            'pattern': '^(?!\\s*$)[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t]*$',
        },
        'ResourceConfig': {
            'type': 'object',
            'additionalProperties': False,
            'required': [
                'instanceType',
                'volumeSizeInGB',
            ],
            'properties': {
                'instanceCount': {
                    'type': 'integer',
                    'minimum': 1,
                    'maximum': 5,
                },
                'instanceType': {
                    '$ref': '#/$defs/InstanceType',
                },
                'volumeSizeInGB': {
                    'type': 'integer',
                    'minimum': 1,
                    'maximum': 8192,
                },
            },
        },
        'ResourceDescription': {
            'type': 'string',
            'minLength': 0,
            'maxLength': 255,
            'pattern': '^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDBFF-\\uDC00\\uDFFF\\t\\r\\n]*$',
        },
        'StatusDetails': {
            'type': 'object',
            'additionalProperties': False,
            'properties': {
                'statusCode': {
                    'type': 'string',
                },
                'message': {
                    'type': 'string',
                },
            },
        },
        'StoppingCondition': {
            'type': 'object',
            'additionalProperties': False,
            'properties': {
                'maxRuntimeInSeconds': {
                    'type': 'integer',
                    'minimum': 1,
                    'maximum': 2419200,
                },
            },
        },
        'TrainedModelArn': {
            'type': 'string',
            'minLength': 20,
            'maxLength': 2048,
            'pattern': (
                '^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:membership/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4'
                '}-[0-9a-f]{4}-[0-9a-f]{12}/trained-model/[-a-zA-Z0-9_/.]+$'
            ),
        },
        'TrainedModelStatus': {
            'type': 'string',
            'enum': [
                'CREATE_PENDING',
                'CREATE_IN_PROGRESS',
                'CREATE_FAILED',
                'ACTIVE',
                'DELETE_PENDING',
                'DELETE_IN_PROGRESS',
                'DELETE_FAILED',
                'INACTIVE',
                'CANCEL_PENDING',
                'CANCEL_IN_PROGRESS',
                'CANCEL_FAILED',
            ],
        },
        'TrainingInputMode': {
            'type': 'string',
            'enum': [
                'File',
                'FastFile',
                'Pipe',
            ],
        },
        'UUID': {
            'type': 'string',
            'minLength': 36,
            'maxLength': 36,
            'pattern': '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        },
    },
}

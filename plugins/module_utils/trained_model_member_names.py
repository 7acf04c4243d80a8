# -*- coding: utf-8 -*-
# Copyright: Contributors to the cleanrooms.ml project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The camelCase name of every member of a trained model, by the snake_case name the collection's facts give it.

DO NOT EDIT: written by `make schema` from schema/collaboration_trained_model.schema.json.
"""

CAMEL_CASE_NAMES = {
    'channel_name': 'channelName',
    'collaboration_identifier': 'collaborationIdentifier',
    'configured_model_algorithm_association_arn': 'configuredModelAlgorithmAssociationArn',
    'create_time': 'createTime',
    'creator_account_id': 'creatorAccountId',
    'description': 'description',
    'incremental_training_data_channels': 'incrementalTrainingDataChannels',
    'instance_count': 'instanceCount',
    'instance_type': 'instanceType',
    'logs_status': 'logsStatus',
    'logs_status_details': 'logsStatusDetails',
    'max_runtime_in_seconds': 'maxRuntimeInSeconds',
    'membership_identifier': 'membershipIdentifier',
    'message': 'message',
    'metrics_status': 'metricsStatus',
    'metrics_status_details': 'metricsStatusDetails',
    'ml_model_training_payer_account_id': 'mlModelTrainingPayerAccountId',
    'model_name': 'modelName',
    'name': 'name',
    'resource_config': 'resourceConfig',
    'status': 'status',
    'status_code': 'statusCode',
    'status_details': 'statusDetails',
    'stopping_condition': 'stoppingCondition',
    'trained_model_arn': 'trainedModelArn',
    'training_container_image_digest': 'trainingContainerImageDigest',
    'training_input_mode': 'trainingInputMode',
    'update_time': 'updateTime',
    'version_identifier': 'versionIdentifier',
    'volume_size_in_gb': 'volumeSizeInGB',
}

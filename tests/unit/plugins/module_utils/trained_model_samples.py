"""Identifiers of a made-up trained model, shared by the validation tests."""

MEMBERSHIP = "6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/{MEMBERSHIP}"
    "/trained-model/2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
)
ASSOCIATION_ARN = (
    f"arn:aws:cleanrooms-ml:us-east-1:111122223333:membership/{MEMBERSHIP}"
    "/configured-model-algorithm-association/5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b"
)

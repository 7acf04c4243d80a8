"""The Regions where the fake serves Clean Rooms ML: imported by the pytest plugin at start-up, so no moto here."""

# botocore's endpoint data lists no Regions for cleanrooms-ml, so moto cannot derive
# them; these are the Regions where AWS offers Clean Rooms and Clean Rooms ML.
REGIONS = [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "us-east-1",
    "us-east-2",
    "us-west-2",
]

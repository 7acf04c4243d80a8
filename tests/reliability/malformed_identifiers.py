"""Malformed trained model ARNs and UUIDs, shared by the module's and the lookup's bad-input tables.

Each is a near miss of a valid identifier, so that a refusal can only come from the flaw it
names. None of them may ever reach AWS.
"""

ACCOUNT = "123456789012"
MEMBERSHIP = "6f4a3b1e-0c1d-4a7e-9b2f-1a2b3c4d5e6f"
MODEL = "2c9b8d7e-5f4a-4b3c-8d2e-9f8e7d6c5b4a"
VERSION = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"
MEMBERSHIP_ARN = f"arn:aws:cleanrooms-ml:us-east-1:{ACCOUNT}:membership/{MEMBERSHIP}"
VALID_ARN = f"{MEMBERSHIP_ARN}/trained-model/{MODEL}"

# One more than the 2,048 characters the service model allows.
TOO_LONG = 2049


def padded(identifier, length):
    """identifier lengthened to ``length`` characters with characters its pattern allows."""
    return identifier + "a" * (length - len(identifier))


BAD_ARNS = {
    "empty": "",
    "2049 characters": padded(VALID_ARN + "/", TOO_LONG),
    "SageMaker model": f"arn:aws:sagemaker:us-east-1:{ACCOUNT}:model/churn",
    "S3 bucket": "arn:aws:s3:::churn-models",
    "region in upper case": VALID_ARN.replace("us-east-1", "US-EAST-1"),
    "region with spaces": VALID_ARN.replace("us-east-1", "us east 1"),
    "unknown partition": VALID_ARN.replace("arn:aws:", "arn:azure:"),
    "partition in upper case": VALID_ARN.replace("arn:aws:", "arn:AWS:"),
    "short account": VALID_ARN.replace(ACCOUNT, "1234"),
    "configured model algorithm association": f"{MEMBERSHIP_ARN}/configured-model-algorithm-association/{MODEL}",
    "ML input channel": f"{MEMBERSHIP_ARN}/ml-input-channel/{MODEL}",
    "path traversal": f"{MEMBERSHIP_ARN}/trained-model/../configured-model-algorithm-association/{MODEL}",
    "path traversal at the end": VALID_ARN + "/..",
    "dot segment": f"{MEMBERSHIP_ARN}/trained-model/./{MODEL}",
    "percent-encoded traversal": f"{MEMBERSHIP_ARN}/trained-model/%2e%2e/{MODEL}",
    "query string": VALID_ARN + "?versionIdentifier=" + VERSION,
    "fragment": VALID_ARN + "#latest",
    "Cyrillic a in arn": "\u0430" + VALID_ARN[1:],
    "fullwidth digits in the account": VALID_ARN.replace(
        ACCOUNT, "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10\uff11\uff12"
    ),
    "NUL at the end": VALID_ARN + "\x00",
    "newline at the end": VALID_ARN + "\n",
    "tab inside": VALID_ARN.replace("/trained-model/", "/trained-model/\t"),
    "terminal escape sequence": "\x1b[2J" + VALID_ARN,
    "surrounding spaces": f" {VALID_ARN} ",
}

BAD_UUIDS = {
    "empty": "",
    "upper case": VERSION.upper(),
    "braces": f"{{{VERSION}}}",
    "without dashes": VERSION.replace("-", ""),
    "URN": "urn:uuid:" + VERSION,
    "Arabic-Indic digit": VERSION.replace("9", "\u0669", 1),
    "NUL inside": VERSION[:8] + "\x00" + VERSION[9:],
    "2049 characters": padded(VERSION, TOO_LONG),
}

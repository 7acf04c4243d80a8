"""Hold a parsed boto3 response against its operation's output shape in botocore's model."""

from typing import Any

import botocore.session
from pytest_cleanroomsml.fake.shape_validation import shape_violations

SERVICE_MODEL = botocore.session.get_session().get_service_model("cleanroomsml")


def assert_fits_output_shape(operation_name: str, response: dict[str, Any]) -> None:
    """Fail with every violation: missing required members, types, enums, sizes, patterns."""
    body = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    shape = SERVICE_MODEL.operation_model(operation_name).output_shape
    if shape is None:
        assert body == {}, f"{operation_name} has no output members, got {body}"
        return
    violations = shape_violations(shape, body)
    assert not violations, f"{operation_name} response breaks {shape.name}:\n" + "\n".join(violations)

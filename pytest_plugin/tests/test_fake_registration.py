"""Fails loudly when moto stops serving the fake through the internals register() uses."""

import importlib
import re
import sys
import types
from typing import Any

import boto3
import moto
import moto.backend_index
import moto.backends
import pytest
import pytest_cleanroomsml.fake
from moto.core.base_backend import BaseBackend
from moto.core.responses import BaseResponse
from moto.server import ThreadedMotoServer
from pytest_cleanroomsml.fake import CleanRoomsMLFake, cleanroomsml_backends
from pytest_cleanroomsml.fake.registration import register


def get_churn_model(client: Any, model: Any) -> Any:
    return client.get_collaboration_trained_model(
        trainedModelArn=model["trainedModelArn"],
        collaborationIdentifier=model["collaborationIdentifier"],
    )


def test_register_adds_the_url_pattern_once() -> None:
    register()
    register()

    services = [service for service, dummy in moto.backend_index.backend_url_patterns]
    assert services.count("cleanroomsml") == 1
    assert moto.backends.get_service_from_url("https://cleanrooms-ml.eu-west-2.amazonaws.com") == "cleanroomsml"


def test_register_makes_moto_find_the_backend() -> None:
    register()

    assert sys.modules["moto.cleanroomsml"] is pytest_cleanroomsml.fake
    assert importlib.import_module("moto.backends").get_backend("cleanroomsml") is cleanroomsml_backends


def test_a_boto3_call_under_plain_mock_aws_reaches_the_backend(aws_test_credentials: Any) -> None:
    fake = CleanRoomsMLFake()
    with moto.mock_aws():  # resets moto's state on entry, so seed inside
        model = fake.add_trained_model(name="churn")
        client = boto3.client("cleanroomsml", region_name="us-east-1")

        assert get_churn_model(client, model)["name"] == "churn"


def test_a_boto3_call_to_a_plain_threaded_moto_server_reaches_the_backend(
    aws_test_credentials: Any,
) -> None:
    model = CleanRoomsMLFake().add_trained_model(name="churn")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        client = boto3.client(
            "cleanroomsml",
            region_name="us-east-1",
            endpoint_url=f"http://{host}:{port}",
        )

        assert get_churn_model(client, model)["name"] == "churn"
    finally:
        server.stop()


def test_register_names_a_missing_url_pattern_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(moto.backend_index, "backend_url_patterns")

    with pytest.raises(RuntimeError, match=r"moto\.backend_index\.backend_url_patterns is missing"):
        register()


def test_register_names_get_backend_when_it_stops_finding_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moto.backends, "get_backend", lambda service: {})

    with pytest.raises(RuntimeError, match=r"moto\.backends\.get_backend\('cleanroomsml'\)"):
        register()


def test_register_names_base_backend_when_it_stops_finding_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BaseBackend, "url_paths", property(lambda backend: {}))

    with pytest.raises(RuntimeError, match=r"BaseBackend\.url_paths"):
        register()


@pytest.mark.parametrize(
    "method_name",
    [
        "_get_action",
        "parse_parameters",
        "call_action",
        "dispatch",
        "get_region_from_url",
        "get_access_key",
        "get_current_account",
        "_enrich_response",
    ],
)
def test_register_names_a_missing_base_response_method(monkeypatch: pytest.MonkeyPatch, method_name: Any) -> None:
    monkeypatch.delattr(BaseResponse, method_name)

    names_moto = rf"^The Clean Rooms ML fake cannot register with moto {re.escape(moto.__version__)}: "
    with pytest.raises(RuntimeError, match=rf"{names_moto}.*BaseResponse\.{method_name} is missing"):
        register()


def test_register_names_a_recorder_without_its_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto.moto_api import recorder

    monkeypatch.delattr(recorder, "_user_enabled")

    with pytest.raises(RuntimeError, match=r"recorder\._user_enabled is no longer a flag"):
        register()


def test_register_names_a_model_class_without_its_instance_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from pytest_cleanroomsml.fake.models import TrainedModelVersion

    monkeypatch.delattr(TrainedModelVersion, "instances_tracked")

    with pytest.raises(RuntimeError, match=r"instances_tracked \(of TrainedModelVersion\) is no longer a list"):
        register()


def test_a_fake_registers_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    CleanRoomsMLFake()  # registered by now, if no earlier test did it
    monkeypatch.delattr(BaseResponse, "call_action")

    CleanRoomsMLFake()  # no second round of checks, which would now fail


def test_register_refuses_to_shadow_a_backend_moto_ships(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "moto.cleanroomsml", types.ModuleType("moto.cleanroomsml"))

    with pytest.raises(RuntimeError, match="moto now ships its own Clean Rooms ML backend"):
        register()


def test_register_names_a_moto_version_outside_the_declared_range(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(moto, "__version__", "5.2.4")  # parses path members as a regex match

    with pytest.raises(RuntimeError, match=r"^The Clean Rooms ML fake cannot register with moto 5\.2\.4: .*>=5\.2\.5"):
        register()

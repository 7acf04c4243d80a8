"""Run the lookup in-process against the fake, as ansible-playbook would: loaded by lookup_loader
(one plugin object per call) and called directly or from templates.

Importing this module installs ansible's collection loader (conftests import it before any test).
"""

import sys
from pathlib import Path

import pytest
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import init_plugin_loader, lookup_loader
from ansible.template import Templar, trust_as_template
from ansible.utils.collection_loader import AnsibleCollectionConfig

BUILD = Path(__file__).resolve().parents[2] / "build"


def _load_collections_as_ansible_does():
    """Install ansible's collection loader, which lookup_loader and doc fragments need.

    Collection modules imported before it, through plain namespace packages, lack the
    collection metadata the loader relies on; they are imported again through it.
    """
    if AnsibleCollectionConfig.collection_finder is not None:
        return
    for name in [name for name in sys.modules if name.split(".")[0] == "ansible_collections"]:
        del sys.modules[name]
    init_plugin_loader([str(BUILD)])


_load_collections_as_ansible_does()


def _collection_imports():
    """What the fixtures use from the collections, imported once the collection loader is in place."""
    from ansible_collections.amazon.aws.plugins.plugin_utils.base import AWSPluginBase
    from ansible_collections.cleanrooms.ml.plugins.plugin_utils.client_cache import CLIENT_CACHE

    return AWSPluginBase, CLIENT_CACHE


AWSPluginBase, CLIENT_CACHE = _collection_imports()

LOOKUP_NAME = "cleanrooms.ml.cleanroomsml_trained_model_info"
COLLABORATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


@pytest.fixture(autouse=True)
def client_cache():
    """The process-wide client cache, empty at the start and the end of each test."""
    CLIENT_CACHE.clear()
    yield CLIENT_CACHE
    CLIENT_CACHE.clear()


@pytest.fixture
def lookup_warnings(monkeypatch):
    """The warnings the lookup shows, in order."""
    shown = []
    monkeypatch.setattr(AWSPluginBase, "warn", lambda plugin, message: shown.append(message))
    return shown


@pytest.fixture
def run_lookup(cleanroomsml_fake, lookup_warnings):
    """run_lookup(*terms, **options) -> what LookupModule.run returns (a list).

    Each call gets a new plugin object, as each task of a play does.
    """

    def run(*terms, **options):
        if "collaboration_id" not in options:
            options.setdefault("collaboration_identifier", COLLABORATION)
        return lookup_loader.get(LOOKUP_NAME).run(list(terms), variables={}, **options)

    return run


@pytest.fixture
def render(cleanroomsml_fake, lookup_warnings):
    """render(template, **variables) -> the template's value, lookup() and query() included."""

    def run(template, **variables):
        return Templar(loader=DataLoader(), variables=variables).template(trust_as_template(template))

    return run


@pytest.fixture
def add_models(cleanroomsml_fake):
    """add_models(*names, **overrides) -> the fake's descriptions of new models in COLLABORATION."""

    def add(*names, **overrides):
        return [
            cleanroomsml_fake.add_trained_model(name=name, collaboration_identifier=COLLABORATION, **overrides)
            for name in names
        ]

    return add

"""Fixtures of the ecosystem checks: the collection built into a tarball, and installed from it."""

import pytest
from release_artifacts import build_plugin
from tool_runs import ROOT, amazon_aws_path, run_ok, tool


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: installs into a fresh venv from PyPI; leave out with -m 'not slow'")


@pytest.fixture(scope="session")
def collection_tarball(tmp_path_factory):
    """The tarball `ansible-galaxy collection build` makes of the work tree."""
    output = tmp_path_factory.mktemp("collection-build")
    run_ok([tool("ansible-galaxy"), "collection", "build", "--output-path", output, ROOT])
    [tarball] = output.glob("cleanrooms-ml-*.tar.gz")
    return tarball


@pytest.fixture(scope="session")
def plugin_distributions(tmp_path_factory):
    """pytest-cleanroomsml's (sdist, wheel), as `make release` builds them."""
    return build_plugin(tmp_path_factory.mktemp("plugin-build"))


@pytest.fixture(scope="session")
def installed_collections(collection_tarball, tmp_path_factory):
    """A collections path with cleanrooms.ml installed offline from the tarball, and amazon.aws linked beside it."""
    collections = tmp_path_factory.mktemp("collections")
    # --force: without it, a cleanrooms.ml 0.1.0 found elsewhere (build/) counts as installed already.
    run_ok(
        [
            tool("ansible-galaxy"),
            "collection",
            "install",
            "--offline",
            "--no-deps",
            "--force",
            "-p",
            collections,
            collection_tarball,
        ]
    )
    amazon_aws = collections / "ansible_collections" / "amazon" / "aws"
    amazon_aws.parent.mkdir(parents=True)
    amazon_aws.symlink_to(amazon_aws_path())
    return collections

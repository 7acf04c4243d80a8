"""changelogs/ passes antsibull-changelog's lint, CHANGELOG.rst is generated from it, and each release names its new
plugins.
"""

import yaml
from plugin_reference import collection_plugin_docs
from tool_runs import ROOT, run_ok, tool


def test_fragments_and_changelog_yaml_pass_the_linter():
    run_ok([tool("antsibull-changelog"), "lint"])
    run_ok([tool("antsibull-changelog"), "lint-changelog-yaml", ROOT / "changelogs" / "changelog.yaml"])


def test_changelog_rst_is_generated_from_changelog_yaml(tmp_path):
    generated = tmp_path / "CHANGELOG.rst"
    run_ok([tool("antsibull-changelog"), "generate", "--output", generated, "--output-format", "rst"])
    current = (ROOT / "CHANGELOG.rst").read_text(encoding="utf-8")
    assert current == generated.read_text(encoding="utf-8"), "run `antsibull-changelog generate`"


def announced_plugins():
    """{release: {(plugin type, short name)}} of the plugins each release of changelog.yaml introduced."""
    releases = yaml.safe_load((ROOT / "changelogs" / "changelog.yaml").read_text(encoding="utf-8"))["releases"]
    announced = {}
    for version, release in releases.items():
        names = {("module", module["name"]) for module in release.get("modules", [])}
        names |= {
            (plugin_type, plugin["name"])
            for plugin_type, plugins in release.get("plugins", {}).items()
            for plugin in plugins
        }
        announced[version] = names
    return announced


def test_each_released_plugin_is_announced_in_the_release_that_added_it():
    announced = announced_plugins()
    unannounced = []
    for plugin_type, plugins in collection_plugin_docs().items():
        for fqcn, record in plugins.items():
            version = record["doc"].get("version_added")
            if version in announced and (plugin_type, fqcn.rsplit(".", 1)[-1]) not in announced[version]:
                unannounced.append(f"{plugin_type} {fqcn} (version_added {version})")
    assert unannounced == []

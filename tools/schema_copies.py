"""Write (or, with --check, verify) every copy of the shared response schema.

schema/collaboration_trained_model.schema.json is the one hand-edited source. Ansible
ships only Python to managed hosts and the pytest plugin must install without Ansible,
so the copies are:
  plugins/module_utils/trained_model_schema.py                 the schema as a Python dict
  pytest_plugin/pytest_cleanroomsml/data/<schema>.json         package data of the plugin
  docs/schema/<schema>.json                                    the published file for users
  pytest_plugin/pytest_cleanroomsml/_shared/<module>.py        plain-Python module_utils the
                                                               plugin runs too, copied with their
                                                               imports of each other made relative
  plugins/module_utils/trained_model_member_names.py           {snake_case: camelCase} for every
                                                               member, as the collection's facts
                                                               name them (ansible's own conversion),
                                                               so that the Jinja tests and the plugin
                                                               (its _shared copy) read those facts
                                                               without converting at run time
  pytest_plugin/pytest_cleanroomsml/_version.py                the version of galaxy.yml, which the
                                                               collection and the plugin share (the
                                                               plugin's sdist cannot see galaxy.yml)
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_NAME = "collaboration_trained_model.schema.json"
SOURCE = ROOT / "schema" / SCHEMA_NAME
MODULE_UTILS = ROOT / "plugins" / "module_utils"
PLUGIN_PACKAGE = ROOT / "pytest_plugin" / "pytest_cleanroomsml"
GALAXY_YML = ROOT / "galaxy.yml"
VERSION_MODULE = PLUGIN_PACKAGE / "_version.py"

# module_utils files with no Ansible import, which the pytest plugin uses as they are.
SHARED_MODULE_UTILS = (
    "cleanroomsml_service.py",
    "concurrency.py",
    "connection_checks.py",
    "credential_redaction.py",
    "identifier_rules.py",
    "quoted_values.py",
    "trained_model_arns.py",
    "trained_model_checks.py",
    "trained_model_member_names.py",
    "trained_model_validation.py",
    "trained_model_waiting.py",
    "trained_model_words.py",
)

GENERATED_NOTE = "DO NOT EDIT: written by `make schema` from %s."


_MAX_STRING_CHUNK = 96


def _python_literal(value: Any, depth: int = 0) -> str:
    """Format JSON data as a Python literal that passes pep8 (no line over 160 characters)."""
    inner, outer = "    " * (depth + 1), "    " * depth
    if isinstance(value, dict):
        items = [f"{inner}{key!r}: {_python_literal(item, depth + 1)}," for key, item in value.items()]
        return "{{\n{}\n{}}}".format("\n".join(items), outer) if items else "{}"
    if isinstance(value, list):
        items = [f"{inner}{_python_literal(item, depth + 1)}," for item in value]
        return "[\n{}\n{}]".format("\n".join(items), outer) if items else "[]"
    if isinstance(value, str) and len(value) > _MAX_STRING_CHUNK:
        # Long patterns and descriptions become adjacent literals, which Python joins.
        chunks = [value[start : start + _MAX_STRING_CHUNK] for start in range(0, len(value), _MAX_STRING_CHUNK)]
        return "(\n{}\n{})".format("\n".join(f"{inner}{chunk!r}" for chunk in chunks), outer)
    return repr(value)


def _python_data_module(docstring: str, name: str, value: Any) -> str:
    """A module_utils file holding one generated constant."""
    note = GENERATED_NOTE % SOURCE.relative_to(ROOT)
    return (
        "# -*- coding: utf-8 -*-\n"
        "# Copyright: Contributors to the cleanrooms.ml project\n"
        "# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)\n"
        "\n"
        f'"""{docstring}\n'
        "\n"
        f"{note}\n"
        '"""\n'
        "\n"
        f"{name} = {_python_literal(value)}\n"
    )


def _python_schema_module(schema: dict[str, Any]) -> str:
    return _python_data_module(
        "The JSON Schema of the GetCollaborationTrainedModel response, as a Python dict.", "SCHEMA", schema
    )


# A shared module may import another; in the plugin's package that import is relative.
_COLLECTION_IMPORT = "from ansible_collections.cleanrooms.ml.plugins.module_utils."


def _shared_copy(name: str, generated: dict[Path, str]) -> str:
    """The plugin's copy of a module_utils file: of what this run writes when it is generated, else of the file."""
    source = MODULE_UTILS / name
    header = "# %s\n" % (GENERATED_NOTE % source.relative_to(ROOT))
    text = generated[source] if source in generated else source.read_text(encoding="utf-8")
    return header + text.replace(_COLLECTION_IMPORT, "from .")


def _member_names(node: Any) -> set[str]:
    """Every property name anywhere in the schema."""
    names: set[str] = set()
    if isinstance(node, dict):
        names.update(node.get("properties", {}))
        for value in node.values():
            names |= _member_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _member_names(value)
    return names


def _member_names_module(schema: dict[str, Any]) -> str:
    """{snake_case: camelCase} of every member, named as ansible's camel_dict_to_snake_dict names the facts."""
    from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

    names = {}
    for camel in sorted(_member_names(schema)):
        snake = next(iter(camel_dict_to_snake_dict({camel: None})))
        names[snake] = camel
    return _python_data_module(
        "The camelCase name of every member of a trained model, by the snake_case name the collection's facts give it.",
        "CAMEL_CASE_NAMES",
        dict(sorted(names.items())),
    )


def collection_version() -> str:
    """The version in galaxy.yml: the one version number of the collection and the pytest plugin."""
    import yaml

    return str(yaml.safe_load(GALAXY_YML.read_text(encoding="utf-8"))["version"])


def _version_module() -> str:
    """The plugin's _version.py, which its pyproject.toml reads (statically) as the distribution's version."""
    note = GENERATED_NOTE % GALAXY_YML.relative_to(ROOT)
    return (
        '"""The version of pytest-cleanroomsml, which is the collection\'s (galaxy.yml).\n'
        "\n"
        f"{note}\n"
        '"""\n'
        "\n"
        f"__version__ = {json.dumps(collection_version())}\n"
    )


def expected_files() -> dict[Path, str]:
    """Map each copy's path to the content it must have."""
    text = SOURCE.read_text(encoding="utf-8")
    schema = json.loads(text)
    files = {
        MODULE_UTILS / "trained_model_schema.py": _python_schema_module(schema),
        MODULE_UTILS / "trained_model_member_names.py": _member_names_module(schema),
        PLUGIN_PACKAGE / "data" / SCHEMA_NAME: text,
        ROOT / "docs" / "schema" / SCHEMA_NAME: text,
        PLUGIN_PACKAGE
        / "_shared"
        / "__init__.py": '"""Plain-Python modules shared with the Ansible collection (copies)."""\n',
    }
    for name in SHARED_MODULE_UTILS:
        files[PLUGIN_PACKAGE / "_shared" / name] = _shared_copy(name, files)
    files[VERSION_MODULE] = _version_module()
    return files


def stale_files() -> list[Path]:
    """Paths whose content differs from what `make schema` would write."""
    stale = []
    for path, content in expected_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            stale.append(path)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report copies that are out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run `make schema`)")
        return 1 if stale else 0
    # Only what changed: an untouched file keeps its time, which make compares (the plugin's _version.py).
    for path in stale_files():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected_files()[path], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

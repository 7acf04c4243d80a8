"""Every copy of the schema (and of the shared plain-Python module_utils) matches its source."""

from pathlib import Path

import schema_copies

ROOT = Path(__file__).resolve().parents[3]


def test_copies_are_up_to_date():
    stale = [str(path.relative_to(ROOT)) for path in schema_copies.stale_files()]
    assert stale == [], "run `make schema`; out of date: {}".format(", ".join(stale))


def test_the_python_copy_is_the_same_schema():
    import json

    from ansible_collections.cleanrooms.ml.plugins.module_utils.trained_model_schema import SCHEMA

    assert json.loads(schema_copies.SOURCE.read_text(encoding="utf-8")) == SCHEMA


def test_a_changed_source_is_detected(monkeypatch):
    source_text = schema_copies.SOURCE.read_text(encoding="utf-8")
    edited_text = source_text.replace('"ACTIVE"', '"ACTIVATED"')
    assert edited_text != source_text
    original_read_text = Path.read_text

    def read_text(path, *args, **kwargs):
        return edited_text if path == schema_copies.SOURCE else original_read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    stale = {path.name for path in schema_copies.stale_files()}
    assert stale == {"trained_model_schema.py", schema_copies.SCHEMA_NAME}  # the docs and plugin copies share a name

"""Every sample's record validates against the JSON Schema shipped in the package."""
from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from article_facts.core.contract import record_schema
from conftest import SAMPLES, invoke

SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*.txt"))


def test_the_schema_is_itself_valid():
    Draft202012Validator.check_schema(record_schema())


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_record_matches_the_schema(path):
    rec = json.loads(invoke("summarize", str(path), "--json", "--include-text").stdout)
    errors = sorted(Draft202012Validator(record_schema()).iter_errors(rec), key=str)
    assert not errors, errors[0].message
    for f in rec["facts"]:
        for m in f.get("mentions") or [f]:
            assert rec["text"][m["start"]:m["end"]] == m["text"]


def test_error_records_match_the_schema(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 10)
    rec = json.loads(invoke("summarize", str(tmp_path / "bin.txt"), "--json").stdout)
    assert rec["error"]["type"] == "binary"
    assert not list(Draft202012Validator(record_schema()).iter_errors(rec))

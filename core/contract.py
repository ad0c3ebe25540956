"""The record contract's JSON Schema, shipped inside the package."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any


def record_schema() -> dict[str, Any]:
    return json.loads(resources.files("article_facts.core").joinpath("schema", "record.schema.json").read_text("utf-8"))

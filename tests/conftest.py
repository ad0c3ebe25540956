"""Shared fixtures: the seed article is the canonical end-to-end example."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from article_facts.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "us-withdraws-2200-troops-from-iraq-independent-2020-09-09.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def invoke(*args: str, input: str | bytes | None = None):
    """Run the CLI in-process; stdout is not a terminal, so JSON Lines is the default format."""
    return CliRunner().invoke(app, list(args), input=input)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def entity_mentions(text: str) -> list[tuple[str, str]]:
    """(text, kind) of every entity mention in document order, checking each offset reproduces its text."""
    from article_facts.core import structure
    from article_facts.core.who import entities

    article = structure.parse(text)
    found = []
    for fact in entities.extract(article, None):
        assert article.text[fact.start:fact.end] == fact.text
        for m in fact.attrs["mentions"]:
            assert article.text[m["start"]:m["end"]] == m["text"]
            found.append((m["start"], m["text"], fact.kind))
    return [(t, k) for _, t, k in sorted(found)]

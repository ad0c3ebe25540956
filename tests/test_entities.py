"""Entity stage specification: each corpus case lists every mention it must yield, with its kind."""
from __future__ import annotations

from article_facts.core.rules.toml_cache import parse as parse_toml
from conftest import entity_mentions
from pathlib import Path

import pytest

from article_facts.core.structure import parse
from article_facts.core.who import entities

CORPUS = parse_toml((Path(__file__).parent / "corpora" / "who" / "entities.toml").read_text(encoding="utf-8"))


_mentions = entity_mentions


@pytest.mark.parametrize("case", CORPUS["case"], ids=[c["name"] for c in CORPUS["case"]])
def test_entity_corpus(case):
    assert _mentions(case["text"]) == [tuple(x) for x in case["mentions"]]


def test_seed_people_and_places():
    text = (Path(__file__).parent.parent / "samples" /
            "us-withdraws-2200-troops-from-iraq-independent-2020-09-09.txt").read_text(encoding="utf-8")
    facts = entities.extract(parse(text), None)
    people = {f.text for f in facts if f.kind == "person"}
    places = {f.text for f in facts if f.kind == "location"}
    assert {"Donald Trump", "McKenzie", "Qassem Soleimani", "Abu Mahdi al-Muhandis"} <= people
    assert {"Iraq", "Syria", "Afghanistan", "Baghdad", "al-Asad air base"} <= places

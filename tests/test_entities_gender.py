"""Person facts carry a gender ("female", "male" or None) for pronouns: from a given name of one sex, an
honorific or role word before a mention, or the first he/she after a mention."""
from __future__ import annotations

import pytest

from article_facts.core.structure import parse
from article_facts.core.who import entities

CASES = [
    ("Karen Lindqvist opened the new clinic on Monday.", "Karen Lindqvist", "female"),
    ("Kyle Brennan scored twice in the second half.", "Kyle Brennan", "male"),
    ("Mrs Tobin, a retired teacher, chaired the meeting.", "Tobin", "female"),
    ("The actress Jordan Vale arrived late.", "Jordan Vale", "female"),
    ("Dr Jordan Vale arrived late. He apologised to the panel.", "Jordan Vale", "male"),
    ("Jordan Vale arrived late on Tuesday.", "Jordan Vale", None),
]


@pytest.mark.parametrize("text, name, want", CASES, ids=[c[0][:40] for c in CASES])
def test_person_gender(text, name, want):
    people = {f.text: f.attrs["gender"] for f in entities.extract(parse(text), None) if f.kind == "person"}
    assert name in people, people
    assert people[name] == want


def test_only_people_have_a_gender():
    facts = entities.extract(parse("Karen Lindqvist flew to Berlin for the Red Cross."), None)
    assert all(("gender" in f.attrs) == (f.kind == "person") for f in facts)

"""The rules engine: loading, clear errors for bad user files, listing, and linear time on any input."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from article_facts.core import structure
from article_facts.core.numbers import extract
from article_facts.core.pipeline import Context, Options
from article_facts.core.rules import describe_rules, load_rules


def test_builtin_kinds_are_listed():
    kinds = {info.kind for info in describe_rules()}
    assert {"troops", "troop_change", "casualties", "money", "percent", "quantity"} <= kinds


@pytest.mark.parametrize("content,problem", [
    ("kind = 'x'\n[[rules]]\nspan = '{head}'\n", "must start with {number}"),
    ("kind = 'x'\n[[rules]]\nspan = '{number} {nolist}'\n", "unknown list"),
    ("kind = 'x'\n", "no [[rules]]"),
    ("kind = [\n", "not valid TOML"),
    ("kind = 'x'\n[[rules]]\nspan = '{number}'\nrequires = ['bogus']\n", "unknown requirement"),
])
def test_bad_user_file_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_rules((str(path),))
    assert "bad.toml" in str(err.value) and problem in str(err.value)


def _run(text: str) -> float:
    started = time.perf_counter()
    article = structure.parse(text)
    for f in extract(article, Context(None, Options())):
        assert article.text[f.start:f.end] == f.text
    return time.perf_counter() - started


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$%£abcdefmkt troops killed of from to and\n")),
               max_size=400))
def test_no_input_crashes(text):
    _run(text)


@pytest.mark.parametrize("unit", ["1,", "5 ", "a ", "of ", "troops ", "1-", "$", "from 5 to ", "9 9 9 "])
def test_adversarial_input_is_linear(unit):
    assert _run(unit * (50_000 // len(unit))) < 5.0


CROWD_RULES = """kind = "crowd"
[lists]
crowd = ["élèves", "café goers", "people"]
[[rules]]
span = "{number} {mod}* {crowd}"
fields = { group = "{crowd}" }
"""


@pytest.mark.parametrize("text,expected", [
    ("About 40 café goers and 300 Élèves left.", [(40, "café goers"), (300, "élèves")]),
    ("Some 12 people stayed behind.", [(12, "people")]),
    ("The 40 cafés and 300 élèvesx closed.", []),                   # not the list's words
])
def test_user_rule_with_words_beyond_ascii(tmp_path, text, expected):
    path = tmp_path / "crowd.toml"
    path.write_text(CROWD_RULES, encoding="utf-8")
    found = extract(structure.parse(text), Context(None, Options(rules_files=(str(path),))))
    assert [(f.attrs["value"], f.attrs["group"]) for f in found if f.kind == "crowd"] == expected

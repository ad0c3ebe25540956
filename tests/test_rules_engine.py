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


def _view(kinds) -> list:
    """Everything a kind's rules match with, patterns rendered."""
    from article_facts.core.rules.templates import render

    return [(spec.kind, spec.description, spec.priority, spec.fallback, spec.number_fields, spec.defaults,
             [(r.name, r.description, r.source, r.before_regex and render(r.before_regex), render(r.forward_regex),
               r.numbers, r.anchor, r.requires, r.fields, r.emits, r.triggers,
               {name: words.canonical for name, words in r.lists.items()}) for r in spec.rules])
            for spec in kinds]


def test_cached_builtin_rules_are_the_rule_files_read_afresh():
    from article_facts.core.rules import _build_builtin, _builtin, _builtin_files
    from article_facts.core.rules.templates import alternation

    shared, kinds = _builtin()
    fresh_shared, fresh_kinds = _build_builtin(_builtin_files())
    assert {n: w.canonical for n, w in shared.items()} == {n: w.canonical for n, w in fresh_shared.items()}
    assert _view(kinds) == _view(fresh_kinds)
    lists = [words for spec in kinds for words in spec.rules[0].lists.values()]
    assert all(words.regex.pattern == alternation(words.canonical) for words in lists)


EXTRA_TROOPS = """kind = "troops"
[lists]
unit = ["peacekeepers"]
[[rules]]
name = "peacekeepers"
span = "{number} {unit}"
fields = { force = "{unit}" }
"""


@pytest.mark.parametrize("text,expected", [
    ("The UN sent 450 peacekeepers to the border.", [("troops", 450)]),
    ("The UN sent 450 soldiers to the border.", [("troops", 450)]),          # the built-in rules still apply
    ("The UN counted 450 voters at the border.", []),
])
def test_user_file_extends_a_builtin_kind_without_changing_it_for_others(tmp_path, text, expected):
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA_TROOPS, encoding="utf-8")
    with_file = extract(structure.parse(text), Context(None, Options(rules_files=(str(path),))))
    assert [(f.kind, f.attrs["value"]) for f in with_file if f.kind == "troops"] == expected
    plain = extract(structure.parse(text), Context(None, Options()))
    assert not any(f.attrs.get("force") == "peacekeepers" for f in plain)

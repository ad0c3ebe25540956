"""Temporal tagger specification: expressions in sentences, with a publication date, resolve to TIMEX3 values."""
from __future__ import annotations


from pathlib import Path

import pytest

from article_facts.core import structure, timex
from article_facts.core.pipeline import Context, Options
from article_facts.core.rules.toml_cache import parse as parse_toml

CORPUS = parse_toml((Path(__file__).parent / "corpora" / "timex" / "cases.toml").read_text(encoding="utf-8"))
WIRE = parse_toml((Path(__file__).parent / "corpora" / "timex" / "modern_wire.toml").read_text(encoding="utf-8"))


def tag(text: str, dct: str | None):
    article = structure.parse(text, published=dct or None)
    return article, timex.extract(article, Context(published=dct or None, options=Options()))


def overlapping(article, facts, expr: str):
    start = article.text.index(expr)
    end = start + len(expr)
    return [f for f in facts if f.start < end and start < f.end]


@pytest.mark.parametrize("case", CORPUS["case"], ids=lambda c: f"{c['expr']}@{c['dct'] or 'no-dct'}")
def test_expression_resolves(case):
    article, facts = tag(case["text"], case["dct"])
    hits = overlapping(article, facts, case["expr"])
    assert hits, f"{case['expr']!r} not tagged in {case['text']!r}"
    fact = hits[0]
    assert (fact.kind.upper(), fact.attrs["value"]) == (case["type"], case["value"])
    assert fact.text == article.text[fact.start:fact.end]


@pytest.mark.parametrize("case", CORPUS["negative"], ids=lambda c: c["expr"])
def test_not_a_time_expression(case):
    article, facts = tag(case["text"], "2020-09-09")
    assert not overlapping(article, facts, case["expr"])


@pytest.mark.parametrize("case", WIRE["case"], ids=lambda c: f"{c['expr']}@{c['dct']}")
def test_modern_wire_expression_has_its_timeml_span_and_value(case):
    article, facts = tag(case["text"], case["dct"])
    hits = overlapping(article, facts, case["expr"])
    assert [(f.text, f.kind.upper(), f.attrs["value"]) for f in hits[:1]] == [(case["expr"], case["type"], case["value"])]


@pytest.mark.parametrize("case", WIRE["negative"], ids=lambda c: c["expr"])
def test_modern_wire_non_time_expression(case):
    article, facts = tag(case["text"], "2013-03-05")
    assert not overlapping(article, facts, case["expr"])


def test_no_publication_date_never_means_today():
    _, facts = tag("The minister resigned yesterday.", None)
    assert [f.attrs["value"] for f in facts] == ["XXXX-XX-XX"]


def test_wire_dateline_date_is_tagged_outside_sentences():
    article, facts = tag("GENEVA, March 4 (Reuters) - Negotiators failed to agree on Tuesday. More talks follow.",
                         "2020-03-04")
    dated = [f for f in facts if f.text == "March 4"]
    assert [(f.attrs["value"], f.sentence) for f in dated] == [("2020-03-04", None)]
    assert [f.text for f in facts] == ["March 4", "Tuesday"]


def test_dates_off_the_calendar_never_raise():
    from article_facts.core.pipeline import analyse

    rec = analyse("Talks end tomorrow and resume next week, two days later.", id="edge", published="9999-12-31")
    assert rec.error is None and [f for f in rec.facts if f.kind == "date"]

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


# ---------------------------------------------------------------- the engine: where rules are tried
import importlib  # noqa: E402
import re  # noqa: E402

from article_facts.core.timex import scan  # noqa: E402
from article_facts.core.timex.heads import HeadReader  # noqa: E402

grammar_module = importlib.import_module("article_facts.core.timex.grammar")   # the package shadows the name

ENGINE = parse_toml((Path(__file__).parent / "corpora" / "timex" / "engine.toml").read_text(encoding="utf-8"))
_WORDS = re.compile(r"[A-Za-z]+|\d+")


def reference_matches(g, text: str, lo: int, hi: int):
    """The plain algorithm the scan must agree with: at each trigger word, its rules as one alternation,
    tried at the seven word starts before it and at the word itself; the first match wins."""
    words = list(_WORDS.finditer(text, lo, hi))
    done = lo
    for k, word in enumerate(words):
        if word.start() < done:
            continue
        key = "#" if word.group()[0].isdigit() else word.group().lower()
        if key not in g.index:
            continue
        pattern = grammar_module._sub_master(g, g.index[key])
        for j in range(max(0, k - 7), k + 1):
            if words[j].start() < done:
                continue
            m = pattern.match(text, words[j].start(), hi)
            if m:
                done = m.end()
                yield m
                break


@pytest.mark.parametrize("case", ENGINE["scan"], ids=lambda c: c["text"][:40])
def test_scan_tries_rules_where_the_plain_trigger_windows_would(case):
    g = grammar_module.grammar()
    article = structure.parse(case["text"])
    view = scan.WordView.of(article.text)
    for s in article.sentences:
        fast = [(m.span(), m.lastgroup) for m in scan.matches(g, view, s.start, s.end)]
        plain = [(m.span(), m.lastgroup) for m in reference_matches(g, article.text, s.start, s.end)]
        assert fast == plain


def test_scan_agrees_on_a_region_that_cuts_a_word():
    g = grammar_module.grammar()
    text = "In 2015 people left; by2016 they were back 3 years on."
    view = scan.WordView.of(text)
    for lo, hi in [(0, len(text)), (2, 30), (22, 45), (24, len(text))]:
        fast = [(m.span(), m.lastgroup) for m in scan.matches(g, view, lo, hi)]
        assert fast == [(m.span(), m.lastgroup) for m in reference_matches(g, text, lo, hi)]


def _reader() -> HeadReader:
    return HeadReader({"unit": {"year": "Y", "week": "W"}, "num": {"two": "2", "a few": "X"}},
                      {"number": r"\d+|<<num>>"})


@pytest.mark.parametrize("case", ENGINE["first_words"], ids=lambda c: c["pattern"])
def test_first_words_are_read_from_the_pattern(case):
    assert _reader().first_words(case["pattern"]) == frozenset(case["words"])


@pytest.mark.parametrize("case", ENGINE["any_start"], ids=lambda c: c["pattern"])
def test_a_pattern_with_an_unknown_first_word_may_start_anywhere(case):
    assert _reader().first_words(case["pattern"]) is None


_NUMBER = r"(?:\d+|two|a\s+few)"         # <<number>> of _reader(), written out


@pytest.mark.parametrize("pattern, text, fits", [
    (r"about|nearly", "about 5", True),
    (r"about|nearly", "Nearly 5", True),
    (r"about|nearly", "5 years", False),
    (r"<<number>>\s", "a few days", True),
    (r"<<number>>\s", "12 days", True),
    (r"<<number>>\s", "several days", False),
])
def test_first_character_guard_lets_through_what_the_pattern_can_match(pattern, text, fits):
    guard = _reader().first_chars(pattern)
    assert bool(re.match(guard, text)) is fits
    if re.match(pattern.replace("<<number>>", _NUMBER), text, re.IGNORECASE):
        assert fits


def test_a_pattern_that_may_match_nothing_gets_no_guard():
    assert _reader().first_chars(r"(?:about)?") is None


@pytest.mark.parametrize("case", ENGINE["trie"], ids=lambda c: " ".join(c["words"][:3]))
def test_table_trie_matches_what_the_longest_first_alternation_matches(case):
    sensitive = case.get("case_sensitive", False)
    trie = grammar_module._alternation(case["words"], sensitive)
    flat = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(case["words"], key=len, reverse=True))
    flags = 0 if sensitive else re.IGNORECASE
    for text in case["texts"]:
        for at in range(len(text)):
            for tail in ("", r"(?![a-z])", r"\s"):
                got = re.compile(f"(?:{trie}){tail}", flags).match(text, at)
                want = re.compile(f"(?:{flat}){tail}", flags).match(text, at)
                assert (got and got.span()) == (want and want.span()), (text, at, tail)


def test_a_table_whose_words_differ_only_in_case_stays_an_alternation_where_case_is_ignored():
    assert grammar_module._alternation(["US", "us", "U.S."]) == r"U\.S\.|US|us"

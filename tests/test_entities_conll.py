"""CoNLL-2003 conventions for the entity stage: tokenised wire sentences, all-capitals headlines, results lines.

Each corpus case must yield exactly its mentions; a case marked ``gap`` is a known shortfall (expected to fail).
The corpus as a whole must keep an exact-span-and-label F1 of at least 0.85, the figure the report quotes.
"""
from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from article_facts.core.structure import parse
from article_facts.core.who import entities

CASES = tomllib.loads((Path(__file__).parent / "corpora" / "who" / "entities_conll.toml")
                      .read_text(encoding="utf-8"))["case"]


def _mentions(text: str) -> list[tuple[str, str]]:
    article = parse(text)
    found = []
    for fact in entities.extract(article, None):
        for m in fact.attrs["mentions"]:
            assert article.text[m["start"]:m["end"]] == m["text"]
            found.append((m["start"], m["text"], fact.kind))
    return [(t, k) for _, t, k in sorted(found)]


def _param(case: dict):
    marks = [pytest.mark.xfail(reason=case["gap"], strict=False)] if case.get("gap") else []
    return pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_conll_case(case):
    assert _mentions(case["text"]) == [tuple(x) for x in case["mentions"]]


def test_conll_corpus_f1():
    tp = predicted = gold = 0
    for case in CASES:
        got, want = Counter(_mentions(case["text"])), Counter(tuple(x) for x in case["mentions"])
        tp += sum((got & want).values())
        predicted += sum(got.values())
        gold += sum(want.values())
    f1 = 2 * tp / (predicted + gold)
    assert f1 >= 0.85, f"CoNLL-style corpus F1 {f1:.3f}"

"""CoNLL-2003 conventions for the entity stage: tokenised wire sentences, all-capitals headlines, results lines.

Two corpora: single wire sentences (entities_conll.toml) and whole sports-heavy wire documents with headline,
dateline, results lines, tables and scorers (entities_conll_sports.toml). Each case must yield exactly its
mentions; a case marked ``gap`` is a known shortfall (expected to fail). Each corpus as a whole must keep an
exact-span-and-label F1 of at least 0.90.
"""
from __future__ import annotations

from article_facts.core.rules.toml_cache import parse as parse_toml
from conftest import entity_mentions
from collections import Counter
from pathlib import Path

import pytest


CORPORA = {name: parse_toml((Path(__file__).parent / "corpora" / "who" / f"{name}.toml")
                               .read_text(encoding="utf-8"))["case"]
           for name in ("entities_conll", "entities_conll_sports")}


_mentions = entity_mentions


def _param(corpus: str, case: dict):
    marks = [pytest.mark.xfail(reason=case["gap"], strict=True)] if case.get("gap") else []
    return pytest.param(case, id=f"{corpus}: {case['name']}", marks=marks)


@pytest.mark.parametrize("case", [_param(name, c) for name, cases in CORPORA.items() for c in cases])
def test_conll_case(case):
    assert _mentions(case["text"]) == [tuple(x) for x in case["mentions"]]


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_conll_corpus_f1(corpus):
    tp = predicted = gold = 0
    for case in CORPORA[corpus]:
        got, want = Counter(_mentions(case["text"])), Counter(tuple(x) for x in case["mentions"])
        tp += sum((got & want).values())
        predicted += sum(got.values())
        gold += sum(want.values())
    f1 = 2 * tp / (predicted + gold)
    assert f1 >= 0.90, f"{corpus}: CoNLL-style corpus F1 {f1:.3f}"

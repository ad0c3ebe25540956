"""Key-number facts: troops, troop changes, casualties, money, percentages and other quantities.

The stage finds number mentions sentence by sentence (``grammar``), lets multi-number rules claim theirs
("from 5,200 to 3,000 troops"), joins stated ranges, then asks the rules engine which kinds each remaining
mention belongs to. All patterns live in ``core/resources/rules/*.toml`` plus the user's ``--rules`` files.
"""
from __future__ import annotations

import re

from article_facts.core.models import Article, Fact
from article_facts.core.numbers.grammar import find_mentions, grammar, join_ranges
from article_facts.core.rules import Window, load_rules

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def extract(article: Article, context) -> list[Fact]:
    options = getattr(context, "options", None)
    ruleset = load_rules(tuple(getattr(options, "rules_files", ()) or ()))
    text = article.text
    rev = text[::-1]
    g = grammar()
    phone, number_words = g.phone, g.number_words
    facts: list[Fact] = []
    for sentence in article.sentences:
        lo, hi = sentence.start, sentence.end
        words = set(_WORD.findall(text[lo:hi].lower()))
        if number_words is not None and words.isdisjoint(number_words) and not _DIGIT.search(text, lo, hi):
            continue                                # no digit and no number word: nothing to find
        mentions = find_mentions(text, lo, hi, rev)
        if not mentions:
            continue
        blocked = [m.span() for m in phone.finditer(text, lo, hi)] if "-" in sentence.text or "+" in sentence.text else []
        if blocked:
            mentions = [m for m in mentions if not any(s < m.end and m.start < e for s, e in blocked)]

        def parse(s: int, e: int):
            found = find_mentions(text, s, e, rev)
            return found[0] if found else None

        window = Window(text, rev, lo, hi, parse, words)
        matches, claimed = ruleset.match_multi(mentions, window)
        rest = join_ranges(text, rev, [m for i, m in enumerate(mentions) if i not in claimed])
        for mention in rest:
            matches.extend(ruleset.match_single(mention, window))
        for m in matches:
            facts.append(Fact(kind=m.kind, text=text[m.start:m.end], start=m.start, end=m.end,
                              sentence=sentence.index, attrs=m.fields))
    return facts

"""Key-number facts: troops, troop changes, casualties, money, percentages and other quantities.

The stage finds number mentions sentence by sentence (``grammar``), lets multi-number rules claim theirs
("from 5,200 to 3,000 troops"), joins stated ranges, then asks the rules engine which kinds each remaining
mention belongs to. All patterns live in ``core/resources/rules/*.toml`` plus the user's ``--rules`` files.
"""
from __future__ import annotations

from article_facts.core.models import Article, Fact
from article_facts.core.numbers.candidates import ascii_words, number_sentences
from article_facts.core.numbers.grammar import find_mentions, grammar, join_ranges, word_starts
from article_facts.core.rules import Window, load_rules, regex_cache

_WORD = regex_cache.compile(r"\w+")
_TEN_DIGITS = regex_cache.compile(r"(?:\D*+\d){10}")       # phone numbers are looked for where a "+" or a "-" and ten digits stand


def extract(article: Article, context) -> list[Fact]:
    options = getattr(context, "options", None)
    ruleset = load_rules(tuple(getattr(options, "rules_files", ()) or ()))
    text = article.text
    g = grammar()
    data = ascii_words(text)
    candidates = number_sentences(text, article.sentences, g.number_words, data, g.word_finder)
    if not candidates:
        return []
    rev = text[::-1]
    phone = g.phone

    def parse(s: int, e: int):
        found = find_mentions(text, s, e, rev)
        return found[0] if found else None

    window = Window(text, rev, 0, 0, parse)                 # one per article, moved from sentence to sentence
    facts: list[Fact] = []
    for sentence, found in candidates:
        lo, hi = sentence.start, sentence.end
        mentions = find_mentions(text, lo, hi, rev, word_starts(text, rev, found) if found else found)
        if not mentions:
            continue
        stext = sentence.text
        if "+" in stext or "-" in stext and _TEN_DIGITS.match(text, lo, hi):   # a phone number may stand here
            blocked = [m.span() for m in phone.finditer(text, lo, hi)]
            if blocked:
                mentions = [m for m in mentions if not any(s < m.end and m.start < e for s, e in blocked)]
        window.lo, window.hi = lo, hi
        window.plan = plan = ruleset.plan_ascii(data[lo + 1:hi + 1].split()) if data is not None \
            else ruleset.plan(set(_WORD.findall(stext.lower())))
        matches = []
        if plan.multi:
            matches, claimed = ruleset.match_multi(mentions, window)
            if claimed:
                mentions = [m for i, m in enumerate(mentions) if i not in claimed]
        for mention in join_ranges(text, rev, mentions) if len(mentions) > 1 else mentions:
            matches.extend(ruleset.match_single(mention, window))
        index = sentence.index
        for m in matches:
            facts.append(Fact(m.kind, text[m.start:m.end], m.start, m.end, index, m.fields))
    return facts

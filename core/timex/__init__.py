"""Temporal tagger stage: dates, times, durations and sets as TIMEX3 values (facts date/time/duration/set).

HeidelTime-style: the rules and word tables live in resources/timex (see grammar.py and values.py); this
module runs the compiled grammar over the article's sentences in document order, resolves relative
expressions against the publication date and anaphoric ones ("two months later") against the date
mentioned last. Without a publication date relative values stay underspecified (XXXX-XX-XX, XXXX-WXX-2).
"""
from __future__ import annotations

import re
from typing import Iterator

from article_facts.core.models import Article, Fact
from article_facts.core.rules import regex_cache
from article_facts.core.timex.calendar import parse_dct, parse_value
from article_facts.core.timex.grammar import Grammar, grammar
from article_facts.core.timex.scan import WordView, matches
from article_facts.core.timex.tense import tense_near
from article_facts.core.timex.values import Anchors, render, resolved_date

_NON_DIGIT = regex_cache.compile(r"\D")
_NUMBER_PART = regex_cache.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")


def extract(article: Article, context) -> list[Fact]:
    g = grammar()
    text = article.text
    anchors = Anchors(dct=parse_dct(context.published))
    day_first = date_order(article, context) == "dmy"
    facts: list[Fact] = []
    view = WordView.of(text)
    for index, lo, hi in _regions(article):
        for m in matches(g, view, lo, hi):
            rule = g.rules[m.lastgroup]
            if rule.type == "NONE":
                continue
            span_group = f"{rule.group}_t"
            start, end = (m.span(span_group) if span_group in m.re.groupindex and m.group(span_group)
                          else m.span())
            slots = _slots(g, m, rule.group)
            anchors.tense_of = lambda s=start, e=end, lo=lo, hi=hi: tense_near(text, s, e, lo, hi)
            anchors._tense.clear()
            value = render(rule.value, slots, anchors)
            if day_first and rule.value_day_first:
                swapped = render(rule.value_day_first, slots, anchors)
                value = swapped if parse_value(swapped) is not None else value
            facts.append(Fact(rule.type.lower(), text[start:end], start, end, index, {"value": value}))
            if rule.ends_quarter:
                anchors.quarter = None
            if rule.type in ("DATE", "TIME") and rule.anchor:
                anchor = resolved_date(value)
                if anchor is not None:
                    anchors.ref = anchor
                    if anchor.grain == "quarter":
                        anchors.quarter = anchor
    return facts


def date_order(article: Article, context) -> str:
    """"dmy" or "mdy" for all-number dates: the option when set, else the article's header convention, else US."""
    chosen = getattr(context.options, "date_order", "auto")
    if chosen in ("dmy", "mdy"):
        return chosen
    return article.date_order or "mdy"


def _regions(article: Article) -> Iterator[tuple[int | None, int, int]]:
    """(sentence index, start, end) of the text to tag, in document order: headline, standfirst and body
    sentences, and a wire dateline ("GENEVA, March 4") that structure analysis keeps out of the sentences,
    whose date TimeML annotates (its sentence index is None)."""
    dateline = article.dateline
    if dateline is not None and article.sentence_at(dateline.start) is None:
        pending: tuple[int | None, int, int] | None = (None, dateline.start, dateline.end)
    else:
        pending = None
    for s in article.sentences:
        if pending is not None and pending[1] < s.start:
            yield pending
            pending = None
        yield s.index, s.start, s.end
    if pending is not None:
        yield pending


def _slots(g: Grammar, m: re.Match[str], group: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, slot, table in _slot_groups(m.re, group):
        captured = m.group(name)
        if captured is not None:
            out[slot] = _normalise(g, table, captured)
    return out


_SLOT_GROUPS: dict[tuple[str, str], list[tuple[str, str, str]]] = {}      # keyed by the regex text: cheap to hash


def _slot_groups(pattern: re.Pattern[str], group: str) -> list[tuple[str, str, str]]:
    """A rule's slot groups in a compiled grammar: (group name, slot name, table name), in pattern order."""
    key = (pattern.pattern, group)
    found = _SLOT_GROUPS.get(key)
    if found is None:
        prefix = group + "_"
        found = _SLOT_GROUPS[key] = [
            (name, name[len(prefix):], name[len(prefix):].rstrip("0123456789"))
            for name in pattern.groupindex if name.startswith(prefix)]
    return found


def _normalise(g: Grammar, slot: str, captured: str) -> str:
    found = g.lookup(slot, captured)
    if found is not None:
        return found
    if slot == "number":
        return _number(g, captured)
    if slot in ("day", "hour", "minute", "month_number"):
        return f"{int(_NON_DIGIT.sub('', captured) or 0):02d}"
    if slot == "year":
        digits = _NON_DIGIT.sub("", captured)
        if len(digits) == 2:
            return ("19" if int(digits) >= 30 else "20") + digits
        return digits
    return captured


def _number(g: Grammar, captured: str) -> str:
    """Digits, number words, or "twenty-five"-style compounds; X for vague amounts."""
    whole = g.lookup("num", captured)
    if whole is not None:
        return whole
    total = 0
    for part in _NUMBER_PART.findall(captured.replace(",", "")):
        if part[0].isdigit():
            return str(int(float(part))) if float(part).is_integer() else part
        value = g.lookup("num", part)
        if value is None or value == "X":
            return "X"
        total += int(value)
    return str(total)

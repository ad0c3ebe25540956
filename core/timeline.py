"""The article's timeline: the sentences that carry a calendar date (resolved at least to a year), in date order.

Each entry is the date fact's TIMEX3 value, its sentence, and the shortest clause of that sentence carrying the
date (offsets into the article text, so ``text == article.text[start:end]``).
"""
from __future__ import annotations


from article_facts.core.models import Article, Fact, TimelineEntry
from article_facts.core.rules import regex_cache
from article_facts.core.timex.calendar import parse_value

_DATED = regex_cache.compile(r"\d{4}(?:-|$)")             # a value that names at least a year: 2016, 2020-03, 2020-W37
_CLAUSE_BREAK = regex_cache.compile(r",(?!\d)|[;:()—–]|\s-\s|\s-{2}\s|\s(?:and|but|while|after|before|when|as|which)\s")
_TRIM = " \t\n\"'“”‘’,;:.-—–()"
_MIN_WORDS = 4


def build_timeline(article: Article, facts: list[Fact]) -> list[TimelineEntry]:
    by_index = {s.index: s for s in article.sentences}
    entries: dict[tuple[str, int], TimelineEntry] = {}
    for fact in facts:
        value = str(fact.attrs.get("value", ""))
        if fact.kind not in ("date", "time") or fact.sentence is None or not _DATED.match(value):
            continue
        sentence = by_index.get(fact.sentence)
        if sentence is None:
            continue
        start, end = _clause(article.text, sentence.start, sentence.end, fact.start, fact.end)
        key = (value, fact.sentence)
        if key not in entries:
            entries[key] = TimelineEntry(value, fact.sentence, article.text[start:end], start, end)
    return sorted(entries.values(), key=_chronological)


_COARSE_FIRST = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 4, "season": 5, "month": 6,
                 "week": 7, "day": 8}
_PART_OF_YEAR = regex_cache.compile(r"(\d{4})-(SP|SU|FA|WI|H1|H2)")
_PART_START = {"SP": ("03", "season"), "SU": ("06", "season"), "FA": ("09", "season"), "WI": ("12", "season"),
               "H1": ("01", "half"), "H2": ("07", "half")}


def _chronological(entry: TimelineEntry) -> tuple:
    """By the date a value starts on ("2020-Q3" before "2020-12-08"), the wider period first on a tie."""
    part = _PART_OF_YEAR.match(entry.value)
    if part:
        month, grain = _PART_START[part[2]]
        return (f"{part[1]}-{month}-01", _COARSE_FIRST[grain], entry.value, entry.sentence)
    cal = parse_value(entry.value)
    if cal is None:
        return (entry.value[:4], 9, entry.value, entry.sentence)
    return (cal.day.isoformat(), _COARSE_FIRST.get(cal.grain, 9), entry.value, entry.sentence)


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The shortest clause of text[lo:hi] around text[start:end] with enough words to say something."""
    found = list(_CLAUSE_BREAK.finditer(text, lo, hi))
    left = [m.end() for m in found if m.end() <= start]
    right = [m.start() for m in found if m.start() >= end]
    bounds_left = sorted(set(left + [lo]), reverse=True)
    bounds_right = sorted(set(right + [hi]))
    # Widen one boundary at a time, right first, until the clause has enough words.
    i = j = 0
    a, b = bounds_left[0], bounds_right[0]
    while len(text[a:b].split()) < _MIN_WORDS and (i + 1 < len(bounds_left) or j + 1 < len(bounds_right)):
        if j + 1 < len(bounds_right):
            j += 1
        else:
            i += 1
        a, b = bounds_left[i], bounds_right[j]
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b

"""Where the tagger tries its rules: at the word starts just before each trigger word, found cheaply.

The article is turned once into two byte strings of its own length: its ASCII letters lower-cased with every
other character a space, and its digits with every other character a space. A region's words are then a
``split()`` away, a set intersection tells whether it holds any trigger word at all (most sentences do
not), and ``find`` locates each trigger; only the few words before a trigger are tokenised exactly. The
words are those of ``[A-Za-z]+|\\d+``, as the grammar's index and first-word tables expect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from article_facts.core.rules import regex_cache
from article_facts.core.timex.grammar import Grammar

LOOK_BACK = 7           # words a time expression may hold before its trigger word ("each of the past three years")
_TOKEN = regex_cache.compile(r"([A-Za-z]+)|(\d+)")
_WINDOW = 80            # characters read back from a trigger to find its LOOK_BACK words (more if needed)
_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT_BYTES = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_OTHER_DIGIT = regex_cache.compile(r"[^\D0-9]")      # a decimal digit outside ASCII ("٣"), a token like any digit
_ANY_DIGIT = regex_cache.compile(r"\d")


@dataclass(frozen=True)
class WordView:
    """An article's text with its words made cheap to find (see the module's docstring)."""

    text: str
    letters: bytes      # same length as text: ASCII letters lower-cased, everything else a space
    digits: bytes       # same length as text: digits (any script, as "0"), everything else a space

    @classmethod
    def of(cls, text: str) -> WordView:
        source = text
        if not text.isascii() and _OTHER_DIGIT.search(text):
            source = _ANY_DIGIT.sub("0", text)
        raw = source.encode("ascii", "replace")             # one byte per character
        return cls(text, raw.translate(_LETTERS), raw.translate(_DIGIT_BYTES))


def matches(g: Grammar, view: WordView, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The grammar's matches in text[lo:hi], leftmost first, without trying every rule at every word.

    Each rule is indexed by its trigger words (a month, a unit, a digit...) and by the words it can begin
    with. At each trigger the rules it can trigger are tried at the few word starts before it and at the
    trigger itself, each start only with the rules that can begin with its word; the first match wins. A
    start already tried with the same trigger's rules (a run of numbers) is not tried again: it would fail
    the same way.
    """
    text = view.text
    starts = g.starts
    done = lo
    tried: dict[str, int] = {}      # trigger key -> end of its last trigger: the word starts up to it are tried
    for at_trigger, end, trigger in _triggers(g, view, lo, hi):
        if at_trigger < done:
            continue
        table = g.rules_at(trigger)
        since = tried.get(trigger, lo)
        if since < done:
            since = done
        tried[trigger] = end
        before = _heads_between(text, since, at_trigger) if _may_start(view, table.heads, since, at_trigger) else []
        before.append((at_trigger, trigger))
        for at, head in before:
            # The rules in rule order, the first match winning: what one alternation of them would give.
            for match in table[head if head in starts else ""]:
                m = match(text, at, hi)
                if m:
                    break
            else:
                continue
            done = m.end()
            yield m
            break


def _triggers(g: Grammar, view: WordView, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, index key) of each trigger word in text[lo:hi], in text order; "#" for a run of digits."""
    found: list[tuple[int, int, str]] = []
    letters = view.letters[lo:hi]
    present = g.trigger_bytes.intersection(letters.split())
    if present:
        padded = b" " + letters + b" "
        for word in present:
            needle = b" " + word + b" "
            key = word.decode()
            i = padded.find(needle)
            while i >= 0:
                found.append((lo + i, lo + i + len(word), key))
                i = padded.find(needle, i + len(word) + 1)
    digits = view.digits[lo:hi]
    if digits and not digits.isspace() and "#" in g.index:
        i = 0
        for run in digits.split():
            i = digits.find(run, i)
            found.append((lo + i, lo + i + len(run), "#"))
            i += len(run)
    found.sort()
    return found


def _may_start(view: WordView, heads: frozenset[bytes] | None, since: int, at: int) -> bool:
    """Whether one of the words just before offset at (from since) may begin one of the trigger's rules:
    a quick look at the bytes, so that the words are tokenised only when one may."""
    if since >= at:
        return False
    start = max(since, at - _WINDOW)
    letters = view.letters[start:at].split()
    digits = view.digits[start:at].split()
    if heads is None or (start > since and len(letters) + len(digits) <= LOOK_BACK):
        return True             # any word may, or the window may not reach LOOK_BACK words back
    return bool(digits) and b"#" in heads or not heads.isdisjoint(letters)


def _heads_between(text: str, since: int, at: int) -> list[tuple[int, str]]:
    """The last LOOK_BACK words before offset at that start at or after since (a word boundary), as
    (offset, lower case or "#")."""
    if since >= at:
        return []
    start = max(since, at - _WINDOW)
    while True:
        words = list(_TOKEN.finditer(text, start, at))
        if len(words) > LOOK_BACK or start == since:
            return [(m.start(), "#" if m.lastindex == 2 else m.group().lower()) for m in words[-LOOK_BACK:]]
        start = max(since, start - 4 * _WINDOW)     # the first word read may be cut: read further back

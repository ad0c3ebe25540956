"""Which way an underspecified date points: the tense cue nearest to the expression (past, future or none)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from article_facts.core.resources import load_toml

_WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True)
class TenseCues:
    future: frozenset[str]
    past: frozenset[str]
    past_suffix: str
    not_past: frozenset[str]
    window: int

    def of(self, word: str) -> str | None:
        w = word.lower()
        if w in self.future:
            return "future"
        if w in self.past or (w.endswith(self.past_suffix) and len(w) > 4 and w not in self.not_past):
            return "past"
        return None


@lru_cache(maxsize=1)
def cues() -> TenseCues:
    data = load_toml("timex/tense.toml")
    return TenseCues(frozenset(data["future"]), frozenset(data["past"]), data["past_suffix"],
                     frozenset(data["not_past"]), int(data["window"]))


def tense_near(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """The tense of the nearest cue word before text[start:end], else after it, within text[lo:hi], or None."""
    c = cues()
    before = _WORD.findall(text, lo, start)[-c.window:]
    after = _WORD.findall(text, end, len(text) if hi is None else hi)[:c.window]
    # The governing verb mostly comes before the date ("will meet on Friday"), so look back first.
    for word in reversed(before):
        t = c.of(word)
        if t:
            return t
    for word in after:
        t = c.of(word)
        if t:
            return t
    return None

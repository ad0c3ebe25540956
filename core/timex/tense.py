"""Which way an underspecified date points: the tense of the verb group nearest to the expression.

The nearest cue word before the expression decides, else the nearest after it (words from resources
timex/tense.toml). A past form is read with its auxiliaries, so "will be paid Dec. 14" is future, "was paid"
past, and "is owned" no cue at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from article_facts.core.resources import resource_text
from article_facts.core.rules import regex_cache, toml_cache

_WORD = regex_cache.compile(r"[A-Za-z]+(?:'[a-z]+)?|'[a-z]+")


@dataclass(eq=False)        # read-only by convention (frozen dataclasses cost more to create at import)
class TenseCues:
    future: frozenset[str]
    past: frozenset[str]
    future_pairs: frozenset[tuple[str, str]]
    not_participle: frozenset[str]
    past_suffix: str
    not_past: frozenset[str]
    aux_future: frozenset[str]
    aux_none: frozenset[str]
    aux_skip: frozenset[str]
    aux_past: frozenset[str]
    aux_window: int
    window: int
    near_day: int
    near_month: int

    def is_past_form(self, w: str) -> bool:
        return w in self.past or (w.endswith(self.past_suffix) and len(w) > 4 and w not in self.not_past)

    def at(self, words: list[str], i: int) -> str | None:
        """The tense cue of words[i] read with the words before it ("" for a participle with no tense)."""
        w = words[i]
        if i > 0 and (words[i - 1], w) in self.future_pairs:
            return "future"
        if w in self.future:
            return "future"
        if not self.is_past_form(w):
            return None
        if w in self.not_participle:
            return "past"
        auxiliaries = self._auxiliary_chain(words, i)
        for aux in reversed(auxiliaries):
            if aux in self.aux_future:
                return "future"
            if aux in self.aux_past:
                return "past"
        return "" if any(aux in self.aux_none for aux in auxiliaries) else "past"

    def _auxiliary_chain(self, words: list[str], i: int) -> list[str]:
        """The auxiliaries right before words[i], adverbs between them skipped ("will also be paid"); a
        non-auxiliary ends the chain, so "to Washington, said" has none."""
        chain: list[str] = []
        for w in reversed(words[max(0, i - self.aux_window):i]):
            if w in self.aux_future or w in self.aux_past or w in self.aux_none:
                chain.append(w)
            elif not (w in self.aux_skip or w.endswith("ly")):
                break
        return chain[::-1]


@lru_cache(maxsize=1)
def cues() -> TenseCues:
    data = toml_cache.loads(resource_text("timex/tense.toml"))
    pairs = frozenset(tuple(p.split()) for p in data.get("future_pairs", []))
    return TenseCues(frozenset(data["future"]), frozenset(data["past"]), pairs,
                     frozenset(data.get("not_participle", [])), data["past_suffix"],
                     frozenset(data["not_past"]), frozenset(data["aux_future"]), frozenset(data["aux_none"]),
                     frozenset(data.get("aux_skip", [])),
                     frozenset(data["aux_past"]), int(data["aux_window"]), int(data["window"]),
                     int(data["near_days"]["day"]), int(data["near_days"]["month"]))


def tense_near(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """The tense ("past" or "future") of the cue nearest to text[start:end] within text[lo:hi], or None."""
    c = cues()
    before = [w.lower() for w in _WORD.findall(text, lo, start)]
    reach = max(0, len(before) - c.window)
    for i in range(len(before) - 1, reach - 1, -1):
        t = c.at(before, i)
        if t:
            return t
    after = [w.lower() for w in _WORD.findall(text, end, len(text) if hi is None else hi)[:c.window]]
    for i in range(len(after)):
        t = c.at(after, i)
        if t:
            return t
    return None

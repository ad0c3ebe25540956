"""Sentence segmentation with zero downloaded data.

A linear rule segmenter driven by the news abbreviations in resources/segmentation.toml. It is the
default because it needs no NLTK import (0.25 s on its own); ``punkt_segmenter`` builds nltk's
PunktSentenceTokenizer from the same shipped parameters, and the segmentation corpus
(tests/corpora/segmentation.txt) checks that ours does at least as well.

Beyond abbreviations it handles what news text throws at a segmenter: quotations closed after the
punctuation (``"…significant," Mr McKenzie said.``), quoted questions followed by their speaker, datelines
glued to the first sentence (``Marseille, France (CNN)The …``, ``WASHINGTON (AP) — …``) and Daily Mail's
isolated `` . `` separators, which belong to no sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from article_facts.core.resources import load_toml
from article_facts.core.rules import regex_cache
from article_facts.core.rules.regex_cache import compile as compile_regex

# A candidate boundary: terminal punctuation, closing quotes/brackets (or a detached closing quote,
# as in 'deal. " Netanyahu'), whitespace, opening quotes/brackets, then the next visible character.
_CANDIDATE = regex_cache.compile(
    r"(?P<punct>[.!?…]+)(?P<close>[\"'”’)\]]*(?:[ \t]+[\"”](?=\s))?)(?P<space>\s+)(?P<open>[\"'“‘(\[]*)(?P<next>\S)")
_NEXT_WORD = regex_cache.compile(r"[\w'’.-]*")
_INITIAL = regex_cache.compile(r"[A-Za-z]")
_LINE = regex_cache.compile(r"[^\n]+")
_DOTTED = regex_cache.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ALNUM = regex_cache.compile(r"\w")
_QUOTES = "\"'”’"


@dataclass(frozen=True)
class SegmentationParameters:
    titles: frozenset[str]
    abbreviations: frozenset[str]
    number_words: frozenset[str]
    starters: frozenset[str]
    speech_verbs: frozenset[str] = frozenset()
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a paragraph: ``place`` may be empty, as in ``(CNN)The …``."""

    start: int
    end: int            # end of the dateline itself, e.g. after "(CNN)"
    place_start: int
    place_end: int
    body_start: int     # where the first sentence begins, after any dash

    @property
    def has_place(self) -> bool:
        return self.place_end > self.place_start


@lru_cache(maxsize=1)
def parameters() -> SegmentationParameters:
    data = load_toml("segmentation.toml")
    sets = (frozenset(data.get(k, ())) for k in ("titles", "abbreviations", "number_words", "starters", "speech_verbs"))
    return SegmentationParameters(*sets, agencies=tuple(data.get("agencies", ())))


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str]:
    """A speaker after a closing quote: up to four capitalised words, then a verb of saying."""
    # longest first, then alphabetical: the same pattern text in every process, so the pattern cache finds it
    verbs = "|".join(sorted(map(re.escape, parameters().speech_verbs), key=lambda v: (-len(v), v))) or "(?!)"
    return compile_regex(rf"(?:[A-Z][\w'’.-]*[ \t]+){{1,4}}(?:{verbs})\b(?P<after>[.,;:]?)")


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    agencies = "|".join(sorted(map(re.escape, parameters().agencies), key=len, reverse=True)) or "(?!)"
    place = r"(?P<place>[A-Z][^()\n]{0,60}?)?"
    dash = r"[ \t]*(?:(?:--|[—–-])[ \t]*)?"
    return (
        # Marseille, France (CNN)The …   |   LONDON (Reuters) - The …
        compile_regex(rf"{place}[ \t]*\((?P<agency>{agencies})\){dash}(?=\S)"),
        # (The Hollywood Reporter)Stan …: any capitalised name in brackets glued to the first word
        compile_regex(rf"{place}[ \t]*\((?P<agency>[A-Z][\w.&'’ -]{{1,40}})\)(?=[A-Z\"“‘'])"),
        # WASHINGTON — …   |   KABUL, Afghanistan -- …
        compile_regex(r"(?P<place>[A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]*){0,3}(?:,[ \t]+[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})?)"
                      r"[ \t]*(?:--|[—–])[ \t]*(?=\S)"),
    )


def match_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline that opens text[start:end], if any."""
    for pattern in _dateline_patterns():
        m = pattern.match(text, start, end)
        if m is None:
            continue
        place_start, place_end = (m.start("place"), m.end("place")) if m.group("place") else (start, start)
        while place_end > place_start and text[place_end - 1] in " \t,":
            place_end -= 1
        stop = m.end("agency") + 1 if "agency" in m.re.groupindex else place_end
        return Dateline(start, stop, place_start, place_end, m.end())
    return None


def _is_boundary(text: str, m: re.Match[str], cursor: int, params: SegmentationParameters) -> bool:
    punct, closing, opening, nxt = m.group("punct", "close", "open", "next")
    if nxt.islower() or nxt in ",;:)]":
        return False
    at = m.start()
    if cursor >= at or not (text[cursor].isalnum() or _ALNUM.search(text, cursor, at)):
        return False  # nothing but punctuation so far, as in '"... I know'
    if _opens_quote(text, at):
        return False  # an ellipsis opening a quotation: 'He said: "... I think'
    if closing and not opening and any(q in closing for q in _QUOTES):
        said = _attribution().match(text, m.start("next"))
        if said and (punct[-1] in "?!" or said.group("after")):
            return False  # '"Are we safe?" Mr Ali asked.'
    if punct != "." or closing:
        return True
    token = _previous_token(text, at)
    if token is None:
        return True
    token = token.lstrip("\"'“‘([").lower()
    if token in params.number_words:
        return not nxt.isdigit()
    if token in params.titles:
        return False
    if token in params.abbreviations or ("." in token and _DOTTED.fullmatch(token)):
        return _NEXT_WORD.match(text, m.start("next")).group(0).lower() in params.starters
    if len(token) == 1 and _INITIAL.fullmatch(token) and nxt.isupper():
        return False  # an initial: "John F. Kennedy"
    return True


def _previous_token(text: str, i: int) -> str | None:
    """The run of non-space characters ending at ``i`` (at most 40 characters back), or None."""
    lo = i - 40 if i > 40 else 0
    if i <= lo or text[i - 1].isspace():
        return None
    return text[lo:i].rsplit(None, 1)[-1]


def _opens_quote(text: str, i: int) -> bool:
    return i >= 1 and text[i - 1] in "\"“‘(" and (i == 1 or text[i - 2].isspace())


def split_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end], stripped of surrounding whitespace.

    Line breaks always end a sentence: paragraphs never share one. A dateline opening a line is yielded
    as a span of its own.
    """
    return iter(spans(text, start, end))


def spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``split_spans`` as a list."""
    end = len(text) if end is None else end
    params = parameters()
    candidates = _CANDIDATE.finditer
    out: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        cursor, line_end = line.span()
        dateline = match_dateline(text, cursor, line_end)
        if dateline is not None:
            _emit(text, dateline.start, dateline.end, out)
            cursor = dateline.body_start
        for m in candidates(text, cursor, line_end):
            if _is_boundary(text, m, cursor, params):
                space_start, space_end = m.span("space")
                _emit(text, cursor, space_start, out)
                cursor = space_end
        _emit(text, cursor, line_end, out)
    return out


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without surrounding whitespace, as (start, end)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Add the stripped span unless it is empty or bare punctuation; drop Daily Mail ' . ' separators."""
    if e <= s or text[s].isspace() or text[e - 1].isspace():
        s, e = strip_span(text, s, e)
    if e - s >= 2 and text[s] == "." and text[s + 1].isspace():
        s, e = strip_span(text, s + 1, e)
    if e - s >= 2 and text[e - 1] == "." and text[e - 2].isspace():
        s, e = strip_span(text, s, e - 1)
    if e > s and (text[s].isalnum() or _ALNUM.search(text, s, e)):
        out.append((s, e))


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def punkt_segmenter() -> Callable[[str], list[tuple[int, int]]]:
    """nltk's Punkt with our shipped parameters (no punkt_tab download). Used to compare segmenters."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = parameters()
    p = PunktParameters()
    p.abbrev_types = set(params.titles | params.abbreviations)
    tokenizer = PunktSentenceTokenizer(p)

    def spans(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            for s, e in tokenizer.span_tokenize(line.group(0)):
                s, e = strip_span(text, line.start() + s, line.start() + e)
                if e > s:
                    out.append((s, e))
        return out

    return spans

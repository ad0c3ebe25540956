"""Sentence segmentation with zero downloaded data.

A linear rule segmenter driven by the news abbreviations in resources/segmentation.toml. It is the
default because it needs no NLTK import (0.25 s on its own); ``punkt_segmenter`` builds nltk's
PunktSentenceTokenizer from the same shipped parameters, and the segmentation corpus checks both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from article_facts.core.resources import load_toml

# A candidate boundary: terminal punctuation, closing quotes/brackets, whitespace, then the next token.
_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)([\"'“‘(\[]*)(\S)")
_PREV_TOKEN = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"[\w'’.-]*")
_INITIAL = re.compile(r"[A-Za-z]")
_LINE = re.compile(r"[^\n]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


@dataclass(frozen=True)
class SegmentationParameters:
    titles: frozenset[str]
    abbreviations: frozenset[str]
    number_words: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=1)
def parameters() -> SegmentationParameters:
    data = load_toml("segmentation.toml")
    return SegmentationParameters(*(frozenset(data[k]) for k in ("titles", "abbreviations", "number_words", "starters")))


def _is_boundary(text: str, m: re.Match[str], params: SegmentationParameters) -> bool:
    punct, closing, _space, _opening, nxt = m.groups()
    if nxt.islower() or nxt in ",;:)]":
        return False
    if punct != "." or closing:
        return True
    prev = _PREV_TOKEN.search(text, max(0, m.start() - 40), m.start())
    if prev is None:
        return True
    token = prev.group(1).lstrip("\"'“‘([").lower()
    next_word = _NEXT_WORD.match(text, m.start(5)).group(0).lower()
    if token in params.number_words:
        return not nxt.isdigit()
    if token in params.titles:
        return False
    if token in params.abbreviations or _DOTTED.fullmatch(token):
        return next_word in params.starters
    if len(token) == 1 and _INITIAL.fullmatch(token) and nxt.isupper():
        return False  # an initial: "John F. Kennedy"
    return True


def split_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end], stripped of surrounding whitespace.

    Line breaks always end a sentence: paragraphs never share one.
    """
    end = len(text) if end is None else end
    params = parameters()
    for line in _LINE.finditer(text, start, end):
        cursor = line.start()
        for m in _CANDIDATE.finditer(text, line.start(), line.end()):
            if _is_boundary(text, m, params):
                yield from _strip(text, cursor, m.start(3))
                cursor = m.end(3)
        yield from _strip(text, cursor, line.end())


def _strip(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


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
        for line in re.finditer(r"[^\n]+", text):
            for s, e in tokenizer.span_tokenize(line.group(0)):
                out.extend(_strip(text, line.start() + s, line.start() + e))
        return out

    return spans

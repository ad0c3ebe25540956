"""Per-sentence evidence the news ranker weighs: position, centrality, headline overlap, form.

Every feature is a number per body sentence, scaled to roughly [0, 1] within the article so that one set of
weights suits short and long articles alike. Similarities are cosines of in-article tf-idf vectors of
content stems. The similarity graph is windowed (each sentence meets at most ``window`` neighbours on
each side), so time and memory grow linearly with the article, never with its square.
"""
from __future__ import annotations

import math
from bisect import bisect_right
import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections import Counter
from typing import Callable, Collection, Sequence

from article_facts.core.models import Article, Sentence
from article_facts.core.nlp import content_terms
from article_facts.core.resources import resource_text

Vector = dict[str, float]
_WORD = re.compile(r"[^\W_]+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+|\b[A-Z]{2,}\b")
_DIGITS = re.compile(r"\d")
_OPEN_QUOTE = re.compile(r"^[\"“‘']")
_QUOTED = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class PatternList:
    """Case-insensitive patterns searched in a sentence, grouped so that a search stays fast: patterns
    anchored with ``^``, patterns starting at a word boundary ``\\b``, and the rest."""

    anchored: re.Pattern[str] | None
    at_word: re.Pattern[str] | None
    other: re.Pattern[str] | None

    def search(self, text: str) -> bool:
        low = text.lower()
        return bool((self.anchored and self.anchored.match(low)) or (self.at_word and self.at_word.search(low))
                    or (self.other and self.other.search(low)))


def compile_patterns(lines: Sequence[str]) -> PatternList:
    groups: dict[str, list[str]] = {"^": [], "\\b": [], "": []}
    for line in lines:
        key = "^" if line.startswith("^") else "\\b" if line.startswith("\\b") else ""
        groups[key].append(line[len(key):])

    def build(prefix: str, alts: list[str]) -> re.Pattern[str] | None:
        return re.compile(prefix + "(?:" + "|".join(f"(?:{a})" for a in alts) + ")") if alts else None

    return PatternList(build("", groups["^"]), build("\\b", groups["\\b"]), build("", groups[""]))


@lru_cache(maxsize=1)
def noncontent_pattern() -> PatternList:
    lines = (line.strip() for line in resource_text("summarizers/noncontent.txt").splitlines())
    return compile_patterns([line.lower() for line in lines if line and not line.startswith("#")])


@dataclass
class SentenceFeatures:
    """Column-wise features of an article's body sentences (index i = i-th body sentence)."""

    sentences: list[Sentence]
    vectors: list[Vector]
    words: list[int]
    columns: dict[str, list[float]] = field(default_factory=dict)

    def similarity(self, i: int, j: int) -> float:
        return cosine(self.vectors[i], self.vectors[j])


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b])


def tfidf_vectors(terms: Sequence[list[str]]) -> list[Vector]:
    """Unit tf-idf vectors; idf is measured over the article's own sentences (LexRank's choice)."""
    counts = [Counter(ts) for ts in terms]     # term frequencies, in order of first occurrence
    df: Counter[str] = Counter()
    for tf in counts:
        df.update(tf.keys())
    n = len(terms)
    log = math.log
    idf = {t: log((n + 1) / c) + 1.0 for t, c in df.items()}
    vectors = []
    for tf in counts:
        v = {t: c * idf[t] for t, c in tf.items()}
        norm = math.sqrt(sum([x * x for x in v.values()])) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    return vectors


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _similar_pairs(vectors: list[Vector], window: int) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for i < j <= i + window with shared terms, through an inverted index."""
    postings: dict[str, tuple[list[int], list[float]]] = {}
    rows: list[list[tuple[list[int], list[float], int, float]]] = []
    for i, v in enumerate(vectors):
        row = []
        for t, w in v.items():
            posting = postings.get(t)
            if posting is None:
                posting = postings[t] = ([], [])
            ids, ws = posting
            ids.append(i)
            ws.append(w)
            row.append((ids, ws, len(ids), w))    # the later sentences with t start at len(ids)
        rows.append(row)
    pairs: list[tuple[int, int, float]] = []
    for i, row in enumerate(rows):
        acc: dict[int, float] = {}
        get = acc.get
        limit = i + window
        for ids, ws, k, w in row:
            stop = len(ids)
            if k == stop:
                continue
            if ids[-1] > limit:
                stop = bisect_right(ids, limit, k)
            for j, x in zip(ids[k:stop], ws[k:stop]):
                acc[j] = get(j, 0.0) + w * x
        pairs.extend([(i, j, s) for j, s in acc.items()])
    return pairs


def _directed_centrality(vectors: list[Vector], window: int, threshold: float) -> tuple[list[float], list[float]]:
    """PacSum's edges: similarities above min + threshold·(max − min), summed towards later and earlier sentences."""
    n = len(vectors)
    pairs = _similar_pairs(vectors, window)
    forward = [0.0] * n
    backward = [0.0] * n
    if not pairs:
        return forward, backward
    low = 0.0 if len(pairs) < n * (n - 1) // 2 else min(p[2] for p in pairs)
    cut = low + threshold * (max(p[2] for p in pairs) - low)
    for i, j, s in pairs:
        if s > cut:
            forward[i] += s - cut     # i is elaborated by a later sentence
            backward[j] += s - cut    # j repeats an earlier one
    return _scaled(forward), _scaled(backward)


def headline_vector(article: Article) -> Vector:
    parts = [span.text for span in (article.headline, article.standfirst) if span is not None]
    if not parts:
        return {}
    terms = content_terms(" ".join(parts))
    if not terms:
        return {}
    norm = math.sqrt(len(terms))
    v: Vector = {}
    for t in terms:
        v[t] = v.get(t, 0.0) + 1.0 / norm
    return v


def extract(article: Article, body: list[Sentence], window: int = 40, threshold: float = 0.3,
            long_words: int = 40, short_words: int = 10,
            only: Collection[str] | None = None) -> SentenceFeatures:
    """The feature columns of the body sentences: all of them, or those named in ``only``."""
    terms = [content_terms(s.text) for s in body]
    vectors = tfidf_vectors(terms)
    n = len(body)
    words = [len(_WORD.findall(s.text)) for s in body]
    centroid: Vector = {}
    for v in vectors:
        for t, w in v.items():
            centroid[t] = centroid.get(t, 0.0) + w
    centrality = [sum([w * centroid[t] for t, w in v.items()]) - 1.0 for v in vectors]  # minus self-similarity
    if only is None or "forward" in only or "backward" in only:
        forward, backward = _directed_centrality(vectors, window, threshold)
    else:
        forward = backward = []
    head = headline_vector(article)
    lead_vec = head or (vectors[0] if vectors else {})
    headline = [cosine(v, lead_vec) for v in vectors]
    if not head and n:
        headline[0] = 0.0     # no headline: the first sentence stands in for it, but not for itself
    texts = [s.text for s in body]
    makers: dict[str, Callable[[], list[float]]] = {
        "lead": lambda: [1.0 / (i + 1) for i in range(n)],
        "first": lambda: [1.0 if i == 0 else 0.0 for i in range(n)],
        "centrality": lambda: _scaled([max(0.0, c) for c in centrality]),
        "forward": lambda: forward,
        "backward": lambda: backward,
        "headline": lambda: headline,
        "short": lambda: [max(0.0, (short_words - w) / short_words) for w in words],
        "long": lambda: [max(0.0, (w - long_words) / long_words) for w in words],
        "quote": lambda: [1.0 if _OPEN_QUOTE.match(t) else 0.5 if _QUOTED.search(t) else 0.0 for t in texts],
        "question": lambda: [1.0 if t.rstrip("\"'”’ ").endswith("?") else 0.0 for t in texts],
        "noncontent": lambda: [1.0 if noncontent_pattern().search(t) else 0.0 for t in texts],
        "names": lambda: [min(1.0, len(_CAPITALISED.findall(t)) / max(1, w) * 3) for t, w in zip(texts, words)],
        "numbers": lambda: [1.0 if _DIGITS.search(t) else 0.0 for t in texts],
    }
    cols = {name: make() for name, make in makers.items() if only is None or name in only}
    return SentenceFeatures(list(body), vectors, words, cols)

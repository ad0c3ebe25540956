"""Per-sentence evidence the news ranker weighs: position, centrality, headline overlap, form.

Every feature is a number per body sentence, scaled to roughly [0, 1] within the article so that one set of
weights suits short and long articles alike. Similarities are cosines of in-article tf-idf vectors of
content stems. The similarity graph is windowed (each sentence meets at most ``window`` neighbours on
each side), so time and memory grow linearly with the article, never with its square.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import mul
from typing import Callable, Collection, Sequence

from article_facts.core.models import Article, Sentence
from article_facts.core.nlp import content_terms, terms_and_counts
from article_facts.core.nlp.patterns import PatternSet
from article_facts.core.resources import load_lines
from article_facts.core.rules import regex_cache

Vector = dict[str, float]
_CAPITALISED = regex_cache.compile(r"\b[A-Z][a-z]+|\b[A-Z]{2,}\b")
_DIGITS = regex_cache.compile(r"\d")
_OPEN_QUOTE = regex_cache.compile(r"^[\"“‘']")
_QUOTED = regex_cache.compile(r"[\"“”]")


@lru_cache(maxsize=1)
def noncontent_pattern() -> PatternSet:
    """The non-content patterns, in lower case: ``matches`` takes a lower-cased sentence."""
    return PatternSet(tuple(line.lower() for line in load_lines("summarizers/noncontent.txt")), ignore_case=False)


@dataclass
class TermWeights:
    """An article's tf-idf weights, kept sparse: each sentence's term counts, the idf and each sentence's norm.

    A sentence's unit vector is ``{t: count * idf[t] / norm}``; only terms found in two sentences or more
    (``shared``) can link sentences, so the graph is built from their postings alone.
    """

    counts: list[dict[str, int]]
    idf: dict[str, float]
    norms: list[float]
    shared: list[tuple[list[int], list[float]]]    # per shared term: sentence ids (ascending), unit weights

    def vector(self, i: int) -> Vector:
        idf, norm = self.idf, self.norms[i]
        return {t: c * idf[t] / norm for t, c in self.counts[i].items()}


def term_weights(terms: Sequence[list[str]]) -> TermWeights:
    """tf-idf with idf measured over the article's own sentences (LexRank's choice)."""
    counts = []                                # term frequencies, in order of first occurrence
    for ts in terms:
        tf = dict.fromkeys(ts, 1)
        counts.append(tf if len(tf) == len(ts) else Counter(ts))
    df = Counter(chain.from_iterable(counts))
    n = len(terms)
    per_df = {c: math.log((n + 1) / c) + 1.0 for c in set(df.values())}
    idf = dict(zip(df, map(per_df.__getitem__, df.values())))
    shared_terms = {t for t, c in df.items() if c > 1}
    postings: dict[str, tuple[list[int], list[float]]] = {t: ([], []) for t in shared_terms}
    sqrt = math.sqrt
    norms = []
    for i, tf in enumerate(counts):
        if type(tf) is dict:                   # every count is 1
            xs = list(map(idf.__getitem__, tf))
            norm = sqrt(sum(map(mul, xs, xs))) or 1.0
            for t in filter(shared_terms.__contains__, tf):
                ids, ws = postings[t]
                ids.append(i)
                ws.append(idf[t] / norm)
        else:
            xs = [c * idf[t] for t, c in tf.items()]
            norm = sqrt(sum(map(mul, xs, xs))) or 1.0
            for t in filter(shared_terms.__contains__, tf):
                ids, ws = postings[t]
                ids.append(i)
                ws.append(tf[t] * idf[t] / norm)
        norms.append(norm)
    return TermWeights(counts, idf, norms, list(postings.values()))


def tfidf_vectors(terms: Sequence[list[str]]) -> list[Vector]:
    """Unit tf-idf vectors of the sentences' terms (see ``term_weights``)."""
    tw = term_weights(terms)
    return [tw.vector(i) for i in range(len(terms))]


@dataclass
class SentenceFeatures:
    """Column-wise features of an article's body sentences (index i = i-th body sentence).

    ``pair_sims`` holds the similarity graph's edges (key ``i * n + j`` for i < j <= i + ``window``); pairs
    of that window that are missing from it share no term. Other pairs are computed on demand.
    """

    sentences: list[Sentence]
    weights: TermWeights
    words: list[int]
    columns: dict[str, list[float]] = field(default_factory=dict)
    window: int = 0
    pair_sims: dict[int, float] = field(default_factory=dict)
    lowered: list[str] = field(default_factory=list)     # the sentences in lower case
    _vectors: dict[int, Vector] = field(default_factory=dict, repr=False)

    @property
    def vectors(self) -> list[Vector]:
        """The sentences' unit tf-idf vectors."""
        return [self.vector(i) for i in range(len(self.sentences))]

    def vector(self, i: int) -> Vector:
        v = self._vectors.get(i)
        if v is None:
            v = self._vectors[i] = self.weights.vector(i)
        return v

    def similarity(self, i: int, j: int) -> float:
        if i > j:
            i, j = j, i
        if 0 < j - i <= self.window:
            return self.pair_sims.get(i * len(self.sentences) + j, 0.0)
        return cosine(self.vector(i), self.vector(j))


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[t] for t, w in a.items() if t in b])


def _scaled(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0] * len(values)


def _similar_pairs(shared: list[tuple[list[int], list[float]]], n: int, window: int) -> dict[int, float]:
    """{i * n + j: cosine} for i < j <= i + window with shared terms."""
    acc: dict[int, float] = {}
    get = acc.get
    for ids, ws in shared:
        m = len(ids)
        for a in range(m - 1):
            i, x = ids[a], ws[a]
            base, limit = i * n, i + window
            for b in range(a + 1, m):
                j = ids[b]
                if j > limit:
                    break
                k = base + j
                acc[k] = get(k, 0.0) + x * ws[b]
    return acc


def _similarity_to_first(shared: list[tuple[list[int], list[float]]], n: int) -> list[float]:
    """Each sentence's cosine with the first one (0.0 for the first itself)."""
    out = [0.0] * n
    for ids, ws in shared:
        if ids[0] == 0:
            x = ws[0]
            for j, w in zip(ids[1:], ws[1:]):
                out[j] += x * w
    return out


def _centrality(shared: list[tuple[list[int], list[float]]], n: int) -> list[float]:
    """Each sentence's similarity to the rest of the article: v_i · (centroid − v_i), over shared terms only."""
    out = [0.0] * n
    for ids, ws in shared:
        total = sum(ws)
        for i, w in zip(ids, ws):
            out[i] += w * (total - w)
    return out


def _directed_centrality(sims: dict[int, float], n: int, threshold: float) -> tuple[list[float], list[float]]:
    """PacSum's edges: similarities above min + threshold·(max − min), summed towards later and earlier sentences."""
    forward = [0.0] * n
    backward = [0.0] * n
    if not sims:
        return forward, backward
    values = sims.values()
    low = 0.0 if len(sims) < n * (n - 1) // 2 else min(values)
    cut = low + threshold * (max(values) - low)
    for k, s in sims.items():
        if s > cut:
            i, j = divmod(k, n)
            forward[i] += s - cut     # i is elaborated by a later sentence
            backward[j] += s - cut    # j repeats an earlier one
    return _scaled(forward), _scaled(backward)


def _headline_overlap(head: Vector, tw: TermWeights) -> list[float]:
    """Each sentence's cosine with the headline vector."""
    idf = tw.idf
    weighted = {t: w * idf[t] for t, w in head.items() if t in idf}
    if not weighted:
        return [0.0] * len(tw.counts)
    out = []
    for tf, norm in zip(tw.counts, tw.norms):
        common = [c * weighted[t] for t, c in tf.items() if t in weighted] if len(tf) < len(weighted) else \
            [w * tf[t] for t, w in weighted.items() if t in tf]
        out.append(sum(common) / norm if common else 0.0)
    return out


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
    texts = [s.text for s in body]
    lowered = [t.lower() for t in texts]
    terms, words = terms_and_counts(lowered)      # words: "[^\W_]+" runs ("don't" counts two)
    tw = term_weights(terms)
    n = len(body)
    graph = only is None or "forward" in only or "backward" in only
    sims = _similar_pairs(tw.shared, n, window) if graph else {}
    forward, backward = _directed_centrality(sims, n, threshold) if graph else ([], [])

    noncontent = noncontent_pattern().matches

    def headline() -> list[float]:
        head = headline_vector(article)
        # no headline: the first sentence stands in for it, but not for itself
        return _headline_overlap(head, tw) if head else _similarity_to_first(tw.shared, n)

    makers: dict[str, Callable[[], list[float]]] = {
        "lead": lambda: [1.0 / (i + 1) for i in range(n)],
        "first": lambda: [1.0 if i == 0 else 0.0 for i in range(n)],
        "centrality": lambda: _scaled([c if c > 0.0 else 0.0 for c in _centrality(tw.shared, n)]),
        "forward": lambda: forward,
        "backward": lambda: backward,
        "headline": headline,
        "short": lambda: [(short_words - w) / short_words if w < short_words else 0.0 for w in words],
        "long": lambda: [(w - long_words) / long_words if w > long_words else 0.0 for w in words],
        "quote": lambda: [1.0 if _OPEN_QUOTE.match(t) else 0.5 if _QUOTED.search(t) else 0.0 for t in texts],
        "question": lambda: [1.0 if t.rstrip("\"'”’ ").endswith("?") else 0.0 for t in texts],
        "noncontent": lambda: [1.0 if noncontent(t) else 0.0 for t in lowered],
        "names": lambda: [min(1.0, len(_CAPITALISED.findall(t)) / max(1, w) * 3) for t, w in zip(texts, words)],
        "numbers": lambda: [1.0 if _DIGITS.search(t) else 0.0 for t in texts],
    }
    cols = {name: make() for name, make in makers.items() if only is None or name in only}
    return SentenceFeatures(list(body), tw, words, cols, window if graph else 0, sims, lowered)

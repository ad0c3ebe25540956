"""The news ranker (the default summariser): lead bias, centrality, headline overlap, form penalties, MMR.

Each body sentence gets a linear score over the features in ``features.py``; the weights and the few
structural settings live in ``resources/summarizers/news.toml`` (fitted by ``benchmarks/fit_news.py``).
Sentences are then picked greedily by Maximal Marginal Relevance, so a summary does not say one thing twice,
and are returned in document order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from article_facts.core.models import Article, Sentence, SummarySentence
from article_facts.core.resources import load_toml
from article_facts.core.summarizers import Length
from article_facts.core.summarizers import features as feats
from article_facts.core.summarizers.selection import select_ordered


@dataclass(frozen=True)
class Settings:
    weights: Mapping[str, float]
    redundancy: float = 0.5        # MMR: how much similarity to a chosen sentence costs
    mmr_picks: int = 10            # MMR reorders only the first picks; the rest follow by score
    window: int = 40               # similarity graph: neighbours considered on each side
    threshold: float = 0.3         # PacSum edge threshold, as a fraction of the similarity range
    short_words: int = 10
    long_words: int = 40


@lru_cache(maxsize=1)
def settings() -> Settings:
    data = load_toml("summarizers/news.toml")
    return Settings(weights=dict(data["weights"]), **data.get("settings", {}))


def scores(fs: feats.SentenceFeatures, weights: Mapping[str, float]) -> list[float]:
    total = [0.0] * len(fs.sentences)
    for name, w in weights.items():
        if w:
            total = [t + w * c for t, c in zip(total, fs.columns[name])]
    return total


def mmr_order(fs: feats.SentenceFeatures, score: list[float], picks: int, redundancy: float,
              needed: int | None = None) -> list[int]:
    """Sentence indices, best first: the first ``picks`` by MMR, then the others by score.

    With ``needed``, only that many leading entries are guaranteed (MMR stops early); the rest follow by score.
    """
    by_score = sorted(range(len(score)), key=score.__getitem__, reverse=True)   # stable: ties by position
    if redundancy <= 0 or picks <= 1:
        return by_score
    pool = by_score[: max(picks * 4, 12)]
    stop = picks if needed is None else min(picks, needed)
    chosen: list[int] = []
    max_sim = {i: 0.0 for i in pool}
    similarity = fs.similarity
    while pool and len(chosen) < stop:
        best = max(pool, key=lambda i: (score[i] - redundancy * max_sim[i], -i))
        chosen.append(best)
        pool.remove(best)
        if len(chosen) == stop:
            break
        for i in pool:
            s = similarity(i, best)
            if s > max_sim[i]:
                max_sim[i] = s
    taken = set(chosen)
    return chosen + [i for i in by_score if i not in taken]


def rank(article: Article, cfg: Settings | None = None, needed: int | None = None,
         body: list[Sentence] | None = None) -> tuple[list, list[float], list[int]]:
    """Body sentences, their scores and their preference order (exact for its first ``needed`` entries).

    With ``needed``, the non-content penalty is only looked up for the sentences that could still be picked
    (see ``_penalise_candidates``); the other scores are then upper bounds.
    """
    cfg = cfg or settings()
    body = article.body if body is None else body
    if not body:
        return body, [], []
    penalty = cfg.weights.get(DEFERRED, 0.0) if needed is not None else 0.0
    weights = {name: w for name, w in cfg.weights.items() if w and not (penalty < 0 and name == DEFERRED)}
    fs = feats.extract(article, body, window=cfg.window, threshold=cfg.threshold,
                       long_words=cfg.long_words, short_words=cfg.short_words, only=set(weights))
    score = scores(fs, weights)
    if penalty < 0:
        _penalise_candidates(fs, score, penalty, max(1, needed or 0), cfg.redundancy)
    return body, score, mmr_order(fs, score, cfg.mmr_picks, cfg.redundancy, needed)


DEFERRED = "noncontent"      # a 0/1 penalty column worth computing only where it can change the summary


def _penalise_candidates(fs: feats.SentenceFeatures, score: list[float], penalty: float, needed: int,
                         redundancy: float) -> None:
    """Apply the non-content penalty, best sentences first, until no other sentence can be among the picks.

    ``score`` holds upper bounds (the penalty only lowers a score). Once ``needed`` penalised scores beat the
    next upper bound by more than MMR's largest redundancy cost, no sentence from there on can be picked
    while one of those remains, so its penalty cannot change the first ``needed`` picks.
    """
    flagged = feats.noncontent_pattern().matches
    lowered = fs.lowered
    margin = max(redundancy, 0.0) * (1 + 1e-9) + 1e-12     # a cosine may exceed 1 by a rounding error
    best: list[float] = []                                  # the ``needed`` highest exact scores so far
    for i in sorted(range(len(score)), key=score.__getitem__, reverse=True):
        if len(best) == needed and best[0] - margin > score[i]:
            break
        if flagged(lowered[i]):
            score[i] += penalty
        if len(best) < needed:
            best.append(score[i])
            best.sort()
        elif score[i] > best[0]:
            best[0] = score[i]
            best.sort()


def summarize(article: Article, length: Length) -> list[SummarySentence]:
    body = article.body
    needed = None if length.words is not None else length.count(len(body))
    body, score, order = rank(article, needed=needed, body=body)
    return select_ordered(body, order, score, length)

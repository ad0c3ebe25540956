"""Extractive summarisers, after sumy's layout: each algorithm ranks an Article's body sentences.

``ALGORITHMS`` maps a name to (module, description, relative speed); modules load only when used.
``speed`` is the measured rate relative to sumy LexRank's on the same articles (summariser only, in process,
CNN/DailyMail dev set; ``python benchmarks/summaries.py DATA -a all``). sumy's algorithms and the nltk it
imports load only when one of them is chosen.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from article_facts.core.models import Article, SummarySentence


@dataclass(frozen=True)
class Length:
    """How long a summary is: a sentence count, a ratio of the body, or a word budget."""

    sentences: int = 3
    ratio: float | None = None
    words: int | None = None

    def count(self, available: int) -> int:
        if self.ratio is not None:
            return max(1, min(available, round(available * self.ratio)))
        return max(0, min(available, self.sentences))


@dataclass(frozen=True)
class AlgorithmInfo:
    """``module`` holds our own ``summarize``; for sumy's algorithms it is the sumy class as "module:Class"."""

    name: str
    module: str
    description: str
    speed: str

    @property
    def is_sumy(self) -> bool:
        return self.module.startswith("sumy.")


class Summarizer(Protocol):
    def __call__(self, article: Article, length: Length) -> list[SummarySentence]: ...


ALGORITHMS: dict[str, AlgorithmInfo] = {
    a.name: a for a in [
        AlgorithmInfo("news", "article_facts.core.summarizers.news", "our news ranker: lead bias, centrality, headline, MMR", "4.7x"),
        AlgorithmInfo("lead", "article_facts.core.summarizers.lead", "the first N body sentences (Lead-N baseline)", "250x"),
        AlgorithmInfo("lexrank", "sumy.summarizers.lex_rank:LexRankSummarizer", "sumy LexRank: eigenvector centrality of the tf-idf sentence graph", "1.0x"),
        AlgorithmInfo("textrank", "sumy.summarizers.text_rank:TextRankSummarizer", "sumy TextRank: PageRank over word-overlap similarity", "1.5x"),
        AlgorithmInfo("lsa", "sumy.summarizers.lsa:LsaSummarizer", "sumy LSA: sentences strongest in the top latent topics (SVD)", "0.3x"),
        AlgorithmInfo("luhn", "sumy.summarizers.luhn:LuhnSummarizer", "sumy Luhn: clusters of significant (frequent) words", "4.3x"),
        AlgorithmInfo("edmundson", "sumy.summarizers.edmundson:EdmundsonSummarizer", "sumy Edmundson: English cue words, headline words, location", "5.2x"),
        AlgorithmInfo("kl", "sumy.summarizers.kl:KLSummarizer", "sumy KL-Sum: greedy KL-divergence to the article (slow: super-linear)", "0.2x slow"),
        AlgorithmInfo("sumbasic", "sumy.summarizers.sum_basic:SumBasicSummarizer", "sumy SumBasic: word probabilities, updated after each pick", "4.8x"),
        AlgorithmInfo("reduction", "sumy.summarizers.reduction:ReductionSummarizer", "sumy Reduction: graph of shared words between sentences", "1.7x"),
    ]
}


def get(name: str) -> Summarizer:
    try:
        info = ALGORITHMS[name]
    except KeyError:
        raise ValueError(f"unknown algorithm {name!r}; choose from {', '.join(ALGORITHMS)}") from None
    if info.is_sumy:
        from article_facts.core.summarizers.sumy_bridge import sumy_algorithm

        return sumy_algorithm(info.module)
    return importlib.import_module(info.module).summarize

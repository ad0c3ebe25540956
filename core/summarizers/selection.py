"""Turning per-sentence scores into a summary: pick by preference within the length, emit in document order."""
from __future__ import annotations

from typing import Sequence

from article_facts.core.models import Sentence, SummarySentence
from article_facts.core.summarizers import Length


def select(sentences: Sequence[Sentence], scores: Sequence[float], length: Length) -> list[SummarySentence]:
    """Best-scoring sentences (ties broken by position) up to the length, returned in document order."""
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    return select_ordered(sentences, order, scores, length)


def select_ordered(sentences: Sequence[Sentence], order: Sequence[int], scores: Sequence[float],
                   length: Length) -> list[SummarySentence]:
    """The first sentences of a preference order up to the length, returned in document order.

    A word budget takes sentences in preference order while they fit (always at least one); a sentence
    that does not fit is skipped for a shorter one further down.
    """
    chosen: list[int] = []
    if length.words is not None:
        budget = length.words
        for i in order:
            n = len(sentences[i].text.split())
            if n <= budget or not chosen:
                chosen.append(i)
                budget -= n
            if budget <= 0:
                break
    else:
        chosen = list(order[: length.count(len(sentences))])
    return [SummarySentence(sentences[i].index, sentences[i].text, sentences[i].start, sentences[i].end,
                            round(float(scores[i]), 6)) for i in sorted(chosen)]

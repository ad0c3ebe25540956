"""Turning per-sentence scores into a summary: pick by score within the length, emit in document order."""
from __future__ import annotations

from typing import Sequence

from article_facts.core.models import Sentence, SummarySentence
from article_facts.core.summarizers import Length


def select(sentences: Sequence[Sentence], scores: Sequence[float], length: Length) -> list[SummarySentence]:
    """Best-scoring sentences (ties broken by position) up to the length, returned in document order."""
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
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
        chosen = order[: length.count(len(sentences))]
    return [SummarySentence(sentences[i].index, sentences[i].text, sentences[i].start, sentences[i].end,
                            round(float(scores[i]), 6)) for i in sorted(chosen)]

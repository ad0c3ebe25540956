"""PLACEHOLDER until the news ranker lands (issue 3): behaves as Lead-N."""
from __future__ import annotations

from article_facts.core.models import Article, SummarySentence
from article_facts.core.summarizers import Length
from article_facts.core.summarizers.selection import select


def summarize(article: Article, length: Length) -> list[SummarySentence]:
    body = [s for s in article.sentences if s.paragraph >= 0]
    return select(body, [1.0 / (1 + i) for i in range(len(body))], length)

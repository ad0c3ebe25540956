"""Lead-N: the first body sentences, the baseline every news summariser must beat."""
from __future__ import annotations

from article_facts.core.models import Article, SummarySentence
from article_facts.core.summarizers import Length
from article_facts.core.summarizers.selection import select


def summarize(article: Article, length: Length) -> list[SummarySentence]:
    body = article.body
    return select(body, [1.0 / (1 + i) for i in range(len(body))], length)

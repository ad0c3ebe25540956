"""sumy's SumBasicSummarizer on our document model (see sumy_bridge)."""
from __future__ import annotations

from article_facts.core.models import Article, SummarySentence
from article_facts.core.summarizers import Length
from article_facts.core.summarizers.sumy_bridge import stemmer, stop_words, summarize_with


def _make():
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    summarizer = SumBasicSummarizer(stemmer)
    summarizer.stop_words = stop_words()
    return summarizer


def summarize(article: Article, length: Length) -> list[SummarySentence]:
    return summarize_with(_make, article, length)

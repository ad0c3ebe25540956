"""sumy's EdmundsonSummarizer (cue, title and location methods) with English word lists.

Bonus and stigma words ship in ``resources/summarizers/edmundson_{bonus,stigma}.txt``; null words are
sumy's English stop words. The title method reads our headline and standfirst, passed as headings.
"""
from __future__ import annotations

from article_facts.core.models import Article, SummarySentence
from article_facts.core.resources import load_wordlist
from article_facts.core.summarizers import Length
from article_facts.core.summarizers.sumy_bridge import stemmer, stop_words, summarize_with


def _make():
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(stemmer)
    summarizer.bonus_words = load_wordlist("summarizers/edmundson_bonus.txt")
    summarizer.stigma_words = load_wordlist("summarizers/edmundson_stigma.txt")
    summarizer.null_words = stop_words()
    return summarizer


def summarize(article: Article, length: Length) -> list[SummarySentence]:
    return summarize_with(_make, article, length)

"""Running sumy's summarisers on our own document model and segmentation, without NLTK data.

sumy reads a document through a tokenizer object offering ``to_sentences``/``to_words``; we build its
ObjectDocumentModel from our already-segmented sentences (headline and standfirst as headings, body
paragraphs as paragraphs), so every algorithm sees exactly the sentences our record reports. sumy's own
``Tokenizer`` is never used: it needs downloaded NLTK data. Stemming is the same Snowball English algorithm
sumy uses, through our cached stemmer. sumy (and the nltk it imports) load only when one of these
algorithms runs.
"""
from __future__ import annotations

import importlib
import re
import warnings
from functools import lru_cache, partial
from typing import Any, Callable

from article_facts.core import segmentation
from article_facts.core.resources import load_wordlist
from article_facts.core.models import Article, Sentence, SummarySentence
from article_facts.core.nlp import stem
from article_facts.core.summarizers import Length
from article_facts.core.summarizers.selection import select

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Tokenizer:
    """sumy's tokenizer protocol over our segmenter and a word regex."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return segmentation.split(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words  # ships inside sumy: no download

    return frozenset(get_stop_words("english"))


def build_document(article: Article, body: list[Sentence]) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tok = Tokenizer()
    paragraphs = []
    headings = [SumySentence(s.text, tok, is_heading=True) for s in article.sentences if s.paragraph < 0]
    current: list[Any] = headings
    last = None
    for s in body:
        if last is not None and s.paragraph != last:
            paragraphs.append(Paragraph(current))
            current = []
        current.append(SumySentence(s.text, tok))
        last = s.paragraph
    paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


def _capture_ratings(sentences, count, rating, *args, **kwargs) -> list[float]:
    """Stands in for sumy's ``_get_best_sentences``: returns every sentence's rating, in document order."""
    if isinstance(rating, dict):
        return [float(rating[s]) for s in sentences]
    return [float(rating(s, *args, **kwargs)) for s in sentences]


def summarize_with(make: Callable[[], Any], article: Article, length: Length) -> list[SummarySentence]:
    """Rate the body sentences with the sumy summariser ``make()`` builds, then select within the length."""
    body = article.body
    if not body:
        return []
    summarizer = make()
    summarizer._get_best_sentences = _capture_ratings
    document = build_document(article, body)
    try:
        with warnings.catch_warnings():      # numpy's divide warnings on degenerate graphs are handled below
            warnings.simplefilter("ignore", RuntimeWarning)
            ratings = summarizer(document, len(body))
    except (ValueError, ZeroDivisionError, IndexError):  # degenerate input (e.g. no words): keep the lead
        ratings = [1.0 / (1 + i) for i in range(len(body))]
    if len(ratings) != len(body):  # sumy re-segmented a sentence: fall back to the lead order
        ratings = [1.0 / (1 + i) for i in range(len(body))]
    return select(body, ratings, length)


def stemmer(word: str) -> str:
    return stem(word.lower())


def make_summarizer(class_path: str) -> Any:
    """Build the sumy summariser named "module:Class" with our stemmer and English word lists."""
    module, name = class_path.split(":")
    summarizer = getattr(importlib.import_module(module), name)(stemmer)
    if hasattr(summarizer, "bonus_words"):      # Edmundson: English cue words (sumy's CLI defaults are Czech)
        summarizer.bonus_words = load_wordlist("summarizers/edmundson_bonus.txt")
        summarizer.stigma_words = load_wordlist("summarizers/edmundson_stigma.txt")
        summarizer.null_words = stop_words()
    else:
        summarizer.stop_words = stop_words()
    return summarizer


def sumy_algorithm(class_path: str) -> Callable[[Article, Length], list[SummarySentence]]:
    """A summariser function running the sumy class "module:Class" on our document model."""
    return partial(summarize_with, partial(make_summarizer, class_path))

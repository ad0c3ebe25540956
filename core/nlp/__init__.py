"""Shared text processing for the rankers: word tokens, English stop words and a cached stemmer."""
from __future__ import annotations

from article_facts.core.nlp.stemming import stem, stem_many
from article_facts.core.nlp.tokens import (content_terms, is_stop_word, stop_words, terms_and_counts, tokens_and_terms,
                                           words)

__all__ = ["content_terms", "is_stop_word", "stem", "stem_many", "stop_words", "terms_and_counts", "tokens_and_terms",
           "words"]

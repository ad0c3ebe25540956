"""Shared text processing for the rankers: word tokens, English stop words and a cached stemmer."""
from __future__ import annotations

from article_facts.core.nlp.stemming import stem
from article_facts.core.nlp.tokens import content_terms, is_stop_word, stop_words, words

__all__ = ["content_terms", "is_stop_word", "stem", "stop_words", "words"]

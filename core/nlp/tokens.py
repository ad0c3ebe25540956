"""Word tokens and stop words for comparing sentences."""
from __future__ import annotations

import re
from functools import lru_cache

from article_facts.core.nlp.stemming import stem
from article_facts.core.resources import load_wordlist

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits; inner apostrophes kept: "don't", "o'neill")."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return load_wordlist("nlp/stopwords_en.txt")


def is_stop_word(word: str) -> bool:
    return word in stop_words()


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry content: stop words and possessive endings dropped."""
    stops = stop_words()
    out = []
    for w in words(text):
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if w not in stops:
            out.append(stem(w))
    return out

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


_terms: dict[str, str | None] = {}     # lower-case word -> its content stem, or None for a stop word
_TERMS_LIMIT = 200_000


def _term(word: str) -> str | None:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return None if word in stop_words() else stem(word)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry content: stop words and possessive endings dropped."""
    ws = _WORD.findall(text.lower())
    try:
        return [t for t in map(_terms.__getitem__, ws) if t is not None]
    except KeyError:          # a word not seen before in this process
        if len(_terms) >= _TERMS_LIMIT:
            _terms.clear()
        for w in ws:
            if w not in _terms:
                _terms[w] = _term(w)
        return [t for t in map(_terms.__getitem__, ws) if t is not None]

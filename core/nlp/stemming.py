"""English stemming with a per-process cache.

Uses PyStemmer (Snowball's C implementation, ~1 ms to import) when installed, else the pure-Python
``snowballstemmer``, else a small suffix stripper: stemming only has to make "charged"/"charges"/"charge"
meet, so the fallback keeps the rankers working on a bare install. Never imports nltk.
"""
from __future__ import annotations

from typing import Callable, Sequence

from article_facts.core.rules import regex_cache

_cache: dict[str, str] = {}
_CACHE_LIMIT = 200_000
_SUFFIXES = regex_cache.compile(r"(?:ies|ied|ing|edly|ed|es|s|ly|ment|ness)$")


def _light_stem(word: str) -> str:
    if len(word) <= 4:
        return word
    stripped = _SUFFIXES.sub("", word)
    return stripped if len(stripped) >= 3 else word


def _backend() -> tuple[Callable[[str], str], Callable[[Sequence[str]], list[str]]]:
    """(stem one word, stem many words): the batch form saves a call per word with the C stemmers."""
    try:
        import Stemmer  # PyStemmer

        s = Stemmer.Stemmer("english")
        return s.stemWord, s.stemWords
    except ImportError:
        pass
    try:
        import snowballstemmer

        s = snowballstemmer.stemmer("english")
        return s.stemWord, s.stemWords
    except ImportError:
        return _light_stem, lambda words: [_light_stem(w) for w in words]


_stem_word: Callable[[str], str] | None = None
_stem_words: Callable[[Sequence[str]], list[str]] | None = None


def stem(word: str) -> str:
    """The stem of a lower-case word (memoised: news vocabularies repeat heavily)."""
    global _stem_word, _stem_words
    hit = _cache.get(word)
    if hit is not None:
        return hit
    if _stem_word is None:
        _stem_word, _stem_words = _backend()
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    result = _cache[word] = _stem_word(word)
    return result


def stem_many(words: Sequence[str]) -> list[str]:
    """The stems of many lower-case words, in order: one backend call for the words not seen before."""
    global _stem_word, _stem_words
    get = _cache.get
    missing = [w for w in words if get(w) is None]
    if missing:
        if _stem_words is None:
            _stem_word, _stem_words = _backend()
        if len(_cache) + len(missing) >= _CACHE_LIMIT:
            _cache.clear()
            missing = list(words)
        _cache.update(zip(missing, _stem_words(missing)))
    return [_cache[w] for w in words]

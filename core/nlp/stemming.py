"""English stemming with a per-process cache.

Uses PyStemmer (Snowball's C implementation, ~1 ms to import) when installed, else the pure-Python
``snowballstemmer``, else a small suffix stripper: stemming only has to make "charged"/"charges"/"charge"
meet, so the fallback keeps the rankers working on a bare install. Never imports nltk.
"""
from __future__ import annotations

import re
from typing import Callable

_cache: dict[str, str] = {}
_CACHE_LIMIT = 200_000
_SUFFIXES = re.compile(r"(?:ies|ied|ing|edly|ed|es|s|ly|ment|ness)$")


def _light_stem(word: str) -> str:
    if len(word) <= 4:
        return word
    stripped = _SUFFIXES.sub("", word)
    return stripped if len(stripped) >= 3 else word


def _backend() -> Callable[[str], str]:
    try:
        import Stemmer  # PyStemmer

        return Stemmer.Stemmer("english").stemWord
    except ImportError:
        pass
    try:
        import snowballstemmer

        return snowballstemmer.stemmer("english").stemWord
    except ImportError:
        return _light_stem


_stem_word: Callable[[str], str] | None = None


def stem(word: str) -> str:
    """The stem of a lower-case word (memoised: news vocabularies repeat heavily)."""
    global _stem_word
    hit = _cache.get(word)
    if hit is not None:
        return hit
    if _stem_word is None:
        _stem_word = _backend()
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    result = _cache[word] = _stem_word(word)
    return result

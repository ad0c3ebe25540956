"""Word tokens and stop words for comparing sentences."""
from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import Iterable, Sequence

from article_facts.core.nlp.stemming import stem_many
from article_facts.core.resources import load_wordlist
from article_facts.core.rules import regex_cache

_WORD = regex_cache.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = ("'s", "’s")


def words(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits; inner apostrophes kept: "don't", "o'neill")."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return load_wordlist("nlp/stopwords_en.txt")


def is_stop_word(word: str) -> bool:
    return word in stop_words()


# lower-case word -> its content stem, or "" for a stop word (so that ``filter(None, …)`` drops it)
_terms: dict[str, str] = {}
_TERMS_LIMIT = 200_000


def _learn(vocabulary: Iterable[str]) -> None:
    """Add the words not seen before in this process to ``_terms``."""
    words = set(vocabulary)
    new = words.difference(_terms)
    if not new:
        return
    if len(_terms) + len(new) >= _TERMS_LIMIT:
        _terms.clear()
        new = words
    stops = stop_words()
    bases = {w: w[:-2] if w.endswith(_POSSESSIVE) else w for w in new}
    content = [b for b in bases.values() if b not in stops]
    stems = dict(zip(content, stem_many(content)))
    _terms.update({w: stems.get(b, "") for w, b in bases.items()})


# whitespace-separated piece of lower-case text -> its content stems and its "[^\W_]+" word count. Word
# tokens never span whitespace, so a text's tokens are its pieces' tokens: news vocabularies repeat heavily
# and most pieces ("said", "police,") are looked up instead of tokenised.
_piece_terms: dict[str, tuple[str, ...]] = {}
_piece_words: dict[str, int] = {}
_PART = regex_cache.compile(r"[^\W_]+")


def _learn_pieces(pieces: set[str]) -> None:
    new = pieces.difference(_piece_terms)
    if not new:
        return
    if len(_piece_terms) + len(new) >= _TERMS_LIMIT:
        _piece_terms.clear()
        _piece_words.clear()
        new = pieces
    findall, parts = _WORD.findall, _PART.findall
    tokens = {p: findall(p) for p in new}
    _learn(chain.from_iterable(tokens.values()))
    get = _terms.__getitem__
    for piece, ws in tokens.items():
        _piece_terms[piece] = tuple(filter(None, map(get, ws)))
        _piece_words[piece] = len(parts(piece))


def terms_and_counts(lowered: Sequence[str]) -> tuple[list[list[str]], list[int]]:
    """For each lower-case text: its content stems (as ``content_terms``) and its count of letter-and-digit
    runs (a token with inner apostrophes, "don't", counts one per part)."""
    pieces = [t.split() for t in lowered]
    _learn_pieces(set(chain.from_iterable(pieces)))
    terms_of, words_of = _piece_terms.__getitem__, _piece_words.__getitem__
    flat = chain.from_iterable
    terms = [list(flat(map(terms_of, ps))) for ps in pieces]
    return terms, [sum(map(words_of, ps)) for ps in pieces]


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry content: stop words and possessive endings dropped."""
    return tokens_and_terms([text.lower()])[1][0]


def tokens_and_terms(lowered: Sequence[str]) -> tuple[list[list[str]], list[list[str]]]:
    """For each lower-case text: its word tokens and its content stems (as ``content_terms``)."""
    findall = _WORD.findall
    tokens = [findall(t) for t in lowered]
    _learn(chain.from_iterable(tokens))
    get = _terms.__getitem__
    return tokens, [list(filter(None, map(get, ws))) for ws in tokens]

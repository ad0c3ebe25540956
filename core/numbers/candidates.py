"""Which sentences of an article can hold a number mention, found in one pass over the whole text.

A mention needs a digit or a whole number word from the grammar ("two", "dozens", "half"); most sentences
have neither. Digits are found with one charset-prefixed regex (the regex engine skips straight to them);
number words by mapping the lowercased text to ASCII words (every other character becomes a space) and
looking the article's distinct words up in the grammar's word set, then finding where the few that occur
stand. Both are conservative: a sentence is only dropped when the full grammar could not match in it.

    number_sentences(text, sentences, number_words) -> [(sentence, has_number_word)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from article_facts.core.rules import regex_cache
from article_facts.core.rules.templates import alternation

_DIGITS = regex_cache.compile(r"\d")
_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_WORD = regex_cache.compile(r"\w+")
# ASCII letters, digits and "_" stay; every other byte (and "?", which stands for any non-ASCII character
# after encoding) becomes a space, so the words of the result are the text's ASCII word runs.
_ASCII_WORDS = bytes(c if (48 <= c <= 57 or 97 <= c <= 122 or c == 95) else 32 for c in range(256))


# The non-ASCII characters Python's case-insensitive matching takes for ASCII letters: "İ"/"ı" for "i",
# "ſ" for "s", the Kelvin sign for "k" (tests/test_numbers_corpus.py checks the list against the re module).
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def finder_pattern(number_words: frozenset) -> bytes | None:
    """Any of the words with a space on each side, in the ASCII word bytes; None if a word is not plain
    ASCII. The leading space is a literal prefix the regex engine scans for in C."""
    if not all(w.isascii() and w.isalnum() for w in number_words):
        return None
    return (" " + alternation(number_words) + "(?= )").encode("ascii")


@lru_cache(maxsize=4)
def _word_finder(number_words: frozenset) -> re.Pattern | None:
    pattern = finder_pattern(number_words)
    return None if pattern is None else regex_cache.compile(pattern)


def ascii_words(text: str) -> bytes | None:
    """The lowercased text as bytes, a space before it and after it, with every character that is not an ASCII
    letter, digit or "_" turned into a space: its words are the text's ASCII words, at their offsets + 1.
    None when lowercasing changes the text's length (offsets would not line up)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    return b" " + low.encode("ascii", "replace").translate(_ASCII_WORDS) + b" "


def _word_positions(data: bytes | None, number_words: frozenset, finder: re.Pattern | None) -> list[int] | None:
    """Where the number words stand as whole ASCII words (ascending); None when the fast way does not apply
    (no ``ascii_words``, or a number word is not plain ASCII)."""
    if finder is None:
        finder = _word_finder(number_words)
    if finder is None or data is None:
        return None
    return [m.start() for m in finder.finditer(data)]      # the leading space: offsets are the text's


def number_sentences(text: str, sentences: Sequence, number_words: frozenset | None,
                     data: bytes | None = None, finder: re.Pattern | None = None) -> list[tuple[object, list[int] | None]]:
    """The sentences with a digit or a number word, each with where its number words start (empty: none,
    so no word number can be in it; None: not known, look everywhere). ``data``: ``ascii_words(text)``
    when the caller has it; ``finder``: ``finder_pattern(number_words)`` compiled, when the caller has it."""
    if number_words is None:
        return [(s, None) for s in sentences]
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    digits: set[int] = set()
    pos, size = 0, len(text)
    if data is None:
        data = ascii_words(text)
    if data is not None and text.isascii():  # every digit is an ASCII digit: find them as bytes (memchr)
        zeros = data.translate(_ZERO_DIGITS)

        def next_digit(pos: int) -> int:
            return zeros.find(b"0", pos + 1) - 1
    else:
        def next_digit(pos: int) -> int:
            found = _DIGITS.search(text, pos)
            return -1 if found is None else found.start()
    while pos < size:                       # one search per sentence with a digit
        at = next_digit(pos)
        if at < 0:
            break
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < ends[i]:
            digits.add(i)
            pos = ends[i]
        else:                               # a digit outside every sentence: go on from the next one
            pos = starts[i + 1] if i + 1 < len(starts) else size
    positions = _word_positions(data, number_words, finder)
    if positions is None or any(c in text for c in FOLDS_TO_ASCII):     # "ſix" is still "six" to the grammar: look everywhere
        worded = {i for i, s in enumerate(sentences)
                  if not number_words.isdisjoint(_WORD.findall(text[s.start:s.end].lower()))}
        return [(sentences[i], None) for i in sorted(digits | worded)]
    words: dict[int, list[int]] = {}
    for p in positions:
        i = bisect_right(starts, p) - 1
        if i >= 0 and p < ends[i]:
            words.setdefault(i, []).append(p)
    return [(sentences[i], words.get(i, [])) for i in sorted(digits | words.keys())]

"""Entity scanning shortcuts: each fast path must find exactly what the general rule finds."""
from __future__ import annotations

import re

import pytest

from article_facts.core.who import entities, gender

SENTENCES = [
    "McDonald's said iPhone sales at O'Brien Electronics were up.",
    "The alarm went off at the Bank of England, an official said.",
    "Özil, Łukasz and Édouard joined Ωmega FC last week.",
    "THE U.S.-BASED FIRM said Kim Jong-un had met Ban Ki-moon.",
    "nothing capitalised here at all",
]


@pytest.mark.parametrize("text, prefixed", [
    ("Foreign Minister Ayman al-Safadi met him.", True),
    ("He met el-Baradei.", True),
    ("Valéry d'Estaing spoke.", True),
    ("The ibnRushd Institute opened.", True),
    ("McDonald's and O'Brien Electronics.", False),       # glued capitals, but no lower-case prefix
    ("The alarm went off in Amman.", False),
    ("iPhone sales fell.", False),
])
def test_a_name_opening_with_a_lower_case_prefix_is_detected(text, prefixed):
    assert entities._has_prefixed_name(text) is prefixed


@pytest.mark.parametrize("text", SENTENCES)
def test_the_capital_led_scan_finds_the_same_runs_when_no_prefix_opens_a_name(text):
    assert not entities._has_prefixed_name(text)
    for skip in (0, 4):
        assert ([m.span() for m in entities._CAPITAL_CANDIDATE.finditer(text, skip)]
                == [m.span() for m in entities._CANDIDATE.finditer(text, skip)])


@pytest.mark.parametrize("body, word, found", [
    ("the police said police cars", "police", True),
    ("Police said", "police", False),                    # only capitalised
    ("the policeman said", "police", False),             # part of a longer word
    ("a xpolice y", "police", False),                    # glued to a letter before it
    ("ÉPOLICE and épolice", "police", True),             # a non-ASCII letter before it does not glue
    ("policeX came", "police", True),                    # a capital after it ends the word
    ("a b c", "a", False),                               # one letter is not a word
    ("the Öl", "öl", False),                             # a-z only
])
def test_a_word_written_in_lower_case_is_found_as_a_whole_word(body, word, found):
    lower_words = set(re.findall(r"(?<![A-Za-z])[a-z][a-z]+", body))
    assert entities._has_lower_word(body, word) is found is (word in lower_words)


@pytest.mark.parametrize("text", [
    "Smith's aide said he would go.", "Smith, who she met, left.", "Smith-he said nothing.",
    "Smith told HIM and Her.", "Smith saw the shed; herself tired.", "Smith thought others were there.",
])
def test_the_first_pronoun_is_the_first_pronoun_word(text):
    start = len("Smith")
    cues = gender.cues()
    words = [w.group() for w in re.finditer(r"[\w'’-]+", text[start:])]
    want = next((g for g in map(cues.of_pronoun, words) if g), None)
    assert gender._first_pronoun(cues, text, start, len(text)) == want

"""Key-number facts as a specification: Duckling-style (sentence -> expected fact) tables with negatives."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from article_facts.core import structure
from article_facts.core.numbers import extract
from article_facts.core.numbers.candidates import FOLDS_TO_ASCII, number_sentences
from article_facts.core.numbers.grammar import find_mentions, grammar, word_starts
from article_facts.core.pipeline import Context, Options

CORPUS = Path(__file__).parent / "corpora" / "numbers"


def facts(text: str, rules: tuple[str, ...] = ()):
    article = structure.parse(text)
    found = extract(article, Context(None, Options(rules_files=rules)))
    for f in found:
        assert article.text[f.start:f.end] == f.text
    return found


def _cases():
    for line in (CORPUS / "facts.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, kind, value, extra = line.split("\t")
            yield pytest.param(sentence, kind, value, extra, id=f"{kind}:{sentence[:40]}")


def _typed(raw: str):
    if raw == "null":
        return None
    try:
        number = float(raw)
        return int(number) if number.is_integer() else number
    except ValueError:
        return raw


@pytest.mark.parametrize("sentence,kind,value,extra", list(_cases()))
def test_fact(sentence, kind, value, extra):
    expected = {} if extra.strip() == "-" else dict(kv.split("=") for kv in extra.split(","))
    if value != "-":
        expected["value"] = value
    candidates = [f for f in facts(sentence) if f.kind == kind]
    assert any(all(f.attrs.get(k) == _typed(v) for k, v in expected.items()) for f in candidates), \
        [f.to_dict() for f in candidates]


NEGATIVES = [line for line in (CORPUS / "negatives.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_fact(sentence):
    assert [f.to_dict() for f in facts(sentence)] == []


def test_user_rule_file_adds_a_kind():
    sample = str(Path(__file__).parent.parent / "samples" / "rules" / "refugees.toml")
    found = facts("The camp now shelters 12,000 refugees from the south.", (sample,))
    assert [(f.kind, f.attrs["value"]) for f in found] == [("refugees", 12000)]


@pytest.mark.parametrize("sentence", [
    "Police arrested more than 200 people for looting.",
    "Officers detained 15 migrants at the port on Sunday.",
])
def test_arrests_are_not_casualties(sentence):
    """'captured' means hostages, abductions and prisoners of war, not arrests."""
    assert [f for f in facts(sentence) if f.kind == "casualties"] == []


def test_fold_characters_are_those_the_re_module_folds():
    """The pre-check's list of non-ASCII characters that case-insensitive patterns read as ASCII letters."""
    letter = re.compile("[a-z]", re.I)
    assert set(FOLDS_TO_ASCII) == {chr(c) for c in range(128, 0x110000) if letter.match(chr(c))}


@pytest.mark.parametrize("text,expected", [
    ("The talks ended. Twenty-five people came.", [("Twenty-five people came.", ["Twenty", "five"])]),
    ("Some 4,000 troops left. Nobody spoke.", [("Some 4,000 troops left.", [])]),
    ("Someone often said it. Money was gone.", []),                   # "one", "ten" inside other words
    ("Half of the 30 seats went. No change.", [("Half of the 30 seats went.", ["Half"])]),
    ("The fee rose by £5. DOZENS OF FANS left.", [("The fee rose by £5.", []), ("DOZENS OF FANS left.", ["DOZENS"])]),
    ("Café owners counted ſix tables and 3 chairs.", [("Café owners counted ſix tables and 3 chairs.", None)]),
])
def test_candidate_sentences(text, expected):
    article = structure.parse(text)
    found = number_sentences(article.text, article.sentences, grammar().number_words)
    words = [None if at is None else [re.match(r"\w+", article.text[p:]).group() for p in at] for _, at in found]
    assert [(s.text, w) for (s, _), w in zip(found, words)] == expected


@pytest.mark.parametrize("text", [
    "Tens of thousands marched, and hundreds of millions watched.",
    "A third of the staff and a quarter of the budget went; a million more were promised.",
    "Two-thirds said yes, one in ten said no, and twenty-eight thousand six hundred forty-two abstained.",
    "No one came to the 5 meetings, but a dozen people and 3 dozen cats did.",
    "The rock'n'roll band played one-hundred songs for tens  of  thousands.",
    "Someone had a 4 million dollar house and ten 2-bed flats.",
])
def test_word_numbers_are_found_only_where_number_words_stand(text):
    """Looking for word numbers only at (and a few words before) the number words finds what a search of
    the whole sentence finds."""
    article = structure.parse(text)
    rev = article.text[::-1]
    for sentence, at in number_sentences(article.text, article.sentences, grammar().number_words):
        everywhere = find_mentions(article.text, sentence.start, sentence.end, rev)
        assert at is not None and everywhere
        assert find_mentions(article.text, sentence.start, sentence.end, rev, word_starts(article.text, rev, at)) \
            == everywhere


@pytest.mark.parametrize("text", [
    "The army sent 3,000 troops to the border.",
    "Officials said twelve people were killed in the blast.",
    "The garrison shrank from 5,200 to 3,000 soldiers.",
    "Bread prices rose 4.5 per cent in a year.",
    "The ferry carried about 40 cars and two dozen vans.",
])
def test_a_text_whose_lowercase_changes_length_gives_the_same_facts(text):
    """'İ' lowercases to two characters, which turns the ASCII-bytes shortcuts off: the general path agrees."""
    plain = [(f.kind, f.text, f.attrs) for f in facts(text)]
    assert plain
    assert [(f.kind, f.text, f.attrs) for f in facts("İzmir news. " + text)] == plain

"""Reading input: encodings, newlines, and refusing what is not an article."""
from __future__ import annotations

import codecs

import pytest

from article_facts.core.errors import BinaryInput, EmptyInput, TooLarge
from article_facts.core.reading import decode, parse_jsonl_row

ARTICLE = "Troops left.\nThey said so."


@pytest.mark.parametrize("data,encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
])
def test_utf8_with_or_without_bom(data, encoding):
    decoded = decode(data, "a.txt")
    assert decoded.text == ARTICLE and decoded.encoding == encoding


def test_other_encodings_are_detected_and_named():
    text = "Le café coûte 3 euros. Les élèves étaient très contents du résultat, a déclaré le directeur."
    decoded = decode(text.encode("latin-1"), "a.txt")
    assert decoded.text == text
    assert decoded.encoding not in ("utf-8", "utf-8-sig")


@pytest.mark.parametrize("raw", [b"One.\r\nTwo.", b"One.\rTwo.", b"One.\nTwo."])
def test_newlines_are_normalised(raw):
    assert decode(raw, "a.txt").text == "One.\nTwo."


@pytest.mark.parametrize("data,error", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
    (b"", EmptyInput),
    (b"  \n\t\n", EmptyInput),
])
def test_refused_inputs_name_the_file(data, error):
    with pytest.raises(error, match="story.txt"):
        decode(data, "story.txt")


def test_size_limit():
    with pytest.raises(TooLarge, match="--max-bytes"):
        decode(b"a" * 101, "big.txt", max_bytes=100)


def test_dataset_rows_accept_text_or_article():
    assert parse_jsonl_row('{"id": 7, "article": "A.\\r\\nB."}', "d.jsonl", 1).text == "A.\nB."
    row = parse_jsonl_row('{"id": "x", "text": "T.", "title": "H", "published": "2020-01-02"}', "d.jsonl", 1)
    assert (row.id, row.title, row.published) == ("x", "H", "2020-01-02")


@pytest.mark.parametrize("line", ['{"id": 1', '[1, 2]', '{"id": 1, "text": "  "}', '{"id": 1}'])
def test_bad_dataset_rows(line):
    with pytest.raises(Exception, match="d.jsonl:3"):
        parse_jsonl_row(line, "d.jsonl", 3)


@pytest.mark.parametrize("given,expected", [
    ("2020-09-09", "2020-09-09"), ("2020-09-09T13:55:00Z", "2020-09-09T13:55"), ("9 September 2020", "2020-09-09"),
    ("2020-02-31", None), ("2020-13-01", None), ("yesterday", None), ("20200909", None),
])
def test_a_publication_date_is_used_only_when_it_is_a_real_date(given, expected):
    from article_facts.core.pipeline import analyse

    rec = analyse("Troops left the city on Tuesday, officials said.", id="x", published=given)
    assert rec.published == expected
    assert bool(rec.warnings) == (expected is None)

"""Quote stage specification: each corpus case lists the quotes it must yield and their speakers."""
from __future__ import annotations

import pytest

from article_facts.core.structure import parse
from article_facts.core.who import quotes
from pathlib import Path
from article_facts.core.rules.toml_cache import parse as parse_toml

CORPUS = parse_toml((Path(__file__).parent / "corpora" / "who" / "quotes.toml").read_text(encoding="utf-8"))


def _last(name: str | None) -> str:
    return (name or "").split()[-1] if name else ""


@pytest.mark.parametrize("case", CORPUS["case"], ids=[c["name"] for c in CORPUS["case"]])
def test_quote_corpus(case):
    article = parse(case["text"])
    facts = quotes.extract(article, None)
    for f in facts:
        assert article.text[f.start:f.end] == f.text
    got = [(f.text, _last(f.attrs["speaker"]), f.attrs.get("speaker_guessed", False)) for f in facts]
    assert len(got) == len(case["quotes"]), got
    for (text, speaker, guessed), (prefix, want, *guess) in zip(got, case["quotes"]):
        assert text.startswith(prefix), got
        if guess:                   # nothing attributes the quote: the nearest speaker named is the guess
            assert guessed and speaker == guess[0], got
        elif want:
            assert speaker == want and not guessed, got
        else:                       # nothing attributes the quote
            assert speaker == "" or guessed, got

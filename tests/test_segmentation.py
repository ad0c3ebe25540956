"""The segmentation corpus (tests/corpora/segmentation.txt) as a specification of our sentence splitter.

Every case runs against the default rule segmenter. Our segmenter is the default only because it measures at
least as well as nltk's Punkt with the same shipped parameters, so the comparison is a test too.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from article_facts.core import segmentation

CORPUS = Path(__file__).parent / "corpora" / "segmentation.txt"


@dataclass(frozen=True)
class Case:
    group: str
    text: str
    expected: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.group}: {self.text[:50]}"


def load_corpus(path: Path = CORPUS) -> list[Case]:
    cases: list[Case] = []
    group, text, expected = "", None, []

    def flush() -> None:
        nonlocal text, expected
        if text is not None:
            cases.append(Case(group, text, tuple(expected)))
        text, expected = None, []

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            flush()
            group = raw[3:].strip()
        elif raw.startswith("> "):
            flush()
            text = raw[2:].replace("\\n", "\n")
        elif raw.startswith("= "):
            assert text is not None, f"expected sentence without an input: {raw!r}"
            expected.append(raw[2:])
        elif raw.strip() and not raw.startswith("#"):
            raise ValueError(f"unreadable corpus line: {raw!r}")
    flush()
    return cases


CASES = load_corpus()


def sentences(spans, text: str) -> tuple[str, ...]:
    return tuple(text[s:e] for s, e in spans)


def test_corpus_is_substantial() -> None:
    assert len(CASES) >= 40
    assert all(case.expected for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_segmenter(case: Case) -> None:
    assert sentences(segmentation.split_spans(case.text), case.text) == case.expected


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_spans_are_exact_and_ordered(case: Case) -> None:
    spans = list(segmentation.split_spans(case.text))
    assert all(s < e for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(not case.text[s].isspace() and not case.text[e - 1].isspace() for s, e in spans)


def test_split_spans_respects_a_window() -> None:
    text = "Ignored. Mr McKenzie spoke. Gen. Milley listened. Ignored too."
    start = text.index("Mr")
    end = text.index(" Ignored too")
    assert sentences(segmentation.split_spans(text, start, end), text) == ("Mr McKenzie spoke.", "Gen. Milley listened.")


def test_dateline_is_recognised() -> None:
    text = "Marseille, France (CNN)The prosecutor spoke."
    d = segmentation.match_dateline(text, 0, len(text))
    assert d is not None
    assert text[d.place_start:d.place_end] == "Marseille, France"
    assert text[d.body_start:].startswith("The prosecutor")


@pytest.mark.parametrize("text", [
    "The group (ISIS) claimed the attack.",
    "Officials spoke to CNN on Monday.",
    "I — like many others — stayed home.",
])
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert segmentation.match_dateline(text, 0, len(text)) is None


def test_no_linear_time_trap() -> None:
    """Long runs of punctuation and abbreviations must not make the segmenter slow."""
    import time

    text = ("U.S. " * 2000) + ("... " * 2000) + ("a. " * 2000) + ". " * 2000
    t = time.perf_counter()
    list(segmentation.split_spans(text))
    assert time.perf_counter() - t < 1.0


def _score(segment) -> int:
    return sum(sentences(segment(c.text), c.text) == c.expected for c in CASES)


def test_rule_segmenter_measures_at_least_as_well_as_punkt() -> None:
    pytest.importorskip("nltk")
    punkt = segmentation.punkt_segmenter()
    ours = _score(lambda t: list(segmentation.split_spans(t)))
    theirs = _score(punkt)
    print(f"segmentation corpus: ours {ours}/{len(CASES)}, punkt {theirs}/{len(CASES)}")
    assert ours >= theirs

"""The seed article end to end: every row of issue 5's table, and a timeline from 2001 to 2020-11 in date order."""
from __future__ import annotations

from pathlib import Path

import pytest

from article_facts.core.pipeline import analyse

SEED = Path(__file__).parent.parent / "samples" / "us-withdraws-2200-troops-from-iraq-independent-2020-09-09.txt"

SEED_TABLE = [
    ("on Wednesday", "Wednesday", "2020-09-09"),
    ("Late Tuesday", "Late Tuesday", "2020-09-08"),
    ("in January after", "January", "2020-01"),
    ("on 8 January", "8 January", "2020-01-08"),
    ("Two months later", "Two months later", "2020-03"),
    ("four years ago", "four years ago", "2016"),
    ("the month of September", "the month of September", "2020-09"),
    ("November presidential", "November", "2020-11"),
    ("since 2001", "2001", "2001"),
    ("in 2003", "2003", "2003"),
    ("in 2011", "2011", "2011"),
    ("in 2014", "2014", "2014"),
    ("his 2016", "2016", "2016"),
]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, analyse(text, id="seed")


@pytest.mark.parametrize("context, expr, value", SEED_TABLE, ids=[row[0] for row in SEED_TABLE])
def test_seed_expression(seed, context, expr, value):
    text, record = seed
    at = text.index(context) + context.index(expr)
    dates = [f for f in record.facts if f.kind in ("date", "time") and f.start <= at < f.end]
    assert dates, f"{expr!r} not tagged"
    assert dates[0].attrs["value"] == value


def test_seed_never_tags_troop_numbers(seed):
    _, record = seed
    assert not [f for f in record.facts if f.kind in ("date", "time", "duration", "set")
                and any(n in f.text for n in ("2,200", "5,200", "3,000"))]


def test_seed_timeline_runs_from_2001_to_november_in_order(seed):
    text, record = seed
    values = [e.value for e in record.timeline]
    assert values[0] == "2001" and values[-1] == "2020-11"
    assert values == sorted(values)
    for entry in record.timeline:
        assert text[entry.start:entry.end] == entry.text
        assert entry.value[:4] in entry.text or len(entry.text.split()) >= 2


def test_the_timeline_is_in_calendar_order_not_string_order():
    text = ("Talks\nWednesday 09 September 2020\nThe plan was drafted in May. A vote is due on 8 December. "
            "Sales in the third quarter fell. Over the summer things changed. This week the army moved.")
    from article_facts.core.pipeline import analyse
    values = [e.value for e in analyse(text, id="t").timeline]
    assert values == ["2020-05", "2020-SU", "2020-Q3", "2020-W37", "2020-12-08"]

"""Value templates of the temporal tagger: from a rule's template and captured slots to a TIMEX3 value.

A template is text with ``<<slot>>`` holes (replaced by the slot's normalised value) and ``@function(args)``
calls evaluated innermost first against the publication date (dct), the previously mentioned date (ref)
and the tense around the expression:

  @shift(dct|ref, grain, n)   anchor moved by n grains (year, quarter, month, week, day, decade, or Y/M/W/D)
  @at(dct|ref, grain)          anchor at a granularity
  @refday()                   the day mentioned last, else dct's day (for a bare clock time)
  @dur(n, unit)               duration: P3Y, PT2H, PXW, P10Y for a decade
  @weekday(d[, past|future])  nearest weekday d (1 = Monday) before or after dct, by tense
  @holiday(mm-dd)             a fixed holiday, year by tense
  @year(mm[, dd])             the year of month mm (day dd): nearest dct if close, else by tense; @quarter(q) likewise gives YYYY-Qq
  @lastmonth(mm) @nextmonth(mm)   the month mm before / after dct
  @season(this|last|next, SU) the season's year and code
  @nth(mm-wd-n)               floating holiday (n-th weekday of a month), year by tense
  @ago(unit, n)               n units before dct; @later(unit, n) n units after ref (negative n: before)
  @yearago(dct|ref)           one year before the anchor, or before the last quarter if the text has one
  @yearquarter(yyyy)          "the 1988 quarter": that year's quarter of the same number as the last one
  @clock(h, m, ampm)          a clock time THH:MM
  @decade(ddd)                "199" from "1990s"; @century(n) "19" from "20th"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from article_facts.core.rules import regex_cache
from article_facts.core.timex.calendar import (
    GRAIN_ALIASES,
    UNDERSPECIFIED,
    CalDate,
    days_in_month,
    nth_weekday,
    parse_value,
)
from article_facts.core.timex.tense import cues

_CALL = regex_cache.compile(r"@(\w+)\(([^()@]*)\)")
_HOLE = regex_cache.compile(r"<<(\w+?)>>")
_MONTH_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                 9: "FA", 10: "FA", 11: "FA"}
_SEASON_ORDER = ["WI", "SP", "SU", "FA"]


@dataclass
class Anchors:
    """What relative expressions resolve against; ``tense`` is computed only when a template asks."""

    dct: date | None
    ref: CalDate | None = None
    quarter: CalDate | None = None       # the quarter mentioned last: financial news counts in quarters
    tense_of: Callable[[], str | None] = lambda: None
    _tense: list = field(default_factory=list)

    def tense(self) -> str | None:
        if not self._tense:
            self._tense.append(self.tense_of())
        return self._tense[0]


def render(template: str, slots: dict[str, str], anchors: Anchors) -> str:
    text = _HOLE.sub(lambda m: slots.get(m[1], ""), template)
    while True:
        m = _CALL.search(text)
        if not m:
            return text
        fn = _FUNCTIONS[m[1]]
        args = [a.strip() for a in m[2].split(",")] if m[2].strip() else []
        try:
            out = fn(anchors, *args)
        except (TypeError, ValueError, IndexError, AttributeError, OverflowError):   # slots did not fill, or off the calendar
            out = "X"
        text = text[:m.start()] + out + text[m.end():]


def _int(n: str) -> int | None:
    n = n.replace("+", "")
    try:
        return int(n)
    except ValueError:
        return None


def _anchor(a: Anchors, which: str) -> CalDate | None:
    if which == "ref":
        return a.ref if a.ref is not None else (CalDate(a.dct) if a.dct else None)
    return CalDate(a.dct) if a.dct else None


def _shift(a: Anchors, which: str, grain: str, n: str) -> str:
    grain = GRAIN_ALIASES.get(grain, grain)
    base = _anchor(a, which)
    k = _int(n)
    if base is None:
        return UNDERSPECIFIED[grain]
    if k is None:                       # "several years ago"
        return "PAST_REF" if n.startswith("-") else "FUTURE_REF"
    return base.at(grain).shifted(grain, k).value() if which == "dct" else base.shifted(grain, k).value()


def _at(a: Anchors, which: str, grain: str) -> str:
    base = _anchor(a, which)
    grain = GRAIN_ALIASES.get(grain, grain)
    if base is None:
        return UNDERSPECIFIED[grain]
    if which == "ref":
        from article_facts.core.timex.calendar import coarser
        return CalDate(base.day, coarser(base.grain, grain)).value()
    return base.at(grain).value()


def _refday(a: Anchors) -> str:
    """The day mentioned last, if a day was; else the publication day."""
    if a.ref is not None and a.ref.grain == "day":
        return a.ref.value()
    return _at(a, "dct", "day")


def _dur(a: Anchors, n: str, unit: str) -> str:
    scale = {"DE": (10, "Y"), "CE": (100, "Y")}
    k = _int(n) if n else 1
    if unit in scale:
        factor, unit = scale[unit]
        amount = str(k * factor) if k is not None else "X"
        if k is None:
            unit = "DE" if factor == 10 else "CE"
    else:
        amount = str(k) if k is not None else "X"
    if unit.startswith("T"):
        return f"PT{amount}{unit[1:]}"
    return f"P{amount}{unit}"


def _weekday(a: Anchors, d: str, direction: str = "") -> str:
    wd = int(d)
    if a.dct is None:
        return f"XXXX-WXX-{wd}"
    diff = wd - a.dct.isoweekday()
    if diff == 0:
        # "last Wednesday" said on a Wednesday is a week ago; plain "Wednesday" is today.
        step = {"past": -7, "future": 7}.get(direction, 0)
        return (a.dct + timedelta(days=step)).isoformat()
    if (direction or a.tense()) == "future":
        return (a.dct + timedelta(days=diff % 7)).isoformat()
    return (a.dct - timedelta(days=(-diff) % 7)).isoformat()


def _year(a: Anchors, mm: str, dd: str = "") -> str:
    """The year of month mm (day dd) written without one: the occurrence nearest to dct when it is close
    (news omits the year of recent and coming dates), else the one the tense points to, else the nearest."""
    if a.dct is None:
        return "XXXX"
    day = _int(dd)
    options = [_occurrence(a.dct.year + k, int(mm), day) for k in (-1, 0, 1)]
    nearest = min(options, key=lambda d: (abs((d - a.dct).days), d > a.dct))
    near = cues()
    if abs((nearest - a.dct).days) <= (near.near_day if day else near.near_month):
        return f"{nearest.year:04d}"
    tense = a.tense()
    here = a.dct if day else a.dct.replace(day=1)
    if tense == "past":
        return f"{max(d for d in options if d <= here).year:04d}"
    if tense == "future":
        return f"{min(d for d in options if d >= here).year:04d}"
    return f"{nearest.year:04d}"


def _occurrence(year: int, month: int, day: int | None) -> date:
    return date(year, month, min(day, days_in_month(year, month)) if day else 1)


def _quarter(a: Anchors, q: str) -> str:
    if a.dct is None:
        return f"XXXX-Q{q}"
    qn, here = int(q), (a.dct.month - 1) // 3 + 1
    y = a.dct.year
    if a.tense() == "past" and qn > here:
        y -= 1
    return f"{y:04d}-Q{qn}"


def _half(a: Anchors, n: str) -> str:
    if a.dct is None:
        return f"XXXX-H{n}"
    y = a.dct.year
    if a.tense() == "past" and int(n) > (1 if a.dct.month <= 6 else 2):
        y -= 1
    return f"{y:04d}-H{n}"


def _weekend(a: Anchors) -> str:
    if a.dct is None:
        return "XXXX-WXX-WE"
    here = CalDate(a.dct, "week")
    ahead = a.tense() == "future" or a.dct.isoweekday() >= 6
    return f"{(here if ahead else here.shifted('week', -1)).value()}-WE"


def _night(a: Anchors) -> str:
    if a.ref is not None and a.ref.grain == "day":
        base = a.ref.day
    elif a.dct is not None:
        base = a.dct
    else:
        return "XXXX-XX-XXTNI"
    day = base if a.tense() == "future" else base - timedelta(days=1)
    return f"{day.isoformat()}TNI"


def _lastmonth(a: Anchors, mm: str) -> str:
    if a.dct is None:
        return f"XXXX-{mm}"
    y = a.dct.year if int(mm) < a.dct.month else a.dct.year - 1
    return f"{y:04d}-{mm}"


def _nextmonth(a: Anchors, mm: str) -> str:
    if a.dct is None:
        return f"XXXX-{mm}"
    y = a.dct.year if int(mm) > a.dct.month else a.dct.year + 1
    return f"{y:04d}-{mm}"


def _season(a: Anchors, which: str, code: str) -> str:
    if a.dct is None:
        return f"XXXX-{code}"
    y, here = a.dct.year, _SEASON_ORDER.index(_MONTH_SEASON[a.dct.month])
    idx = _SEASON_ORDER.index(code)
    if which == "last" and idx >= here:
        y -= 1
    elif which == "next" and idx <= here:
        y += 1
    elif which == "this" and a.tense() == "past" and idx > here:
        y -= 1
    return f"{y:04d}-{code}"


def _holiday(a: Anchors, mmdd: str) -> str:
    mm, dd = mmdd.split("-")
    return f"{_year(a, mm, dd)}-{mmdd}"


def _nth(a: Anchors, spec: str) -> str:
    mm, wd, n = re.match(r"(\d+)-(\d)-(-?\d)", spec).groups()
    year = _year(a, mm)
    if year == "XXXX":
        return f"XXXX-{mm}"
    return nth_weekday(int(year), int(mm), int(wd), int(n)).isoformat()


def _ago(a: Anchors, unit: str, n: str) -> str:
    return _shift(a, "dct", unit, f"-{n}")


def _later(a: Anchors, unit: str, n: str) -> str:
    grain = GRAIN_ALIASES.get(unit, unit)
    base = a.ref
    if base is None:
        return _shift(a, "dct", grain, n)
    k = _int(n)
    if k is None:
        return _dur(a, "X", unit)
    return base.at(grain).shifted(grain, k).value() if grain != "year" or base.grain != "quarter" \
        else base.shifted("year", k).value()


def _yearago(a: Anchors, which: str) -> str:
    if a.quarter is not None:
        return a.quarter.shifted("year", -1).at("quarter").value()
    base = _anchor(a, which)
    if base is None:
        return "XXXX"
    return base.at("year").shifted("year", -1).value()


def _yearquarter(a: Anchors, year: str) -> str:
    if a.quarter is None:
        return year
    return f"{year}-Q{(a.quarter.day.month - 1) // 3 + 1}"


def _clock(a: Anchors, h: str, m: str = "", ampm: str = "") -> str:
    hour = int(h)
    ampm = ampm.lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    minute = _int(m) if m else 0
    return f"T{hour:02d}:{minute or 0:02d}"


def _decade(a: Anchors, ddd: str) -> str:
    return ddd[:3]


def _century(a: Anchors, n: str) -> str:
    k = _int(n)
    return f"{k - 1:02d}" if k else "XX"


_FUNCTIONS: dict[str, Callable[..., str]] = {
    "shift": _shift, "at": _at, "refday": _refday, "dur": _dur, "weekday": _weekday, "year": _year, "quarter": _quarter,
    "half": _half, "weekend": _weekend, "night": _night,
    "lastmonth": _lastmonth, "nextmonth": _nextmonth, "season": _season, "nth": _nth, "holiday": _holiday, "ago": _ago,
    "later": _later, "yearago": _yearago, "yearquarter": _yearquarter, "clock": _clock, "decade": _decade, "century": _century,
}


def resolved_date(value: str) -> CalDate | None:
    """The calendar date a DATE value names, if it is specific enough to anchor later expressions."""
    if not value or value[0] not in "0123456789" or "X" in value:
        return None
    return parse_value(value)

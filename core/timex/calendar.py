"""Calendar arithmetic for TIMEX3 values: a date with a granularity, shifted and printed in TimeML form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from article_facts.core.rules import regex_cache

GRAINS = ("century", "decade", "year", "quarter", "month", "week", "day")
# Duration designators and words that name the same calendar unit.
GRAIN_ALIASES = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
                 "CE": "century", "TH": "day", "TM": "day", "TS": "day"}
UNDERSPECIFIED = {"century": "XX", "decade": "XXX", "year": "XXXX", "quarter": "XXXX-QX", "month": "XXXX-XX",
                  "week": "XXXX-WXX", "day": "XXXX-XX-XX"}
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_VALUE = regex_cache.compile(r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>[1-4])|W(?P<w>\d\d)|H(?P<h>[12])"
                    r"|(?P<s>SP|SU|FA|WI)))?")


@dataclass(frozen=True)
class CalDate:
    """A calendar date known to a granularity ("year" keeps only the year meaningful, and so on)."""

    day: date
    grain: str = "day"

    def shifted(self, grain: str, n: int) -> CalDate:
        """This date moved by n units of grain; the result is at the coarser of the two granularities."""
        grain = GRAIN_ALIASES.get(grain, grain)
        d = self.day
        if grain in ("year", "decade", "century"):
            years = n * {"year": 1, "decade": 10, "century": 100}[grain]
            d = _add_months(d, 12 * years)
        elif grain in ("month", "quarter"):
            d = _add_months(d, n * (3 if grain == "quarter" else 1))
        elif grain == "week":
            d = d + timedelta(weeks=n)
        else:
            d = d + timedelta(days=n)
        return CalDate(d, coarser(self.grain, grain))

    def at(self, grain: str) -> CalDate:
        return CalDate(self.day, GRAIN_ALIASES.get(grain, grain))

    def value(self) -> str:
        d, g = self.day, self.grain
        if g == "century":
            return f"{d.year // 100:02d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "week":
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}"
        return d.isoformat()


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities (weeks count as finer than months)."""
    return a if GRAINS.index(a) <= GRAINS.index(b) else b


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    y = min(max(y, 1), 9999)
    return date(y, m + 1, min(d.day, days_in_month(y, m + 1)))


def days_in_month(year: int, month: int) -> int:
    """The length of a month of the proleptic Gregorian calendar (the standard library's ``calendar`` module
    costs a millisecond to import, for this alone)."""
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return _MONTH_DAYS[month - 1]


def parse_value(value: str) -> CalDate | None:
    """A TIMEX3 date value (1998, 1998-02, 1998-02-13, 1998-Q3, 1998-W08, 1998-SU...) as a CalDate."""
    m = _VALUE.match(value or "")
    if not m or int(m["y"]) < 1:
        return None
    y = int(m["y"])
    if m["d"]:
        try:
            return CalDate(date(y, int(m["m"]), int(m["d"])), "day")
        except ValueError:
            return None
    if m["m"]:
        month = int(m["m"])
        return CalDate(date(y, month, 1), "month") if 1 <= month <= 12 else None
    if m["q"]:
        return CalDate(date(y, 3 * int(m["q"]) - 2, 1), "quarter")
    if m["w"]:
        try:
            return CalDate(date.fromisocalendar(y, int(m["w"]), 1), "week")
        except ValueError:
            return None
    return CalDate(date(y, 1, 1), "year")


def parse_dct(text: str | None) -> date | None:
    """The calendar day of an ISO publication date or date-time."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (or, for n = -1, the last) given ISO weekday of a month."""
    days = [date(year, month, d) for d in range(1, days_in_month(year, month) + 1)]
    hits = [d for d in days if d.isoweekday() == weekday]
    return hits[n if n < 0 else n - 1]

"""What a fact sheet shows, as plain rows: shared by the terminal table and the Markdown sheet."""
from __future__ import annotations

from typing import Any, Iterator

NUMERIC = ("troops", "troop_change", "casualties", "money", "percent", "quantity")
TEMPORAL = ("date", "time", "duration", "set")
ENTITY = ("person", "organization", "location")
TITLES = {"troops": "Troops", "troop_change": "Troop changes", "casualties": "Casualties", "money": "Money",
          "percent": "Percentages", "quantity": "Other quantities", "date": "Dates", "time": "Times",
          "duration": "Durations", "set": "Frequencies"}


def shorten(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def snippet(text: str, start: int, end: int, width: int = 70) -> str:
    """The fact in its context: its line of the article, cut to about ``width`` characters around it."""
    if not text:
        return ""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    pad = max(0, (width - (end - start)) // 2)
    s, e = max(ls, start - pad), min(le, end + pad)
    return ("…" if s > ls else "") + " ".join(text[s:e].split()) + ("…" if e < le else "")


def header_items(rec: dict[str, Any]) -> list[tuple[str, str]]:
    pairs = [("Byline", rec.get("byline")), ("Dateline", rec.get("dateline")), ("Published", rec.get("published")),
             ("Standfirst", rec.get("standfirst")), ("Source", rec.get("source"))]
    return [(k, str(v)) for k, v in pairs if v]


def _value(f: dict[str, Any]) -> str:
    if f["kind"] == "troop_change":
        return f"{f.get('from')} → {f.get('to')} ({f.get('change'):+})" if isinstance(f.get("change"), (int, float)) else f"{f.get('from')} → {f.get('to')}"
    if f.get("value") is None and f.get("low") is not None:
        return f"{f['low']}–{f['high']}"
    value = f.get("value")
    extra = f.get("currency") or f.get("unit") or f.get("casualty") or ""
    if f["kind"] == "percent" and value is not None:
        return f"{value}%"
    return " ".join(str(x) for x in (value if value is not None else "?", extra) if x != "")


def _detail(f: dict[str, Any]) -> str:
    keys = ("qualifier", "role", "force")
    return ", ".join(f"{k}={f[k]}" for k in keys if f.get(k) not in (None, "", "exact"))


def fact_groups(rec: dict[str, Any]) -> Iterator[tuple[str, list[str], list[list[str]]]]:
    """(title, columns, rows) for each numeric or temporal fact kind present, in a fixed order."""
    text = rec.get("text") or ""
    facts = rec.get("facts") or []
    for kind in NUMERIC + TEMPORAL:
        group = [f for f in facts if f["kind"] == kind]
        if not group:
            continue
        if kind in TEMPORAL:
            yield TITLES[kind], ["Text", "Value"], [[f["text"], str(f.get("value"))] for f in group]
        else:
            yield TITLES[kind], ["Text", "Value", "Details", "Sentence"], [
                [f["text"], _value(f), _detail(f), snippet(text, f["start"], f["end"])]
                for f in group]


def who_rows(rec: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(f["text"], f["kind"], len(f.get("mentions") or [f])) for f in rec.get("facts") or [] if f["kind"] in ENTITY]


def quotes(rec: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_speaker(f), shorten(f["text"], 120)) for f in rec.get("facts") or [] if f["kind"] == "quote"]


def _speaker(quote: dict) -> str:
    """The speaker as shown: '?' when unknown, a trailing '?' when the speaker is a guess."""
    if not quote.get("speaker"):
        return "?"
    return quote["speaker"] + ("?" if quote.get("speaker_guessed") else "")


def timeline_rows(rec: dict[str, Any]) -> list[tuple[str, str]]:
    return [(t["value"], shorten(t["text"], 110)) for t in rec.get("timeline") or []]

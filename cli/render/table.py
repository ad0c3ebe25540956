"""The rich terminal fact sheet (stdout is a terminal)."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from article_facts.cli.render.view import fact_groups, header_items, quotes, timeline_rows, who_rows


def _table(title: str, columns: list[str], rows: list[list[str]] | list[tuple]) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for i, c in enumerate(columns):
        t.add_column(c, overflow="fold", ratio=3 if i == len(columns) - 1 else None)
    for row in rows:
        t.add_row(*(Text(str(x)) for x in row))       # article text is never read as Rich markup
    return t


def _timeline(rec: dict[str, Any]) -> Table:
    return _table("Timeline", ["Date", "Event"], timeline_rows(rec))


def render(console: Console, rec: dict[str, Any], timeline_only: bool = False) -> None:
    if rec.get("error"):
        console.print(Text.assemble((str(rec.get("source") or rec["id"]), "bold red"), ": ", rec["error"]["message"]))
        return
    if timeline_only:
        console.print(_timeline(rec))
        return
    head = Text(rec.get("title") or rec["id"], style="bold")
    info = Text("\n".join(f"{k}: {v}" for k, v in header_items(rec)), style="dim")
    console.print(Panel(Group(head, info), expand=True))
    summary = Text()
    for i, s in enumerate(rec.get("summary") or [], 1):
        summary.append(f"{i}. ", style="bold cyan")
        summary.append(s["text"] + "\n")
    console.print(Panel(summary, title="Summary", title_align="left"))
    for title, columns, rows in fact_groups(rec):
        console.print(_table(title, columns, rows))
    if who := who_rows(rec):
        console.print(_table("Who", ["Entity", "Kind", "Mentions"], who))
    if q := quotes(rec):
        console.print(_table("Quotes", ["Speaker", "Quote"], q))
    if rec.get("timeline"):
        console.print(_timeline(rec))

"""A Markdown fact sheet rendered from a record."""
from __future__ import annotations

from typing import Any

from article_facts.cli.render.view import fact_groups, header_items, quotes, timeline_rows, who_rows


def _cell(text: Any) -> str:
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def render(rec: dict[str, Any], timeline_only: bool = False) -> str:
    lines: list[str] = []
    if rec.get("error"):
        return f"# {rec.get('source') or rec['id']}\n\n**Error ({rec['error']['type']}):** {rec['error']['message']}\n"
    rows = timeline_rows(rec)
    if timeline_only:
        lines += [f"# Timeline: {rec.get('title') or rec['id']}", ""]
    else:
        lines += [f"# {rec.get('title') or rec['id']}", ""]
        for label, value in header_items(rec):
            lines.append(f"- **{label}:** {value}")
        lines += ["", "## Summary", ""]
        lines += [f"{i}. {s['text']}" for i, s in enumerate(rec.get("summary") or [], 1)]
        for title, columns, body in fact_groups(rec):
            lines += ["", f"## {title}", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]
        who = who_rows(rec)
        if who:
            lines += ["", "## Who", "", "| Entity | Kind | Mentions |", "|---|---|---|"]
            lines += [f"| {_cell(a)} | {b} | {c} |" for a, b, c in who]
        q = quotes(rec)
        if q:
            lines += ["", "## Quotes", "", "| Speaker | Quote |", "|---|---|"]
            lines += [f"| {_cell(a)} | {_cell(b)} |" for a, b in q]
        if rows:
            lines += ["", "## Timeline", ""]
    if rows:
        lines += ["| Date | Event |", "|---|---|"] + [f"| {v} | {_cell(t)} |" for v, t in rows]
    return "\n".join(lines) + "\n"

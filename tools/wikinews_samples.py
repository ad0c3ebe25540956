"""Turn MEANTIME Wikinews rows (CC BY 4.0) into readable sample articles for samples/.

The MEANTIME text is tokenised, one sentence per line, with spaces around punctuation ("Boeing 's protest ,",
"( EADS )", "$ 40 billion", "`` quoted ''"). This script rejoins it into ordinary prose and writes a
headline line, a date line and the body, one paragraph per sentence, keeping a quotation that spans several
sentences in one paragraph. It reads the data set given on the command line and embeds none of it.

    python tools/wikinews_samples.py ../shared/data/meantime_wikinews_dev.jsonl ID [ID …] --out samples/
"""
from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "...", "”", "''", "'", "n't", "'s", "'re",
                   "'ve", "'ll", "'d", "'m", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "``", "`", "$", "US$", "C$", "A$", "€", "£", "#"}
CURRENCY = {"#": "£"}   # MEANTIME writes the pound sign as '#'
QUOTES = {"``": '"', "''": '"', "`": "'"}


@dataclass
class Detokeniser:
    """Stateful because a double quotation may open in one sentence and close in a later one."""

    in_quote: bool = False

    def sentence(self, line: str) -> str:
        tokens = line.split()
        out: list[str] = []
        glue_next = True
        for i, tok in enumerate(tokens):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            space = not glue_next
            glue_next = False
            if tok == '"':
                tok = "``" if not self.in_quote else "''"
            if tok in ("``", "“"):
                self.in_quote = True
                glue_next = True
            elif tok in ("''", "”"):
                self.in_quote = False
                space = False
            elif tok == "..." and out and out[-1].endswith("."):
                pass   # "to come. ... I will" keeps its space
            elif tok in NO_SPACE_BEFORE:
                space = False
            elif tok in NO_SPACE_AFTER and (tok not in CURRENCY or nxt[:1].isdigit()):
                glue_next = True
            elif tok == "-" and out and out[-1].strip()[:1].isupper() and nxt[:1].isupper():
                space, glue_next = False, True   # "Wal - Mart" -> "Wal-Mart"; "out - particularly" keeps its dash
            elif tok == "--":
                tok = "—"
            tok = QUOTES.get(tok, CURRENCY.get(tok, tok) if nxt[:1].isdigit() else tok)
            out.append((" " if space and out else "") + tok)
        return "".join(out)


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70].rstrip("-")


def article(row: dict) -> tuple[str, str]:
    """(file name, article text) for one MEANTIME row."""
    lines = [l for l in row["text"].split("\n") if l.strip()]
    det = Detokeniser()
    title = det.sentence(lines[0])
    det.in_quote = False
    published = date.fromisoformat(row["dct"]) if row.get("dct") and re.match(r"\d{4}-", row["dct"]) else None
    date_line = published.strftime("%A, %B %-d, %Y") if published else det.sentence(lines[1])
    paragraphs: list[str] = []
    joined = False
    for line in lines[2:]:
        text = det.sentence(line)
        if joined:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
        joined = det.in_quote
    stamp = published.isoformat() if published else "undated"
    name = f"{slug(title)}-wikinews-{stamp}.txt"
    return name, "\n\n".join([title, date_line, *paragraphs]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("ids", nargs="+")
    ap.add_argument("--out", type=Path, default=Path("samples"))
    args = ap.parse_args()
    rows = {}
    with open(args.data, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    for i in args.ids:
        name, text = article(rows[i])
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"{args.out / name}\t{rows[i]['url']}")


if __name__ == "__main__":
    main()

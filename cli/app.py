"""The ``article-facts`` command: parse arguments, read input, call core, render. Nothing is decided here."""
from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from article_facts.core import __version__

app = typer.Typer(
    name="article-facts",
    help="Turn news articles into fact sheets: headline, byline, date, an extractive summary and key facts "
         "(troops, casualties, money, dates, people, places, quotes). Works offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    md = "md"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"article-facts {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Turn news articles into fact sheets. Run `article-facts summarize --help` to start."""


def _published(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from article_facts.core.structure import parse_published

    iso = parse_published(value) if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?", value) else value
    if iso is None:
        raise typer.BadParameter(f"cannot read {value!r} as a date; use e.g. 2020-09-09 or 2020-09-09T13:55")
    return iso


def _err(message: str) -> None:
    sys.stderr.write(f"article-facts: {message}\n")


@app.command(no_args_is_help=True)
def summarize(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...",
        help="Article files (.txt, .md), JSON Lines datasets (.jsonl, one article per line), folders, or - for stdin."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
        help="table (default on a terminal), jsonl (default when piped: one record per line), json or md."),
    as_json: bool = typer.Option(False, "--json", help="Shorthand for --format json."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=0, help="Summary length in sentences."),
    ratio: Optional[float] = typer.Option(None, "--ratio", min=0.0, max=1.0, help="Summary length as a share of the body's sentences, e.g. 0.2."),
    words: Optional[int] = typer.Option(None, "--words", min=1, help="Summary length as a word budget."),
    algorithm: str = typer.Option("news", "--algorithm", "-a", help="Summariser; `article-facts algorithms` lists them."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (e.g. 2020-09-09); anchors relative dates and overrides the article's own."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the normalised article text to each record."),
    timeline: bool = typer.Option(False, "--timeline", help="Print only the timeline of dated sentences."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra fact rules (TOML), e.g. your own kinds; repeatable."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1, help="Refuse files larger than this."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
) -> None:
    """Summarise articles and extract their key facts.

    \b
    Examples:
      article-facts summarize story.txt                  # fact sheet in the terminal
      article-facts summarize story.txt | jq -r .title   # JSON Lines when piped
      cat story.txt | article-facts summarize - --json   # stdin, pretty JSON
      article-facts summarize corpus.jsonl -a lead -n 2  # a dataset, Lead-2 summaries
    """
    from article_facts.core import summarizers
    from article_facts.core.pipeline import Options

    fmt = Format.json if as_json else format
    if fmt is None:
        fmt = Format.table if sys.stdout.isatty() else Format.jsonl
    if algorithm not in summarizers.ALGORITHMS:
        raise typer.BadParameter(f"unknown algorithm {algorithm!r}; choose from {', '.join(summarizers.ALGORITHMS)}",
                                 param_hint="--algorithm")
    if inputs.count("-") > 1:
        raise typer.BadParameter("stdin (-) can be given only once", param_hint="INPUT")
    for r in rules:
        if not r.is_file():
            raise typer.BadParameter(f"{r}: no such rules file", param_hint="--rules")
    options = Options(
        algorithm=algorithm,
        length=summarizers.Length(sentences=sentences, ratio=ratio, words=words),
        published=_published(published),
        include_text=include_text or fmt in (Format.table, Format.md),
        rules_files=tuple(str(r) for r in rules),
    )
    from article_facts.cli.inputs import expand
    from article_facts.cli.runner import run_sequential

    records = run_sequential(expand(inputs, max_bytes), options, debug)
    failed = _emit(records, fmt, timeline, keep_text=include_text)
    raise typer.Exit(1 if failed else 0)


def _emit(records, fmt: Format, timeline_only: bool, keep_text: bool) -> int:
    """Write every record as it arrives; return how many carried an error."""
    failed = 0
    writer = console = None
    if fmt in (Format.json, Format.jsonl):
        from article_facts.cli.render.jsonout import JsonLinesWriter, JsonWriter
    first = next(records, None)
    if first is None:
        return 0
    second = next(records, None)
    many = second is not None

    def all_records():
        yield first
        if second is not None:
            yield second
        yield from records

    for rec in all_records():
        if rec.get("error"):
            failed += 1
            _err(rec["error"]["message"])
        for w in rec.get("warnings") or []:
            _err(w)
        if timeline_only and fmt in (Format.json, Format.jsonl):
            rec = {"id": rec["id"], "title": rec.get("title"), "timeline": rec.get("timeline") or [], "error": rec.get("error")}
        elif not keep_text:
            text = rec.pop("text", None)
        if fmt == Format.jsonl:
            writer = writer or JsonLinesWriter(sys.stdout)
            writer.write(rec)
        elif fmt == Format.json:
            writer = writer or JsonWriter(sys.stdout, many)
            writer.write(rec)
        elif fmt == Format.md:
            from article_facts.cli.render.markdown import render
            if not keep_text and not timeline_only:
                rec["text"] = text
            sys.stdout.write(render(rec, timeline_only) + ("\n" if many else ""))
            sys.stdout.flush()
        else:
            from rich.console import Console
            from article_facts.cli.render.table import render as render_table
            console = console or Console()
            if not keep_text and not timeline_only:
                rec["text"] = text
            render_table(console, rec, timeline_only)
    if writer is not None:
        writer.close()
    return failed


@app.command()
def algorithms() -> None:
    """List the summarisers, with a line of description and their relative speed."""
    from article_facts.core.summarizers import ALGORITHMS

    width = max(len(n) for n in ALGORITHMS)
    for info in ALGORITHMS.values():
        typer.echo(f"{info.name:<{width}}  {info.speed:<8}  {info.description}")


def main() -> None:
    """Console-script entry point: one-line errors on stderr, exit codes 0/1/2 (130 on Ctrl-C)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("article-facts: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)

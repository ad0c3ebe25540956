"""The ``article-facts`` command: parse arguments, read input, call core, render. Nothing is decided here."""
from __future__ import annotations

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


class DateOrder(str, Enum):
    auto = "auto"
    mdy = "mdy"
    dmy = "dmy"


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

    iso = parse_published(value)
    if iso is None:
        raise typer.BadParameter(f"cannot read {value!r} as a date; use e.g. 2020-09-09 or 2020-09-09T13:55",
                                 param_hint="--published")
    return iso


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
    date_order: DateOrder = typer.Option(DateOrder.auto, "--date-order",
        help="How to read all-number dates such as 09/10/2020: auto (as the article's header date is written; "
             "month first if unknown), mdy or dmy."),
    include_text: bool = typer.Option(False, "--include-text", help="Add the normalised article text to each record."),
    timeline: bool = typer.Option(False, "--timeline", help="Print only the timeline of dated sentences."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra fact rules (TOML), e.g. your own kinds; repeatable."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", file_okay=False,
        help="Write one <name>.json (or .md with --format md) per article into this folder, mirroring the input tree."),
    resume: bool = typer.Option(False, "--resume", help="With --out: skip articles whose output is already complete."),
    workers: int = typer.Option(0, "--workers", "-w", min=0, help="Parallel worker processes (default: the CPUs available; small jobs run in one process)."),
    unordered: bool = typer.Option(False, "--unordered", help="Emit records as they finish, not in input order (faster)."),
    glob: List[str] = typer.Option([], "--glob", help="File patterns to take from folders (default: *.txt, *.md, *.jsonl); repeatable."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.0, help="Per-article time limit in seconds (0: none)."),
    max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes", min=1, help="Refuse files larger than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no run summary on stderr."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
) -> None:
    """Summarise articles and extract their key facts.

    \b
    Examples:
      article-facts summarize story.txt                  # fact sheet in the terminal
      article-facts summarize story.txt | jq -r .title   # JSON Lines when piped
      cat story.txt | article-facts summarize - --json   # stdin, pretty JSON
      article-facts summarize corpus.jsonl -a lead -n 2  # a dataset, Lead-2 summaries
      article-facts summarize archive/ --out facts/      # a folder, one JSON file per article
    """
    from article_facts.core import summarizers
    from article_facts.core.pipeline import Options

    fmt = Format.json if as_json else format
    if fmt is None:
        fmt = Format.jsonl if out is not None or not sys.stdout.isatty() else Format.table
    if algorithm not in summarizers.ALGORITHMS:
        raise typer.BadParameter(f"unknown algorithm {algorithm!r}; choose from {', '.join(summarizers.ALGORITHMS)}",
                                 param_hint="--algorithm")
    if inputs.count("-") > 1:
        raise typer.BadParameter("stdin (-) can be given only once", param_hint="INPUT")
    if resume and out is None:
        raise typer.BadParameter("--resume needs --out DIR", param_hint="--resume")
    if out is not None and fmt == Format.table:
        raise typer.BadParameter("--out writes json or md files; use --format json or md", param_hint="--out")
    for r in rules:
        if not r.is_file():
            raise typer.BadParameter(f"{r}: no such rules file", param_hint="--rules")
    if rules:
        from article_facts.core.rules import load_rules

        try:
            load_rules(tuple(str(r) for r in rules))
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--rules") from None
    options = Options(
        algorithm=algorithm,
        length=summarizers.Length(sentences=sentences, ratio=ratio, words=words),
        published=_published(published),
        include_text=include_text or fmt in (Format.table, Format.md),
        rules_files=tuple(str(r) for r in rules),
        date_order=date_order.value,
    )
    from article_facts.cli.session import Session

    session = Session(inputs=inputs, globs=tuple(glob), max_bytes=max_bytes, options=options, fmt=fmt.value,
                      timeline_only=timeline, keep_text=include_text, out=out, resume=resume,
                      workers=workers, ordered=not unordered, timeout=timeout, quiet=quiet, debug=debug)
    raise typer.Exit(session.run())


@app.command()
def algorithms() -> None:
    """List the summarisers, with a line of description and their relative speed."""
    from article_facts.core.summarizers import ALGORITHMS

    width = max(len(n) for n in ALGORITHMS)
    for info in ALGORITHMS.values():
        typer.echo(f"{info.name:<{width}}  {info.speed:<8}  {info.description}")


@app.command()
def rules(
    extra: List[Path] = typer.Option([], "--rules", help="Also list the rules in these files."),
) -> None:
    """List the fact rules in force: kind, rule name, the file it comes from, and what it matches."""
    from article_facts.core.rules import describe_rules

    try:
        infos = describe_rules(tuple(str(p) for p in extra))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--rules") from None
    for info in infos:
        typer.echo(f"{info.kind:<13} {info.name:<28} {Path(info.source_file).name:<22} {info.description}")


try:  # typer >= 0.26 vendors click; older releases raise click's own exceptions
    from typer import TyperException as _CliError
except ImportError:  # pragma: no cover
    from click import ClickException as _CliError


def main() -> None:
    """Console-script entry point: one-line errors on stderr, exit codes 0/1/2 (130 on Ctrl-C)."""
    try:
        code = app(standalone_mode=False)
    except _CliError as exc:
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.stderr.write(message + "\n")
        else:
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            sys.stderr.write(f"article-facts: error: {message}{hint}\n")
        code = getattr(exc, "exit_code", 2)
    except KeyboardInterrupt:
        sys.stderr.write("article-facts: interrupted\n")
        code = 130
    except BrokenPipeError:
        sys.stderr.close()
        code = 0
    sys.exit(code if isinstance(code, int) else 0)

"""One ``summarize`` run: inputs in, records rendered or written out, progress and a run summary on stderr."""
from __future__ import annotations

import json
import signal
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from article_facts.cli.batch import Result, available_cpus, run
from article_facts.cli.inputs import DEFAULT_GLOBS, Item, expand, walk
from article_facts.cli.outdir import OutputDir
from article_facts.core.pipeline import Options

EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 130
SMALL_JOB = 4           # named files up to this many run in-process
SMALL_BATCH = 40        # JSONL rows up to this many too: a pool costs more to start than it saves


def err(message: str) -> None:
    sys.stderr.write(f"article-facts: {message}\n")
    sys.stderr.flush()


def count_articles(inputs: list[str], globs: tuple[str, ...], stop_after: int | None = None) -> int | None:
    """About how many articles the inputs hold (blank JSONL lines are counted); with ``stop_after``, counting
    ends once the total passes it. Only regular files are read: a pipe or FIFO must reach the analysis whole."""
    total = 0
    for arg in inputs:
        path = Path(arg)
        files = [path] if not path.is_dir() else list(walk(path, globs))
        for f in files:
            if f.suffix == ".jsonl" and f.is_file():
                try:
                    with f.open("rb") as fh:      # newline count in 1 MiB blocks: C speed, flat memory
                        for block in iter(lambda: fh.read(1 << 20), b""):
                            total += block.count(b"\n")
                            if stop_after is not None and total > stop_after:
                                return total
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def shape(rec: dict[str, Any], fmt: str, timeline_only: bool, keep_text: bool) -> dict[str, Any]:
    """The record as this run shows it: only the timeline with --timeline, the text only when asked."""
    if timeline_only and fmt in ("json", "jsonl"):
        return {"id": rec["id"], "title": rec.get("title"), "timeline": rec.get("timeline") or [],
                "error": rec.get("error")}
    if not keep_text and fmt in ("json", "jsonl"):
        rec.pop("text", None)
    return rec


def render(rec: dict[str, Any], fmt: str, timeline_only: bool, keep_text: bool, in_array: bool) -> str:
    """A record as the text this run writes for it (run in the worker that analysed it)."""
    rec = shape(rec, fmt, timeline_only, keep_text)
    if fmt == "jsonl":
        return json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"
    if fmt == "json":
        text = json.dumps(rec, ensure_ascii=False, indent=2)
        return "\n".join("  " + line for line in text.splitlines()) if in_array else text + "\n"
    from article_facts.cli.render.markdown import render as markdown

    return markdown(rec, timeline_only)


@dataclass
class Session:
    inputs: list[str]
    options: Options
    fmt: str = "jsonl"
    globs: tuple[str, ...] = ()
    max_bytes: int = 5 * 1024 * 1024
    timeline_only: bool = False
    keep_text: bool = False
    out: Path | None = None
    resume: bool = False
    workers: int = 0
    ordered: bool = True
    timeout: float = 30.0
    quiet: bool = False
    debug: bool = False
    done: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
    _names: dict[int, str] = field(default_factory=dict)

    def _single_article(self) -> bool:
        return len(self.inputs) == 1 and self._plain_files()

    def _plain_files(self) -> bool:
        return all(arg == "-" or (not arg.endswith(".jsonl") and not Path(arg).is_dir()) for arg in self.inputs)

    def _worker_count(self) -> int:
        """A few named files or JSONL rows are quicker in-process than through a pool that must start and warm up."""
        if self._plain_files() and len(self.inputs) <= SMALL_JOB:
            return 1
        if self.workers:
            return self.workers
        if not any(arg == "-" or Path(arg).is_dir() for arg in self.inputs):
            if (count_articles(self.inputs, (), stop_after=SMALL_BATCH) or 0) <= SMALL_BATCH:
                return 1
        return available_cpus()

    def _items(self, outdir: OutputDir | None) -> Iterator[Item]:
        for item in expand(self.inputs, self.max_bytes, self.globs or DEFAULT_GLOBS):
            if outdir is not None:
                name = outdir.name_for(item)
                if self.resume and outdir.is_complete(name):
                    self.skipped += 1
                    continue
                self._names[id(item)] = name
            yield item

    def run(self) -> int:
        outdir = OutputDir(self.out, ".md" if self.fmt == "md" else ".json") if self.out else None
        if outdir is not None and self.resume:
            outdir.remove_stale_temporaries()
        workers = self._worker_count()
        show_progress = not self.quiet and sys.stderr.isatty() and not self._single_article()
        emit = self._file_writer(outdir) if outdir else self._stdout_writer()
        started = time.perf_counter()
        progress = task = None
        if show_progress:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            progress.start()
            task = progress.add_task("articles", total=count_articles(self.inputs, self.globs or DEFAULT_GLOBS), rate="-")
        renderer = None
        if outdir is not None:
            renderer = partial(render, fmt="md" if self.fmt == "md" else "json", timeline_only=self.timeline_only,
                               keep_text=self.keep_text, in_array=False)
        elif self.fmt != "table":
            renderer = partial(render, fmt=self.fmt, timeline_only=self.timeline_only, keep_text=self.keep_text,
                               in_array=self.fmt == "json" and not self._single_article())
        results = run(self._items(outdir), self.options, workers=workers, ordered=self.ordered,
                      timeout=self.timeout, debug=self.debug, render=renderer)
        status = EXIT_OK
        previous = signal.signal(signal.SIGINT, self._on_interrupt)
        try:
            for item, result in results:
                self.done += 1
                if result.error:
                    self.failed += 1
                    if progress is not None:
                        progress.console.print(result.error, markup=False, highlight=False)
                    else:
                        err(result.error)
                for w in result.warnings:
                    err(w)
                emit(item, result)
                if progress is not None:
                    rate = self.done / max(1e-9, time.perf_counter() - started)
                    progress.update(task, advance=1, rate=f"{rate:.1f}")
                if self.interrupted:
                    break
        except KeyboardInterrupt:       # a second Ctrl-C: stop now
            self.interrupted = True
        finally:
            signal.signal(signal.SIGINT, previous)
            if self.interrupted:
                results.close()
                status = EXIT_INTERRUPTED
            if progress is not None:
                progress.stop()
            emit(None, None)
        if status == EXIT_INTERRUPTED:
            err(f"interrupted: {self.done} records written")
            return status
        elapsed = time.perf_counter() - started
        if not self.quiet and (self.done + self.skipped > 1 or outdir is not None):
            skipped = f", {self.skipped} already done" if self.skipped else ""
            err(f"{self.done} articles ({self.done - self.failed} ok, {self.failed} failed{skipped}) "
                f"in {elapsed:.2f} s, {self.done / max(elapsed, 1e-9):.1f} articles/s")
        return EXIT_FAILED if self.failed else EXIT_OK

    def _on_interrupt(self, signum, frame) -> None:  # noqa: ARG002 - signal handler signature
        """The first Ctrl-C finishes the record being written, then stops; a second one stops at once."""
        if self.interrupted:
            raise KeyboardInterrupt
        self.interrupted = True

    def _stdout_writer(self):
        """A function taking (item, result) and writing it to stdout; (None, None) finishes the output."""
        state: dict[str, Any] = {"count": 0, "console": None}
        many = not self._single_article()

        def emit(item: Item | None, result: Result | None) -> None:
            if result is None:
                if self.fmt == "json" and many:
                    sys.stdout.write("\n]\n" if state["count"] else "[]\n")
                    sys.stdout.flush()
                return
            if result.rendered is not None:
                if self.fmt == "json" and many:
                    sys.stdout.write("[\n" if state["count"] == 0 else ",\n")
                elif self.fmt == "md" and state["count"]:
                    sys.stdout.write("\n")
                sys.stdout.write(result.rendered)
            else:
                from rich.console import Console

                from article_facts.cli.render.table import render as render_table

                state["console"] = state["console"] or Console()
                render_table(state["console"], result.record, self.timeline_only)
            sys.stdout.flush()
            state["count"] += 1

        return emit

    def _file_writer(self, outdir: OutputDir):
        def emit(item: Item | None, result: Result | None) -> None:
            if result is None or item is None:
                return
            outdir.write(self._names.pop(id(item)), result.rendered or "")

        return emit

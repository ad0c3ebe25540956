"""Running many articles: a bounded process pool, ordered or unordered results, per-article time limits.

Workers analyse and also render each record to its final text, so the parent only writes. Items travel in
small chunks, and at most ``workers * WINDOW_PER_WORKER`` articles are in flight or waiting to be emitted in
order, so memory stays flat whatever the corpus size.
"""
from __future__ import annotations

import gc
import os
import signal
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterator

from article_facts.cli.inputs import Item
from article_facts.cli.runner import analyse_item
from article_facts.core.errors import TimedOut
from article_facts.core.pipeline import Options, analyse, error_record

WINDOW_PER_WORKER = 16
# Records make few reference cycles, so the cyclic collector can run far less often than Python's default
# (every 700 allocations), as mypy does for the same reason.
GC_THRESHOLD = 50_000
WARM_UP_BELOW = 5.0     # in-process runs warm up first only under a time limit this tight (seconds)
CHUNK = 4

Renderer = Callable[[dict], str]


@dataclass
class Result:
    """One article's outcome: its record, or (with a renderer) the record already rendered as text."""

    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    record: dict | None = None
    rendered: str | None = None


@dataclass
class _Settings:
    options: Options = field(default_factory=Options)
    timeout: float = 0.0
    debug: bool = False
    render: Renderer | None = None


_settings = _Settings()


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise TimedOut("time limit")


def _analyse_limited(item: Item) -> dict:
    """Analyse one item under the per-article time limit (SIGALRM in the process's main thread)."""
    s = _settings
    if s.timeout <= 0 or item.error is not None:
        return analyse_item(item, s.options, s.debug)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, s.timeout)
    try:
        return analyse_item(item, s.options, s.debug)
    except TimedOut:
        return error_record(item.id, item.source, "timeout",
                            f"{item.source}: gave up after the {s.timeout:g} s time limit (raise it with --timeout)").to_dict()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process(item: Item) -> Result:
    rec = _analyse_limited(item)
    result = Result(error=rec["error"]["message"] if rec.get("error") else None, warnings=rec.get("warnings") or [])
    if _settings.render is None:
        result.record = rec
    else:
        result.rendered = _settings.render(rec)
    return result


def _process_chunk(items: list[Item]) -> list[Result]:
    return [_process(item) for item in items]


_settled = False


def settle_memory() -> None:
    """Once per process, when the rules and word lists are loaded: the collector stops re-scanning them (they
    live as long as the process), runs less often, and is on again if start-up turned it off (``entry``)."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    gc.enable()


def _init_worker(settings: _Settings) -> None:
    global _settings
    _settings = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent handles Ctrl-C and stops the pool


def warm_up(options: Options) -> None:
    """Import every stage and load its data once, so forked workers start ready."""
    analyse("Warm-up. The army sent 3,000 troops to the city on 8 January 2020, Mr Smith said.", id="warm-up",
            options=options)


def _lost(item: Item, why: str) -> Result:
    rec = error_record(item.id, item.source, "worker", f"{item.source}: {why}").to_dict()
    return Result(error=rec["error"]["message"], record=rec,
                  rendered=_settings.render(rec) if _settings.render else None)


def run(items: Iterator[Item], options: Options, workers: int = 1, ordered: bool = True,
        timeout: float = 30.0, debug: bool = False, render: Renderer | None = None) -> Iterator[tuple[Item, Result]]:
    """Yield (item, result) for every item: in input order unless ``ordered`` is False."""
    global _settings
    _settings = _Settings(options, timeout, debug, render)
    if workers <= 1:
        if 0 < timeout < WARM_UP_BELOW:
            warm_up(options)        # loading rules (< 1 s) must not eat a tight per-article limit
        for n, item in enumerate(items):
            yield item, _process(item)
            if n == 0:
                settle_memory()
        return
    import multiprocessing as mp    # here, not at the top: one-process runs never pay for importing it

    warm_up(options)
    settle_memory()                 # before forking: the workers share the loaded data untouched
    window = max(1, workers * WINDOW_PER_WORKER // CHUNK)
    pool = mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(_settings,))
    patience = (timeout if timeout > 0 else 600.0) * 2 * CHUNK + 30.0   # a worker that died never answers

    def collect(chunk: list[Item], pending_result) -> Iterator[tuple[Item, Result]]:
        try:
            results = pending_result.get(patience)
        except mp.TimeoutError:
            results = [_lost(item, "its worker stopped answering") for item in chunk]
        yield from zip(chunk, results)

    try:
        pending: deque = deque()
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = list(islice(source, CHUNK))
                if not chunk:
                    exhausted = True
                    break
                pending.append((chunk, pool.apply_async(_process_chunk, (chunk,))))
            if not pending:
                break
            if ordered:
                yield from collect(*pending.popleft())
                continue
            done = next((p for p in pending if p[1].ready()), None)
            if done is None:
                pending[0][1].wait(0.01)
                continue
            pending.remove(done)
            yield from collect(*done)
        pool.close()
    finally:
        pool.terminate()
        pool.join()

"""Running many articles: a bounded process pool, ordered or unordered results, per-article time limits.

Memory stays flat: at most ``workers * WINDOW_PER_WORKER`` articles are in flight or waiting to be emitted in order.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections import deque
from typing import Iterator

from article_facts.cli.inputs import Item
from article_facts.cli.runner import analyse_item
from article_facts.core.errors import TimedOut
from article_facts.core.models import ErrorInfo, Record
from article_facts.core.pipeline import Options, analyse

WINDOW_PER_WORKER = 8

_options: Options | None = None
_timeout: float = 0.0
_debug = False


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise TimedOut("time limit")


def _analyse_limited(item: Item) -> dict:
    """Analyse one item under the per-article time limit (SIGALRM in the process's main thread)."""
    if _timeout <= 0 or item.error is not None:
        return analyse_item(item, _options, _debug)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, _timeout)
    try:
        return analyse_item(item, _options, _debug)
    except TimedOut:
        rec = Record(id=item.id, source=item.source,
                     error=ErrorInfo("timeout", f"{item.source}: gave up after the {_timeout:g} s time limit (raise it with --timeout)"))
        return rec.to_dict()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _init_worker(options: Options, timeout: float, debug: bool) -> None:
    global _options, _timeout, _debug
    _options, _timeout, _debug = options, timeout, debug
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent handles Ctrl-C and stops the pool


def warm_up(options: Options) -> None:
    """Import every stage and load its data once, so forked workers start ready."""
    analyse("Warm-up. The army sent 3,000 troops to the city on 8 January 2020, Mr Smith said.", id="warm-up",
            options=options)


def _lost(item: Item, why: str) -> dict:
    return Record(id=item.id, source=item.source, error=ErrorInfo("worker", f"{item.source}: {why}")).to_dict()


def run(items: Iterator[Item], options: Options, workers: int = 1, ordered: bool = True,
        timeout: float = 30.0, debug: bool = False) -> Iterator[tuple[Item, dict]]:
    """Yield (item, record) for every item: in input order unless ``ordered`` is False."""
    _init_worker(options, timeout, debug)
    if workers <= 1:
        if timeout > 0:
            warm_up(options)        # loading rules once is not the article's time
        for item in items:
            yield item, _analyse_limited(item)
        return
    warm_up(options)
    window = workers * WINDOW_PER_WORKER
    pool = mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(options, timeout, debug))
    patience = (timeout if timeout > 0 else 600.0) * 2 + 30.0   # a worker that died never answers

    def collect(item: Item, result) -> tuple[Item, dict]:
        try:
            return item, result.get(patience)
        except mp.TimeoutError:
            return item, _lost(item, "its worker stopped answering")

    try:
        pending: deque = deque()
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                pending.append((item, pool.apply_async(_analyse_limited, (item,))))
            if not pending:
                break
            if ordered:
                yield collect(*pending.popleft())
                continue
            done = next((p for p in pending if p[1].ready()), None)
            if done is None:
                pending[0][1].wait(0.02)
                continue
            pending.remove(done)
            yield collect(*done)
        pool.close()
    finally:
        pool.terminate()
        pool.join()

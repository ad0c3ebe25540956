"""Measure the key-number stage (rules engine) over a JSONL data set.

    python benchmarks/rules_engine.py [../shared/data/summ_cnndm_dev.jsonl] [--repeat 3]

Reports start-up (number grammar + rule files + a one-sentence warm-up; rule patterns compile lazily, on the
first sentence holding their trigger words), the first real article (which compiles the rules it triggers),
the first pass over every article, and the best of ``--repeat`` further passes (steady state), in ms.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from article_facts.core import structure
from article_facts.core.numbers import extract
from article_facts.core.pipeline import Context, Options


def _pass(articles) -> tuple[float, int]:
    facts = 0
    started = time.perf_counter()
    for article in articles:
        facts += len(extract(article, Context(article.published, Options())))
    return time.perf_counter() - started, facts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="../shared/data/summ_cnndm_dev.jsonl")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warm_up = structure.parse("Warm-up: 5 soldiers.")
    rows = [json.loads(line) for line in Path(args.path).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [structure.parse(r.get("text") or r.get("article") or "") for r in rows]
    t0 = time.perf_counter()
    extract(warm_up, Context(None, Options()))
    start_up = time.perf_counter() - t0
    first_article, _ = _pass(articles[:1])
    first_pass, facts = _pass(articles)
    best = min(_pass(articles)[0] for _ in range(max(args.repeat, 1)))
    n = len(articles)
    print(f"start-up (grammar + rule files + warm-up sentence): {1000 * start_up:.1f} ms")
    print(f"first article (compiles the rules it triggers): {1000 * first_article:.1f} ms")
    print(f"{n} articles, {facts} facts: first pass {1000 * first_pass / n:.3f} ms per article, "
          f"best of {args.repeat} {1000 * best / n:.3f} ms per article")


if __name__ == "__main__":
    main()

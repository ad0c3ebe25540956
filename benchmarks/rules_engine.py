"""Measure the key-number stage (rules engine) in ms per article over a JSONL data set.

    python benchmarks/rules_engine.py [../shared/data/summ_cnndm_dev.jsonl]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from article_facts.core import structure
from article_facts.core.numbers import extract
from article_facts.core.pipeline import Context, Options


def main(path: str) -> None:
    t0 = time.perf_counter()
    extract(structure.parse("Warm-up: 5 soldiers."), Context(None, Options()))
    start_up = time.perf_counter() - t0
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [structure.parse(r.get("text") or r.get("article") or "") for r in rows]
    facts = 0
    t = time.perf_counter()
    for article in articles:
        facts += len(extract(article, Context(article.published, Options())))
    elapsed = time.perf_counter() - t
    print(f"start-up (load + compile rules): {1000 * start_up:.1f} ms")
    print(f"{len(articles)} articles, {facts} facts: {1000 * elapsed / len(articles):.3f} ms per article")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/summ_cnndm_dev.jsonl")

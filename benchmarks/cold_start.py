"""What a fresh process pays for each fact stage's first article: lazy data loading and regex compiles.

    python benchmarks/cold_start.py [FILE] [--runs 7]

Each run starts a new interpreter, parses FILE (default: the seed article in samples/), then calls every
stage's ``extract`` in pipeline order twice: the first call carries the stage's cold-start cost, the second
is the warm per-article cost. Reported per stage: the median over runs of first and second call in ms, and
the regex pattern text compiled during the first call (count and characters).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "samples" / "us-withdraws-2200-troops-from-iraq-independent-2020-09-09.txt"

_CHILD = r"""
import importlib, json, re, sys, time
compiled = []
_compile = re._compile
def counting(pattern, flags):
    if isinstance(pattern, str) and (type(pattern), pattern, flags) not in re._cache and \
            (type(pattern), pattern, flags) not in getattr(re, "_cache2", {}):
        compiled.append(len(pattern))
    return _compile(pattern, flags)
re._compile = counting
from article_facts.core import structure
from article_facts.core.pipeline import STAGES, Context, Options
text = open(sys.argv[1], encoding="utf-8-sig").read()
article = structure.parse(text)
out = {}
for name in STAGES:
    extract = importlib.import_module(name).extract
    for turn in ("first", "second"):
        ctx = Context(published=article.published, options=Options())
        del compiled[:]
        t = time.perf_counter()
        extract(article, ctx)
        ms = 1000 * (time.perf_counter() - t)
        out.setdefault(name.rsplit(".", 1)[-1], {})[turn] = [ms, len(compiled), sum(compiled)]
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=str(SEED))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    runs = [json.loads(subprocess.run([sys.executable, "-c", _CHILD, args.file], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(args.runs)]
    print(f"{'stage':<10} {'first ms':>9} {'second ms':>10} {'compiles':>9} {'pattern chars':>14}")
    for stage in runs[0]:
        first = statistics.median(r[stage]["first"][0] for r in runs)
        second = statistics.median(r[stage]["second"][0] for r in runs)
        _, count, chars = runs[0][stage]["first"]
        print(f"{stage:<10} {first:9.1f} {second:10.2f} {count:9d} {chars:14,d}")


if __name__ == "__main__":
    main()

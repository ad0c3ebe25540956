"""ROUGE and speed of any summariser over a JSON Lines set of {id, article|text, summary|summary_sentences}.

    python benchmarks/summaries.py ../shared/data/summ_cnndm_dev.jsonl                  # news
    python benchmarks/summaries.py ../shared/data/summ_cnndm_dev.jsonl -a lead -a lexrank
    python benchmarks/summaries.py ../shared/data/summ_cnndm_dev.jsonl -a all

Scores like the judge: ROUGE-1/2/Lsum F1 (rouge-score, Porter stemmer on) against the reference, CNN and
Daily Mail reported apart plus the CNN/DailyMail full-test mix (1,093 CNN : 10,397 DM); rows carrying
``summary_sentences`` (BBC) get as many sentences as their reference. Articles are parsed from their text
alone, as the CLI sees them. Speed is articles/s of the summariser itself (parsing excluded), in process.
Needs ``rouge-score``. The data stays outside the repository.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from statistics import mean

from article_facts.core import structure, summarizers

FULL_MIX = {"cnn": 1093 / 11490, "dm": 10397 / 11490}


def source_of(row: dict) -> str:
    i = str(row["id"])
    return "cnn" if i.startswith("cnn") else "dm" if i.startswith("dm") else row.get("category", "all")


def reference_of(row: dict) -> str:
    if row.get("summary_sentences"):
        return "\n".join(row["summary_sentences"])
    return row["summary"]


def load(path: str, limit: int | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    rows = [r for r in rows if not r.get("duplicate_of")]
    return rows[:limit] if limit else rows


def evaluate(algorithm: str, rows: list[dict], articles: list, sentences: int = 3) -> dict:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    summarize = summarizers.get(algorithm)
    summarize(articles[0], summarizers.Length(sentences))  # warm-up: lazy imports, resource loading
    by: dict[str, list[list[float]]] = {}
    elapsed = 0.0
    for row, article in zip(rows, articles):
        n = len(row.get("summary_sentences") or []) or sentences
        t = time.perf_counter()
        summary = summarize(article, summarizers.Length(n))
        elapsed += time.perf_counter() - t
        s = scorer.score(reference_of(row), "\n".join(x.text for x in summary))
        by.setdefault(source_of(row), []).append(
            [100 * s[k].fmeasure for k in ("rouge1", "rouge2", "rougeLsum")])
    result = {src: [mean(x[i] for x in v) for i in range(3)] for src, v in sorted(by.items())}
    result["all"] = [mean(x[i] for v in by.values() for x in v) for i in range(3)]
    if set(by) >= set(FULL_MIX):
        result["full-mix"] = [sum(w * result[s][i] for s, w in FULL_MIX.items()) for i in range(3)]
    result["articles/s"] = len(rows) / elapsed if elapsed else float("inf")
    result["ms/article"] = 1000 * elapsed / len(rows)
    return result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("-a", "--algorithm", action="append",
                    help="algorithm name (repeatable) or 'all'; default news")
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--title", action="store_true", help="pass the row's title to the parser when it has one")
    args = ap.parse_args(argv)
    names = args.algorithm or ["news"]
    if names == ["all"]:
        names = list(summarizers.ALGORITHMS)
    rows = load(args.data, args.limit)
    articles = [structure.parse(r.get("text") or r["article"], title=r.get("title") if args.title else None)
                for r in rows]
    print(f"{len(rows)} articles from {args.data}; ROUGE-1/2/Lsum F1")
    for name in names:
        res = evaluate(name, rows, articles, args.sentences)
        parts = [f"{k} {'/'.join(f'{v:.2f}' for v in res[k])}"
                 for k in res if k not in ("articles/s", "ms/article")]
        print(f"{name:10s} " + " | ".join(parts) + f" | {res['articles/s']:.0f} articles/s "
              f"({res['ms/article']:.2f} ms/article)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Time and memory of summarising one very long article (default 5,000 sentences) with one algorithm.

    python benchmarks/large_article.py                 # news, 5,000 sentences
    python benchmarks/large_article.py -a lexrank --sentences 1000

The article is generated (varied vocabulary, paragraphs of 2-8 sentences), parsed by our structure parser,
then summarised; the bar for ``news`` is under 2 s and under 200 MiB. Peak memory is the Python heap peak
(tracemalloc, in a second run) and the process's maximum resident size; time is measured without tracemalloc.
"""
from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc

from article_facts.core import structure, summarizers

SUBJECTS = ["The council", "Police", "The minister", "Residents", "Engineers", "The company", "Doctors",
            "The court", "Teachers", "The airline", "Scientists", "Local officials", "The union", "Investors"]
VERBS = ["said", "warned", "announced", "confirmed", "denied", "reported", "argued", "estimated", "revealed"]
NOUNS = ["budget", "bridge", "harbour", "contract", "hospital", "railway", "election", "trial", "market",
         "reservoir", "strike", "vaccine", "school", "pipeline", "stadium", "museum", "forest", "airport",
         "festival", "factory", "inquiry", "ceasefire", "merger", "drought", "flood", "fire", "satellite"]


def make_article(sentences: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    paragraphs, current = [], []
    for i in range(sentences):
        a, b, c = rnd.sample(NOUNS, 3)
        current.append(f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} that the {a} plan would affect the {b} "
                       f"and the {c} by {rnd.randint(2, 990)} units in district {rnd.randint(1, 400)}.")
        if len(current) >= rnd.randint(2, 8):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "A very long report on many plans\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-a", "--algorithm", default="news")
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--length", type=int, default=3, help="summary sentences")
    args = ap.parse_args()
    text = make_article(args.sentences)
    article = structure.parse(text)
    body = sum(1 for s in article.sentences if s.paragraph >= 0)
    summarize = summarizers.get(args.algorithm)
    summarize(structure.parse("Warm up. Two sentences."), summarizers.Length(1))  # lazy imports, resources
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    summary = summarize(article, summarizers.Length(args.length))
    elapsed = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    summarize(article, summarizers.Length(args.length))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{args.algorithm}: {body} body sentences ({len(text.split())} words) -> {len(summary)} sentences in "
          f"{elapsed:.2f} s; heap peak {peak / 2**20:.1f} MiB (tracemalloc, second run); "
          f"process max RSS {rss_after:.0f} MiB (before summarising {rss_before:.0f} MiB)")


if __name__ == "__main__":
    main()

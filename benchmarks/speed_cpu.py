"""The speed judge's comparison in CPU seconds instead of wall time, so a busy machine does not skew it.

    python benchmarks/speed_cpu.py DATA.jsonl [--n 200] [--repeat 3] [--cli article-facts]

Runs ``article-facts summarize FILE --format jsonl --sentences 3`` on the first ``--n`` articles pinned to one
core, as ``judge.py speed`` does, and takes the CPU time the whole process used (user + system, from
``getrusage``); then times sumy's LexRank in process on the same articles, with the judge's regex tokenizer.
Reports the best of ``--repeat`` runs of each and their ratio. Needs sumy and numpy (the ``bench`` extra).

``--against OTHER_CLI`` compares two builds instead (say, a worktree's install against main's): their runs
are interleaved so that a busy machine slows both alike, and each build's best and first-quartile CPU seconds
are reported; sumy is not run.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time


class _Tokenizer:
    """The judge's minimal sumy tokenizer (regex), so sumy needs no NLTK data."""
    language = "english"
    _sentence = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
    _word = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s for s in self._sentence.split(paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return self._word.findall(sentence)


def cli_cpu_seconds(cli: list[str], path: str, check: bool = False) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["taskset", "-c", "0", *cli, "summarize", path, "--format", "jsonl", "--sentences", "3"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sumy_cpu_seconds(texts: list[str]) -> float:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    start = time.process_time()
    for text in texts:
        lexrank(PlaintextParser.from_string(text, _Tokenizer()).document, 3)
    return time.process_time() - start


def compare(cli: list[str], other: list[str], path: str, repeat: int) -> None:
    """Interleaved runs of two builds; best and first-quartile CPU seconds of each."""
    builds = [("--cli", cli), ("--against", other)]
    times: dict[str, list[float]] = {label: [] for label, _ in builds}
    for _ in range(repeat):
        for label, command in builds:        # check: a build that fails must not look fast
            times[label].append(cli_cpu_seconds(command, path, check=True))
    for (label, command), seconds in zip(builds, times.values()):
        name = f"{label} {' '.join(command)}"
        seconds.sort()
        print(f"{name}: best {seconds[0]:.3f} s, first quartile {seconds[len(seconds) // 4]:.3f} s CPU "
              f"over {len(seconds)} runs")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cli", default=shutil.which("article-facts") or "article-facts")
    ap.add_argument("--against", default=None, help="another build's CLI command to compare with --cli")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f][: args.n]
    texts = [r.get("text", r.get("article")) for r in rows]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "articles.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps({"id": r["id"], "text": text}, ensure_ascii=False) + "\n" for r, text in zip(rows, texts))
        if args.against:
            compare(args.cli.split(), args.against.split(), path, args.repeat)
            return
        ours = min(cli_cpu_seconds(args.cli.split(), path) for _ in range(args.repeat))
    os.sched_setaffinity(0, {0})
    sumy = min(sumy_cpu_seconds(texts) for _ in range(args.repeat))
    n = len(texts)
    print(f"article-facts CPU {ours:.3f} s ({n / ours:.0f} articles/s); sumy LexRank CPU {sumy:.3f} s "
          f"({n / sumy:.0f} articles/s); ratio {sumy / ours:.2f}x")


if __name__ == "__main__":
    sys.exit(main())

"""CoNLL-2003 NER data to the shared judge's entities JSONL, to measure the entity stage on CoNLL-style news.

    python benchmarks/conll2003.py eng.testa > testa.jsonl
    python ../shared/eval/judge.py entities testa.jsonl

Input: the CoNLL-2003 column format (one token a line, its NER tag in the last column, a blank line between
sentences, ``-DOCSTART-`` lines between documents); IOB1 and BIO tags are both read. Copies without
``-DOCSTART-`` lines are split where a dateline sentence ("LONDON 1996-08-30") follows a headline. Output: one JSON
line per document, ``{"id", "text", "dct", "entities": [{"start", "end", "label"}]}``, the text written as the
judge's tokenised sets are (tokens joined by spaces, sentences by newlines). The data is Reuters text under
licence: keep it out of the repository. Tune on testa (development); testb is the held-out test.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Iterable, Iterator

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
Sentence = list[tuple[str, str]]          # (token, tag)


def read_documents(lines: Iterable[str]) -> Iterator[list[Sentence]]:
    doc: list[Sentence] = []
    sentence: Sentence = []
    saw_docstart = False
    for line in lines:
        cols = line.split()
        if not cols:
            if sentence:
                doc.append(sentence)
                sentence = []
            continue
        if cols[0] == "-DOCSTART-":
            saw_docstart = True
            if sentence:
                doc.append(sentence)
                sentence = []
            if doc:
                yield doc
            doc = []
            continue
        sentence.append((cols[0], cols[-1]))
    if sentence:
        doc.append(sentence)
    if not doc:
        return
    yield from ([doc] if saw_docstart else _split_at_datelines(doc))


def _split_at_datelines(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    """Without -DOCSTART- lines: a new story starts at the headline before each dateline ("LONDON 1996-08-30")."""
    starts = [0] + [i - 1 for i, s in enumerate(sentences) if i > 1 and _ISO_DATE.match(s[-1][0])]
    for a, b in zip(starts, starts[1:] + [len(sentences)]):
        if a < b:
            yield sentences[a:b]


def to_record(doc_id: str, sentences: list[Sentence]) -> dict:
    text_parts: list[str] = []
    entities: list[dict] = []
    dct = None
    offset = 0
    for sentence in sentences:
        if dct is None and _ISO_DATE.match(sentence[-1][0]):
            dct = sentence[-1][0]
        open_entity: dict | None = None
        previous_type = None
        for k, (token, tag) in enumerate(sentence):
            start = offset + sum(len(t) + 1 for t, _ in sentence[:k]) if k else offset
            kind = tag[2:] if tag[:2] in ("B-", "I-") else None
            begins = kind is not None and (tag.startswith("B-") or kind != previous_type)
            if open_entity is not None and (kind is None or begins):
                entities.append(open_entity)
                open_entity = None
            if begins:
                open_entity = {"start": start, "end": start + len(token), "label": kind}
            elif open_entity is not None:
                open_entity["end"] = start + len(token)
            previous_type = kind
        if open_entity is not None:
            entities.append(open_entity)
        line = " ".join(t for t, _ in sentence)
        text_parts.append(line)
        offset += len(line) + 1
    record = {"id": doc_id, "text": "\n".join(text_parts), "entities": entities}
    if dct:
        record["dct"] = dct
    return record


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conll", help="a CoNLL-2003 file (eng.testa, eng.testb, or a copy without -DOCSTART-)")
    ap.add_argument("--prefix", default="doc", help="id prefix for the documents")
    args = ap.parse_args(argv)
    with open(args.conll, encoding="utf-8") as fh:
        for n, doc in enumerate(read_documents(fh)):
            sys.stdout.write(json.dumps(to_record(f"{args.prefix}-{n:04d}", doc), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""JSON and JSON Lines, written straight to stdout (never through rich, which wraps long lines)."""
from __future__ import annotations

import json
from typing import IO, Any


def dumps_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class JsonLinesWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, record: dict[str, Any]) -> None:
        self.out.write(dumps_line(record) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """Pretty JSON: one object for one article, an array for several (streamed, never buffered whole)."""

    def __init__(self, out: IO[str], many: bool):
        self.out, self.many, self.count = out, many, 0

    def write(self, record: dict[str, Any]) -> None:
        text = json.dumps(record, ensure_ascii=False, indent=2)
        if self.many:
            text = ("[\n" if self.count == 0 else ",\n") + "\n".join("  " + l for l in text.splitlines())
        else:
            text += "\n"
        self.out.write(text)
        self.out.flush()
        self.count += 1

    def close(self) -> None:
        if self.many:
            self.out.write("\n]\n" if self.count else "[]\n")
            self.out.flush()

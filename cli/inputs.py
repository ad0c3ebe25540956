"""Turning command-line inputs (files, ``-``, JSON Lines datasets, folders) into work items, lazily."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from article_facts.core.errors import InputError, TooLarge, Unreadable
from article_facts.core.reading import DEFAULT_MAX_BYTES, decode, parse_jsonl_row, row_id

DEFAULT_GLOBS = ("*.txt", "*.md", "*.jsonl")


@dataclass(frozen=True)
class Item:
    """One article to analyse: its text, or the error that stopped it from being read."""

    id: str
    source: str
    text: str | None = None
    title: str | None = None
    published: str | None = None
    error: InputError | None = None
    encoding: str | None = None
    relpath: str | None = None      # the input's path relative to the folder given (or its file name)
    row: int | None = None          # the line number, for a dataset row


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise Unreadable(f"{path}: no such file") from None
    except IsADirectoryError:
        raise Unreadable(f"{path}: is a directory") from None
    except OSError as exc:
        raise Unreadable(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return data


def text_item(path: Path, max_bytes: int, relpath: str | None = None) -> Item:
    source = str(path)
    try:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise Unreadable(f"{path}: no such file") from None
        except OSError as exc:
            raise Unreadable(f"{path}: cannot be read ({exc.strerror or exc})") from None
        if size > max_bytes:
            raise TooLarge(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        decoded = decode(_read_bytes(path, max_bytes), source, max_bytes)
    except InputError as exc:
        return Item(id=source, source=source, error=exc, relpath=relpath)
    return Item(id=source, source=source, text=decoded.text, encoding=decoded.encoding, relpath=relpath)


def stdin_item(max_bytes: int) -> Item:
    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        decoded = decode(data, "<stdin>", max_bytes)
    except InputError as exc:
        return Item(id="-", source="<stdin>", error=exc)
    return Item(id="-", source="<stdin>", text=decoded.text, encoding=decoded.encoding)


def jsonl_items(path: Path, relpath: str | None = None) -> Iterator[Item]:
    """One item per dataset line, streamed; a broken line becomes an error item and the rest go on."""
    source = str(path)
    try:
        f = path.open("rb")
    except OSError as exc:
        yield Item(id=source, source=source, error=Unreadable(f"{path}: cannot be read ({exc.strerror or exc})"),
                   relpath=relpath or path.name)
        return
    with f:
        for lineno, raw in enumerate(f, 1):
            line = raw.decode("utf-8", errors="replace")
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            rel = relpath or path.name
            try:
                row = parse_jsonl_row(line, source, lineno)
            except InputError as exc:
                yield Item(id=row_id(line, source, lineno), source=where, error=exc, relpath=rel, row=lineno)
                continue
            yield Item(id=row.id, source=where, text=row.text, title=row.title, published=row.published,
                       encoding="utf-8", relpath=rel, row=lineno)


def walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    """Files under root matching any glob, recursively, in a deterministic order; no symlink loops."""
    seen: set[tuple[int, int]] = set()

    def visit(d: Path) -> Iterator[Path]:
        try:
            st = d.stat()
        except OSError:
            return
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            p = Path(e.path)
            if e.is_dir():
                yield from visit(p)
            elif any(p.match(g) for g in globs):
                try:
                    fst = p.stat()
                except OSError:
                    yield p
                    continue
                if (fst.st_dev, fst.st_ino) not in seen:
                    seen.add((fst.st_dev, fst.st_ino))
                    yield p

    yield from visit(root)


def expand(inputs: list[str], max_bytes: int = DEFAULT_MAX_BYTES, globs: tuple[str, ...] = DEFAULT_GLOBS) -> Iterator[Item]:
    """Every article named on the command line, in order, without reading them all up front."""
    for arg in inputs:
        if arg == "-":
            yield stdin_item(max_bytes)
            continue
        path = Path(arg)
        if path.is_dir():
            for f in walk(path, globs):
                rel = str(f.relative_to(path))
                yield from (jsonl_items(f, rel) if f.suffix == ".jsonl" else [text_item(f, max_bytes, rel)])
        elif path.suffix == ".jsonl":
            yield from jsonl_items(path, path.name)
        else:
            yield text_item(path, max_bytes, path.name)

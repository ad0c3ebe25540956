"""Bytes to normalised article text: encoding detection, binary and size checks, newline normalisation,
and the rows of a JSON Lines dataset."""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from typing import Any

from article_facts.core.errors import BadJsonLine, BinaryInput, EmptyInput, TooLarge, Undecodable

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# When detection ties, prefer the legacy encodings news text is most often saved in.
_LEGACY_PREFERENCE = {"cp1252": 0, "latin_1": 1, "iso8859_15": 2}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str            # "utf-8", "utf-8-sig" or what charset-normalizer detected


def normalise(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF. All offsets in a record refer to this text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL = bytes([*range(9), *range(14, 32)])    # control bytes text never holds (tab, LF, VT, FF, CR are fine)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE)):
        return True
    control = len(sample.translate(None, _NOT_CONTROL))
    return control > max(8, len(sample) // 20)


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode one article's bytes, or raise an InputError whose message names the input."""
    if len(data) > max_bytes:
        raise TooLarge(f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    if _looks_binary(data):
        raise BinaryInput(f"{name}: looks like a binary file, not text")
    try:
        if data.startswith(codecs.BOM_UTF8):
            decoded = Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        else:
            decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        results = from_bytes(data)
        best = results.best()
        if best is None:
            raise Undecodable(f"{name}: cannot detect the text encoding") from None
        tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
        best = min(tied, key=lambda m: _LEGACY_PREFERENCE.get(m.encoding, len(_LEGACY_PREFERENCE)))
        decoded = Decoded(str(best), best.encoding)
    text = normalise(decoded.text)
    if not text.strip():
        raise EmptyInput(f"{name}: the article is empty")
    return Decoded(text, decoded.encoding)


@dataclass(frozen=True)
class DatasetRow:
    id: str
    text: str
    title: str | None = None
    published: str | None = None


def parse_jsonl_row(line: str, name: str, lineno: int) -> DatasetRow:
    """One dataset line: {"id", "text" (or "article"), "title"?, "published"?}."""
    where = f"{name}:{lineno}"
    try:
        row: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadJsonLine(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise BadJsonLine(f"{where}: a line must be a JSON object")
    text = row.get("text", row.get("article"))
    if not isinstance(text, str) or not text.strip():
        raise EmptyInput(f"{where}: the row has no text")
    published = row.get("published") or row.get("dct")
    title = row.get("title")
    return DatasetRow(
        id=str(row.get("id", where)), text=normalise(text),
        title=title if isinstance(title, str) and title.strip() else None,
        published=str(published) if published else None,
    )


def row_id(line: str, name: str, lineno: int) -> str:
    """The id an error record for this line should carry: the row's own id when it can be read."""
    try:
        row = json.loads(line)
        if isinstance(row, dict) and "id" in row:
            return str(row["id"])
    except json.JSONDecodeError:
        pass
    return f"{name}:{lineno}"

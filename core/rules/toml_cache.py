"""Parsed TOML rule files kept in the compiled-regex cache folder, so a fresh process skips ``tomllib``.

``tomllib`` is pure Python: the rule and timex files take it several milliseconds per process. The parsed
data is stored with ``marshal`` under a hash of the file's text, so any edit to a file is a new entry and a
stale one can never be read. Data ``marshal`` cannot hold (dates) is simply parsed each time.

    loads(text) -> dict      same as tomllib.loads(text)
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from typing import Any

from article_facts.core.rules.regex_cache import cache_folder, store


def parse(text: str) -> dict[str, Any]:
    """Parse TOML text (tomllib, or tomli before Python 3.11), importing the parser only when needed."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the disk cache when there."""
    folder = cache_folder()
    if folder is None:
        return parse(text)
    name = "toml-" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    path = os.path.join(folder, name)
    try:
        with open(path, "rb") as fh:
            stored_text, data = marshal.loads(fh.read())
        if stored_text == text:
            return data
    except Exception:                       # missing or damaged: parse afresh
        pass
    data = parse(text)
    try:
        blob = marshal.dumps((text, data))
    except ValueError:                      # a value marshal cannot hold (a TOML date)
        return data
    store(folder, path, blob)
    return data

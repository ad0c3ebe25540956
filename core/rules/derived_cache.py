"""Data derived from resource files, kept between processes: the cache behind slow one-off derivations.

Some stages derive tables from their rule files when they load (the temporal grammar reads each rule's
possible first words with the regex parser). ``cached`` stores such a result with ``marshal`` under a hash of
everything it is derived from: the input texts and the source files of the modules doing the deriving. An
edited rule file or an edited module is a new entry, so a stale one can never be read. Values must be
marshal-able (dicts, lists, tuples, sets, frozensets, str, bytes, numbers, None); others are simply rebuilt.
Writing a name's new entry removes its older ones, so the folder holds one entry per name.

    cached(name, build, texts=(...), modules=(...)) -> build()'s value
"""
from __future__ import annotations

import hashlib
import marshal
import os
from types import ModuleType
from typing import Callable, TypeVar

from article_facts.core.rules.regex_cache import cache_folder, store

T = TypeVar("T")


def cached(name: str, build: Callable[[], T], *, texts: tuple[str, ...] = (),
           modules: tuple[ModuleType, ...] = ()) -> T:
    """``build()``, or the value an earlier process built from the same texts with the same module sources."""
    folder = cache_folder()
    if folder is None:
        return build()
    try:
        digest = hashlib.blake2b(name.encode(), digest_size=16)
        for text in texts:
            digest.update(b"\x00" + text.encode("utf-8", "surrogatepass"))
        for module in modules:
            with open(module.__file__, "rb") as fh:      # type: ignore[arg-type]
                digest.update(b"\x01" + fh.read())
    except (OSError, TypeError):                          # a module without a readable source: no caching
        return build()
    path = os.path.join(folder, f"derived-{name}-{digest.hexdigest()}")
    try:
        with open(path, "rb") as fh:
            return marshal.loads(fh.read())
    except Exception:                                     # missing or damaged: build afresh
        pass
    value = build()
    try:
        blob = marshal.dumps(value)
    except ValueError:
        return value
    store(folder, path, blob)
    _forget_others(folder, f"derived-{name}-", os.path.basename(path))
    return value


def _forget_others(folder: str, prefix: str, keep: str) -> None:
    """Remove the entries of ``name`` built from older inputs or code: one entry per name stays on disk."""
    try:
        for entry in os.listdir(folder):
            if entry.startswith(prefix) and entry != keep:
                os.unlink(os.path.join(folder, entry))
    except OSError:                                       # another process removed it first, or a read-only folder
        pass

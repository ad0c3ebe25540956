"""Compiled regexes that outlive the process, so a fresh CLI run does not recompile its patterns.

Python's regex compiler is pure Python: the rule, timex, entity and quote patterns a first article needs take it
tens of milliseconds to compile, a large part of a single-file run. Like ``__pycache__`` for code, this module
keeps each pattern's compiled program (the opcode list ``re`` builds) in a per-user cache and rebuilds the pattern
object from it directly. The rebuilt object is the very program ``re.compile`` makes (``==`` holds), so matches
are the same. Text and bytes patterns are both kept.

    compile(pattern, flags) -> re.Pattern      memoised in the process, then from the cache's pack
    save()                                     write the patterns compiled since the last save into the pack

The cache is one pack file per regex-engine version (read once per process with ``marshal``), so loading costs
one file read rather than one per pattern. ``save`` merges with what is on disk and writes atomically, so
parallel processes only ever lose each other's newest entries, which are recompiled next time. The pack keeps
what recent runs used and stays under ``MAX_PACK_BYTES``.

The folder is ``$XDG_CACHE_HOME/article-facts`` (``~/.cache/article-facts``); the environment variable
``ARTICLE_FACTS_REGEX_CACHE`` names another folder, or turns the disk cache off with ``off``. A missing,
unwritable or damaged cache only means compiling as usual.
"""
from __future__ import annotations

import array
import marshal
import os
import re
import sys
from typing import AnyStr

try:
    import _sre

    try:
        from re import _compiler, _parser                     # Python >= 3.11
    except ImportError:  # pragma: no cover
        import sre_compile as _compiler                       # type: ignore[no-redef]
        import sre_parse as _parser                           # type: ignore[no-redef]
    _CODE_TYPE = next(t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE)
    _ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}"
except Exception:  # pragma: no cover - another Python implementation: plain re.compile
    _sre = None
    _ENGINE = ""

ENV = "ARTICLE_FACTS_REGEX_CACHE"
PACK = "patterns.pack"
MAX_PACK_BYTES = 3 * 1024 * 1024      # one release needs about 1 MB: room for an upgrade, not for history
# (flags as compiled, opcodes as machine words, group count, group index): what _sre.compile needs.
Entry = tuple[int, bytes, int, dict]
_MEMO: dict[tuple[str | bytes, int], re.Pattern] = {}
_UNSET = object()
_folder_path: object = _UNSET
_pack: dict[tuple[str | bytes, int], Entry] | None = None   # as read from disk
_fresh: dict[tuple[str | bytes, int], Entry] = {}           # built here, not yet saved


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:        # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the in-process memo or the cache's pack when there."""
    key = (pattern, int(flags))
    compiled = _MEMO.get(key)
    if compiled is None:
        compiled = _MEMO[key] = _load_or_build(key)
    return compiled


def save() -> None:
    """Add the patterns compiled since the last save to the pack on disk (no-op when there are none)."""
    global _pack
    if not _fresh:
        return
    folder = cache_folder()
    if folder is None:
        _fresh.clear()
        return
    path = os.path.join(folder, PACK)
    merged = {**_read_pack(path), **(_pack or {}), **_fresh}
    if sum(len(entry[1]) for entry in merged.values()) > MAX_PACK_BYTES:
        merged = {key: entry for key, entry in merged.items() if key in _MEMO}   # what this process used
    _pack = merged
    _fresh.clear()
    try:
        blob = marshal.dumps(merged)
    except ValueError:  # pragma: no cover - every part of an entry is marshal-able
        return
    store(folder, path, blob)


def cache_folder() -> str | None:
    """The folder holding this engine version's compiled patterns, or None when the disk cache is off."""
    global _folder_path
    if _folder_path is _UNSET:
        _folder_path = _choose_folder()
    return _folder_path  # type: ignore[return-value]


def _choose_folder() -> str | None:
    if _sre is None:
        return None
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    base = setting or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
                                   "article-facts")
    return os.path.join(base, f"patterns-{_ENGINE}")


def _stored() -> dict[tuple[str | bytes, int], Entry]:
    global _pack
    if _pack is None:
        folder = cache_folder()
        _pack = _read_pack(os.path.join(folder, PACK)) if folder else {}
    return _pack


def _read_pack(path: str) -> dict[tuple[str | bytes, int], Entry]:
    try:
        with open(path, "rb") as fh:
            data = marshal.loads(fh.read())      # far faster than marshal.load(fh) for many small objects
    except Exception:                       # missing, damaged or from another layout: start afresh
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: entry for key, entry in data.items() if _well_formed(key, entry)}


def _well_formed(key: object, entry: object) -> bool:
    """An entry this version can rebuild from: a damaged or foreign one is dropped (compiled afresh)."""
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (str, bytes)) and isinstance(key[1], int)
            and isinstance(entry, tuple) and len(entry) == 4 and isinstance(entry[0], int)
            and isinstance(entry[1], bytes) and isinstance(entry[2], int) and isinstance(entry[3], dict))


def _load_or_build(key: tuple[AnyStr, int]) -> re.Pattern[AnyStr]:
    pattern, flags = key
    if cache_folder() is None or not isinstance(pattern, (str, bytes)):
        return re.compile(pattern, flags)
    entry = _stored().get(key)
    if entry is not None:
        try:
            return _rebuild(pattern, *entry)
        except Exception:                   # a damaged entry: compile afresh
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        entry = (int(flags | parsed.state.flags), array.array(_CODE_TYPE, code).tobytes(),
                 int(parsed.state.groups - 1), {str(k): int(v) for k, v in parsed.state.groupdict.items()})
        compiled = _rebuild(pattern, *entry)
    except Exception:                       # an internal API we do not know: the public one
        return re.compile(pattern, flags)
    _fresh[key] = entry
    return compiled


def _rebuild(pattern: AnyStr, flags: int, code: bytes, groups: int, groupindex: dict) -> re.Pattern[AnyStr]:
    program = array.array(_CODE_TYPE)
    program.frombytes(code)                 # opcodes as raw machine words: loads far faster than a list
    indexgroup: list[str | None] = [None] * (groups + 1)
    for group, index in groupindex.items():
        indexgroup[index] = group
    return _sre.compile(pattern, flags, program.tolist(), groups, groupindex, tuple(indexgroup))


def store(folder: str, path: str, blob: bytes) -> None:
    """Write ``blob`` to ``path`` atomically (temporary file, then rename): parallel workers may store the same file."""
    import tempfile                         # only when writing: it imports shutil, random, bz2...

    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:                       # read-only home, full disk...: keep working without the cache
        pass

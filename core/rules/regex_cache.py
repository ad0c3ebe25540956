"""Compiled regexes that outlive the process, so a fresh CLI run does not recompile the rule patterns.

Python's regex compiler is pure Python: the number rules and the temporal grammar a first article needs take
it about 0.15 s to compile, more than the rest of a single-file run. Like ``__pycache__`` for code, this
module keeps each pattern's compiled program (the opcode list ``re`` builds) in a per-user cache folder, keyed
by the pattern text, its flags and the regex engine's version, and rebuilds the pattern object from it
directly. The rebuilt object is the very program ``re.compile`` makes (``==`` holds), so matches are the same.

    compile(pattern, flags) -> re.Pattern      memoised in the process, then on disk

The folder is ``$XDG_CACHE_HOME/article-facts`` (``~/.cache/article-facts``); the environment variable
``ARTICLE_FACTS_REGEX_CACHE`` names another folder, or turns the disk cache off with ``off``. A missing,
unwritable or damaged cache only means compiling as usual.
"""
from __future__ import annotations

import array
import hashlib
import marshal
import os
import re
import sys
import tempfile

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
_MEMO: dict[tuple[str, int], re.Pattern] = {}
_UNSET = object()
_folder_path: object = _UNSET


def compile(pattern: str, flags: int = 0) -> re.Pattern:        # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, from the in-process memo or the disk cache when there."""
    key = (pattern, int(flags))
    compiled = _MEMO.get(key)
    if compiled is None:
        compiled = _MEMO[key] = _load_or_build(pattern, int(flags))
    return compiled


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
    return os.path.join(base, f"regex-{_ENGINE}")


def _load_or_build(pattern: str, flags: int) -> re.Pattern:
    folder = cache_folder()
    if folder is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    name = hashlib.blake2b(f"{flags}\x00{pattern}".encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    path = os.path.join(folder, name)
    try:
        with open(path, "rb") as fh:
            stored = marshal.load(fh)
        if stored[0] == pattern and stored[1] == flags:
            return _rebuild(pattern, *stored[2:])
    except Exception:                       # missing, damaged or from another layout: compile afresh
        pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        entry = (int(flags | parsed.state.flags), array.array(_CODE_TYPE, code).tobytes(),
                 int(parsed.state.groups - 1), {str(k): int(v) for k, v in parsed.state.groupdict.items()})
        compiled = _rebuild(pattern, *entry)
    except Exception:                       # an internal API we do not know: the public one
        return re.compile(pattern, flags)
    store(folder, path, marshal.dumps((pattern, flags, *entry)))
    return compiled


def _rebuild(pattern: str, flags: int, code: bytes, groups: int, groupindex: dict) -> re.Pattern:
    program = array.array(_CODE_TYPE)
    program.frombytes(code)                 # opcodes as raw machine words: loads far faster than a list
    indexgroup: list[str | None] = [None] * (groups + 1)
    for group, index in groupindex.items():
        indexgroup[index] = group
    return _sre.compile(pattern, flags, program.tolist(), groups, groupindex, tuple(indexgroup))


def store(folder: str, path: str, blob: bytes) -> None:
    """Write ``blob`` to ``path`` atomically (temporary file, then rename): parallel workers may store the same pattern."""
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

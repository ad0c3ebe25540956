"""The compiled-regex cache: what it loads is exactly what re.compile builds, and it never gets in the way."""
from __future__ import annotations

import marshal
import os
import re
import stat
import subprocess
import sys

import pytest

from article_facts.core.rules import regex_cache
from conftest import SAMPLES

PATTERNS = [
    (r"(?P<num>\d[\d,]*)\s+(?:troops|soldiers)\b", 0),
    (r"(?<![\w.])(?:jan(?:uary)?|feb(?:ruary)?)\.?\s+(\d{1,2})", re.I),
    (r"^(?:[A-Z][\w'’.-]*\s?){1,4}$", re.M),
    (r"(a)(b)?(?P<c>c)(?(2)d|e)", 0),
    (rb" (?:one|two|three)(?= )", 0),
    (rb"(?i)\d+(?P<unit>kg|km)", 0),
]


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    """Point the cache at an empty folder and forget what this process has memoised."""
    def use(setting: str) -> None:
        monkeypatch.setenv(regex_cache.ENV, setting)
        monkeypatch.setattr(regex_cache, "_folder_path", regex_cache._UNSET)
        monkeypatch.setattr(regex_cache, "_MEMO", {})
        monkeypatch.setattr(regex_cache, "_pack", None)
        monkeypatch.setattr(regex_cache, "_fresh", {})
    return use


def _reload_from_disk(pattern, flags: int) -> re.Pattern:
    """Save what this process compiled, then forget it all and compile again: the pack on disk answers."""
    regex_cache.save()
    regex_cache._MEMO.clear()
    regex_cache._pack = None
    again = regex_cache.compile(pattern, flags)
    assert not regex_cache._fresh, "the pattern was compiled again instead of loaded"
    return again


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_a_pattern_loaded_from_disk_is_the_one_re_compile_builds(cache_in, tmp_path, pattern, flags):
    cache_in(str(tmp_path / "cache"))
    first = regex_cache.compile(pattern, flags)
    again = _reload_from_disk(pattern, flags)
    assert first == again == re.compile(pattern, flags)
    assert again.groupindex == re.compile(pattern, flags).groupindex


def test_every_pattern_the_pipeline_stores_is_identical_to_a_fresh_compile(cache_in, tmp_path):
    folder = tmp_path / "cache"
    samples = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    subprocess.run([sys.executable, "-m", "article_facts.cli", "summarize", *samples, "-q"], check=False,
                   capture_output=True, env={**os.environ, regex_cache.ENV: str(folder)})
    cache_in(str(folder))
    packs = list(folder.rglob(regex_cache.PACK))
    assert len(packs) == 1
    stored = marshal.loads(packs[0].read_bytes())
    assert len(stored) > 20
    for pattern, flags in stored:
        assert _reload_from_disk(pattern, flags) == re.compile(pattern, flags), pattern[:80]


def test_off_writes_nothing(cache_in, tmp_path):
    cache_in("off")
    assert regex_cache.cache_folder() is None
    assert regex_cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])


def test_a_damaged_cache_file_is_ignored(cache_in, tmp_path):
    cache_in(str(tmp_path / "cache"))
    regex_cache.compile(*PATTERNS[1])
    regex_cache.save()
    for f in (tmp_path / "cache").rglob("*"):
        if f.is_file():
            f.write_bytes(b"\x00garbage")
    regex_cache._MEMO.clear()
    regex_cache._pack = None
    assert regex_cache.compile(*PATTERNS[1]) == re.compile(*PATTERNS[1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_only_means_compiling(cache_in, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    cache_in(str(folder))
    assert regex_cache.compile(*PATTERNS[2]) == re.compile(*PATTERNS[2])


def test_an_unwritable_cache_location_only_means_compiling(cache_in, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache_in(str(blocker / "cache"))            # cannot be created: a file is in the way
    assert regex_cache.compile(*PATTERNS[3]) == re.compile(*PATTERNS[3])


def test_a_pack_entry_that_does_not_rebuild_is_compiled_afresh(cache_in, tmp_path):
    cache_in(str(tmp_path / "cache"))
    pattern, flags = PATTERNS[0]
    regex_cache.compile(pattern, flags)
    regex_cache.save()
    path = tmp_path / "cache" / os.path.basename(regex_cache.cache_folder()) / regex_cache.PACK
    stored = marshal.loads(path.read_bytes())
    stored[(pattern, flags)] = (0, b"\xff" * 8, 0, {})
    path.write_bytes(marshal.dumps(stored))
    regex_cache._MEMO.clear()
    regex_cache._pack = None
    assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)


def test_saving_merges_with_what_other_processes_saved(cache_in, tmp_path):
    cache_in(str(tmp_path / "cache"))
    regex_cache.compile(*PATTERNS[0])
    regex_cache.save()
    regex_cache._MEMO.clear()
    regex_cache._pack = {}                       # a process that read the pack before the first one saved
    regex_cache.compile(*PATTERNS[1])
    regex_cache.save()
    regex_cache._pack = None
    assert set(regex_cache._stored()) >= {PATTERNS[0], PATTERNS[1]}


def test_a_full_pack_keeps_only_what_this_process_used(cache_in, tmp_path, monkeypatch):
    cache_in(str(tmp_path / "cache"))
    regex_cache.compile(*PATTERNS[0])
    regex_cache.save()
    regex_cache._MEMO.clear()
    monkeypatch.setattr(regex_cache, "MAX_PACK_BYTES", 1)
    regex_cache.compile(*PATTERNS[1])
    regex_cache.save()
    regex_cache._pack = None
    assert set(regex_cache._stored()) == {PATTERNS[1]}


def test_a_pack_with_foreign_entries_only_means_compiling(cache_in, tmp_path):
    cache_in(str(tmp_path / "cache"))
    regex_cache.compile(*PATTERNS[0])
    regex_cache.save()
    path = tmp_path / "cache" / os.path.basename(regex_cache.cache_folder()) / regex_cache.PACK
    stored = marshal.loads(path.read_bytes())
    stored[("zz", 0)] = None                     # a layout this version does not know
    stored[("yy", 0)] = (0, "not bytes", 0, {})
    path.write_bytes(marshal.dumps(stored))
    regex_cache._MEMO.clear()
    regex_cache._pack = None
    assert regex_cache.compile("zz") == re.compile("zz")
    regex_cache.compile(*PATTERNS[2])
    regex_cache.save()                            # merging with the foreign entries must not raise
    assert regex_cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])

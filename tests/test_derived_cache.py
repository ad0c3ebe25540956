"""Derived data kept between processes: rebuilt whenever its inputs or the deriving code change, never stale."""
from __future__ import annotations

import os
import subprocess
import sys
import types

import pytest

from article_facts.core.rules import derived_cache, regex_cache


@pytest.fixture
def cache_at(tmp_path, monkeypatch):
    monkeypatch.setenv(regex_cache.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_folder_path", regex_cache._UNSET)
    return tmp_path / "cache"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_second_load_reads_what_the_first_built(cache_at):
    build, calls = _counting({"said": frozenset({1, 2}), "#": None})
    first = derived_cache.cached("t", build, texts=("rules v1",))
    again = derived_cache.cached("t", build, texts=("rules v1",))
    assert first == again == {"said": frozenset({1, 2}), "#": None}
    assert len(calls) == 1


def test_an_edited_input_text_is_built_again(cache_at):
    build, calls = _counting((1, 2))
    derived_cache.cached("t", build, texts=("rules v1",))
    derived_cache.cached("t", build, texts=("rules v2",))
    assert len(calls) == 2


def test_an_edited_module_is_built_again(cache_at, tmp_path):
    source = tmp_path / "deriver.py"
    module = types.ModuleType("deriver")
    module.__file__ = str(source)
    build, calls = _counting("x")
    source.write_text("VERSION = 1\n")
    derived_cache.cached("t", build, modules=(module,))
    source.write_text("VERSION = 2\n")
    derived_cache.cached("t", build, modules=(module,))
    assert len(calls) == 2


def test_a_value_marshal_cannot_hold_is_just_returned(cache_at):
    value = object()
    assert derived_cache.cached("t", lambda: value) is value


def test_a_damaged_entry_is_built_again(cache_at):
    build, calls = _counting([1, 2, 3])
    derived_cache.cached("t", build)
    for f in cache_at.rglob("derived-*"):
        f.write_bytes(b"\x00garbage")
    assert derived_cache.cached("t", build) == [1, 2, 3]
    assert len(calls) == 2


def test_the_temporal_grammar_from_the_cache_is_the_one_built_afresh(tmp_path):
    script = ("from article_facts.core.timex.grammar import grammar; g = grammar(); s = sorted; "
              "print(repr(([(w, s(ids)) for w, ids in s(g.starts.items())], s(g.anywhere), "
              "[h if h is None else s(h) for h in g.heads], g.parts)))")
    env = {**os.environ, regex_cache.ENV: str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout
            for _ in range(2)]
    fresh = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**env, regex_cache.ENV: "off"}).stdout
    assert any(tmp_path.rglob("derived-timex-*"))
    assert runs[0] == runs[1] == fresh


def test_a_new_entry_replaces_the_older_ones_of_its_name(cache_at):
    derived_cache.cached("t", lambda: 1, texts=("rules v1",))
    derived_cache.cached("other", lambda: 0)
    derived_cache.cached("t", lambda: 2, texts=("rules v2",))
    names = sorted(p.name.rsplit("-", 1)[0] for p in cache_at.rglob("derived-*"))
    assert names == ["derived-other", "derived-t"]

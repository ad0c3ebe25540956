"""The declarative rules engine: fact rules are data files read by one small engine.

Built-in kinds live in ``core/resources/rules/*.toml`` (one file per kind, shared word lists in
``common.toml``); users add kinds or rules with their own files (``--rules my_rules.toml``). The format is
documented in ``core/resources/rules/README.md``. The built-in files are read into a plain snapshot (word lists,
rendered patterns) kept in the derived-data cache, so a fresh process neither parses TOML nor builds the
patterns' prefix trees; the user's files are read each time.

    load_rules(extra_files)     -> RuleSet      every kind in force, compiled (cached)
    describe_rules(extra_files) -> [RuleInfo]   one line per rule, for ``article-facts rules``
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from article_facts.core.rules import derived_cache, loader, templates
from article_facts.core.rules.engine import Match, RuleSet, Window
from article_facts.core.rules.loader import (
    Emit,
    KindSpec,
    Rule,
    build_kind,
    function_words_regex,
    read_lists,
    read_toml,
)
from article_facts.core.rules.templates import WordList, render

__all__ = ["RuleInfo", "RuleSet", "Match", "Window", "Rule", "KindSpec", "load_rules", "describe_rules"]

SHARED_FILE = "common.toml"
_FOLDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "rules")


@dataclass(frozen=True)
class RuleInfo:
    """One rule as ``article-facts rules`` lists it."""

    kind: str
    name: str
    source_file: str
    description: str


def _builtin_files() -> list[tuple[str, str]]:
    """(name, text) of each built-in rule file, by name."""
    try:
        names = [name for name in os.listdir(_FOLDER) if name.endswith(".toml")]
    except OSError:                     # installed as a zip or another importer: ask the import system
        from importlib import resources

        folder = resources.files("article_facts.core").joinpath("resources", "rules")
        return sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in folder.iterdir()
                      if entry.name.endswith(".toml"))
    out = []
    for name in sorted(names):
        with open(os.path.join(_FOLDER, name), encoding="utf-8") as fh:
            out.append((name, fh.read()))
    return out


def _number_regex() -> str:
    from article_facts.core.numbers.grammar import FORWARD_NUMBER

    return FORWARD_NUMBER


def _build_builtin(files: list[tuple[str, str]]) -> tuple[dict[str, WordList], list[KindSpec]]:
    """The shared word lists and the built-in kinds, read from the rule files."""
    shared_text = dict(files).get(SHARED_FILE, "")
    shared = read_lists(SHARED_FILE, read_toml(SHARED_FILE, shared_text).get("lists", {}))
    fw = function_words_regex(shared)
    number_regex = _number_regex()
    kinds = [build_kind(f"rules/{name}", read_toml(name, text), shared, number_regex, fw)
             for name, text in files if name != SHARED_FILE]
    return shared, kinds


def _snapshot(files: list[tuple[str, str]]) -> dict[str, Any]:
    """The built-in kinds as plain data: word lists by name (a kind keeps only those it does not share) and
    each rule's constructor values with its patterns rendered."""
    shared, kinds = _build_builtin(files)
    out = []
    for spec in kinds:
        lists = spec.rules[0].lists                 # one dict per kind, shared by its rules
        rules = [(r.name, r.description, r.source, render(r.before_regex) if r.before_regex else None,
                  render(r.forward_regex), r.numbers, r.anchor, tuple(sorted(r.requires)), r.fields,
                  tuple((e.part, e.kind, e.fields) for e in r.emits), r.triggers) for r in spec.rules]
        out.append((spec.kind, spec.description, spec.source, spec.priority, spec.fallback, spec.number_fields,
                    spec.defaults, {n: _plain(w) for n, w in lists.items() if shared.get(n) is not w}, rules))
    return {"shared": {n: _plain(w) for n, w in shared.items()}, "kinds": out}


def _plain(words: WordList) -> tuple[dict[str, str], str]:
    """A word list as plain data: its phrases and its pattern (a rule may search a list it holds no group for)."""
    return words.canonical, templates.alternation(words.canonical)


@lru_cache(maxsize=1)
def _builtin_snapshot() -> dict[str, Any]:
    import article_facts.core.numbers.grammar                                   # its FORWARD_NUMBER is in the rules

    number_grammar = sys.modules["article_facts.core.numbers.grammar"]
    files = _builtin_files()
    return derived_cache.cached("rules", lambda: _snapshot(files), texts=tuple(t for pair in files for t in pair),
                                modules=(sys.modules[__name__], loader, templates, number_grammar))


def _builtin() -> tuple[dict[str, WordList], list[KindSpec]]:
    """Fresh built-in kinds (a user's file may extend them) from the cached snapshot."""
    snap = _builtin_snapshot()
    shared = {n: WordList(n, c, p) for n, (c, p) in snap["shared"].items()}
    kinds = []
    for kind, description, source, priority, fallback, number_fields, defaults, own, rules in snap["kinds"]:
        lists = {**shared, **{n: WordList(n, c, p) for n, (c, p) in own.items()}}
        spec = KindSpec(kind, description, source, priority, fallback, number_fields, dict(defaults))
        spec.rules = [Rule(kind, name, desc, src, before, forward, tuple(numbers), anchor, frozenset(requires),
                           dict(fields), tuple(Emit(p, k, dict(f)) for p, k, f in emits), lists, tuple(triggers))
                      for name, desc, src, before, forward, numbers, anchor, requires, fields, emits, triggers in rules]
        kinds.append(spec)
    return shared, kinds


@lru_cache(maxsize=8)
def load_rules(extra_files: tuple[str, ...] = ()) -> RuleSet:
    """Built-in kinds plus the user's files. A user file may add rules to a built-in kind (same ``kind``)
    or define a new one; a bad file raises ValueError naming the file and the problem."""
    shared, builtin = _builtin()
    kinds: dict[str, KindSpec] = {spec.kind: spec for spec in builtin}
    if extra_files:
        fw = function_words_regex(shared)
        number_regex = _number_regex()
    for path in extra_files:
        data = read_toml(path)
        if not isinstance(data, dict) or "kind" not in data:
            raise ValueError(f"{path}: a rule file needs a top-level 'kind = \"...\"' and [[rules]]")
        spec = build_kind(str(Path(path)), data, shared, number_regex, fw)
        if spec.kind in kinds:                      # a user file extending a built-in kind: its rules go first
            known = kinds[spec.kind]
            known.rules[:0] = spec.rules
            known.defaults = {**known.defaults, **spec.defaults}
        else:
            kinds[spec.kind] = spec
    return RuleSet(list(kinds.values()))


def describe_rules(extra_files: tuple[str, ...] = ()) -> list[RuleInfo]:
    ruleset = load_rules(tuple(extra_files))
    return [RuleInfo(rule.kind, rule.name, rule.source, rule.description or spec.description)
            for spec in ruleset.kinds for rule in spec.rules]

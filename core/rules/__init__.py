"""The declarative rules engine: fact rules are data files read by one small engine.

Built-in kinds live in ``core/resources/rules/*.toml`` (one file per kind, shared word lists in
``common.toml``); users add kinds or rules with their own files (``--rules my_rules.toml``). The format is
documented in ``core/resources/rules/README.md``.

    load_rules(extra_files)     -> RuleSet      every kind in force, compiled (cached)
    describe_rules(extra_files) -> [RuleInfo]   one line per rule, for ``article-facts rules``
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from article_facts.core.rules.engine import Match, RuleSet, Window
from article_facts.core.rules.loader import KindSpec, Rule, build_kind, function_words_regex, read_lists, read_toml

__all__ = ["RuleInfo", "RuleSet", "Match", "Window", "Rule", "KindSpec", "load_rules", "describe_rules"]

SHARED_FILE = "common.toml"


@dataclass(frozen=True)
class RuleInfo:
    kind: str
    name: str
    source_file: str
    description: str


def _builtin_files() -> list[tuple[str, str]]:
    folder = resources.files("article_facts.core").joinpath("resources", "rules")
    return sorted((entry.name, entry.read_text(encoding="utf-8")) for entry in folder.iterdir()
                  if entry.name.endswith(".toml"))


@lru_cache(maxsize=8)
def load_rules(extra_files: tuple[str, ...] = ()) -> RuleSet:
    """Built-in kinds plus the user's files. A user file may add rules to a built-in kind (same ``kind``)
    or define a new one; a bad file raises ValueError naming the file and the problem."""
    from article_facts.core.numbers.grammar import grammar

    number_regex = grammar().forward_number
    builtin = _builtin_files()
    shared_text = dict(builtin).get(SHARED_FILE, "")
    shared = read_lists(SHARED_FILE, read_toml(SHARED_FILE, shared_text).get("lists", {}))
    fw = function_words_regex(shared)
    sources = [(f"rules/{name}", read_toml(name, text)) for name, text in builtin if name != SHARED_FILE]
    for path in extra_files:
        data = read_toml(path)
        if not isinstance(data, dict) or "kind" not in data:
            raise ValueError(f"{path}: a rule file needs a top-level 'kind = \"...\"' and [[rules]]")
        sources.append((str(Path(path)), data))
    kinds: dict[str, KindSpec] = {}
    for source, data in sources:
        spec = build_kind(source, data, shared, number_regex, fw)
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

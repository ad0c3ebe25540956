"""The temporal tagger's rules, compiled from resources/timex into one linear-time master regex.

A rule (rules.toml) is a regex with ``<<slot>>`` holes, a TIMEX3 type and a value template. A slot is either
a vocabulary table (vocabulary.toml: surface word -> normalised value) or a named regex from [slots]. All rules
become alternatives of one regex, tried in file order at each word start, so the earliest-starting match wins
and, at the same start, the rule written first (the more specific one).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from article_facts.core.resources import load_toml

_SLOT = re.compile(r"<<([a-z_]+?)(\d?)>>")
_NAMED = re.compile(r"\(\?P<(\w+)>")
_TOKEN = re.compile(r"[A-Za-z]+|\d")
# Slots with a normaliser in code (see values.normalise_slot) rather than a vocabulary table.
NUMBER_SLOT = "number"


@dataclass(frozen=True)
class Rule:
    name: str
    type: str                  # DATE, TIME, DURATION, SET, or NONE for a rule that only blocks others
    value: str                 # template, see values.py
    group: str                 # name of the rule's group in the master regex
    anchor: bool = True        # may its value anchor later anaphoric expressions ("a year earlier")?


@dataclass(frozen=True)
class Grammar:
    master: re.Pattern[str]
    rules: dict[str, Rule]
    tables: dict[str, dict[str, str]]          # lower-cased keys for case-insensitive tables
    case_sensitive: frozenset[str]
    triggers: frozenset[str]                   # lower-case words of which a taggable sentence has one

    def worth_tagging(self, text: str, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] holds a digit or a trigger word (a cheap test before the master regex)."""
        for m in _TOKEN.finditer(text, lo, hi):
            word = m.group()
            if word[0].isdigit() or word.lower() in self.triggers:
                return True
        return False

    def lookup(self, table: str, word: str) -> str | None:
        entries = self.tables.get(table)
        if entries is None:
            return None
        word = " ".join(word.split())
        if table in self.case_sensitive:
            return entries.get(word) or entries.get(word.rstrip("."))
        return entries.get(word.lower())


def _alternation(words: list[str]) -> str:
    # Longest first, so that "a few" wins over "a"; spaces match any run of blanks.
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    vocab = load_toml("timex/vocabulary.toml")
    data = load_toml("timex/rules.toml")
    sensitive = frozenset(vocab.get("case_sensitive", {}).get("tables", []))
    tables = {name: dict(entries) for name, entries in vocab.items() if name != "case_sensitive"}
    slot_regex: dict[str, str] = {}
    for name, entries in tables.items():
        alt = _alternation(list(entries))
        slot_regex[name] = f"(?-i:{alt})" if name in sensitive else f"(?:{alt})"
    for name, regex in data["slots"].items():
        slot_regex[name] = f"(?:{_expand_slots(regex, slot_regex, None)})"
    lowered = {name: (entries if name in sensitive else {k.lower(): v for k, v in entries.items()})
               for name, entries in tables.items()}

    rules: dict[str, Rule] = {}
    parts: list[str] = []
    for i, spec in enumerate(data["rule"]):
        group = f"R{i}"
        body = _NAMED.sub(lambda m: f"(?P<{group}_{m[1]}>", spec["pattern"])
        body = _expand_slots(body, slot_regex, group)
        parts.append(f"(?P<{group}>{body})(?![\\w])")
        rules[group] = Rule(spec.get("name", group), spec["type"], spec.get("value", ""), group,
                            spec.get("anchor", True))
    master = re.compile(r"(?<![\w'$£€#/.,-])(?i:" + "|".join(parts) + ")")
    spec = data.get("triggers", {})
    triggers = {w.lower() for w in spec.get("words", [])}
    for name in spec.get("trigger_tables", []):
        for key in tables.get(name, {}):
            triggers.update(w.lower() for w in _TOKEN.findall(key) if not w.isdigit())
    return Grammar(master, rules, lowered, sensitive, frozenset(triggers))


def _expand_slots(pattern: str, slot_regex: dict[str, str], group: str | None) -> str:
    def sub(m: re.Match[str]) -> str:
        table, n = m[1], m[2]
        if table not in slot_regex:
            raise ValueError(f"timex rules: unknown slot <<{table}>>")
        inner = slot_regex[table]
        return f"(?P<{group}_{table}{n}>{inner})" if group else inner
    return _SLOT.sub(sub, pattern)

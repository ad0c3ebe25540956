"""The temporal tagger's rules, compiled from resources/timex into linear-time regexes, one per rule.

A rule (rules.toml) is a regex with ``<<slot>>`` holes, a TIMEX3 type and a value template. A slot is either
a vocabulary table (vocabulary.toml: surface word -> normalised value, compiled as a trie) or a named regex
from [slots]. Rules are tried in file order at each word start, as the alternatives of one regex would be,
so the earliest-starting match wins and, at the same start, the rule written first (the more specific one).
The rules are indexed by their trigger words (a month, a unit, a digit...) and by the words they can begin
with (read from the patterns, see heads.py), so that a start is tried only with the rules that can match
there; each rule's regex is compiled the first time it is needed, which keeps start-up short.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from article_facts.core.resources import resource_text
from article_facts.core.rules import derived_cache, regex_cache, toml_cache
from article_facts.core.timex import heads as heads_module
from article_facts.core.timex.heads import HeadReader, lookahead

_SLOT = regex_cache.compile(r"<<([a-z_]+?)(\d?)>>")
_NAMED = regex_cache.compile(r"\(\?P<(\w+)>")
_TOKEN = regex_cache.compile(r"[A-Za-z]+|\d+")
# Slots with a normaliser in code (see values.normalise_slot) rather than a vocabulary table.
NUMBER_SLOT = "number"


@dataclass(eq=False)        # read-only by convention (frozen dataclasses cost more to create at import)
class Rule:
    name: str
    type: str                  # DATE, TIME, DURATION, SET, or NONE for a rule that only blocks others
    value: str                 # template, see values.py
    group: str                 # name of the rule's group in the master regex
    anchor: bool = True        # may its value anchor later anaphoric expressions ("a year earlier")?
    ends_quarter: bool = False  # does it move the focus from the quarter to a longer period ("nine months")?
    value_day_first: str = ""   # the value when the article writes dates day first ("09/10/2020" = 9 October)


@dataclass(eq=False)        # read-only by convention, as Rule
class Grammar:
    rules: dict[str, Rule]
    tables: dict[str, dict[str, str]]          # lower-cased keys for case-insensitive tables
    case_sensitive: frozenset[str]
    triggers: frozenset[str]                   # lower-case words of which a taggable sentence has one
    index: dict[str, tuple[int, ...]]          # trigger word ("#" for digits) -> the rules that may use it
    parts: tuple[str, ...]                     # each rule's regex, as an alternative of the master regex
    starts: dict[str, frozenset[int]]          # word a match can begin with ("#" for digits) -> those rules
    anywhere: frozenset[int]                   # rules whose first word is not known: tried at every word
    heads: tuple[frozenset[bytes] | None, ...]  # each rule's first words as bytes (None: any word)
    trigger_bytes: frozenset[bytes]            # the index's words (not "#"), as ASCII bytes
    _at: dict[str, "_StartTable"] = field(default_factory=dict, compare=False, repr=False)

    def master(self) -> re.Pattern[str]:
        """All rules as one regex, compiled on first use (tagging tries them one by one, see rules_at)."""
        return _sub_master(self, tuple(range(len(self.parts))))

    def rules_at(self, trigger: str) -> "_StartTable":
        """For a trigger key ("#" or a lower-case word), the table that gives, for the first word of a
        candidate start ("" for a word no rule begins with), the match functions of the trigger's rules
        that can begin there, in rule order."""
        table = self._at.get(trigger)
        if table is None:
            table = self._at[trigger] = _StartTable(self, self.index.get(trigger, ()))
        return table

    def lookup(self, table: str, word: str) -> str | None:
        entries = self.tables.get(table)
        if entries is None:
            return None
        word = " ".join(word.split())
        if table in self.case_sensitive:
            return entries.get(word) or entries.get(word.rstrip("."))
        return entries.get(word.lower())


class _StartTable(dict):
    """start word -> the match functions of the trigger's rules that can begin with it, in rule order (empty
    if none); filled on first use, so only the rules seen are compiled."""

    def __init__(self, g: Grammar, ids: tuple[int, ...]) -> None:
        super().__init__()
        self.g = g
        self.ids = ids
        firsts = [g.heads[i] for i in ids]
        # The words some of these rules can begin with (as bytes, digits as b"#"); None: any word may.
        self.heads: frozenset[bytes] | None = (
            None if None in firsts else frozenset().union(*firsts))

    def __missing__(self, word: str) -> tuple[Callable[..., re.Match[str] | None], ...]:
        starting = self.g.starts.get(word, frozenset())
        found = self[word] = tuple(_rule_regex(self.g, i).match for i in self.ids
                                   if i in starting or i in self.g.anywhere)
        return found


_LEAD = r"(?<![\w'$£€#/.,-])(?i:"
_SUB_CACHE: dict[tuple[int, ...], re.Pattern[str]] = {}
_ESCAPE = regex_cache.compile(r"\\[A-Za-z]|\(\?P<\w+>|\(\?[-a-z]+:|<<\w+>>")
_DIGIT_SLOTS = frozenset({"year", "yy", "decadeyear", "day", "month_number", "hour", "minute", "number"})


def _sub_master(g: Grammar, ids: tuple[int, ...]) -> re.Pattern[str]:
    pattern = _SUB_CACHE.get(ids)
    if pattern is None:
        pattern = _SUB_CACHE[ids] = regex_cache.compile(_LEAD + "|".join(g.parts[i] for i in ids) + ")")
    return pattern


def _rule_regex(g: Grammar, i: int) -> re.Pattern[str]:
    """One rule's regex: tried rule by rule, the rules of a start are each compiled once, and small."""
    return _sub_master(g, (i,))


def _rule_triggers(pattern: str, tables: dict[str, dict[str, str]], words: set[str]) -> set[str]:
    """The trigger words a rule's text must contain: its slots' words, digits, and its literal time words."""
    found: set[str] = set()
    for slot, _ in _SLOT.findall(pattern):
        if slot in _DIGIT_SLOTS:
            found.add("#")
        for key in tables.get(slot, {}):
            found.update(_trigger_words(key))
    if "\\d" in pattern or re.search(r"\(\?P<(?:number|yy)>", pattern):
        found.add("#")
    literal = _ESCAPE.sub(" ", pattern)
    found.update(w.lower() for w in re.findall(r"[A-Za-z]+", literal) if w.lower() in words)
    return found


def _trigger_words(key: str) -> list[str]:
    tokens = [t.lower() for t in _TOKEN.findall(key)]
    return ["#" if t[0].isdigit() else t for t in tokens[-1:]]


def _alternation(words: list[str], case_sensitive: bool = False) -> str:
    """A table's words as one regex; spaces match any run of blanks. Written as a trie ("a(?:bout|lmost)"),
    so that the engine follows only the words that share what it has read, rather than trying each word."""
    try:
        return _trie(words, case_sensitive)
    except ValueError:
        # Longest first, so that "a few" wins over "a".
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_END = ""


def _trie(words: list[str], case_sensitive: bool) -> str:
    """The trie regex: at each node longer words are tried before the word that ends there, the order in
    which a longest-first alternation tries the words that match at one place (they are prefixes of each
    other). Raises ValueError where two branches could read the same text (letters that differ only in
    case, unless the table is always read case-sensitively; other than ASCII or plain spaces)."""
    root: dict = {}
    for word in words:
        if not word.isascii() or any(c.isspace() and c != " " for c in word) or not word:
            raise ValueError(word)
        node = root
        for c in word:
            node = node.setdefault(r"\s+" if c == " " else re.escape(c), {})
        node[_END] = {}
    return _emit(root, case_sensitive)


def _emit(node: dict, case_sensitive: bool) -> str:
    branches = [atom + _emit(child, case_sensitive) for atom, child in node.items() if atom != _END]
    if not case_sensitive and len({atom.lower() for atom in node}) < len(node):
        raise ValueError("branches differ only in case")
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if _END in node else f"(?:{body})"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar of resources/timex. What is derived from the files (slot regexes, rule regexes, trigger
    index, first words) is built once per install and then read back in one piece (see derived_cache)."""
    vocab_text, rules_text = resource_text("timex/vocabulary.toml"), resource_text("timex/rules.toml")
    (specs, lowered, sensitive, triggers, index, parts, (starts, anywhere, heads)) = derived_cache.cached(
        "timex-grammar", lambda: _derive(vocab_text, rules_text), texts=(vocab_text, rules_text),
        modules=(sys.modules[__name__], heads_module))
    rules = {spec[3]: Rule(*spec) for spec in specs}
    return Grammar(rules, lowered, frozenset(sensitive), frozenset(triggers), index, parts, starts,
                   frozenset(anywhere), heads, frozenset(w.encode("ascii") for w in index if w != "#"))


def _derive(vocab_text: str, rules_text: str) -> tuple:
    """The grammar's data as plain values: rule fields, lowered tables, case-sensitive tables, triggers,
    trigger index, each rule's regex, and the first-word tables."""
    vocab = toml_cache.loads(vocab_text)
    data = toml_cache.loads(rules_text)
    sensitive = frozenset(vocab.get("case_sensitive", {}).get("tables", []))
    tables = {name: dict(entries) for name, entries in vocab.items() if name != "case_sensitive"}
    guards, rule_starts = _read_heads(tables, data)
    # Each slot opens with a lookahead on its first characters: where none fits, the engine skips the whole
    # alternation at once ("2015" against the number words) instead of trying each word.
    slot_regex: dict[str, str] = {}
    for name, entries in tables.items():
        alt = _alternation(list(entries), name in sensitive)
        guard = lookahead({key[0] for key in entries}) if all(entries) else ""
        slot_regex[name] = f"(?-i:{guard}(?:{alt}))" if name in sensitive else f"(?:{guard}(?:{alt}))"
    for name, regex in data["slots"].items():
        guard = guards.get(name) or ""
        slot_regex[name] = f"(?:{guard}(?:{_expand_slots(regex, slot_regex, None)}))"
    lowered = {name: (entries if name in sensitive else {k.lower(): v for k, v in entries.items()})
               for name, entries in tables.items()}

    specs: list[tuple] = []
    parts: list[str] = []
    for i, spec in enumerate(data["rule"]):
        group = f"R{i}"
        body = _NAMED.sub(lambda m: f"(?P<{group}_{m[1]}>", spec["pattern"])
        body = _expand_slots(body, slot_regex, group)
        parts.append(f"(?P<{group}>{body})(?![\\w])")
        specs.append((spec.get("name", group), spec["type"], spec.get("value", ""), group,
                      spec.get("anchor", True), spec.get("ends_quarter", False), spec.get("value_day_first", "")))
    spec = data.get("triggers", {})
    triggers = {w.lower() for w in spec.get("words", [])}
    for name in spec.get("trigger_tables", []):
        for key in tables.get(name, {}):
            triggers.update(_trigger_words(key))
    triggers.discard("#")
    index: dict[str, list[int]] = {}
    for i, rule_spec in enumerate(data["rule"]):
        for word in _rule_triggers(rule_spec["pattern"], tables, triggers):
            index.setdefault(word, []).append(i)
    return (tuple(specs), lowered, sensitive, frozenset(triggers), {w: tuple(ids) for w, ids in index.items()},
            tuple(parts), rule_starts)


def _read_heads(tables: dict[str, dict[str, str]], data: dict) -> tuple[dict[str, str | None], tuple]:
    """What the head reader finds in the rules (slow: it parses each rule): each regex slot's first-character
    lookahead, and the rules' first words (see _rule_starts)."""
    reader = HeadReader(tables, data["slots"])
    guards = {name: reader.first_chars(regex) for name, regex in data["slots"].items()}
    return guards, _rule_starts(data, reader)


def _rule_starts(data: dict, reader: HeadReader) -> tuple[dict[str, frozenset[int]], frozenset[int],
                                                         tuple[frozenset[bytes] | None, ...]]:
    """Which rules each first word can begin, the rules that may begin anywhere, and each rule's first
    words as bytes (None: any)."""
    starts: dict[str, set[int]] = {}
    anywhere: set[int] = set()
    heads: list[frozenset[bytes] | None] = []
    for i, spec in enumerate(data["rule"]):
        words = reader.first_words(spec["pattern"])
        heads.append(None if words is None else frozenset(w.encode("ascii") for w in words))
        if words is None:
            anywhere.add(i)
            continue
        for word in words:
            starts.setdefault(word, set()).add(i)
    return {w: frozenset(ids) for w, ids in starts.items()}, frozenset(anywhere), tuple(heads)


def _expand_slots(pattern: str, slot_regex: dict[str, str], group: str | None) -> str:
    def sub(m: re.Match[str]) -> str:
        table, n = m[1], m[2]
        if table not in slot_regex:
            raise ValueError(f"timex rules: unknown slot <<{table}>>")
        inner = slot_regex[table]
        return f"(?P<{group}_{table}{n}>{inner})" if group else inner
    return _SLOT.sub(sub, pattern)

"""Compile rule templates ("{number} {force}? {head} of|in") into anchored regular expressions.

A template is a sequence of tokens separated by spaces:

* ``{list}`` a phrase from a named word list; ``{list}?`` optional; ``{list}*`` up to three in a row;
* ``{number}`` / ``{number:part}`` a number (only after the anchor, in ``span`` and ``after``);
* ``{gap:N}`` up to N arbitrary words; ``{word}`` any word that is not a function word; ``{mod}`` a
  modifier word (not a conjunction, preposition or verb of being), usually ``{mod}*``;
* anything else is literal text, with ``|`` for alternatives and a trailing ``?`` for optional.

Templates for left context (``before``) are compiled reversed and matched on the reversed text, anchored at
the number, so that every match is anchored and bounded: no catastrophic backtracking on any input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from article_facts.core.rules import regex_cache

_TOKEN = regex_cache.compile(r"\{(?P<name>[a-z_][a-z0-9_+]*)(?::(?P<arg>[a-z0-9_]+))?\}(?P<op>[?*]?)$|(?P<lit>[^{}\s]+?)(?P<lop>\??)$")
MAX_REPEAT = 3
MAX_GAP = 8


class TemplateError(ValueError):
    pass


@dataclass(frozen=True, eq=False, repr=False)
class WordList:
    """A named list of phrases; ``canonical`` maps each normalised phrase to the value it stands for."""

    name: str
    canonical: dict[str, str]
    pattern: str | None = None                      # ``alternation(canonical)`` when already built

    @cached_property
    def phrases(self) -> frozenset:
        return frozenset(self.canonical)            # keys are already normalised (``norm``)

    @cached_property
    def regex(self) -> re.Pattern:
        """Any phrase of the list, case-insensitively (compiled on first use)."""
        return regex_cache.compile(self.pattern or alternation(self.canonical), re.I)

    def value_of(self, matched: str) -> str:
        key = " ".join(matched.lower().split())
        return self.canonical.get(key, matched)


def norm(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _escape(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split(" "))


def _tree_regex(phrases: list[str], depth: int) -> str:
    """Phrases sharing their first ``depth`` characters (sorted) as one prefix tree, longest match first."""
    alts: list[str] = []
    ends_here = None
    i = 0
    while i < len(phrases):
        phrase = phrases[i]
        if len(phrase) == depth:
            ends_here = phrase[-1:].isalnum()     # True: a word edge must follow
            i += 1
            continue
        j = i + 1
        while j < len(phrases) and len(phrases[j]) > depth and phrases[j][depth] == phrase[depth]:
            j += 1
        if j == i + 1:                            # a single phrase: its whole tail at once
            alts.append(_escape(phrase[depth:]) + (r"\b" if phrase[-1:].isalnum() else ""))
        else:
            alts.append(_escape(phrase[depth]) + _tree_regex(phrases[i:j], depth + 1))
        i = j
    if ends_here is not None:                     # after the longer phrases: longest match first
        alts.append(r"\b" if ends_here else "")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=256)
def _alternation(phrases: frozenset, reverse: bool) -> str:
    texts = {p[::-1] if reverse else p for p in phrases}
    words = sorted(t for t in texts if t[:1].isalnum())
    others = sorted(t for t in texts if not t[:1].isalnum())
    parts = ([r"\b" + _tree_regex(words, 0)] if words else []) + ([_tree_regex(others, 0)] if others else [])
    return "(?:" + "|".join(parts) + ")"


def alternation(phrases, reverse: bool = False) -> str:
    """One phrase of ``phrases`` (case-insensitive patterns only), as a prefix tree: the same matches, longest
    first, as a flat alternation, but each position tries only the branches its next character allows."""
    return _alternation(_key(phrases), reverse)


def _key(phrases) -> frozenset:
    if isinstance(phrases, frozenset):
        return phrases                              # already normalised: WordList.phrases
    return frozenset(" ".join(p.lower().split()) for p in phrases if p.split())


# Rule patterns hold placeholders for their alternations until first use (``render``), so loading rules
# builds no prefix tree for a rule that never meets its trigger words.
_DEFERRED: list[tuple[frozenset, bool]] = []
_DEFERRED_INDEX: dict[tuple[frozenset, bool], int] = {}
_PLACEHOLDER = regex_cache.compile("\x00(\\d+)\x00")


def deferred_alternation(phrases, reverse: bool = False) -> str:
    """A placeholder for ``alternation(phrases, reverse)`` that ``render`` expands."""
    key = (_key(phrases), reverse)
    index = _DEFERRED_INDEX.get(key)
    if index is None:
        index = _DEFERRED_INDEX[key] = len(_DEFERRED)
        _DEFERRED.append(key)
    return f"\x00{index}\x00"


def render(regex: str) -> str:
    """``regex`` with every deferred alternation expanded."""
    if "\x00" not in regex:
        return regex
    return _PLACEHOLDER.sub(lambda m: _alternation(*_DEFERRED[int(m.group(1))]), regex)


_RUN = regex_cache.compile(r"\w+")


def trigger_words(phrases) -> frozenset[str] | None:
    """A word that must occur (lowercased, as a whole \\w+ run) wherever a phrase of ``phrases`` matches: one
    per phrase. None when some phrase has no such word ("%")."""
    return _trigger_words(_key(phrases))


@lru_cache(maxsize=256)
def _trigger_words(phrases: frozenset) -> frozenset[str] | None:
    out = set()
    for text in phrases:
        if text.isalnum():
            out.add(text)
            continue
        whole = [r.group() for r in _RUN.finditer(text)
                 if (r.start() > 0 or text[:1].isalnum()) and (r.end() < len(text) or text[-1:].isalnum())]
        if not whole:
            return None
        out.add(max(whole, key=len))
    return frozenset(out)


@dataclass(frozen=True, eq=False, repr=False)
class Compiled:
    """A template as a regex, with the groups and trigger words it holds."""

    regex: str
    lists: tuple[str, ...]            # list names with a named group
    numbers: tuple[str, ...]          # number parts with a named group (n_<part>)
    triggers: tuple[frozenset[str], ...] = ()   # per required token: one of these words must occur


def compile_template(template: str, lists: dict[str, WordList], *, number_regex: str | None,
                     function_words: str, reverse: bool = False, used: set[str] | None = None,
                     mod_stop: str = "(?!)") -> Compiled:
    """Translate a template to a regex string. ``used`` collects group names already taken (unique names)."""
    used = set() if used is None else used
    tokens = template.split()
    if reverse:
        tokens = tokens[::-1]
    parts: list[str] = []
    names: list[str] = []
    numbers: list[str] = []
    triggers: list[frozenset[str]] = []
    for token in tokens:
        m = _TOKEN.match(token)
        if not m:
            raise TemplateError(f"bad token {token!r} in template {template!r}")
        if m["lit"] is not None:
            alts = [a for a in m["lit"].replace("_", " ").split("|") if a]
            if not alts:
                raise TemplateError(f"empty literal in template {template!r}")
            body = deferred_alternation(alts, reverse)
            words = None if m["lop"] else trigger_words(alts)
            if words:
                triggers.append(words)
            parts.append(f"(?:{body})?" if m["lop"] else body)
            continue
        name, arg, op = m["name"], m["arg"], m["op"]
        if name == "number":
            if number_regex is None or reverse:
                raise TemplateError(f"{{number}} may only appear in 'span' or 'after', not in {template!r}")
            group = f"n_{arg or 'number'}"
            if group in used:
                raise TemplateError(f"number part {arg!r} used twice in {template!r}")
            used.add(group)
            numbers.append(arg or "number")
            body = f"(?P<{group}>{number_regex})"
        elif name == "gap":
            n = int(arg or 3)
            if n > MAX_GAP:
                raise TemplateError(f"{{gap:{n}}} is longer than {MAX_GAP} words in {template!r}")
            parts.append(rf"(?:[^\s]+\s+){{0,{n}}}" if not reverse else rf"(?:[^\s]+\s+){{0,{n}}}")
            continue
        elif name == "mod":
            # never ends inside a run of word characters: such a split only makes the engine backtrack
            body = rf"(?!{mod_stop}(?![\w'-]))[A-Za-z][\w.'&-]*(?<![.])(?!(?<=\w)\w)"
            if reverse:
                body = r"[\w.'&-]*[A-Za-z](?![\w'-])"
        elif name == "word":
            body = rf"(?!{function_words}(?![\w'-]))[A-Za-z][\w'-]*"
            if reverse:
                body = r"[\w'-]*[A-Za-z](?![\w'-])"
            if "word" not in used:
                used.add("word")
                names.append("word")
                body = f"(?P<word>{body})"
        else:
            members = name.split("+")          # {a+b}: a phrase from either list
            for member in members:
                if member not in lists:
                    raise TemplateError(f"unknown list {{{member}}} in template {template!r}")
            if len(members) > 1:
                merged: dict[str, str] = {}
                for member in members:
                    merged.update(lists[member].canonical)
                name = "_".join(members)
                lists[name] = WordList(name, merged)
            alt = deferred_alternation(lists[name].phrases, reverse)
            words = None if op else trigger_words(lists[name].phrases)
            if words:
                triggers.append(words)
            if name not in used:
                used.add(name)
                names.append(name)
                body = f"(?P<{name}>{alt})"
            else:
                body = alt
        if op == "?":
            body = f"(?:{body})?"
        elif op == "*":
            inner = re.sub(r"\(\?P<\w+>", "(?:", body)
            body = f"(?:{inner}\\s*){{0,{MAX_REPEAT}}}"
        parts.append(body)
    regex = r"\s*".join(parts)
    return Compiled(regex, tuple(names), tuple(numbers), tuple(triggers))

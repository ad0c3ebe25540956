"""Lists of regexes from data files, tried as one, with a plain-text pre-check read from each pattern.

A pattern that can start anywhere in a sentence (``\\bscroll down\\b``, ``^.{0,120}\\bcontributed …``) costs a
regex attempt at every character. Most such patterns hold a literal that every match contains ("scroll down",
"contributed "): ``required_literals`` reads it from the pattern text, and ``PatternSet`` runs the pattern only
on a text that contains it (``in`` on the lower-cased text is far cheaper than the regex). Patterns anchored at
the start with a known first character fail at once and need no pre-check. The pre-check never changes a
result: it only skips patterns that cannot match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from article_facts.core.rules.regex_cache import compile as compile_regex

_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,(\d*))?\}")
_ZERO_WIDTH_ESCAPES = "bBAZ"
_FOLD_ONLY = ("ı", "ſ")        # under re.I they match "i" and "s", yet .lower() leaves them as they are
Literals = frozenset[str]


def required_literals(pattern: str, ignore_case: bool = True) -> Literals | None:
    """Strings one of which occurs in every match of ``pattern``, or None when none can be read.

    A safe under-approximation: lookarounds, inline flags, classes and back-references end a literal;
    literal text outside ASCII is left out. With ``ignore_case``, the literals are in lower case.
    """
    try:
        best = _best(_alternatives(pattern, 0, len(pattern)))
    except _Unreadable:
        return None
    if best is None:
        return None
    return frozenset(s.lower() for s in best) if ignore_case else best


class _Unreadable(Exception):
    pass


def _closing(pattern: str, i: int) -> int:
    """Index just past the group or class opening at ``i``."""
    if pattern[i] == "[":
        j = i + 1
        if j < len(pattern) and pattern[j] == "^":
            j += 1
        if j < len(pattern) and pattern[j] == "]":
            j += 1
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        if j >= len(pattern):
            raise _Unreadable
        return j + 1
    for j, c, depth in _top_level(pattern, i, len(pattern)):
        if c == ")" and depth == 0:
            return j + 1
    raise _Unreadable


def _top_level(pattern: str, start: int, end: int) -> Iterator[tuple[int, str, int]]:
    """Each structural character of pattern[start:end] (escapes and character classes skipped) with the group
    depth after it."""
    depth, j = 0, start
    while j < end:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _closing(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield j, c, depth
        j += 1


def _branches(pattern: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each top-level alternative of pattern[start:end]."""
    branches, cut = [], start
    for j, c, depth in _top_level(pattern, start, end):
        if c == "|" and depth == 0:
            branches.append((cut, j))
            cut = j + 1
    branches.append((cut, end))
    return branches


def _group_body(pattern: str, j: int) -> int | None:
    """Where the text of the group opening at ``j`` begins, or None for lookarounds."""
    body = j + 1
    if not pattern.startswith("?", body):
        return body
    if pattern.startswith("?:", body):
        return body + 2
    if pattern.startswith("?P<", body):
        return pattern.index(">", body) + 1
    if pattern.startswith(("?=", "?!", "?<=", "?<!"), body):
        return None
    raise _Unreadable                   # inline flags, conditionals, comments


def _alternatives(pattern: str, start: int, end: int) -> list[Literals]:
    """Candidate literal sets of pattern[start:end]: any one candidate is required of every match."""
    branches = _branches(pattern, start, end)
    if len(branches) == 1:
        return _sequence(pattern, start, end)
    union: set[str] = set()
    for s, e in branches:
        best = _best(_sequence(pattern, s, e))
        if best is None:
            return []
        union |= best
    return [frozenset(union)]


def _sequence(pattern: str, start: int, end: int) -> list[Literals]:
    candidates: list[Literals] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    j = start
    while j < end:
        c = pattern[j]
        atom_literal = None                 # the literal character this atom stands for, if any
        inner: list[Literals] = []          # candidates of a group atom
        if c == "\\":
            nxt = pattern[j + 1: j + 2]
            if nxt in _ZERO_WIDTH_ESCAPES and nxt:
                j += 2
                continue
            if nxt and not nxt.isalnum() and nxt.isascii():
                atom_literal = nxt
            j += 2
        elif c == "[":
            j = _closing(pattern, j)
        elif c == "(":
            close = _closing(pattern, j)
            body = _group_body(pattern, j)
            if body is None:                # a lookaround: no text of its own
                flush()
                j = close
                continue
            inner = _alternatives(pattern, body, close - 1)
            j = close
        elif c in "^$":
            j += 1
            continue
        elif c in ".)|{}*+?":
            j += 1
        else:
            atom_literal = c if c.isascii() else None
            j += 1
        q = _QUANTIFIER.match(pattern, j, end)
        optional = False
        if q:
            optional = _optional(q)
            j = q.end()
            if j < end and pattern[j] in "?+":     # lazy or possessive
                j += 1
        if atom_literal is not None and not optional:
            run.append(atom_literal)
            if q:
                flush()                     # a repeated character: what follows is not adjacent
            continue
        flush()
        if inner and not optional:
            best = _best(inner)
            if best is not None:
                candidates.append(best)
    flush()
    return candidates


def _best(candidates: Iterable[Literals]) -> Literals | None:
    """The most selective candidate: the longest shortest string, then the fewest strings."""
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)), default=None)


def _start(pattern: str, start: int, end: int) -> str:
    """How a match of pattern[start:end] begins: "known" (a character from a small set: literals, a plain
    class), "open" (any character: ``.``, ``\\w``, a negated class) or "empty" (it may match nothing)."""
    j = start
    while j < end:
        c = pattern[j]
        if c in "^$":
            j += 1
            continue
        if c == "(":
            close = _closing(pattern, j)
            body = _group_body(pattern, j)
            if body is None:                # a lookaround: no text of its own
                j = close
                continue
            heads = {_start(pattern, s, e) for s, e in _branches(pattern, body, close - 1)}
            kind = "open" if "open" in heads else "empty" if "empty" in heads else "known"
            after = close
        elif c == "[":
            after = _closing(pattern, j)
            kind = "open" if pattern[j + 1] == "^" or "\\" in pattern[j:after] else "known"
        elif c == "\\":
            first, after = pattern[j + 1: j + 2], j + 2
            if first and first in _ZERO_WIDTH_ESCAPES:
                j = after
                continue
            kind = "open" if first.isalnum() or not first else "known"
        elif c in ".|)*+?{}":
            return "open"
        else:
            kind, after = "known", j + 1
        if kind == "open":
            return "open"
        q = _QUANTIFIER.match(pattern, after, end)
        if q:
            after = q.end() + (1 if q.end() < end and pattern[q.end()] in "?+" else 0)
        if kind == "known" and not (q and _optional(q)):
            return "known"
        j = after
    return "empty"


def _optional(q: re.Match[str]) -> bool:
    return q.group(0) in "?*" or (q.group(0).startswith("{") and not int(q.group(1) or 0))


def _fails_at_once(pattern: str, anchored: bool) -> bool:
    """Whether each alternative of pattern is tried at the start only (``^``, or ``anchored``) and begins
    with one of a few known characters."""
    try:
        for s, e in _branches(pattern, 0, len(pattern)):
            if pattern.startswith("^", s):
                s += 1
            elif not anchored:
                return False
            if _start(pattern, s, e) != "known":
                return False
    except (_Unreadable, ValueError, IndexError):
        return False
    return True


@dataclass(frozen=True)
class PatternSet:
    """Regex lines tried together on a text: ``matches(text)`` is true when any line matches.

    ``anchored``: every line is matched at the start of the text (``re.match``), else searched anywhere.
    ``ignore_case``: lines are compiled with re.I; otherwise the caller passes text in the lines' own case.
    Lines that fail at once (tried at the start only, and beginning with one of a few known characters) are
    matched as one regex; a line with required literals (``required_literals``) is tried only when the text
    holds one of them; the rest are tried as one regex.
    """

    lines: tuple[str, ...]
    anchored: bool = False
    ignore_case: bool = True
    gates: dict[str, Literals] = field(init=False, compare=False)    # each pre-checked line: its literals
    _quick: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _ungated: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _checks: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        quick, ungated, gates = [], [], {}
        for line in self.lines:
            if _fails_at_once(line, self.anchored):
                quick.append(line)
            elif (lits := required_literals(line, self.ignore_case)) is not None:
                gates[line] = lits
            else:
                ungated.append(line)
        checks = tuple((lit, self._compile([line])) for line, lits in gates.items() for lit in sorted(lits))
        object.__setattr__(self, "gates", gates)
        object.__setattr__(self, "_quick", self._compile(quick))
        object.__setattr__(self, "_ungated", self._compile(ungated))
        object.__setattr__(self, "_checks", checks)

    def _compile(self, lines: Sequence[str]) -> re.Pattern[str] | None:
        if not lines:
            return None
        return compile_regex("|".join(f"(?:{line})" for line in lines), re.I if self.ignore_case else 0)

    def matches(self, text: str, lowered: str | None = None) -> bool:
        """Whether a line matches ``text``; ``lowered`` is text.lower() when the caller has it (``ignore_case``)."""
        if self._quick is not None and self._quick.match(text):
            return True
        find = (lambda p: p.match(text)) if self.anchored else (lambda p: p.search(text))
        if self._ungated is not None and find(self._ungated):
            return True
        if not self._checks:
            return False
        if not self.ignore_case:
            low = text                      # literals and text share their case
        else:
            low = text.lower() if lowered is None else lowered
            if not low.isascii() and any(c in low for c in _FOLD_ONLY):     # literals cannot be trusted
                return any(find(p) for _, p in self._checks)
        for literal, pattern in self._checks:
            if literal in low and find(pattern):
                return True
        return False

"""The words a rule's match can begin with, read from the rule's regex once at load time.

The tagger tries a trigger word's rules at the few word starts before it; knowing each rule's possible first
words (lower case, "#" for a run of digits) lets it skip the rules that cannot start at a given word, which is
most of them ("said", "he", "in" start no rule). The answer is a safe over-approximation: lookarounds are
read as if absent, and a rule whose first word the reader cannot pin down (a ``\\w+``, an ``.``) may start
anywhere (``None``). Slots (``<<month>>``) are read from their vocabulary keys or their own regex, so the big
expanded alternations are never parsed again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from article_facts.core.rules import regex_cache

try:
    from re import _constants as C  # Python >= 3.11
    from re import _parser
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

ANY_START = None
_MARK = 0xE000                      # slot k of a rule is written as the private-use character _MARK + k
_SLOT = regex_cache.compile(r"<<([a-z_]+?)\d?>>")
_STEP_LIMIT = 200_000
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT) + ((C.POSSESSIVE_REPEAT,) if hasattr(C, "POSSESSIVE_REPEAT") else ())
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_OPEN_END = object()                # end of a slot read on its own: where the rule's text goes on
_LETTER_RUN = regex_cache.compile(r"[A-Za-z]+")


class _Anywhere(Exception):
    """The reader cannot tell the first word: the rule may start at any word."""


@dataclass
class HeadReader:
    """Reads first words of patterns written with ``<<slot>>`` holes, given the slots' definitions."""
    tables: dict[str, dict[str, str]]                         # vocabulary slots: their keys are the words
    slot_regex: dict[str, str]                                # regex slots (may hold other slots)
    _names: list[str] = field(default_factory=list)
    _nodes: dict[str, list] = field(default_factory=dict)
    _summaries: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    def first_words(self, pattern: str) -> frozenset[str] | None:
        """The lower-cased first tokens a match of pattern can have ("#": digits), or None for any."""
        out: set[str] = set()
        self._steps = 0
        try:
            self._walk(self._parse(pattern), 0, "", None, out)
        except Exception:           # _Anywhere, or a parser this Python does not have: safe to try anywhere
            return ANY_START
        return frozenset(out)

    def first_chars(self, pattern: str) -> str | None:
        """A lookahead on the characters a match of pattern can begin with, or None when it cannot tell.

        Put before an alternation, it lets the regex engine give up at once where no alternative can start
        (a digit before a table of number words), instead of trying every alternative in turn.
        """
        found: set[str] = set()
        self._steps = 0
        try:
            self._first(self._parse(pattern), 0, None, found)
        except Exception:           # no guard is always safe
            return None
        return lookahead(found)

    def _step(self) -> None:
        """Count one step of a walk; a pattern with too many paths gets no guard."""
        self._steps += 1
        if self._steps > _STEP_LIMIT:
            raise _Anywhere("too many paths")

    def _first(self, nodes, i: int, then, found: set[str]) -> None:
        while True:
            self._step()
            if i == len(nodes):
                if then is None:
                    raise _Anywhere("may match the empty string")
                nodes, i, then = then
                continue
            op, av = nodes[i]
            i += 1
            if op is C.LITERAL:
                if _MARK <= av < _MARK + len(self._names):
                    self._first(self._slot_nodes(self._names[av - _MARK]), 0, (nodes, i, then), found)
                else:
                    found.add(chr(av))
                return
            if op is C.IN:
                for item, value in av:
                    if item is C.LITERAL:
                        found.add(chr(value))
                    elif item is C.RANGE and value[1] - value[0] < 256:
                        found.update(chr(c) for c in range(value[0], value[1] + 1))
                    elif item is C.CATEGORY and value is C.CATEGORY_DIGIT:
                        found.add(r"\d")
                    elif item is C.CATEGORY and value is C.CATEGORY_SPACE:
                        found.add(r"\s")
                    else:
                        raise _Anywhere(str(item))
                return
            if op is C.BRANCH:
                for alternative in av[1]:
                    self._first(alternative, 0, (nodes, i, then), found)
                return
            if op is C.SUBPATTERN:
                self._first(av[-1], 0, (nodes, i, then), found)
                return
            if op in _REPEATS:
                low, high, item = av
                if high == 0:
                    continue
                if low == 0:
                    self._first(nodes, i, then, found)
                self._first(item, 0, (nodes, i, then), found)
                return
            if op in _ZERO_WIDTH:
                continue
            raise _Anywhere(str(op))

    def _parse(self, pattern: str) -> list:
        return list(_parser.parse(_SLOT.sub(lambda m: chr(_MARK + self._slot_id(m[1])), pattern)))

    def _slot_id(self, name: str) -> int:
        if name not in self._names:
            self._names.append(name)
        return self._names.index(name)

    def _slot_nodes(self, name: str) -> list:
        nodes = self._nodes.get(name)
        if nodes is None:
            if name in self.tables:
                nodes = [(C.BRANCH, (None, [[(C.LITERAL, ord(ch)) for ch in key] for key in self.tables[name]]))]
            elif name in self.slot_regex:
                nodes = self._parse(self.slot_regex[name])
            else:
                raise _Anywhere(name)
            self._nodes[name] = nodes
        return nodes

    def _summary(self, name: str) -> tuple[frozenset[str], frozenset[str]]:
        """A slot read once for all the rules that open with it: the first words it completes, and the
        letters it may end on with the word still open ("year" in "years"), "" if it may match nothing."""
        summary = self._summaries.get(name)
        if summary is None:
            complete: set[str] = set()
            open_ends: set[str] = set()
            if name in self.tables:
                for key in self.tables[name]:
                    run = _LETTER_RUN.match(key)
                    if run is None:
                        _finish("", _kind(ord(key[0])), complete)
                    elif run.end() == len(key):
                        open_ends.add(key.lower())
                    else:
                        complete.add(run.group().lower())
            else:
                self._walk(self._slot_nodes(name) + [(_OPEN_END, open_ends)], 0, "", None, complete)
            summary = self._summaries[name] = (frozenset(complete), frozenset(open_ends))
        return summary

    def _walk(self, nodes, i: int, word: str, then, out: set[str]) -> None:
        """Follow every path through nodes[i:] and then the continuation until the first token is known."""
        while True:
            self._step()
            if i == len(nodes):
                if then is None:
                    if not word:
                        raise _Anywhere("may match the empty string")
                    out.add(word)
                    return
                nodes, i, then = then
                continue
            op, av = nodes[i]
            i += 1
            if op is _OPEN_END:
                av.add(word)
                return
            if op is C.LITERAL:
                if _MARK <= av < _MARK + len(self._names):
                    name = self._names[av - _MARK]
                    if word:
                        self._walk(self._slot_nodes(name), 0, word, (nodes, i, then), out)
                        return
                    complete, open_ends = self._summary(name)
                    out.update(complete)
                    for start in open_ends:
                        self._walk(nodes, i, start, then, out)
                    return
                kind = _kind(av)
                if kind == "letter":
                    word += chr(av).lower()
                    continue
                _finish(word, kind, out)
                return
            if op is C.IN:
                letters, kinds = _char_set(av)
                for letter in letters:
                    self._walk(nodes, i, word + letter, then, out)
                for kind in kinds:
                    _finish(word, kind, out)
                return
            if op is C.BRANCH:
                for alternative in av[1]:
                    self._walk(alternative, 0, word, (nodes, i, then), out)
                return
            if op is C.SUBPATTERN:
                self._walk(av[-1], 0, word, (nodes, i, then), out)
                return
            if op in _REPEATS:
                low, high, item = av
                if high == 0:
                    continue
                if low == 0:
                    self._walk(nodes, i, word, then, out)
                rest = [(op, (max(low - 1, 0), high if high == C.MAXREPEAT else high - 1, item))]
                self._walk(item, 0, word, (rest, 0, (nodes, i, then)), out)
                return
            if op in _ZERO_WIDTH:
                continue
            raise _Anywhere(str(op))


def lookahead(chars: set[str]) -> str:
    """``(?=[...])`` on the given characters (single characters, or the classes \\d and \\s), matched
    case-insensitively: the guard then lets through at least what the guarded regex can match in any context."""
    return "(?i:(?=[" + "".join(_class_char(c) for c in sorted(chars)) + "]))"


def _class_char(c: str) -> str:
    if len(c) > 1 or (c.isascii() and c.isalnum()):
        return c
    return f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"


def _kind(code: int) -> str:
    ch = chr(code)
    if ch.isascii() and ch.isalpha():
        return "letter"
    return "digit" if ch.isdecimal() else "other"


def _finish(word: str, kind: str, out: set[str]) -> None:
    # A letter run ends at any non-letter; a match cannot begin with a character no token begins with.
    if word:
        out.add(word)
    elif kind == "digit":
        out.add("#")


def _char_set(items) -> tuple[list[str], set[str]]:
    """The letters (lower case) and the other kinds ("digit", "other") a character class can match."""
    letters: set[str] = set()
    kinds: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            codes = [av]
        elif op is C.RANGE and av[1] - av[0] < 256:
            codes = list(range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            kinds.add("digit")
            continue
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            kinds.add("other")
            continue
        else:
            raise _Anywhere(str(op))
        for code in codes:
            kind = _kind(code)
            if kind == "letter":
                letters.add(chr(code).lower())
            else:
                kinds.add(kind)
    return list(letters), kinds

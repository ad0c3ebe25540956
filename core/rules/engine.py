"""Match compiled rules around number mentions: the small engine every fact kind shares.

Each rule is anchored on one number mention: its ``before`` pattern is matched on the reversed text ending
at the mention, its ``span``/``after`` pattern from the mention's end. Rules with several numbers
(``{number:from}``) run first and claim the numbers they use; then every other mention gets at most one
fact per kind, and fallback kinds (``quantity``) only when no other kind matched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from article_facts.core.rules import regex_cache
from article_facts.core.rules.loader import KindSpec, Rule, traits
from article_facts.core.rules.templates import trigger_words

_REF = regex_cache.compile(r"\{([a-z_][a-z0-9_]*)\}")
_WORD = regex_cache.compile(r"\w+")


class NumberMention(Protocol):
    start: int
    end: int
    value: Any
    low: Any
    high: Any
    qualifier: str
    currency: str | None
    fraction: float | None
    vague: bool
    year_like: bool


@dataclass(slots=True, eq=False)
class Match:
    """A fact found by a rule, before it becomes a Fact: kind, span and fields."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any]
    rule: str
    mention: Any = None


@dataclass(slots=True, eq=False, repr=False)
class Window:
    """The text being matched: one sentence of the article, with the reversed article for left contexts."""

    text: str
    rev: str
    lo: int
    hi: int
    parse: Callable[[int, int], Any]          # (start, end) -> the number mention written there, or None
    words: Any = None                         # the sentence's lowercased \\w+ words; None: try every rule
    plan: Any = None                          # the rules whose trigger words occur (set by the RuleSet)

    @property
    def n(self) -> int:
        return len(self.text)


def _try(rule: Rule, m: NumberMention, w: Window):
    """(before match, forward match) when the rule fits around mention ``m``, else None."""
    need = rule.requirement_bits
    if need and need & ~traits(m):
        return None
    before = None
    if rule.before is not None:
        before = rule.before.match(w.rev, w.n - m.start, w.n - w.lo)
        if before is None:
            return None
    fwd = rule.forward.match(w.text, m.end, w.hi)
    if fwd is None:
        return None
    return before, fwd


def _group(name: str, before, fwd):
    for match, rev in ((fwd, False), (before, True)):
        if match is None or name not in match.re.groupindex:
            continue
        text = match.group(name)
        if text is not None:
            return text[::-1] if rev else text
    return None


def _has_group(name: str, before, fwd) -> bool:
    return any(m is not None and name in m.re.groupindex for m in (before, fwd))


def _evaluate(spec: Any, rule: Rule, before, fwd, mention, parts: dict[str, Any]) -> Any:
    if type(spec) is str:
        return _evaluate_one(spec, rule, before, fwd, mention, parts)
    for alt in spec if isinstance(spec, list) else [spec]:
        value = _evaluate_one(alt, rule, before, fwd, mention, parts)
        if value is not None:
            return value
    return None


_PARSED: dict[str, tuple[str, Any]] = {}


def _parse(spec: str) -> tuple[str, Any]:
    """A field's text, read once: ("attr", name) for "@name", ("sum", tokens) for "{from} - {change}",
    ("ref", name) for "{name}", ("const", text) otherwise."""
    parsed = _PARSED.get(spec)
    if parsed is None:
        tokens = spec.split()
        ref = _REF.fullmatch(spec)
        if spec.startswith("@"):
            parsed = ("attr", spec[1:])
        elif len(tokens) > 1 and all(t in "+-" for t in tokens[1::2]):
            parsed = ("sum", tuple(tokens))
        else:
            parsed = ("ref", ref.group(1)) if ref else ("const", spec)
        _PARSED[spec] = parsed
    return parsed


def _evaluate_one(spec: Any, rule: Rule, before, fwd, mention, parts: dict[str, Any]) -> Any:
    if not isinstance(spec, str):
        return spec
    op, arg = _parse(spec)
    if op == "const":
        return arg
    if op == "attr":
        return getattr(mention, arg, None)
    if op == "sum":                                                   # "{from} - {change}"
        total = 0.0
        sign = 1
        for i, tok in enumerate(arg):
            if i % 2:
                sign = -1 if tok == "-" else 1
                continue
            val = _number_of(tok, parts)
            if val is None:
                return None
            total += sign * val
        return int(total) if float(total).is_integer() else total
    name = arg
    if name in parts:
        part = parts[name]
        return None if part is None else part.value
    text = _group(name, before, fwd)
    if text is None and name in rule.lists and not _has_group(name, before, fwd):
        words = rule.lists[name]
        needed = trigger_words(words.phrases)
        span = fwd.string[mention.start:fwd.end("_end")]
        if needed is not None and needed.isdisjoint(_WORD.findall(span.lower())):
            return None                               # none of the list's words in the span: no search
        found = words.regex.search(fwd.string, mention.start, fwd.end("_end"))
        text = found.group() if found else None      # a list inside a repeated slot: "{mod+force}*"
    if text is None:
        return None
    return rule.lists[name].value_of(text) if name in rule.lists else text


def _number_of(token: str, parts: dict[str, Any]):
    ref = _REF.fullmatch(token)
    if ref:
        part = parts.get(ref.group(1))
        return None if part is None or part.value is None else part.value
    try:
        return float(token)
    except ValueError:
        return None


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def number_fields(m: NumberMention) -> dict[str, Any]:
    return {"value": m.value, "low": m.low, "high": m.high, "qualifier": m.qualifier}


def _fitting(kinds: list, have: int) -> list:
    """Per kind, the rules whose trigger bits are all in ``have`` (kinds left with none are dropped)."""
    out = []
    for kind, rules in kinds:
        fit = [r for need, r in rules if have & need == need]
        if fit:
            out.append((kind, fit))
    return out


@dataclass(frozen=True, eq=False, repr=False)
class Plan:
    """The rules worth trying in one sentence: those whose trigger words all occur in it."""

    multi: list
    single: list
    fallback: list


@dataclass(eq=False, repr=False)
class RuleSet:
    """All kinds in force: built-in rule files plus the user's, ready to match."""

    kinds: list[KindSpec] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.kinds.sort(key=lambda k: (k.fallback, k.priority))
        self._by_kind = {k.kind: k for k in self.kinds}
        self.multi = [(k, r) for k in self.kinds for r in k.rules if r.multi]
        self.single = [(k, [r for r in k.rules if not r.multi]) for k in self.kinds if not k.fallback]
        self.fallback = [(k, [r for r in k.rules if not r.multi]) for k in self.kinds if k.fallback]
        # Trigger index: one bit per distinct trigger set; a word sets the bits of every set holding it.
        bits: dict[frozenset, int] = {}
        self._word_bits: dict[str, int] = {}
        self._rule_bits: dict[int, int] = {}
        for spec in self.kinds:
            for rule in spec.rules:
                need = 0
                for words in rule.triggers:
                    if words not in bits:
                        bits[words] = 1 << len(bits)
                        for word in words:
                            self._word_bits[word] = self._word_bits.get(word, 0) | bits[words]
                    need |= bits[words]
                self._rule_bits[id(rule)] = need
        self._trigger_words = frozenset(self._word_bits)
        # ASCII words are looked up among a sentence's ASCII words; the others count as present.
        self._ascii_bits = {w.encode("ascii"): b for w, b in self._word_bits.items() if w.isascii()}
        self._ascii_words = frozenset(self._ascii_bits)
        self._not_ascii = 0
        for w, b in self._word_bits.items():
            if not w.isascii():
                self._not_ascii |= b
        self._plans: dict[int, Plan] = {}
        self._full = Plan(self.multi, self.single, self.fallback)
        need = self._rule_bits
        self._multi_bits = [(need[id(r)], k, r) for k, r in self.multi]
        self._single_bits = [(k, [(need[id(r)], r) for r in rs]) for k, rs in self.single]
        self._fallback_bits = [(k, [(need[id(r)], r) for r in rs]) for k, rs in self.fallback]

    def plan(self, words) -> Plan:
        """The rules whose trigger words all occur in ``words`` (a sentence's lowercased words); every rule
        when ``words`` is None."""
        if words is None:
            return self._full
        have = 0
        for word in self._trigger_words.intersection(words):
            have |= self._word_bits[word]
        return self._plan_for(have)

    def plan_ascii(self, words) -> Plan:
        """``plan`` from a sentence's lowercased ASCII words as bytes (``numbers.candidates.ascii_words``: a
        word with other characters comes split at them): rules that need a word with other characters stay in."""
        have = self._not_ascii
        for word in self._ascii_words.intersection(words):
            have |= self._ascii_bits[word]
        return self._plan_for(have)

    def _plan_for(self, have: int) -> Plan:
        plan = self._plans.get(have)
        if plan is None:
            plan = self._plans[have] = Plan([(k, r) for need, k, r in self._multi_bits if have & need == need],
                                            _fitting(self._single_bits, have), _fitting(self._fallback_bits, have))
        return plan

    def _plan_of(self, w: Window) -> Plan:
        if w.plan is None:
            w.plan = self.plan(w.words)
        return w.plan

    def spec(self, kind: str) -> KindSpec | None:
        return self._by_kind.get(kind)

    def match_multi(self, mentions: list, w: Window) -> tuple[list[Match], set[int]]:
        """Rules with several numbers ("from 5,200 to 3,000 troops"). Returns facts and claimed mention ids."""
        out: list[Match] = []
        claimed: set[int] = set()
        multi = self._plan_of(w).multi
        if not multi:
            return out, claimed
        for i, m in enumerate(mentions):
            if i in claimed:
                continue
            for kind, rule in multi:
                hit = _try(rule, m, w)
                if hit is None:
                    continue
                before, fwd = hit
                parts = {rule.anchor: m}
                for name in rule.numbers:
                    s, e = fwd.span(f"n_{name}")
                    parts[name] = w.parse(s, e) if s >= 0 else None
                fields = {k: _evaluate(v, rule, before, fwd, m, parts) for k, v in rule.fields.items()}
                end = _trim(w.text, m.start, fwd.end("_end"))
                out.append(Match(kind.kind, m.start, end, {**kind.defaults, **fields}, rule.name, m))
                for emit in rule.emits:
                    part = parts.get(emit.part)
                    if part is None:
                        continue
                    spec = self.spec(emit.kind)
                    base = dict(spec.defaults) if spec else {}
                    extra = {k: _evaluate(v, rule, before, fwd, part, parts) for k, v in emit.fields.items()}
                    out.append(Match(emit.kind, part.start, part.end, {**number_fields(part), **base, **extra},
                                     rule.name, part))
                for j in range(i, len(mentions)):
                    if mentions[j].start < end:
                        claimed.add(j)
                break
        return out, claimed

    def match_single(self, m: NumberMention, w: Window) -> list[Match]:
        """At most one fact per kind for mention ``m``; a fallback kind only when no other kind matched."""
        plan = w.plan if w.plan is not None else self._plan_of(w)
        out: list[Match] = []
        text, rev, n, hi = w.text, w.rev, len(w.text), w.hi
        left, left_end, right = n - m.start, n - w.lo, m.end
        has = traits(m)
        for kinds in (plan.single, plan.fallback):
            for kind, rules in kinds:
                for rule in rules:                  # this loop is the engine's hot spot
                    need = rule.requirement_bits
                    if need and need & ~has:
                        continue
                    before = rule.before
                    if before is not None:
                        before = before.match(rev, left, left_end)
                        if before is None:
                            continue
                    fwd = rule.forward.match(text, right, hi)
                    if fwd is None:
                        continue
                    fields = {}
                    groups = rule.field_groups
                    for key, spec in rule.fields.items():
                        group = groups.get(key)
                        if group is None:
                            fields[key] = _evaluate(spec, rule, before, fwd, m, {rule.anchor: m})
                            continue
                        name, in_forward, in_before, words = group    # as _evaluate would read it, directly
                        value = fwd.group(name) if in_forward else None
                        if value is None and in_before:
                            value = before.group(name)
                            value = value and value[::-1]
                        fields[key] = value if value is None or words is None else words.value_of(value)
                    end = fwd.end("_end")
                    while end > right and text[end - 1].isspace():
                        end -= 1
                    if kind.number_fields:
                        fields = {"value": m.value, "low": m.low, "high": m.high, "qualifier": m.qualifier,
                                  **kind.defaults, **fields}
                    else:
                        fields = {**kind.defaults, **fields}
                    out.append(Match(kind.kind, m.start, end, fields, rule.name, m))
                    break
                if out and kinds is plan.fallback:
                    break                           # the first fallback kind that fits
            if out:
                break
        return out

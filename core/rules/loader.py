"""Read rule files (TOML) into validated, compiled rules. The file format is described in
resources/rules/README.md; every problem in a file becomes a ValueError naming the file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from article_facts.core.rules import regex_cache, toml_cache
from article_facts.core.rules.templates import (
    TemplateError,
    WordList,
    compile_template,
    deferred_alternation,
    norm,
    render,
)

# What a rule may require of its number (``requires = [...]``): each is one bit of ``traits(mention)``.
REQUIREMENT_BITS = {name: 1 << i for i, name in enumerate((
    "currency", "no_currency", "value", "range", "not_range", "vague", "not_vague", "fraction", "not_fraction",
    "not_year"))}
REQUIREMENTS = frozenset(REQUIREMENT_BITS)
_CURRENCY, _NO_CURRENCY, _VALUE, _RANGE, _NOT_RANGE, _VAGUE, _NOT_VAGUE, _FRACTION, _NOT_FRACTION, _NOT_YEAR = \
    REQUIREMENT_BITS.values()


def traits(m: Any) -> int:
    """The requirements number mention ``m`` meets, as one set of ``REQUIREMENT_BITS`` (a rule's
    ``requirement_bits`` must all be in it)."""
    return ((_CURRENCY if m.currency else _NO_CURRENCY) | (_VALUE if m.value is not None else 0)
            | (_RANGE if m.qualifier == "range" else _NOT_RANGE) | (_VAGUE if m.vague else _NOT_VAGUE)
            | (_FRACTION if m.fraction is not None else _NOT_FRACTION) | (0 if m.year_like else _NOT_YEAR))
_FIELD_REF = regex_cache.compile(r"\{([a-z_][a-z0-9_]*)\}")
_KIND = regex_cache.compile(r"[a-z][a-z0-9_]*$")
RULE_KEYS = {"name", "description", "span", "before", "after", "requires", "fields", "emit"}
KIND_KEYS = {"kind", "description", "priority", "fallback", "number_fields", "defaults", "lists", "rules"}


@dataclass(frozen=True)
class Emit:
    """A fact of another kind produced for one number part of a multi-number rule."""

    part: str
    kind: str
    fields: dict[str, Any]


@dataclass(frozen=True, eq=False, repr=False)
class Rule:
    """One compiled rule. Patterns are compiled on first use, so start-up stays fast."""

    kind: str
    name: str
    description: str
    source: str
    before_regex: str | None
    forward_regex: str                     # span remainder, then (?P<_end>), then the 'after' context
    numbers: tuple[str, ...]               # number parts besides the anchor
    anchor: str
    requires: frozenset[str]
    fields: dict[str, Any]
    emits: tuple[Emit, ...]
    lists: dict[str, WordList]
    triggers: tuple[frozenset[str], ...] = ()   # one word of each set must occur in the sentence

    @property
    def multi(self) -> bool:
        return bool(self.numbers)

    @cached_property
    def requirement_bits(self) -> int:
        """``requires`` as bits of ``traits``."""
        return sum(REQUIREMENT_BITS[name] for name in self.requires)

    @cached_property
    def field_groups(self) -> dict[str, tuple[str, bool, bool, WordList | None]]:
        """The fields that read one group of the rule's own patterns ("{force}"): key -> (group, in the forward
        pattern, in the before pattern, the word list giving its value). Other fields are evaluated in full."""
        forward = self.forward.groupindex
        before = self.before.groupindex if self.before is not None else {}
        out = {}
        for key, spec in self.fields.items():
            ref = _FIELD_REF.fullmatch(spec) if isinstance(spec, str) else None
            name = ref and ref.group(1)
            if name and name != self.anchor and name not in self.numbers and (name in forward or name in before):
                out[key] = (name, name in forward, name in before, self.lists.get(name))
        return out

    @cached_property
    def before(self) -> re.Pattern | None:
        return regex_cache.compile(render(self.before_regex), re.I) if self.before_regex else None

    @cached_property
    def forward(self) -> re.Pattern:
        return regex_cache.compile(render(self.forward_regex), re.I)


@dataclass(eq=False, repr=False)
class KindSpec:
    """One kind of fact: its rules, and what its facts carry by default."""

    kind: str
    description: str
    source: str
    priority: int = 50
    fallback: bool = False
    number_fields: bool = True
    defaults: dict[str, Any] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)


def read_toml(path: str | Path, text: str | None = None) -> dict[str, Any]:
    try:
        return toml_cache.loads(text if text is not None else Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read rule file ({exc.strerror or exc})") from None
    except ValueError as exc:                # tomllib.TOMLDecodeError is a ValueError
        raise ValueError(f"{path}: not valid TOML: {exc}") from None


def read_lists(source: str, data: dict[str, Any]) -> dict[str, WordList]:
    """``[lists]``: name = [phrases] (a phrase stands for itself) or name = {value = [phrases]}, where the
    key ``items`` also means "each phrase stands for itself"."""
    out: dict[str, WordList] = {}
    for name, entry in (data or {}).items():
        if not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or name in ("number", "gap", "word"):
            raise ValueError(f"{source}: list name {name!r} must be lower_case and not a reserved word")
        canonical: dict[str, str] = {}
        if isinstance(entry, list):
            pairs = [(p, p) for p in entry]
        elif isinstance(entry, dict):
            pairs = []
            for value, phrases in entry.items():
                if not isinstance(phrases, list):
                    raise ValueError(f"{source}: list {name}.{value} must be an array of phrases")
                pairs += [(p, p if value == "items" else value) for p in phrases]
        else:
            raise ValueError(f"{source}: list {name!r} must be an array or a table of arrays")
        for phrase, value in pairs:
            if not isinstance(phrase, str) or not phrase.strip():
                raise ValueError(f"{source}: list {name!r} holds an empty or non-text phrase")
            canonical.setdefault(norm(phrase), value)
        if not canonical:
            raise ValueError(f"{source}: list {name!r} is empty")
        out[name] = WordList(name, canonical)
    return out


def build_kind(source: str, data: dict[str, Any], shared: dict[str, WordList], number_regex: str,
               function_words: tuple[str, str]) -> KindSpec:
    unknown = set(data) - KIND_KEYS
    if unknown:
        raise ValueError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(KIND_KEYS))}")
    kind = data.get("kind")
    if not isinstance(kind, str) or not _KIND.match(kind):
        raise ValueError(f"{source}: 'kind' must be a lower_case name such as \"refugees\"")
    lists = {**shared, **read_lists(source, data.get("lists", {}))}
    spec = KindSpec(kind=kind, description=str(data.get("description", "")), source=source,
                    priority=int(data.get("priority", 50)), fallback=bool(data.get("fallback", False)),
                    number_fields=bool(data.get("number_fields", True)), defaults=dict(data.get("defaults", {})))
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise ValueError(f"{source}: no [[rules]] given for kind {kind!r}")
    for i, raw in enumerate(rules, 1):
        spec.rules.append(_build_rule(source, kind, i, raw, lists, number_regex, function_words))
    return spec


def _build_rule(source: str, kind: str, i: int, raw: dict[str, Any], lists: dict[str, WordList],
                number_regex: str, function_words: tuple[str, str]) -> Rule:
    where = f"{source}: rule {raw.get('name', i)!r}"
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: rule {i} must be a table")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(RULE_KEYS))}")
    span = raw.get("span")
    if not isinstance(span, str) or not span.split():
        raise ValueError(f"{where}: 'span' is required, e.g. span = \"{{number}} {{head}}\"")
    first, _, rest = span.strip().partition(" ")
    m = re.fullmatch(r"\{number(?::([a-z0-9_]+))?\}", first)
    if not m:
        raise ValueError(f"{where}: 'span' must start with {{number}} (the number the rule is anchored on)")
    anchor = m.group(1) or "number"
    used = {f"n_{anchor}"}
    try:
        span_c = compile_template(rest, lists, number_regex=number_regex, function_words=function_words[0], mod_stop=function_words[1], used=used) \
            if rest.strip() else None
        after_c = compile_template(raw["after"], lists, number_regex=number_regex, function_words=function_words[0],
                                   mod_stop=function_words[1], used=used) if raw.get("after") else None
        before_c = compile_template(raw["before"], lists, number_regex=None, function_words=function_words[0],
                                    mod_stop=function_words[1], reverse=True) if raw.get("before") else None
    except TemplateError as exc:
        raise ValueError(f"{where}: {exc}") from None
    forward = (r"\s*" + span_c.regex if span_c else "") + "(?P<_end>)" + (r"\s*" + after_c.regex if after_c else "")
    requires = raw.get("requires", [])
    requires = [requires] if isinstance(requires, str) else requires
    bad = set(requires) - REQUIREMENTS
    if bad:
        raise ValueError(f"{where}: unknown requirement(s) {sorted(bad)}; allowed: {sorted(REQUIREMENTS)}")
    numbers = tuple((span_c.numbers if span_c else ()) + (after_c.numbers if after_c else ()))
    triggers = tuple(dict.fromkeys(t for c in (before_c, span_c, after_c) if c for t in c.triggers))
    known = set(lists) | set(numbers) | {anchor, "word", "mod"}
    fields = dict(raw.get("fields", {}))
    for key, spec in fields.items():
        for alt in spec if isinstance(spec, list) else [spec]:
            if isinstance(alt, str):
                for ref in _FIELD_REF.findall(alt):
                    if ref not in known:
                        raise ValueError(f"{where}: field {key!r} refers to {{{ref}}}, which the rule does not define")
    emits = []
    for e in raw.get("emit", []):
        if not isinstance(e, dict) or e.get("part") not in set(numbers) | {anchor} or not e.get("kind"):
            raise ValueError(f"{where}: each emit needs 'kind' and a 'part' naming one of its numbers {sorted(known & (set(numbers) | {anchor}))}")
        emits.append(Emit(e["part"], e["kind"], dict(e.get("fields", {}))))
    rule = Rule(kind=kind, name=str(raw.get("name", f"rule-{i}")), description=str(raw.get("description", "")),
                source=source, before_regex=r"\s*" + before_c.regex if before_c else None, forward_regex=forward,
                numbers=numbers, anchor=anchor, requires=frozenset(requires), fields=fields, emits=tuple(emits),
                lists=lists, triggers=triggers)
    if not source.startswith("rules/"):           # a user's file: report a bad pattern now, naming the file
        try:
            rule.before, rule.forward
        except re.error as exc:
            raise ValueError(f"{where}: the pattern does not compile ({exc})") from None
    return rule


def function_words_regex(shared: dict[str, WordList]) -> tuple[str, str]:
    """Regexes for {word} (not a function word) and {mod} (not a linking word), from common.toml."""
    words, stop = shared.get("function_words"), shared.get("mod_stop")
    return (deferred_alternation(words.phrases) if words else "(?!)",
            deferred_alternation(stop.phrases) if stop else "(?!)")

"""From normalised text to a Record: structure, summary, then each fact stage in turn.

A fact stage is a module with ``extract(article, context) -> list[Fact]``. Adding a fact family means adding
one module name to ``STAGES``; adding a rule means editing a resource file, not Python.
"""
from __future__ import annotations

import importlib
import time
from bisect import bisect_right
from dataclasses import dataclass, field

from article_facts.core import structure, summarizers
from article_facts.core.errors import InputError
from article_facts.core.models import Article, ErrorInfo, Fact, Record, Stats
from article_facts.core.rules import regex_cache

STAGES: tuple[str, ...] = (
    "article_facts.core.numbers",        # troops, troop_change, casualties, money, percent, quantity
    "article_facts.core.timex",          # date, time, duration, set
    "article_facts.core.who.entities",   # person, organization, location
    "article_facts.core.who.quotes",     # quote (uses the entities for speakers)
)
_WORDS = regex_cache.compile(r"\w+")
NAME_KINDS = frozenset({"person", "organization", "location"})
# The fields each built-in kind always carries in the record (null when unknown): the schema's contract.
CONTRACT_FIELDS: dict[str, tuple[str, ...]] = {
    "troops": ("value", "low", "high", "qualifier", "force", "role"),
    "troop_change": ("from", "to", "change"),
    "casualties": ("casualty", "value", "low", "high", "qualifier"),
    "money": ("value", "currency"),
    "percent": ("value",),
    "quantity": ("value", "unit", "low", "high"),
    "quote": ("speaker",),
}


@dataclass(frozen=True)
class Options:
    algorithm: str = "news"
    length: summarizers.Length = field(default_factory=summarizers.Length)
    published: str | None = None           # overrides the article's own date
    include_text: bool = False
    rules_files: tuple[str, ...] = ()      # extra user rule files (TOML)
    date_order: str = "auto"               # all-number dates: "auto" (the article's own convention), "mdy", "dmy"
    facts: bool = True


@dataclass
class Context:
    """What a fact stage may read besides the article: the date anchor, options, earlier stages' facts."""

    published: str | None
    options: Options
    facts: list[Fact] = field(default_factory=list)


def _stage(name: str):
    return importlib.import_module(name).extract


def _drop_numbers_inside_names(facts: list[Fact]) -> list[Fact]:
    """A number that is part of a name ("Air Force One", "Apollo 11") is not a quantity."""
    names = sorted((m["start"], m["end"]) for f in facts if f.kind in NAME_KINDS for m in f.attrs.get("mentions") or ())
    if not names:
        return facts
    starts = [s for s, _ in names]

    def inside(f: Fact) -> bool:
        i = bisect_right(starts, f.start) - 1
        return i >= 0 and names[i][0] <= f.start and f.end <= names[i][1] and (f.start, f.end) != names[i]

    return [f for f in facts if not (f.kind == "quantity" and inside(f))]


def extract_facts(article: Article, options: Options) -> list[Fact]:
    ctx = Context(published=article.published, options=options)
    for name in STAGES:
        ctx.facts.extend(_stage(name)(article, ctx))
    ctx.facts = _drop_numbers_inside_names(ctx.facts)
    for fact in ctx.facts:
        for key in CONTRACT_FIELDS.get(fact.kind, ()):
            fact.attrs.setdefault(key, None)
    ctx.facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return ctx.facts


def analyse(text: str, *, id: str, source: str | None = None, title: str | None = None,
            published: str | None = None, options: Options | None = None) -> Record:
    """Analyse one article. Input problems become the record's ``error``; nothing is raised for them."""
    options = options or Options()
    started = time.perf_counter()
    try:
        if not text.strip():
            raise InputError(f"{source or id}: the article is empty")
        given = options.published or published
        anchor = structure.parse_published(given) if given else None
        article = structure.parse(text, title=title, published=anchor)
        record = Record(id=id, source=source, published=article.published)
        if given and anchor is None:
            record.warnings.append(f"{source or id}: published {given!r} is not a date; ignored")
        record.title = title or (article.headline.text if article.headline else None)
        for name in ("standfirst", "byline", "dateline"):
            span = getattr(article, name)
            setattr(record, name, span.text if span else None)
        record.summary = summarizers.get(options.algorithm)(article, options.length)
        if options.facts:
            record.facts = extract_facts(article, options)
            from article_facts.core.timeline import build_timeline
            record.timeline = build_timeline(article, record.facts)
        record.stats = Stats(sentences=len(article.sentences),
                             words=len(_WORDS.findall(text)), seconds=0.0)
    except InputError as exc:
        record = error_record(id, source, exc.kind, str(exc))
    if options.include_text:
        record.text = text
    record.stats.seconds = round(time.perf_counter() - started, 6)
    regex_cache.save()                     # patterns first compiled for this article, for the next process
    return record


def error_record(id: str, source: str | None, type: str, message: str) -> Record:
    """The record of an article that could not be analysed: its id and source, and why."""
    return Record(id=id, source=source, error=ErrorInfo(type, message))

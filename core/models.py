"""Typed records shared by every stage: the parsed article, its sentences, facts and the output record."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_ID = "article-facts/1"


@dataclass(frozen=True)
class Span:
    """A piece of the normalised article text: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    index: int = 0
    paragraph: int = 0


@dataclass(frozen=True)
class Paragraph(Span):
    index: int = 0


@dataclass
class Article:
    """One article after reading and structure analysis. Every later stage works on this."""

    text: str
    headline: Span | None = None
    standfirst: Span | None = None
    byline: Span | None = None
    dateline: Span | None = None
    published: str | None = None          # ISO 8601, from the header or the caller
    published_span: Span | None = None
    date_order: str | None = None         # "dmy" or "mdy", as the header date is written; None if unknown
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)

    @property
    def body(self) -> list[Sentence]:
        """The body's sentences: what summaries are made of (headline and standfirst excluded)."""
        return [s for s in self.sentences if s.paragraph >= 0]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence that contains a character offset, or None (header, boilerplate)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s.index
        return None


@dataclass
class Fact:
    """One extracted fact. ``attrs`` holds the fields of its kind (value, qualifier, speaker…)."""

    kind: str
    text: str
    start: int
    end: int
    sentence: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "start": self.start,
                               "end": self.end, "sentence": self.sentence}
        out.update(self.attrs)
        return out


@dataclass(frozen=True)
class SummarySentence:
    index: int
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class TimelineEntry:
    value: str
    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ErrorInfo:
    type: str
    message: str


@dataclass
class Stats:
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0


@dataclass
class Record:
    """The output contract: one per article (see schema/record.schema.json)."""

    id: str
    source: str | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    error: ErrorInfo | None = None
    stats: Stats = field(default_factory=Stats)
    warnings: list[str] = field(default_factory=list)
    text: str | None = None
    schema: str = SCHEMA_ID

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": self.schema, "id": self.id, "source": self.source, "title": self.title,
            "standfirst": self.standfirst, "byline": self.byline, "dateline": self.dateline,
            "published": self.published,
            "summary": [_flat(s) for s in self.summary],
            "facts": [f.to_dict() for f in self.facts],
            "timeline": [_flat(t) for t in self.timeline],
            "error": _flat(self.error) if self.error else None,
            "stats": _flat(self.stats),
            "warnings": list(self.warnings),
        }
        if self.text is not None:
            out["text"] = self.text
        return out


def _flat(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for the flat records above (scalar fields only), without its deep copies."""
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: getattr(obj, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}

"""Article structure: headline, standfirst, byline, dateline, publication date, paragraphs and sentences.

Handles the layouts news text arrives in: a headline block with byline, place and date lines (the seed),
CNN's ``Place (CNN)Body``, Daily Mail's ``By . Name . PUBLISHED: …`` header, wire ``PLACE (AP) — Body``, and a
bare body with no headline. Every span is an offset into the normalised text.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from itertools import islice

from article_facts.core import segmentation
from article_facts.core.models import Article, Paragraph, Sentence, Span
from article_facts.core.nlp.patterns import PatternSet
from article_facts.core.resources import load_lines
from article_facts.core.rules import regex_cache

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TIME_RE = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*(?:[A-Z]{2,4}|GMT|BST|EST|EDT|UTC))?"
_WEEKDAY_RE = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?"
_HEADER_DATES = [
    regex_cache.compile(rf"^(?:published:?\s*|updated:?\s*|posted:?\s*)?{_WEEKDAY_RE}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE}\s*,?\s+(?P<year>\d{{4}})(?:\s*,?\s+(?:at\s+)?{_TIME_RE})?$", re.I),
    regex_cache.compile(rf"^(?:published:?\s*|updated:?\s*|posted:?\s*)?{_WEEKDAY_RE}{_MONTH_RE}\s+(?P<day>\d{{1,2}})\s*,?\s+(?P<year>\d{{4}})(?:\s*,?\s+(?:at\s+)?{_TIME_RE})?$", re.I),
    regex_cache.compile(rf"^(?:published:?\s*|(?:last )?updated:?\s*(?:at\s+)?)?{_TIME_RE},?\s+(?:on\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?P<year>\d{{4}})$", re.I),
    regex_cache.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"),
]
_BY_LINE = regex_cache.compile(r"^by\s+(?P<name>[^\d\n]{2,80}?)\s*$", re.I)
_NAME_LINE = regex_cache.compile(r"^(?:[A-Z][\w'’.-]*\s?){1,4}$")
_DAILY_MAIL = regex_cache.compile(
    r"^(?:By \. (?P<name>.{2,120}?) \. )?(?:(?:PUBLISHED|Published): (?P<pub>[^|]{5,60}?) \| \. (?:UPDATED|Updated): [^.]{5,60}? \. |(?:Last updated at|UPDATED:) (?P<updated>[^.]{5,60}?) \. )")
_DM_BY_ONLY = regex_cache.compile(r"^By \. (?P<name>[^.]{2,80}?) \. (?=\S)")
_WORD = regex_cache.compile(r"\w+")
_LINE = regex_cache.compile(r"[^\n]*\S[^\n]*")


@lru_cache(maxsize=1)
def _boilerplate() -> PatternSet:
    return PatternSet(load_lines("boilerplate.txt"), anchored=True)


def is_boilerplate(text: str) -> bool:
    return _boilerplate().matches(text.strip())


def parse_published(text: str) -> str | None:
    """An ISO 8601 date or date-time from a header date line, or None."""
    return read_header_date(text)[0]


def read_header_date(text: str) -> tuple[str | None, str | None]:
    """(ISO date or date-time, "dmy"/"mdy"/None) of a header date line."""
    t = text.strip()
    for pat in _HEADER_DATES:
        m = pat.match(t)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["mnum"]) if g.get("mnum") else _MONTHS.get(g["month"].lower().rstrip("."))
        day, year = int(g["day"]), int(g["year"])
        try:
            iso = date(year, month or 0, day).isoformat()       # rejects 31 February, month 13…
        except ValueError:
            continue
        if g.get("hour"):
            hour, minute = int(g["hour"]), int(g["minute"])
            if g.get("ampm"):
                hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
            if hour > 23 or minute > 59:
                continue
            iso += f"T{hour:02d}:{minute:02d}"
        order = None if g.get("mnum") else ("dmy" if m.start("day") < m.start("month") else "mdy")
        return iso, order
    return None, None


def _lines(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in _LINE.finditer(text)]


def _trim(text: str, s: int, e: int) -> Span:
    s, e = segmentation.strip_span(text, s, e)
    return Span(s, e, text[s:e])


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _has_words(line: str, count: int) -> bool:
    """Whether the line holds at least ``count`` words (stops counting there: body lines can be long)."""
    return sum(1 for _ in islice(_WORD.finditer(line), count)) >= count


def _looks_like_body(line: str) -> bool:
    return _has_words(line, 40) or (_has_words(line, 12) and len(segmentation.split(line)) >= 2)


def _reads_as_prose(line: str) -> bool:
    return _words(line) >= 15 and line.rstrip()[-1:] in ".!?\"”'’"


def parse(text: str, title: str | None = None, published: str | None = None) -> Article:
    """Analyse normalised text into an Article. ``title``/``published`` come from a dataset row or the user."""
    art = Article(text=text, published=published)
    lines = _lines(text)
    body_from = 0
    header_roles: list[tuple[str, Span]] = []
    # Header block: short lines before the first body-like line (at most a dozen).
    if lines and not title and not _looks_like_body(lines[0].text) and len(lines) > 1:
        block = lines[:14]
        repeats = Counter(line.text.strip().lower() for line in block[1:])
        for i, line in enumerate(block):
            t = line.text.strip()
            key = t.lower()
            repeated = i > 0 and repeats[key] > 1      # a standfirst printed twice is boilerplate, both times
            marked = art.byline is not None or art.published_span is not None or bool(art.boilerplate)
            if i > 0 and not repeated and (_looks_like_body(t) or (marked and _reads_as_prose(t))):
                break
            if repeated or is_boilerplate(t):
                art.boilerplate.append(line)
            elif i == 0:
                header_roles.append(("headline", line))
            elif (pub := read_header_date(t))[0] is not None:
                art.published = art.published or pub[0]
                art.published_span = line
                art.date_order = pub[1]
            elif (m := _BY_LINE.match(t)) and art.byline is None:
                art.byline = Span(line.start + m.start("name"), line.start + m.end("name"), m.group("name"))
            elif _NAME_LINE.match(t) and _words(t) <= 4 and not t.endswith(".") and art.dateline is None:
                if art.byline is None:
                    art.byline = line
                else:
                    art.dateline = line
            elif len(header_roles) < 2:
                header_roles.append(("standfirst", line))
            else:
                break                                   # a second unclassified line: the body has begun
            body_from = i + 1
        else:
            body_from = len(block)
        if body_from >= len(lines):  # no body found: treat everything after the headline as body
            body_from, header_roles = 1, header_roles[:1]
            art.byline = art.dateline = art.published_span = None
            art.boilerplate.clear()
    for role, line in header_roles:
        if role == "headline":
            art.headline = line
        elif art.standfirst is None:
            art.standfirst = line
    body_lines = lines[body_from:]
    if body_lines:
        body_lines[0] = _strip_lead_markers(art, body_lines[0])
    sentences: list[Sentence] = []
    boilerplate = _boilerplate().matches

    def add(span: Span, para: int) -> None:
        for s, e in segmentation.spans(text, span.start, span.end):     # spans come stripped
            sentence = text[s:e]
            if boilerplate(sentence):
                art.boilerplate.append(Span(s, e, sentence))
            else:
                sentences.append(Sentence(s, e, sentence, index=len(sentences), paragraph=para))

    for role in ("headline", "standfirst"):
        span = getattr(art, role)
        if span is not None:
            sentences.append(Sentence(span.start, span.end, span.text, index=len(sentences), paragraph=-1))
    for line in body_lines:
        if is_boilerplate(line.text):
            art.boilerplate.append(line)
            continue
        para = Paragraph(line.start, line.end, line.text, index=len(art.paragraphs))
        art.paragraphs.append(para)
        add(line, para.index)
    art.sentences = sentences
    return art


def _strip_lead_markers(art: Article, line: Span) -> Span:
    """Remove a Daily Mail header or a CNN/wire dateline glued to the first body line."""
    text = art.text
    s = line.start
    m = _DAILY_MAIL.match(text, s, line.end) or _DM_BY_ONLY.match(text, s, line.end)
    if m:
        if m.group("name") and art.byline is None:
            art.byline = Span(m.start("name"), m.end("name"), m.group("name"))
        pub = m.groupdict().get("pub") or m.groupdict().get("updated")
        if pub and art.published is None:
            art.published, art.date_order = read_header_date(pub)
        return _trim(text, m.end(), line.end)
    dateline = segmentation.match_dateline(text, s, line.end)
    if dateline is not None:
        if dateline.has_place and art.dateline is None:
            art.dateline = Span(dateline.place_start, dateline.place_end, text[dateline.place_start:dateline.place_end])
        return _trim(text, dateline.body_start, line.end)
    return line

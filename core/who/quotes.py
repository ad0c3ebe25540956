"""Stage: direct quotations and who said them.

A quotation is the text inside straight or curly double quotes within a paragraph; an unclosed quote runs to the
end of its paragraph (and goes on at the next paragraph's opening mark, which starts a new part). Parts shorter
than ``min_words`` are scare quotes or titles and are dropped. The speaker comes from the attribution next to
the quote ("…," Mr McKenzie said / said X / X told reporters / according to X), from an introduction before it
(X said: "…"), from a pronoun pointing back to the last speaker, or from the quote it continues. Names are
resolved to the fullest form of the entity found by the entity stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from article_facts.core.models import Article, Fact
from article_facts.core.resources import load_toml
from article_facts.core.who import entities
from article_facts.core.who.lexicon import ORG, PERSON, lexicon

_QUOTE = re.compile(r"[\"“]([^\"“”]*)(?:[\"”]|$)")
_TITLE_BEFORE = re.compile(r"(?:\b(?:[A-Z][a-z]{0,12}\.?|[A-Z]{2,4})\s+){1,3}$")


@dataclass(frozen=True)
class _Rules:
    verbs: str
    pronouns: frozenset[str]
    min_words: int
    after_name: re.Pattern[str]        # ", X said" : gap between quote and name
    after_pronoun: re.Pattern[str]     # ", he said"
    verb_re: re.Pattern[str]
    according: re.Pattern[str]
    noun_speaker: re.Pattern[str]      # ", a police spokesman said"


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_toml("who/quotes.toml")
    verbs = "|".join(sorted({re.escape(v) for v in data["verbs"]}, key=len, reverse=True))
    pron = "|".join(data["pronouns"])
    acc = "|".join(re.escape(a) for a in data["according"])
    return _Rules(
        verbs=verbs, pronouns=frozenset(data["pronouns"]), min_words=int(data["min_words"]),
        after_name=re.compile(rf"[\s,.;:!?—–-]*(?:(?:{verbs})\s+|(?:{acc})\s+)?(?:the\s+)?"),
        after_pronoun=re.compile(rf"[\s,.;:!?—–-]*(?P<p>{pron})\s+(?:{verbs})\b", re.I),
        verb_re=re.compile(rf"\b(?:{verbs})\b"),
        according=re.compile(rf"[\s,.;:—–-]*(?:{acc})\s+", re.I),
        noun_speaker=re.compile(rf"[\s,.;:!?—–-]*(?:(?:{verbs})\s+)?(?P<np>(?:an?|the)\s+[a-z][\w -]{{2,40}}?)"
                                rf"(?:\s+(?:{verbs})\b|[.,]|$)"),
    )


@dataclass
class _Speaker:
    name: str
    start: int
    end: int


@dataclass
class _Quote:
    start: int
    end: int
    paragraph: int
    opens_paragraph: bool
    continues: bool                 # continues an unclosed quote of the previous paragraph
    closed: bool
    speaker: _Speaker | None = None


def _paragraph_spans(article: Article) -> list[tuple[int, int, int]]:
    spans: dict[int, list[int]] = {}
    order: list[int] = []
    for s in article.sentences:
        key = s.paragraph if s.paragraph >= 0 else -1000 - s.index
        if key not in spans:
            spans[key] = [s.start, s.end]
            order.append(key)
        else:
            spans[key][1] = s.end
    return [(k, spans[k][0], spans[k][1]) for k in order]


def _entity_mentions(article: Article, context) -> list[tuple[int, int, str, str]]:
    """(start, end, fullest name, kind) of every person/organisation mention."""
    facts = [f for f in (getattr(context, "facts", None) or []) if f.kind in (PERSON, ORG)]
    if not facts and context is None:
        facts = [f for f in entities.extract(article, None) if f.kind in (PERSON, ORG)]
    out = []
    for f in facts:
        for m in f.attrs.get("mentions", [f.to_dict()]):
            out.append((m["start"], m["end"], f.text, f.kind))
    out.sort()
    return out


class _Attributor:
    def __init__(self, article: Article, mentions):
        self.text = article.text
        self.mentions = mentions
        self.rules = _rules()
        self.titles = lexicon().titles

    def _speaker(self, m) -> _Speaker:
        start, end, name, _ = m
        title = _TITLE_BEFORE.search(self.text, max(0, start - 40), start)
        if title and all(w.rstrip(".") in self.titles for w in title.group().split()):
            start = title.start()
            if len(name.split()) == 1:
                name = self.text[start:end]
        return _Speaker(name, start, end)

    def after(self, q_end: int, limit: int) -> _Speaker | str | None:
        """Attribution right after the closing mark; 'PRONOUN' when only a pronoun is given."""
        r = self.rules
        window = self.text[q_end:min(limit, q_end + 120)]
        if r.after_pronoun.match(window):
            return "PRONOUN"
        for m in self.mentions:
            if m[0] < q_end:
                continue
            if m[0] > q_end + 80 or m[0] >= limit:
                break
            gap = self.text[q_end:m[0]]
            lead = r.after_name.match(gap)
            rest = gap[lead.end():] if lead else gap
            if lead and (not rest.strip() or _TITLE_BEFORE.fullmatch(rest)):
                said_before = bool(r.verb_re.search(gap) or r.according.match(gap))
                said_after = bool(re.match(rf"\s*(?:\([^)]*\)\s*)?,?\s*(?:[\w\s,'-]{{0,60}},\s*)?(?:{r.verbs})\b",
                                           self.text[m[1]:m[1] + 90]))
                if said_before or said_after:
                    return self._speaker(m)
            break
        noun = r.noun_speaker.match(window)
        if noun and (r.verb_re.search(window[:noun.end() + 12])):
            np = noun.group("np")
            s = q_end + noun.start("np")
            return _Speaker(np, s, s + len(np))
        return None

    def before(self, q_start: int, floor: int) -> _Speaker | str | None:
        """Introduction before the opening mark: 'X said: "…"', 'X told reporters "…"'."""
        r = self.rules
        intro = self.text[floor:q_start]
        tail = intro.rstrip()
        if not tail:
            return None
        verb = None
        for verb in r.verb_re.finditer(intro):
            pass
        if not (tail.endswith(":") or (verb and q_start - (floor + verb.end()) < 60)):
            return None
        cands = [m for m in self.mentions if floor <= m[0] and m[1] <= q_start]
        if verb is not None:
            near = [m for m in cands if m[1] <= floor + verb.start()]
            cands = near or cands
        if cands:
            return self._speaker(cands[-1])
        pron = re.search(r"\b(he|she|they)\s+(?:" + r.verbs + r")\b", intro, re.I)
        return "PRONOUN" if pron else None

    def last_person_before(self, pos: int) -> _Speaker | None:
        best = None
        for m in self.mentions:
            if m[0] >= pos:
                break
            if m[3] == PERSON:
                best = m
        return self._speaker(best) if best else None


def _find_quotes(article: Article) -> list[_Quote]:
    text = article.text
    quotes: list[_Quote] = []
    open_prev = False
    for para, start, end in _paragraph_spans(article):
        body = text[start:end]
        first = True
        was_open = open_prev
        open_prev = False
        for m in _QUOTE.finditer(body):
            s, e = start + m.start(1), start + m.end(1)
            closed = m.end() > m.end(1)
            open_prev = not closed
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            quotes.append(_Quote(s, e, para, not body[:m.start()].strip(), was_open and first, closed))
            first = False
    return quotes


def extract(article: Article, context) -> list[Fact]:
    rules = _rules()
    text = article.text
    found = _find_quotes(article)
    att = _Attributor(article, _entity_mentions(article, context))
    para_end = {p: e for p, _, e in _paragraph_spans(article)}
    para_start = {p: s for p, s, _ in _paragraph_spans(article)}
    last: _Speaker | None = None
    for i, q in enumerate(found):
        prev = found[i - 1] if i else None
        limit = found[i + 1].start - 1 if i + 1 < len(found) and found[i + 1].paragraph == q.paragraph \
            else para_end[q.paragraph]
        floor = prev.end + 1 if prev and prev.paragraph == q.paragraph else para_start[q.paragraph]
        who = att.after(q.end + (1 if q.closed else 0), limit) if q.closed else None
        if who is None:
            who = att.before(q.start - 1, floor)
        if who == "PRONOUN":
            who = last or att.last_person_before(q.start)
        if who is None and prev and (prev.paragraph == q.paragraph or q.continues) and prev.speaker:
            who = prev.speaker
        q.speaker = who if isinstance(who, _Speaker) else None
        if q.speaker:
            last = q.speaker
    # an unattributed quote takes the speaker of the next quote in its paragraph or of its continuation
    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if q.speaker is None and nxt.speaker and (nxt.paragraph == q.paragraph or nxt.continues):
            q.speaker = nxt.speaker
    facts = []
    for q in found:
        if len(text[q.start:q.end].split()) < rules.min_words:
            continue
        attrs: dict = {"speaker": q.speaker.name if q.speaker else None}
        if q.speaker:
            attrs["speaker_start"], attrs["speaker_end"] = q.speaker.start, q.speaker.end
        facts.append(Fact("quote", text[q.start:q.end], q.start, q.end, article.sentence_at(q.start), attrs))
    return facts

"""Stage: direct quotations and who said them.

A quotation is the text between an opening and a closing double quote within a paragraph. Straight marks take
their direction from their neighbours (a mark after a space opens, a mark before a space closes), so one stray
mark does not flip every later pair; an opening mark that is never closed starts nothing, unless it runs to the
end of its paragraph and the quote goes on at the next paragraph's opening mark (a new part). Parts shorter
than ``min_words`` are scare quotes and are dropped, and so are unattributed titles ("The Hunger Games").

The speaker comes from the attribution next to the quote: after it ('"…," Mr McKenzie said', 'said X',
'X, a professor at Y, said', 'said a female juror', 'he said'), or before it ('X told reporters: "…"',
'according to X, "…"'). A pronoun points back to the nearest earlier person of its gender (speakers of
earlier quotes first, then each sentence's people in order); a quote without attribution continues the quote
just before it. Names are resolved to the fullest form of the entity found by the entity stage.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from article_facts.core.models import Article, Fact
from article_facts.core.resources import load_toml
from article_facts.core.rules import regex_cache
from article_facts.core.segmentation import strip_span
from article_facts.core.who import entities, gender
from article_facts.core.who.lexicon import LOC, ORG, PERSON, lexicon

_START = itemgetter(0)
_MARK = regex_cache.compile(r"[\"“”]")
_OPEN_BEFORE = " \t\n([{—–-/:"
_CLOSE_AFTER = " \t\n,.;:!?)]}—–-'’"
_CAP_RUN = regex_cache.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|de|van|von|da)-?[A-Z][\w'’-]*)"
                      r"(?:\s+(?:(?:de|van|von|da|bin|al|of|the)\s+)?[A-Z][\w'’.-]*)*")
_WORD = regex_cache.compile(r"[\w'’-]+")
_CAP_WORD = regex_cache.compile(r"\b[A-Z][\w-]+")
_SENTENCE_BREAK = regex_cache.compile(r"[.!?][\"”’]?\s+[A-Z\"“]")
_PRONOUN, _NOBODY = "PRONOUN", "NOBODY"
_SHORT_GENDER = {gender.MALE: "m", gender.FEMALE: "f"}
_NP_END = regex_cache.compile(r"[,.;:!?(]|\s(?:who|in|on|at|to|during|after|before|about|from|of)\s")
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
# Words after which a subject can start: "… and Jane Doe said", "But she says"; a dash before a pronoun ("-- and
# the money -- she says"), not a dash around an apposition ("Doe -- the player of the year -- said").
_CLAUSE_OPENER = regex_cache.compile(r"\b(?:and|but|that|as|while|because|when|so|then|who|which|said|says|And|But|So|Then)\s+"
                                     r"|\s(?:--|[—–])\s+(?=(?:he|she|they|we|I)\b)")
# The subject opening a clause, after any conjunction: a pronoun or a run of capitalised words ("Turkey's Foreign
# Minister Jane Doe"), ending before a lower-case word or a comma.
_CLAUSE_HEAD = regex_cache.compile(r"[\s\"“”'‘’(]*(?:(?:And|But|Or|So|Yet|Then|and|but|or|so|yet|then)\s+)?"
                          r"(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|de|al|bin|van|von|da)\s+)?[A-Z][\w'’.-]*)*"
                          r"|(?:he|she|they|it|we)\b)")
_DESCRIBED_OPENING = regex_cache.compile(r"[\s\"“”'‘’(]*(?:(?:And|But|Yet|So)\s+)?(?P<np>[Tt]he\s+(?P<what>[\w-]+))\b")
_MODIFIER = regex_cache.compile(r"[a-z][\w-]*")     # a lower-case word, no punctuation: 'seventh' in 'seventh seed'
# A single quotation mark opening (after a space, before a word) or closing (after a word, before a space or
# punctuation); an apostrophe inside a word ('didn’t') is neither.
_SINGLE_MARK = regex_cache.compile(r"(?:^|(?<=\s))(?P<open>['‘])(?=\w)|(?<=[\w.,!?])['’](?=[\s.,;:!?]|$)")
_SENTENCE_SUBJECT = regex_cache.compile(r"(?:The|A|An)\s+(?:[A-Z][\w-]*\s+)*[a-z]+(?=\s)")


@dataclass(frozen=True)
class _Rules:
    min_words: int
    role_lookback_chars: int
    organisation_nouns: frozenset[str]
    max_carry_sentences: int
    document_lookback_sentences: int
    document_links: frozenset[str]
    max_words_after_new_sentence_verb: int
    auxiliaries: frozenset[str]
    verb_re: re.Pattern[str]
    nominal_subject: re.Pattern[str]      # "The power company said"
    pronoun_verb_after: re.Pattern[str]   # ", he said"
    verb_first_after: re.Pattern[str]     # ", said X" / ", according to X"
    according_before: re.Pattern[str]     # "According to X, "
    according_end: re.Pattern[str]        # ", according to X." closing the sentence
    pronouns: frozenset[str]              # subject pronouns: "he said"
    male: frozenset[str]
    female: frozenset[str]
    male_cues: frozenset[str]
    female_cues: frozenset[str]
    determiners: frozenset[str]
    not_speakers: frozenset[str]
    clause_starters: frozenset[str]
    title_cues: frozenset[str]
    title_case_share: float
    gendered_nominal: re.Pattern[str]     # "Crombie's sister", "his wife", "the actress"
    prepositions: frozenset[str]
    collective: frozenset[str]
    subordinators: frozenset[str]
    participle_opening: re.Pattern[str]   # 'Writing his …,': a participial clause opening the sentence
    linked_participle: re.Pattern[str]  # 'by saying', 'as saying', 'by declaring'
    quoted_as: re.Pattern[str]          # 'quoted him as', 'cited Jane Doe as'
    platforms: frozenset[str]
    role_determiners: frozenset[str]
    possessive_pronouns: frozenset[str]
    apposition_determiners: frozenset[str]
    instruction_words: frozenset[str]
    speaking_re: re.Pattern[str]          # 'called the plan "…"', 'talks about the "…"'
    author_links: frozenset[str]
    author_window_chars: int
    name_suffixes: frozenset[str]
    party_tag: re.Pattern[str]            # "D-Illinois", "R-Texas": a legislator's party and state, not a name
    intro_before: re.Pattern[str]         # a verb of saying right before the opening mark: 'said, "', 'told CNN: "'
    organisation_joiners: frozenset[str]  # 'and' in 'the Department of Children and Families'
    subject_pronouns: dict[str, str]      # 'it', 'they', 'them' -> the subject form
    connectives: frozenset[str]           # 'However', 'But': a sentence opening with one attributes no quote before it
    acronym_tag: re.Pattern[str]          # 'the British Chambers of Commerce (BCC)'
    role_links: frozenset[str]            # 'economist at Acme': a role of an organisation
    unnamed_roles: frozenset[str]         # 'the spokesman': no fallback to the person named last
    role_subject: re.Pattern[str]         # 'An All England club spokesperson', up to the role noun
    relatives: frozenset[str]             # 'whose', 'who': a clause inside a subject ('The actor, whose films …,')
    connectives_lower: frozenset[str]     # the connectives in lower case: 'But while he …'
    document_said: re.Pattern[str]        # 'statement said': a document as the subject of a verb of saying
    name_number: re.Pattern[str]          # ' 1' closing an organisation's name: 'Radio 1'
    name_inner_words: frozenset[str]      # 'the' in 'Save the Children': a name goes on over it
    say_after: re.Pattern[str]            # ' has admitted', ' also said': right after a name, it is the speaker
    described_by: re.Pattern[str]         # 'the 34-year-old', 'the ex-Wallaby': a description of a person by age
    first_person: frozenset[str]          # 'i', 'we' after a quote: the writer speaks
    title_roles: dict[str, str]           # 'Capt.' -> 'captain': a short title introduces its role


def _without_suffix(name: str, suffixes: frozenset[str]) -> str:
    """The name without a trailing generational suffix ("Martin Luther King Jr." -> "Martin Luther King")."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,") in suffixes:
        words.pop()
    return " ".join(words).rstrip(",") if len(words) < len(name.split()) else name


def _speaker_name(sp: "_Speaker", text: str, kinds: dict[int, str], rules: "_Rules") -> str:
    """The name a quote's speaker goes by: a person's fullest name, without a generational suffix; an
    organisation as the attribution writes it when that is its acronym ('"…," the IMF said' gives "IMF", the
    form a reader quotes, not "International Monetary Fund")."""
    said = text[sp.start:sp.end]
    if kinds.get(sp.entity) == ORG and said.isupper() and " " not in said:
        return said
    return _without_suffix(sp.name, rules.name_suffixes)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_toml("who/quotes.toml")
    verbs = "|".join(sorted({re.escape(v) for v in data["verbs"]}, key=lambda w: (-len(w), w)))
    pron = "|".join(data["pronouns"])
    acc = "|".join(re.escape(a) for a in data["according"])
    adverb = r"(?:(?:also|later|then|once|previously|recently|simply|quietly|finally|further|again)\s+)?"
    return _Rules(
        min_words=int(data["min_words"]),
        pronouns=frozenset(data["pronouns"]),
        role_lookback_chars=int(data["role_lookback_chars"]),
        organisation_nouns=frozenset(data["organisation_nouns"]),
        max_carry_sentences=int(data["max_carry_sentences"]),
        document_lookback_sentences=int(data["document_lookback_sentences"]),
        document_links=frozenset(data["document_links"]),
        max_words_after_new_sentence_verb=int(data["max_words_after_new_sentence_verb"]),
        auxiliaries=frozenset(data["auxiliaries"]),
        verb_re=regex_cache.compile(rf"\b(?:{verbs})\b"),
        nominal_subject=regex_cache.compile(rf"(?:The|A|An)\s+(?:[A-Z][\w-]*\s+)*(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*"
                                   rf"(?=\s+(?:{verbs})\b)"),
        pronoun_verb_after=regex_cache.compile(rf"[\s,;:—–-]*(?P<p>{pron})\s+{adverb}(?P<v>{verbs})\b", re.I),
        verb_first_after=regex_cache.compile(rf"[\s,;:—–-]*(?:(?P<v>{verbs})|(?P<acc>{acc}))\s+", re.I),
        according_before=regex_cache.compile(rf"\b(?:{acc})\s+(?P<np>[^,:;]{{2,80}})[,:]\s*$", re.I),
        according_end=regex_cache.compile(rf",\s*(?:{acc})\s+(?P<np>[^,:;\"“”]{{2,80}}?)\s*[.!?]?\s*$", re.I),
        male=frozenset(data["male_pronouns"]), female=frozenset(data["female_pronouns"]),
        male_cues=frozenset(data["male_cues"]), female_cues=frozenset(data["female_cues"]),
        determiners=frozenset(data["nominal_determiners"]), not_speakers=frozenset(data["not_speaker_nouns"]),
        clause_starters=frozenset(data["clause_starters"]), title_cues=frozenset(data["title_cues"]),
        title_case_share=float(data["title_case_share"]),
        prepositions=frozenset(data["prepositions"]), collective=frozenset(data["collective_speakers"]), subordinators=frozenset(data["subordinators"]),
        participle_opening=regex_cache.compile(data["participle_opening"]),
        linked_participle=regex_cache.compile(r"\b(?:%s)\s+(?P<v>%s)\b" % (
            "|".join(data["participle_linkers"]),
            "|".join(sorted({v for v in data["verbs"] + data["linked_participles"] if v.endswith("ing")})))),
        platforms=frozenset(data["platforms"]), role_determiners=frozenset(data["role_determiners"]),
        possessive_pronouns=frozenset(data["possessive_pronouns"]),
        apposition_determiners=frozenset(data["apposition_determiners"]),
        instruction_words=frozenset(data["instruction_words"]),
        speaking_re=regex_cache.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, data["speaking_verbs"]))), author_links=frozenset(data["author_links"]),
        author_window_chars=int(data["author_window_chars"]),
        name_suffixes=frozenset(data["name_suffixes"]),
        party_tag=regex_cache.compile(data["party_tag"]),
        intro_before=regex_cache.compile(rf"\b(?:{verbs})(?:(?:\s+(?:reporters|CNN|the\s+\w+))?\s*[,:]"
                                         rf"|\b[^.!?\"“”:;,]{{0,35}}:)\s*$"),     # 'told the Jewish Chronicle:'
        organisation_joiners=frozenset(data["organisation_joiners"]),
        subject_pronouns=data["subject_pronouns"],
        unnamed_roles=frozenset(data["unnamed_roles"]), role_links=frozenset(data["role_links"]),
        role_subject=regex_cache.compile(r"(?:The|A|An)\s+(?:[A-Z][\w'’&-]*\s+)*(?:(?![a-z]+ed\b)[a-z][\w-]*\s+){0,2}?(?:%s)\b"
                                         % "|".join(sorted(map(re.escape, data["unnamed_roles"])))),
        acronym_tag=regex_cache.compile(data["acronym_tag"]),
        connectives=frozenset(data["connectives"]),
        name_inner_words=frozenset(data["name_inner_words"]),
        name_number=regex_cache.compile(data["name_number"]),
        relatives=frozenset(data["relative_pronouns"]),
        connectives_lower=frozenset(c.lower() for c in data["connectives"]),
        document_said=regex_cache.compile(r"\b(?:%s)\s+(?:%s)\b" % (
            "|".join(sorted(map(re.escape, data["not_speaker_nouns"]))), verbs)),
        say_after=regex_cache.compile(r"\s+(?:(?:%s)\s+){0,2}(?:%s)\b" % (
            "|".join(map(re.escape, data["auxiliaries"] + data["say_adverbs"])), verbs)),
        described_by=regex_cache.compile(data["described_by"]),
        first_person=frozenset(data["first_person_pronouns"]),
        title_roles=dict(data["title_roles"]),
        quoted_as=regex_cache.compile(r"\b(?:%s)\s+(?P<np>[^,;:]{1,60}?)\s+as\s+$" % "|".join(map(re.escape, data["quoting_verbs"]))),
        gendered_nominal=regex_cache.compile(
            r"\b(?:[A-Z][\w-]*['’]s|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?)\s+"
            r"(?:(?!(?:and|or|but|his|her|their|the|a|an|of|to|with|who)\b)[a-z][\w-]*\s+){0,2}?(?:"
            + "|".join(sorted({re.escape(c) for c in data["male_cues"] + data["female_cues"] if c.islower()},
                              key=lambda w: (-len(w), w))) + r")\b"),
    )


@dataclass
class _Speaker:
    name: str
    start: int
    end: int
    entity: int = -1          # index of the entity fact, -1 for a nominal or unresolved name
    document: bool = False    # a document ("the statement"): the speaker is whoever issued it
    described: bool = False   # a description by age or origin ("the 34-year-old"): always someone named


@dataclass
class _Quote:
    start: int
    end: int
    open_mark: int
    close_mark: int          # -1 when the quote runs to the end of its paragraph
    paragraph: int
    continues: bool          # continues an unclosed quote of the previous paragraph
    speaker: _Speaker | None = None
    attributed: bool = False
    attributed_after: bool = False
    guessed: bool = False    # nothing near the quote says who spoke: the speaker is the nearest one named
    author: bool = False     # the writer speaks ('I asked'): nobody named, nobody guessed

    closed: bool = field(init=False)
    after_mark: int = field(init=False)     # the first offset after the quote

    def __post_init__(self) -> None:
        self.closed = self.close_mark >= 0
        self.after_mark = self.close_mark + 1 if self.closed else self.end


class _Mention(NamedTuple):         # thousands per batch: a tuple is cheaper to build than a frozen dataclass
    start: int
    end: int
    name: str
    kind: str
    entity: int


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


def _entity_mentions(article: Article, context) -> tuple[list[_Mention], dict[int, str]]:
    """Every mention of a person or organisation, in order, and the gender ("m"/"f"/"?") the entity stage found
    for each person. A lone surname the entity stage took for an organisation or a place ("Hamilton said") after
    the person's full name ("George Hamilton") is that person."""
    every = getattr(context, "facts", None) or []
    if not every and context is None:
        every = entities.extract(article, None)
    not_a_name = _rules().party_tag
    facts = [f for f in every if f.kind in (PERSON, ORG) and not not_a_name.match(f.text)]
    surnames: dict[str, int] = {}
    for i, f in enumerate(facts):
        if f.kind == PERSON and " " in f.text:
            surnames.setdefault(f.text[f.text.rfind(" ") + 1:], i)
    out = []
    genders: dict[int, str] = {}
    for i, f in enumerate(facts):
        if f.kind != PERSON and f.text in surnames:
            out += _as_person(f, i, facts[surnames[f.text]], surnames[f.text])
        else:
            found = _mentions_of(f)
            kind = PERSON if f.kind == ORG and _speaking_person(article.text, f.text, found) else f.kind
            out += [_Mention(m["start"], m["end"], f.text, kind, i) for m in found]
        if "gender" in f.attrs:
            genders[i] = _SHORT_GENDER.get(f.attrs["gender"], "?")
    for f in every:
        if f.kind == LOC and f.text in surnames:
            out += [m for m in _as_person(f, -1, facts[surnames[f.text]], surnames[f.text]) if m.kind == PERSON]
    out.sort(key=_START)
    return _without_split_organisations(article.text, out), genders


def _speaking_person(text: str, name: str, found: list[dict]) -> bool:
    """An 'organisation' of two words opening with a known first name that says something ('Jane Katz said',
    'said Peter Church') is a person, unless it is a known organisation or ends with an organisation word that is
    no surname ('Julia Hospital'). A longer one ending with a known first name and a known surname is a person
    with a role before the name ('US Treasury Under-Secretary Jane Doe said')."""
    words = name.split()
    lex = lexicon()
    if len(words) < 2 or words[-2] not in lex.first_names or name in lex.gazetteer \
            or words[-1] in lex.org_suffixes and words[-1] not in lex.surnames \
            or len(words) > 2 and words[-1] not in lex.surnames:
        return False
    verb = _rules().verb_re
    for m in found:
        before = text[max(0, m["start"] - 20):m["start"]].split()
        if verb.match(text, m["end"] + 1) or before and verb.fullmatch(before[-1]):
            return True
    return False


def _without_split_organisations(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Drop a one-word 'person' that closes an organisation the entity stage split at 'and' ('the Department of
    Children and Families'): an organisation with 'of' in its name, a joining word, then the lone word."""
    joiners = _rules().organisation_joiners
    out: list[_Mention] = []
    for m in mentions:
        if m.kind == PERSON and out and out[-1].kind == ORG and " " not in m.name and " of " in out[-1].name:
            between = text[out[-1].end:m.start].split()
            if len(between) == 1 and between[0] in joiners:
                continue
        out.append(m)
    return out


def _mentions_of(f: Fact) -> list[dict]:
    found = f.attrs.get("mentions")
    return [f.to_dict()] if found is None else found


def _as_person(f: Fact, own: int, person: Fact, entity: int) -> list[_Mention]:
    """The mentions of ``f`` (entity ``own``, a lone surname): the person's once the person's full name has
    appeared."""
    return [_Mention(m["start"], m["end"], person.text, PERSON, entity) if m["start"] > person.start
            else _Mention(m["start"], m["end"], f.text, f.kind, own) for m in _mentions_of(f)]


# ---------------------------------------------------------------------------------------------- finding quotes
def _direction(text: str, i: int, start: int, end: int) -> str:
    ch = text[i]
    if ch == "“":
        return "O"
    if ch == "”":
        return "C"
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    opens = before in _OPEN_BEFORE and after not in " \t\n"
    closes = before not in " \t\n" and after in _CLOSE_AFTER
    if opens == closes:
        return "A"
    return "O" if opens else "C"


def _part_break(text: str, open_at: int, i: int, start: int) -> bool:
    """A quote still open at a new opening mark is a part of a multi-paragraph quote whose paragraph breaks were
    lost ('He wrote: "… too. "As a player …') when the new mark follows a full sentence and the open mark itself
    opened a sentence, followed a colon or comma, or opened the paragraph; a mid-sentence stray mark ('a song
    called "Silver Bells, which …') is not."""
    if not text[open_at + 1:i].rstrip().endswith((".", "!", "?", ".'", "!'", "?'", ".’", "!’", "?’")):
        return False
    before = text[start:open_at].rstrip()
    return not before or before[-1] in ".!?:,;—–-"


def _find_quotes(article: Article, paragraphs: list[tuple[int, int, int]]) -> list[_Quote]:
    text = article.text
    quotes: list[_Quote] = []
    carried = False           # the previous paragraph ended inside a quote
    for para, start, end in paragraphs:
        open_at = -1
        first = True
        continues = False
        for m in _MARK.finditer(text, start, end):
            i = m.start()
            d = _direction(text, i, start, end)
            if open_at < 0:
                if d != "C":
                    open_at = i
                    continues = carried and first and not text[start:i].strip()
                continue
            if d == "O":
                if _part_break(text, open_at, i, start):   # a paragraph break lost in flattened text
                    s, e = strip_span(text, open_at + 1, i)
                    quotes.append(_Quote(s, e, open_at, -1, para, continues))
                    continues = True
                else:               # an opening mark never closed: it starts nothing
                    continues = False
                open_at = i
                first = False
                continue
            s, e = strip_span(text, open_at + 1, i)
            quotes.append(_Quote(s, e, open_at, i, para, continues))
            open_at = -1
            first = False
        carried = False
        if open_at >= 0:
            nxt = end
            while nxt < len(text) and text[nxt].isspace():
                nxt += 1
            carried = nxt < len(text) and text[nxt] in "\"“" and text.count("\n", end, nxt) > 0
            s, e = strip_span(text, open_at + 1, end)   # a closing mark left out: the quote ends with its paragraph
            quotes.append(_Quote(s, e, open_at, -1, para, continues))
    return quotes


# ------------------------------------------------------------------------------------------------ attribution
class _Attributor:
    def __init__(self, article: Article, mentions: list[_Mention], genders: dict[int, str], quotes: list[_Quote]):
        self.article = article
        self.text = article.text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.rules = _rules()
        self.titles = lexicon().titles
        self.demonyms = lexicon().demonyms
        self.not_names = lexicon().not_names
        self.roles = lexicon().roles
        self.quotes = quotes
        self.quoted = [(q.start, q.end) for q in quotes]
        self._quote_starts = [q.start for q in quotes]
        self._nominal_memo: dict[int, list[re.Match[str]]] = {}
        self.sent_starts = [s.start for s in article.sentences]
        self._gender: dict[int, str] = dict(genders)
        self.pronoun: str | None = None     # the pronoun behind the last _PRONOUN answer
        self.names = {m.entity: m.name for m in mentions}
        self.kinds = {m.entity: m.kind for m in mentions}
        by_last: dict[str, int] = {}
        for people in (True, False):
            for ent, name in self.names.items():
                if people == (self.kinds[ent] == PERSON):
                    by_last.setdefault(name.split()[-1], ent)
        self.by_last = by_last
        self.entity_starts: dict[int, list[int]] = {}
        for m in mentions:
            if m.kind == PERSON and m.entity >= 0:
                self.entity_starts.setdefault(m.entity, []).append(m.start)

    def _nominals(self, k: int) -> list[re.Match[str]]:
        """The gendered nominals of sentence ``k`` ("his wife", "the actress"), found once per sentence."""
        found = self._nominal_memo.get(k)
        if found is None:
            sent = self.article.sentences[k]
            found = self._nominal_memo[k] = list(self.rules.gendered_nominal.finditer(self.text, sent.start, sent.end))
        return found

    def in_single_quote(self, pos: int) -> bool:
        """``pos`` follows an opening single mark of its paragraph that is not closed before it: 'Doe said. ‘I tried
        … and I said, “…”' is Doe's account, not the writer's."""
        k = self.article.sentence_at(pos)
        if k is None:
            return False
        para = self.article.sentences[k].paragraph
        while k > 0 and self.article.sentences[k - 1].paragraph == para >= 0:
            k -= 1
        opened = False
        for mark in _SINGLE_MARK.finditer(self.text, self.article.sentences[k].start, pos):
            opened = mark.group("open") is not None
        return opened

    def _in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (quotes are sorted and do not overlap)."""
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    # -- names in a span of text
    def _mentions_in(self, s: int, e: int) -> list[_Mention]:
        i = bisect_right(self.starts, s - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < e:
            if self.mentions[i].end <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    def _subject_like(self, sent_start: int, s: int, e: int) -> bool:
        """A nominal opens its sentence ("But his sister …") or is followed by a verb of saying."""
        return len(self.text[sent_start:s].split()) <= 1 or bool(self.rules.verb_re.match(self.text, e + 1))

    def _oblique(self, sp: _Speaker, sent_start: int) -> int:
        """How far a name is from being its sentence's subject: 0 for a subject; 1 for the subject of a clause
        opening its sentence ("After Hopkins mocked her, Clarkson …"); 2 for a possessive ("Faldo's swing") or
        a name after a preposition ("to Jordan")."""
        if self.text[sp.end:sp.end + 2] in ("'s", "’s"):
            return 2
        before = self.text[max(0, sp.start - 30):sp.start].split()
        while before and before[-1].rstrip(".") in self.titles:     # 'next to Mr Doe'
            before.pop()
        if before and before[-1].lower() in self.rules.prepositions:
            return 2
        if len(before) > 1 and before[-1] in self.rules.name_inner_words and before[-2][:1].isupper():
            while before and (before[-1] in self.rules.name_inner_words or before[-1][:1].isupper()):
                if before.pop() in self.rules.prepositions:     # 'Jane Doe of Save the Children': a longer name's tail
                    return 2
            if before and before[-1] in self.rules.prepositions:
                return 2
        first = _WORD.match(self.text, sent_start)
        if first and first.group().lower() in self.rules.subordinators and "," not in self.text[sent_start:sp.start]:
            return 1
        return 0

    def _named_after(self, pos: int) -> bool:
        """A person is named right after ``pos`` ("his wife, Jane Doe"): the nominal is an apposition."""
        m = self._person_after(pos)
        return m is not None and not self.text[pos:m.start].strip(" ,")

    def _person_after(self, pos: int) -> _Mention | None:
        """The first mention at or after ``pos``, when it is a person's."""
        i = bisect_right(self.starts, pos - 1)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].kind == PERSON else None

    def _apposed_name(self, pos: int) -> _Speaker | None:
        """The person named in an apposition right after ``pos``: ', the Rev. Jane Doe'."""
        m = self._person_after(pos)
        if m is None:
            return None
        between = self.text[pos:m.start]
        if not between.startswith(",") or any(w.lower() != "the" and w.rstrip(".") not in self.titles
                                               for w in between[1:].split()):
            return None
        return self._from_mention(m)

    def _from_mention(self, m: _Mention) -> _Speaker:
        return _Speaker(m.name, m.start, m.end, m.entity)

    def _raw_name(self, name: str, s: int) -> _Speaker:
        words = name.split()
        while len(words) > 1 and words[0].rstrip(".") in self.titles:
            s += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        key = [w for w in words if w not in _SUFFIXES] or words
        ent = self.by_last.get(key[-1][:-2] if key[-1].endswith(("'s", "’s")) else key[-1], -1)
        return _Speaker(self.names[ent] if ent >= 0 else name, s, s + len(name), ent)

    def noun_phrase(self, s: int, e: int) -> _Speaker | str | None:
        """Who a short noun phrase names: a pronoun, a name (the last one, as in "Christie's Tom Lecky"),
        a nominal ("a female juror", "Philadelphia police"), or nobody (a document: "the article")."""
        s, e = strip_span(self.text, s, e)
        phrase = self.text[s:e]
        words = phrase.split()
        if not words or len(words) > 9 or self.rules.party_tag.match(phrase):
            return None
        low = words[0].lower()
        r = self.rules
        if len(words) == 1 and (low in r.male or low in r.female or low in r.subject_pronouns):
            self.pronoun = r.subject_pronouns.get(low, low)
            return _PRONOUN
        if len(words) > 1 and words[-1] in r.pronouns and (words[-1] in r.male or words[-1] in r.female) \
                and not any(w in r.pronouns for w in words[:-1]):
            self.pronoun = words[-1]        # 'standing beside Mr Doe he': an opening phrase, then the subject
            return _PRONOUN
        for k in range(1, len(words) - 1):      # "United's statement to the stock exchange": the document's owner
            if words[k + 1] in r.prepositions and words[k].lower() in r.not_speakers:
                return self.noun_phrase(s, s + len(" ".join(words[:k + 1])))
        last = words[-1].lower().strip(".,")
        if last in r.not_speakers and (low in r.determiners or len(words) > 1):
            owners = [m for m in self._mentions_in(s, e)      # "the Acme Corp statement", "Doe's website"
                      if self.text[m.start:m.end] not in r.platforms]     # not "a Twitter message"
            if owners:
                return self._from_mention(owners[-1])
            for k, w in enumerate(words[:-1]):                # "a police news release"
                if w.lower() in r.collective:
                    at = s + len(" ".join(words[:k])) + (1 if k else 0)
                    return _Speaker(w, at, at + len(w))
            return _Speaker(phrase, s, e, document=True)
        tagged = r.acronym_tag.search(phrase)
        if tagged and len(words) > 2 and all(w[:1].isupper() or w in r.name_inner_words
                                             for w in words[1 if low in r.determiners else 0:-1]):
            at = s + len(words[0]) + 1 if low in r.determiners else s   # 'the British Chambers of Commerce (BCC)'
            return _Speaker(self.text[at:s + tagged.start()].rstrip(), at, s + tagged.start())
        found = [m for m in self._mentions_in(s, e)           # "Slager's lawyer" is not Slager
                 if not (self.text[m.end:m.end + 2] in ("'s", "’s") and m.end + 3 < e)]
        people = [m for m in found if m.kind == PERSON]
        if people and low in r.apposition_determiners and words[-1][:1].islower():
            people = []                     # 'a Lufthansa spokesman': a name as modifier of a role is not its holder
        if people:
            m = people[-1]
            rest = _CAP_RUN.fullmatch(self.text, m.end + 1, e) if self.text[m.end:m.end + 1] == " " else None
            if rest is not None and m.name == self.text[m.start:m.end] and "'" not in rest.group() \
                    and "’" not in rest.group():    # "the Observer's Philip French": the name runs to the end
                return _Speaker(self.text[m.start:e], m.start, e, m.entity)
            return self._from_mention(m)
        titled = [k for k, w in enumerate(words) if w in self.titles]
        if titled and titled[-1] + 1 < len(words) and _CAP_RUN.fullmatch(" ".join(words[titled[-1]:])):
            # "Home Office minister Baroness Scotland": the title's holder, whatever the entity stage made of it
            return self._raw_name(" ".join(words[titled[-1] + 1:]), e - len(" ".join(words[titled[-1] + 1:])))
        if found and not (low in r.determiners and words[-1][:1].islower()):
            return self._from_mention(found[-1])
        last = words[-1].lower().strip(".,")
        if len(words) <= 3 and last in r.collective and all(w[:1].islower() for w in words) \
                and low not in r.clause_starters:
            return _Speaker(phrase, s, e)           # "prosecutors said", "local officials told CNN"
        if low in r.determiners:
            for k in range(3, len(words)):     # 'A Treasury spokesperson dismissed the latest': stop before its verb
                if words[k].lower() in r.determiners and words[k - 1].islower() \
                        and words[k - 1] not in r.prepositions and words[k - 1] not in r.name_inner_words:
                    return self.noun_phrase(s, s + len(" ".join(words[:k - 1])))
        if low in r.role_determiners and len(words) > 1 and self._describes(words[-1]):
            return _Speaker(phrase, s, e, described=True)     # 'the 34-year-old', 'the American', 'the ex-Wallaby'
        if low in r.determiners or (all(w[0].isupper() for w in words[:-1]) and words[-1][0].islower()) \
                or re.match(r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s\s", phrase):
            if last in r.not_speakers:
                return _NOBODY
            if words[-1][0].islower() and len(words) > 1 and not any(
                    w in r.auxiliaries or w.endswith("ing") for w in words[1:]) and not r.verb_re.search(phrase):
                return _Speaker(phrase, s, e)     # not a clause: 'the actress was recorded making'
            return None
        run = _CAP_RUN.fullmatch(phrase)
        if run and low not in r.clause_starters and words[0] not in r.connectives and not (
                len(words) == 1 and phrase in self.not_names and ("'" in phrase or "’" in phrase)):  # "We're"
            return self._raw_name(phrase, s)
        return None

    def _subject_before(self, s: int, e: int) -> _Speaker | str | None:
        """The subject that ends at ``e`` (right before a verb), skipping one apposition: "X, a Y, said"."""
        stripped = self.text[s:e].rstrip()
        while True:                       # "Savage has complained", "he frequently tells": the subject before
            tail = stripped.rsplit(None, 1)
            if len(tail) < 2 or not (tail[1] in self.rules.auxiliaries
                                     or tail[1].endswith("ly") and tail[1].islower() and len(tail[1]) > 4):
                break
            stripped = tail[0]
        parts = stripped.split(",")
        offsets = [s]
        for p in parts[:-1]:
            offsets.append(offsets[-1] + len(p) + 1)
        # "Sen. Jane Doe, D-Illinois, said": a party-and-state tag is not an apposition to weigh
        chunks = [(o, o + len(p)) for o, p in zip(offsets, parts)]
        chunks = [c for c in chunks[:-1] if not self.rules.party_tag.match(self.text[c[0]:c[1]].strip())] + chunks[-1:]
        relative = next((k for k, (cs, ce) in enumerate(chunks) if k and self.text[cs:ce].split(None, 1)[:1]
                         and self.text[cs:ce].split(None, 1)[0] in self.rules.relatives), 0)
        if stripped.endswith(",") and relative > 1 and self.text[slice(*chunks[relative - 1])].split()[:1] \
                and self.text[slice(*chunks[relative - 1])].split()[0][:1].islower():
            candidates = [chunks[relative - 2], chunks[relative - 1]]   # 'Jane Doe, editor of X, which …, said'
        elif stripped.endswith(",") and relative:          # 'The actor, whose films include A, B and C, said'
            candidates = [chunks[relative - 1]]
        elif stripped.endswith(",") and len(chunks) >= 3:          # "X, <apposition>," said
            candidates = [chunks[-3], chunks[-2]]
        elif not stripped.endswith(","):
            candidates = [chunks[-1]]
        else:
            return None
        if len(chunks) >= 2 and not stripped.endswith(","):
            holder = self._role_holder(chunks[-2], chunks[-1]) or self._organisation_apposed(chunks[-2], chunks[-1])
            if holder is not None:
                return holder
        nominal = None
        for n, (cs, ce) in enumerate(candidates):
            who = self.noun_phrase(self._clause_tail(cs, ce), ce)
            if who in (_PRONOUN, _NOBODY):
                return who
            if isinstance(who, _Speaker):
                if n == 0 and len(candidates) == 2 and self.kinds.get(who.entity) == ORG:
                    apposed = self.noun_phrase(self._clause_tail(*candidates[1]), candidates[1][1])
                    if isinstance(apposed, _Speaker) and self.kinds.get(apposed.entity) == PERSON:
                        return apposed          # 'The Transport Minister, Jane Doe, said'
                if who.entity >= 0 or who.name.split()[-1][:1].isupper():
                    return who
                nominal = nominal or who
        if nominal is not None and len(candidates) == 1 and len(parts) >= 2 \
                and nominal.name.split()[0].lower() in self.rules.apposition_determiners:
            named = self._mentions_in(offsets[-2], offsets[-1] - 1)     # 'Jane Doe, a candidate describing'
            if named and named[-1].kind == PERSON and not self.text[named[-1].end:offsets[-1] - 1].strip():
                return self._from_mention(named[-1])
        return nominal

    def _opens_clause(self, m: _Mention, s: int) -> bool:
        """Only capitalised words stand between ``s`` (after any 'and', 'that' …) and the name: it can be a
        subject. 'Reacting to a comment by Jane Doe, the American said': the name ends an opening phrase."""
        return all(w[:1].isupper() for w in self.text[self._clause_tail(s, m.start):m.start].split())

    def _role_holder(self, name: tuple[int, int], role: tuple[int, int]) -> _Speaker | None:
        """'Jane Doe, economist at Acme Bank said', 'Jane Doe, a Green member of the European Parliament said': a
        role at an organisation, its closing comma left out, is apposed to the person named just before; the
        organisation (or a name inside the role) is not the speaker."""
        words = self.text[role[0]:role[1]].split()
        if not words or not words[0][:1].islower() or words[0] in self.rules.clause_starters \
                and words[0] not in self.rules.apposition_determiners \
                or not any(w in self.rules.role_links for w in words[1:-1]):
            return None
        if not self._mentions_in(*role):      # the entity stage may take an acronym ('the IPPR') for a person
            return None
        return self._person_ending(name, self._clause_tail(*name))

    def _person_ending(self, name: tuple[int, int], s: int) -> _Speaker | None:
        """The person named last in ``name`` (from ``s``), when the name ends it and can be its subject: not
        'Asked about Jane Doe, officials at …'."""
        people = [m for m in self._mentions_in(s, name[1]) if m.kind == PERSON]
        if not people or self.text[people[-1].end:name[1]].strip() or not self._opens_clause(people[-1], name[0]):
            return None
        return self._from_mention(people[-1])

    def _organisation_apposed(self, name: tuple[int, int], org: tuple[int, int]) -> _Speaker | None:
        """'Jane Doe, Blackpool Hotel Association said': an organisation alone after a person's name, its closing
        comma left out, is the person's; the person speaks."""
        s, e = strip_span(self.text, *org)
        if self.text[s:s + 4] == "the ":
            s += 4
        orgs = self._mentions_in(s, e)
        if len(orgs) != 1 or orgs[0].kind != ORG or (orgs[0].start, orgs[0].end) != (s, e):
            return None
        return self._person_ending(name, name[0])

    def _clause_tail(self, s: int, e: int) -> int:
        """Start of the last few words before ``e`` that can be a subject (after 'and', 'that', 'but' …)."""
        chunk = self.text[s:e]
        best = s
        for m in _CLAUSE_OPENER.finditer(chunk):
            best = s + m.end()
        return best

    def after(self, q: _Quote, limit: int) -> _Speaker | str | None:
        """Attribution right after the closing mark."""
        r = self.rules
        a = q.after_mark
        window_end = min(limit, a + 160)
        window = self.text[a:window_end]
        for brk in _SENTENCE_BREAK.finditer(window):
            word = window[:brk.start()].rsplit(None, 1)[-1] if window[:brk.start()].strip() else ""
            if len(word) > 1 and word not in self.titles and "." not in word:   # "Capt. Jane Doe", "U.S. Attorney" go on
                window = window[:brk.start() + 1]
                break
        full_stop = self.text[q.end - 1:q.end] == "."
        opening = _WORD.match(window, len(window) - len(window.lstrip(" .")))
        if opening and opening.group() in r.connectives and (full_stop or self.text[q.end - 1:q.end] in "!?"
                                                             or window.lstrip().startswith(".")):
            return None                   # '"…." However, Jane Doe warned …': a new sentence, not an attribution
        if window.lstrip().startswith(".") and not self._opens_own_sentence(q):
            return None                   # 'X says Doe "does not wish to stay". Y insists …': its sentence has ended
        if window.rstrip().endswith(":") and window_end == limit:
            return None                   # '"…." Smith tweeted: "…"' introduces the next quote
        m = r.pronoun_verb_after.match(window)
        if m:
            if full_stop and self._clause_follows(a + m.end()):
                return None
            self.pronoun = m.group("p").lower()
            return _PRONOUN
        m = r.verb_first_after.match(window)
        if m:
            if full_stop and self._clause_follows(a + m.end() - 1):
                return None
            rest = window[m.end():]
            cut = len(rest)
            for end in _NP_END.finditer(rest):
                word = rest[:end.start()].rsplit(None, 1)[-1] if rest[:end.start()].strip() else ""
                if end.group() == "." and (word in self.titles or len(word) == 1 or "." in word):
                    continue              # "Rev. Samuel Okoro", "George W. Bush", "U.S. Attorney Jane Doe"
                if end.group() == " of " and word in self.titles:
                    continue              # "Chancellor of the Exchequer Jane Doe": the title goes on to the name
                cut = end.start()
                break
            np_e = a + m.end() + cut
            who = self.noun_phrase(a + m.end(), np_e)
            if isinstance(who, _Speaker) and who.entity < 0:
                named = self._apposed_name(np_e)          # 'said Lynch's father, the Rev. Lorenzo Lynch'
                if named is not None:
                    return named
            if who is not None:
                return who
            return None
        linked = r.linked_participle.search(window, 0, 130)       # '"…" them, the paper quoted him as saying.'
        if linked is not None:
            obj = r.quoted_as.search(window, 0, linked.start("v"))
            if obj is not None:
                who = self.noun_phrase(a + obj.start("np"), a + obj.end("np"))
                if who is not None:
                    return who
        v = r.verb_re.search(window, 0, 130)
        if not v and self.text[q.end - 1:q.end] in ",?!":
            return self._introduced_name(a)
        if not v or not window[:v.start()].strip(" ,;—–-"):
            return None
        rest = window[v.end():].split()
        if full_stop and (self._clause_follows(a + v.end()) or len(rest) > r.max_words_after_new_sentence_verb
                          or len(rest) > 1 and rest[1] in r.instruction_words):
            return None                   # '"…." The judge told him he would serve ten years.'
        if full_stop and rest and a + len(window) == limit and self.text[limit:limit + 1] in ('"', "“") \
                and not window.rstrip().endswith((",", ":", ".", "!", "?")):
            return None                   # '"…." Doe said Roe set "…"': the sentence goes on to a quote of its own
        lead = len(window) - len(window.lstrip(" ,;—–-"))
        said = window[lead:v.start()].rstrip()
        if full_stop and "," in said and not said.endswith(",") and len(said[:said.rfind(",")].split()) >= 5 \
                and self._opens_own_sentence(q):
            return None                   # '"…." The sale bought them time, analysts said.': a new report
        return self._subject_before(a + lead, a + v.start())

    def _opens_own_sentence(self, q: _Quote) -> bool:
        """The quote is a sentence of its own, not words quoted inside the writer's sentence."""
        k = self.article.sentence_at(q.open_mark)
        return k is not None and not self.text[self.article.sentences[k].start:q.open_mark].strip(" \"“'‘")

    def _introduced_name(self, a: int) -> _Speaker | None:
        """'"…," Rabbi Jane Doe, a professor at …': a person named right after the quote, with no verb, and
        introduced by an apposition."""
        m = self._person_after(a)
        if m is None:
            return None
        between = self.text[a:m.start].split()
        if any(w.rstrip(".") not in self.titles for w in between):
            return None
        nxt = _WORD.match(self.text, m.end + 2) if self.text[m.end:m.end + 2] == ", " else None
        if nxt is None or nxt.group().lower() not in self.rules.determiners:
            return None
        return self._from_mention(m)

    def document_owner(self, doc: _Speaker) -> _Speaker | None:
        """Who issued a document ('"…," the statement said'): the named subject of the nearest sentence, at most
        a few back, that mentions it ('Acme Corp released a statement on Monday')."""
        head = regex_cache.compile(r"\b%ss?\b" % re.escape(doc.name.split()[-1].lower()), re.I)
        k = self.article.sentence_at(doc.start)
        if k is None:
            return None
        i = bisect_right(self.starts, doc.end - 1)          # 'a statement on Doe's website'
        if i < len(self.mentions):
            between = self.text[doc.end:self.mentions[i].start].split()
            if 0 < len(between) <= 4 and between[0].lower() in self.rules.document_links:
                return self._from_mention(self.mentions[i])
        for i in range(k, max(-1, k - self.rules.document_lookback_sentences - 1), -1):
            sent = self.article.sentences[i]
            end = min(sent.end, doc.start)
            found = head.search(self.text, sent.start, end)
            if not found:
                continue
            by = self._author_after(found.end(), end)
            if by is not None:
                return by
            who = self.sentence_subject(sent.start, end)
            if isinstance(who, _Speaker) and not who.document and (who.entity >= 0 or who.name[:1].isupper()):
                return who
            verb = self.rules.verb_re.search(self.text, sent.start, end)     # 'In a statement, one of her
            if verb:                                                          # lawyers said …'
                who = self._subject_before(sent.start, verb.start())
                if who == _PRONOUN:
                    who = self.antecedent(sent.start, self.pronoun, [])
                if isinstance(who, _Speaker) and not who.document:
                    return who
        return None

    def _author_after(self, pos: int, end: int) -> _Speaker | None:
        """The person named as a document's author shortly after it: 'messages … that were sent by Jane Doe'."""
        i = bisect_right(self.starts, pos - 1)
        stop = min(end, pos + self.rules.author_window_chars)
        while i < len(self.mentions) and self.mentions[i].start < stop:
            m = self.mentions[i]
            i += 1
            before = self.text[pos:m.start].split()
            if m.kind == PERSON and before and before[-1].lower() in self.rules.author_links:
                return self._from_mention(m)
        return None

    def named_role(self, sp: _Speaker) -> _Speaker | None:
        """'the company' → the organisation named last before; 'the officer', 'Knight's attorney', 'the Black Sabbath
        singer' → the person introduced with one of the description's words ('an officer, Jane Doe', 'attorney Jane
        Doe', 'Jane Doe, the singer') within a few sentences; else 'the chancellor' → the person who spoke or was
        named last in the sentences just before, unless the role names someone the article may not name."""
        words = sp.name.split()
        if len(words) < 2 or words[0].lower() not in self.rules.role_determiners \
                and not words[0].endswith(("'s", "’s")):
            return None
        head = words[-1].lower()
        owner = words[0].lower()
        floor = max(0, sp.start - self.rules.role_lookback_chars)
        i = bisect_right(self.starts, sp.start - 1) - 1
        if head in self.rules.organisation_nouns:
            return self._named_organisation(sp, i, floor)
        if head in self.rules.collective or head in self.rules.prepositions \
                or any(w.lower() in self.rules.not_speakers for w in words):     # 'the indictment alleges'
            return None
        if owner in self.rules.possessive_pronouns or owner.endswith(("'s", "’s")):
            content = [head]
        else:
            content = [w.lower() for w in words[1:] if w.lower() not in self.rules.role_determiners]
        modifier = words[-2] if len(words) > 2 and words[-2].islower() else None
        while i >= 0 and self.mentions[i].start >= floor:
            m = self.mentions[i]
            i -= 1
            if m.kind != PERSON:
                continue
            if any(self._role_before(at, head, owner, modifier) for at in self._introductions(m)) \
                    or owner == "the" and (any(self._role_before(m.start, w, owner) for w in content[:-1])
                                           or self._role_after(m.end, content) and self._apposed_to(m, sp)):
                return self._from_mention(m)
        if owner != "the" or head in self.rules.unnamed_roles:
            return None
        return self._recent_person(sp)

    def _introductions(self, m: _Mention) -> list[int]:
        """Where the person named at ``m`` is named up to ``m``, nearest first: a role may introduce the
        person long before the mention near the description ('Capt. Jane Doe' … 'Doe was surprised' … 'the
        captain said')."""
        return [m.start] + [at for at in reversed(self.entity_starts.get(m.entity, ())) if at < m.start]

    def _apposed_to(self, m: _Mention, sp: _Speaker) -> bool:
        """A name right before the description itself ('Jane Doe, the American said') is apposed to it only
        when it can be the subject, not when it ends an opening phrase ('Reacting to a comment by Jane Doe, …')."""
        if sp.start - m.end > 3:
            return True
        k = self.article.sentence_at(m.start)
        return k is None or self._opens_clause(m, self.article.sentences[k].start)

    def _role_after(self, end: int, content: list[str]) -> bool:
        """An apposition right after a name holds one of the description's words: 'Jane Doe, the singer, …'."""
        if self.text[end:end + 1] != ",":
            return False
        stop = _NP_END.search(self.text, end + 1, end + 80)
        words = self.text[end + 1:stop.start() if stop else end + 80].lower().split()
        return bool(words) and words[0] in self.rules.apposition_determiners and any(w in content for w in words)

    def _recent_person(self, sp: _Speaker) -> _Speaker | None:
        """The person who last spoke (the subject of a verb of saying, a quote's speaker) or the last sentence
        subject, whichever is written later, else the person named last, outside quotes, from two sentences before
        the description up to it; of a gender that does not contradict the description's."""
        k = self.article.sentence_at(sp.start)
        if k is None:
            return None
        floor = self.article.sentences[max(0, k - 2)].start
        want = self._speaker_gender(sp)
        cands: list[tuple[int, int, _Speaker]] = []     # (offset, 2 spoke / 1 sentence subject / 0 named, who)
        for m in self._mentions_in(floor, sp.start):
            if m.kind == PERSON and not self._in_quote(m.start) and self._apposed_to(m, sp):
                rank = 2 if self.rules.verb_re.match(self.text, m.end + 1) else int(self._opens_sentence(m))
                cands.append((m.start, rank, self._from_mention(m)))
        for q in self.quotes:
            if q.speaker and q.speaker.entity >= 0 and floor <= q.open_mark < sp.start \
                    and self.kinds.get(q.speaker.entity) == PERSON:
                cands.append((q.open_mark, 2, q.speaker))
        cands = [c for c in cands if want == "?" or self._speaker_gender(c[2]) in (want, "?")]
        cands.sort(key=_START)
        # the later of the last speaker and the last sentence subject ('"…," said Doe. Roe was the stronger
        # player. "…," said the German'), else the person named last
        subject = next((c for c in reversed(cands) if c[1] >= 1), None)
        if subject is not None:
            return subject[2]
        return cands[-1][2] if cands else None

    def _role_before(self, pos: int, head: str, owner: str, modifier: str | None = None) -> bool:
        """The role word ``head`` introduces the name at ``pos``: 'attorney Jane Doe', 'an officer, Sgt. Jane Doe',
        'Security Minister Jane Doe', 'his son and daughter, Tom and Ann Doe'. A role owned by a pronoun ('his son')
        needs an introduction with the same pronoun; a role with another modifier ('seventh seed Jane Doe' for 'the
        top seed') introduces someone else."""
        before = self.text[max(0, pos - 60):pos].replace(",", " ").split()
        k = len(before) - 1
        while k >= 0:
            w = before[k]
            if w.lower() == head or self.rules.title_roles.get(w) == head:
                break
            if not (w[:1].isupper() and w[-1:] != "." or w in ("and", "&") or w in self.titles):
                if k >= 2 and before[k - 2].lower() == head and before[k - 1] in ("and", "&"):
                    k -= 2
                    break
                return False
            k -= 1
        if k < 0:
            return False
        if modifier is not None and k > 0 and _MODIFIER.fullmatch(before[k - 1]) and before[k - 1] != modifier \
                and before[k - 1] not in self.rules.determiners:
            return False
        return owner not in self.rules.possessive_pronouns or k > 0 and before[k - 1].lower() == owner

    def _named_organisation(self, sp: _Speaker, i: int, floor: int) -> _Speaker | None:
        """'the company': the organisation opening one of the last two sentences, else the one named last in them,
        else the last opening a sentence since ``floor``."""
        here = self.article.sentence_at(sp.start)
        near = self.article.sentences[max(0, here - 2)].start if here is not None else sp.start
        orgs = []
        while i >= 0 and self.mentions[i].start >= floor:
            if self.mentions[i].kind == ORG:
                orgs.append(self.mentions[i])
            i -= 1
        recent = [m for m in orgs if m.start >= near]
        for pick in ([m for m in recent if self._opens_sentence(m)], recent[:1],
                     [m for m in orgs if self._opens_sentence(m)]):
            if pick:
                m = pick[0]
                number = self.rules.name_number.match(self.text, m.end)     # 'Radio 1', 'Channel 4'
                return _Speaker(m.name + number.group(), m.start, number.end(), m.entity) if number \
                    else self._from_mention(m)
        return None

    def _clause_follows(self, pos: int) -> bool:
        w = _WORD.match(self.text, pos + (1 if self.text[pos:pos + 1].isspace() else 0))
        return bool(w and w.group().lower() in self.rules.clause_starters)

    def before(self, q: _Quote, floor: int) -> _Speaker | str | None:
        """Introduction before the opening mark: 'X said: "…"', 'X told reporters "…"', 'According to X, "…"'."""
        r = self.rules
        sent = self.article.sentence_at(q.open_mark)
        if sent is not None:
            floor = max(floor, self.article.sentences[sent].start)
        intro = self.text[floor:q.open_mark]
        tail = intro.rstrip()
        if not tail:
            return None
        acc = r.according_before.search(intro)
        if acc:
            who = self.noun_phrase(floor + acc.start("np"), floor + acc.end("np"))
            if who is not None:
                return who
        verb = None
        for verb in r.verb_re.finditer(intro):
            pass
        colon = tail.endswith(":")
        linked = None
        for linked in r.linked_participle.finditer(intro):
            pass
        if linked is not None and (colon or len(intro) - linked.end() < 70):   # 'by saying:', 'quoted her as saying'
            obj = r.quoted_as.search(intro, 0, linked.start("v"))
            who = self.noun_phrase(floor + obj.start("np"), floor + obj.end("np")) if obj else None
            return who if who is not None else self.sentence_subject(floor, floor + linked.start())
        if verb is None or not (colon or len(intro) - verb.end() < 70):
            return self.sentence_subject(floor, q.open_mark) if colon else None
        who = self._subject_before(floor, floor + verb.start())
        if who is None and colon:
            who = self.sentence_subject(floor, floor + verb.start())
        return who

    def sentence_subject(self, s: int, e: int) -> _Speaker | str | None:
        """The name or pronoun opening a clause, after any opening subordinate clause or prepositional phrase:
        'Or Gov. Jane Doe: "…"', 'When she stood there, she inspired us by saying: "…"'."""
        r = self.rules
        first = _WORD.search(self.text, s, e)
        if first and first.group()[:1].isupper() and r.verb_re.fullmatch(first.group().lower()):
            return self._inverted_subject(first.end(), e)
        if first and (first.group().lower() in r.subordinators | r.prepositions or self._participle_opens(first)):
            s = self.text.find(",", s, e) + 1
            if not s:
                return None
        m = _CLAUSE_HEAD.match(self.text, s, e)
        if m is None:
            return None
        who = self.noun_phrase(m.start("np"), m.end("np"))
        if who is None:                 # 'An All England club spokesperson denied …, insisting: "…"'
            role = r.role_subject.match(self.text, m.start("np"), e)
            who = self.noun_phrase(role.start(), role.end()) if role else None
        if isinstance(who, _Speaker) and (who.entity < 0 or self.kinds.get(who.entity) == ORG):
            # 'The EU's aid commissioner, Louis Michel, was', 'BBC Two controller Roly Keating:'
            return self._apposed_person(m.end("np"), e) or self._role_named(m.end("np"), e) or who
        return who

    def _inverted_subject(self, pos: int, e: int) -> _Speaker | str | None:
        """The subject after a verb of saying that opens its sentence: 'Said Wales assistant coach Jane Doe:' is
        the person whose name ends the phrase, not a name the verb begins."""
        end, people = self._people_ending_at(pos, e)
        return self._from_mention(people[-1]) if people else self.noun_phrase(pos, end)

    def _people_ending_at(self, pos: int, e: int) -> tuple[int, list[_Mention]]:
        """The end of the phrase text[pos:e] without a closing colon, and the people named there whose name ends it."""
        end = pos + len(self.text[pos:e].rstrip(" :"))
        return end, [m for m in self._mentions_in(pos, end) if m.kind == PERSON and m.end == end]

    def _participle_opens(self, first: re.Match[str]) -> bool:
        """``first`` is a capitalised -ing word before a lower-case word, no name and no subject with its verb:
        'Writing his message, the Bishop said', not 'Manning told reporters'."""
        pos = first.start()
        if not self.rules.participle_opening.match(self.text, pos) or self.rules.say_after.match(self.text, first.end()):
            return False
        i = bisect_right(self.starts, pos - 1)
        return not (i < len(self.mentions) and self.mentions[i].start == pos)

    def _role_named(self, pos: int, e: int) -> _Speaker | None:
        """The person whose name ends the phrase right after a role noun (who/lexicon.toml's roles), with at most
        two lower-case words before it: 'BBC Two controller Roly Keating:', 'Acme chief executive Jane Doe:'."""
        _, people = self._people_ending_at(pos, e)
        if not people:
            return None
        between = self.text[pos:people[0].start].split()
        if not 0 < len(between) <= 3 or between[-1] not in self.roles \
                or not all(w.isalpha() and w.islower() for w in between):
            return None
        return self._from_mention(people[0])

    def _apposed_person(self, pos: int, e: int) -> _Speaker | None:
        """The person named between commas right after ``pos``, or after the rest of a short noun phrase:
        ', Louis Michel,', ''s aid commissioner, Louis Michel,'."""
        m = self._person_after(pos)
        if m is None or m.end >= e:
            return None
        between = self.text[pos:m.start].rstrip()
        if not between.endswith(",") or "," in between[:-1] or len(between.split()) > 6 \
                or self.text[m.end:m.end + 1] != ",":
            return None
        return self._from_mention(m)

    def embedded(self, q: _Quote, prev: _Quote | None) -> _Speaker | str | None:
        """A quote inside a sentence, far from any attribution: the subject of the sentence's verb of saying or
        of speaking about ('In a tweet, the minister called the plan "…" and "…"', 'Doe talks about the "…"')."""
        k = self.article.sentence_at(q.open_mark)
        if k is None:
            return None
        start = self.article.sentences[k].start
        if not self.text[start:q.open_mark].strip(" \"“'‘"):
            return None
        verb = self.rules.verb_re.search(self.text, start, q.open_mark) \
            or self.rules.speaking_re.search(self.text, start, q.open_mark)
        if verb is None or prev is not None and prev.open_mark < verb.start() < prev.after_mark:
            return None
        who = self._subject_before(start, verb.start())
        if isinstance(who, _Speaker) and who.document:
            return self.document_owner(who)
        return who if isinstance(who, _Speaker) or who == _PRONOUN else None

    def according_after(self, q: _Quote, limit: int) -> _Speaker | str | None:
        """'"…" and later tried to kiss her, according to a report from The Post.': a sentence that goes on after
        the quote and ends by naming its source, with no other quote before that end."""
        k = self.article.sentence_at(q.open_mark)
        if k is None:
            return None
        end = self.article.sentences[k].end
        if end > limit:
            return None
        acc = self.rules.according_end.search(self.text, q.after_mark, end)
        if acc is None:
            return None
        who = self.noun_phrase(acc.start("np"), acc.end("np"))
        if isinstance(who, _Speaker) and who.document:
            return self.document_owner(who)
        return who

    def previous_sentence(self, q: _Quote, prev: _Quote | None) -> _Speaker | None:
        """'McDonald said he was stunned. "We weren't sure."': a quote opening its sentence after a sentence,
        outside any quote, with a verb of saying, is that sentence's subject's."""
        k = self.article.sentence_at(q.open_mark)
        if not k or self.article.sentences[k].start < q.open_mark - 1:
            return None
        # the sentence before; or, over sentences that name nobody and quote nothing, up to max_carry_sentences back
        for back in range(1, self.rules.max_carry_sentences + 1):
            if k - back < 0:
                return None
            sent = self.article.sentences[k - back]
            marks = self.text.count('"', sent.start, sent.end)
            phrase = prev is not None and len(self.text[prev.start:prev.end].split()) < self.rules.min_words \
                and prev.open_mark >= sent.start      # 'Labour was not "rattled".' is the writer's sentence
            if prev and prev.after_mark > sent.start and not phrase or marks % 2 or back > 1 and marks \
                    or sent.paragraph < 0:
                return None
            verb = self.rules.verb_re.search(self.text, sent.start, sent.end)
            if verb:
                break
            if any(m.kind == PERSON for m in self._mentions_in(sent.start, sent.end)):
                return None
        else:
            return None
        if verb.group().endswith("ing"):      # 'X rejected the claim, telling the BBC that …': the clause's subject
            who = self.sentence_subject(sent.start, verb.start())
        else:
            who = self._subject_before(sent.start, verb.start())
        if who == _PRONOUN:
            return self.antecedent(sent.start, self.pronoun, [])
        if not isinstance(who, _Speaker):                 # '… in how they screen films, said Ms Deans.'
            named = self._mentions_in(verb.end(), sent.end)
            if named and named[0].kind == PERSON and not self.text[named[0].end:sent.end].strip(" ."):
                between = self.text[verb.end():named[0].start].split()
                if all(w.rstrip(".") in self.titles for w in between):
                    return self._from_mention(named[0])
        return who if isinstance(who, _Speaker) else None

    def nearest_speaker(self, i: int) -> _Speaker | None:
        """The last resort for a quote nothing attributes: the person named last since the previous speaker's
        quote; else that speaker; else the last person or organisation named before it; else the next speaker."""
        q = self.quotes[i]
        prev = next((p for p in reversed(self.quotes[:i]) if p.speaker and not p.guessed), None)
        floor = prev.after_mark if prev else 0
        named = [m for m in self._mentions_in(floor, q.open_mark) if not self._in_quote(m.start)]
        people = [m for m in named if m.kind == PERSON]
        if people:
            return self._from_mention(people[-1])
        if prev:
            return prev.speaker
        if named:
            return self._from_mention(named[-1])
        return next((n.speaker for n in self.quotes[i + 1:] if n.speaker and not n.guessed), None)

    def run_goes_on(self, prev: _Quote, q: _Quote, near: bool) -> bool:
        """An unattributed quote a few sentences after the last one, with nobody else named in between and no
        new report ('"…," Smith said. The plan failed. "…"'), goes on with the same speaker."""
        r = self.rules
        a, b = prev.after_mark, q.open_mark
        first = self.article.sentence_at(a)
        last = self.article.sentence_at(b)
        if not near and (first is None or last is None or last - first > r.max_carry_sentences):
            return False
        if not q.attributed and last is not None and self._narrated(last, q, a):
            return False
        sp = prev.speaker
        for m in self._mentions_in(a, b):
            if m.kind == PERSON and m.entity != sp.entity and (not near or self._opens_sentence(m)):
                return False
        return True

    def next_paragraph_goes_on(self, prev: _Quote, q: _Quote, opening: int) -> bool:
        """'"…," he said.¶"…"': an unattributed quote opening the paragraph right after one that ends with the
        attribution of its quote goes on with that speaker."""
        if not prev.attributed_after or prev.paragraph < 0 or q.paragraph != prev.paragraph + 1 \
                or q.open_mark != opening:
            return False
        a, b = self.article.sentence_at(prev.after_mark), self.article.sentence_at(q.open_mark)
        return a is not None and b == a + 1 and self.run_goes_on(prev, q, True)

    def _narrated(self, k: int, q: _Quote, a: int) -> bool:
        """Quote ``q`` sits inside sentence ``k``, which starts after the last quote (ending at ``a``), has no
        verb of saying or speaking before it and no 'he said' after it: the writer's words quote a charge ('They
        were held on suspicion of "…"'), not the last speaker. A scare quote keeps the run of speakers going."""
        start, b = self.article.sentences[k].start, q.open_mark
        if start < a or not self.text[start:b].strip(" \"“'‘") or self.text[start:b].rstrip().endswith(":"):
            return False
        r = self.rules
        if len(self.text[q.start:q.end].split()) < r.min_words or r.pronoun_verb_after.match(self.text, q.after_mark):
            return False
        return not (r.verb_re.search(self.text, start, b) or r.speaking_re.search(self.text, start, b))

    def _opens_sentence(self, m: _Mention) -> bool:
        """The mention is its sentence's subject: only capitalised words come before it."""
        k = self.article.sentence_at(m.start)
        if k is None:
            return False
        return all(w[:1].isupper() for w in self.text[self.article.sentences[k].start:m.start].split())

    # -- pronouns
    def gender(self, entity: int) -> str:
        if entity in self._gender:
            return self._gender[entity]
        r = self.rules
        votes = {"m": 0, "f": 0}
        text = self.text
        for m in self.mentions:
            if m.entity != entity:
                continue
            prev = text[max(0, m.start - 25):m.start].split()
            if prev:
                w = prev[-1].strip(",")
                if w in r.male_cues:
                    votes["m"] += 2
                elif w in r.female_cues:
                    votes["f"] += 2
            stop = text.find(".", m.end, m.end + 300)
            stop = m.end + 300 if stop < 0 else text.find(".", stop + 1, stop + 300)
            nxt = bisect_right(self.starts, m.end)
            if nxt < len(self.mentions) and self.mentions[nxt].kind == PERSON:
                stop = min(stop if stop > 0 else m.end + 300, self.mentions[nxt].start)
            for w in _WORD.finditer(text, m.end, stop if stop > 0 else m.end + 300):
                low = w.group().lower()
                if low in r.male:
                    votes["m"] += 1
                    break
                if low in r.female:
                    votes["f"] += 1
                    break
        g = "m" if votes["m"] > votes["f"] else "f" if votes["f"] > votes["m"] else "?"
        self._gender[entity] = g
        return g

    def _speaker_gender(self, sp: _Speaker) -> str:
        if sp.entity >= 0:
            return self.gender(sp.entity)
        words = set(sp.name.split())
        return "m" if words & self.rules.male_cues else "f" if words & self.rules.female_cues else "?"

    def _pronoun_subject_at(self, s: int, e: int, want: str) -> int:
        """Where the clause subject of the sentence at ``s`` is a pronoun of gender ``want`` after an opening phrase
        ('At a dinner hosted by Jane Doe, he said …'), else -1: the names in that prepositional phrase are not the
        pronoun's antecedent, which lies further back. A sentence opening with that pronoun ('He conceded Doe
        might …') names no antecedent at all: ``e``."""
        r = self.rules
        pronouns = r.male if want == "m" else r.female
        first = _WORD.search(self.text, s, e)
        if not first:
            return -1
        if first.group().lower() not in r.prepositions:     # not 'When Doe stood there, he said'
            lead = self.text[s:min(e, s + 40)].split(None, 3)[:3]
            while lead and lead[0].lower() in r.connectives_lower:
                lead.pop(0)
            if len(lead) > 1 and lead[0].lower() in r.subordinators and lead[1] in pronouns:
                return e                    # 'But while he tipped Doe to win, he …': the chain goes on
            m = _CLAUSE_HEAD.match(self.text, s, e)         # 'But he said Doe had lost …': the chain goes on
            if m is None or self._in_quote(m.start("np")):
                return -1
            word = m.group("np").lower()
            return e if word in pronouns and word in r.pronouns else -1
        comma = self.text.find(",", s, e)
        m = _CLAUSE_HEAD.match(self.text, comma + 1, e) if comma >= 0 else None
        if m is None:
            return -1
        return m.start("np") if m.group("np").lower() in pronouns else -1

    def antecedent(self, pos: int, pronoun: str | None, spoken: list[tuple[int, _Speaker]],
                   quote: tuple[int, int] | None = None) -> _Speaker | None:
        """The nearest earlier person a pronoun can point to: per sentence going back, earlier quotes' speakers
        first, then the subject of a verb of saying, then the people named outside quotes in order. A person the
        quote itself names ('"Andy would be hard to follow," he said') is talked about, not speaking. A name in an
        oblique position ('next to Mr Blair', 'the footsteps of Farrell') ranks below the current speaker: the
        search goes on back for an earlier quote's speaker or the subject of a verb of saying, and stops at anyone
        else in subject position."""
        r = self.rules
        named = set(_CAP_WORD.findall(self.text, quote[0], quote[1])) if quote else set()
        want = "m" if pronoun in r.male else "f" if pronoun in r.female else "o" if pronoun in ("it", "they") else None
        i = self.article.sentence_at(pos)
        if i is None:
            i = max(0, bisect_right(self.sent_starts, pos) - 1)
        fallback = deferred = None
        for k in range(i, max(-1, i - 8), -1):
            sent = self.article.sentences[k]
            s, e = sent.start, min(sent.end, pos)
            cands: list[_Speaker] = [sp for at, sp in spoken if s <= at < e]
            kinds = (ORG,) if want == "o" else (PERSON,)
            if want == "o":
                subj = r.nominal_subject.match(self.text, s, e) or _SENTENCE_SUBJECT.match(self.text, s, e)
                if subj:
                    cands.append(_Speaker(subj.group(), subj.start(), subj.end()))
            found = [(m.start, self._from_mention(m)) for m in self._mentions_in(s, e)
                     if m.kind in kinds and not self._in_quote(m.start)]
            if want in ("m", "f"):
                found += [(n.start(), _Speaker(n.group(), n.start(), n.end()))
                          for n in self._nominals(k) if n.end() <= e
                          and not self._in_quote(n.start())
                          and self._subject_like(s, n.start(), n.end()) and not self._named_after(n.end())]
                described = self._described_subject(s, e)
                if described is not None:
                    found.append(described)
                found.sort(key=lambda f: f[0])
            if want == "o" or want is None:
                if want == "o" and cands and r.document_said.search(self.text, s, e):
                    return cands[-1]        # 'Doe's statement said: "…" It added: "…"': the document goes on
                for c in cands + [c for _, c in found]:
                    if want is None or c.entity < 0 or self.kinds.get(c.entity) == ORG:
                        return c
                continue
            # an earlier speaker, or a person in subject position, whose gender does not contradict the pronoun;
            # then someone of the right gender in an oblique position ("Faldo's", "to Jordan")
            for c in cands:
                if self.kinds.get(c.entity, PERSON) == PERSON and self._speaker_gender(c) in (want, "?") \
                        and not self._named_in(c, named):
                    return c
            oblique, subjects = [], []
            chain = self._pronoun_subject_at(s, e, want) if found else -1
            for _, c in found:
                g = self._speaker_gender(c)
                if self.kinds.get(c.entity, PERSON) != PERSON or c.start < chain or self._named_in(c, named):
                    continue
                rank = self._oblique(c, s)
                if rank:
                    oblique.append((rank, g, c))
                elif g == want or g == "?" and c.entity >= 0:
                    subjects.append(c)
            if subjects:
                saying = [c for c in subjects if r.say_after.match(self.text, c.end)]
                if deferred is None:
                    return saying[0] if saying else subjects[0]
                return saying[0] if saying else deferred
            if deferred is not None:
                continue
            oblique.sort(key=lambda o: o[0])        # stable: in order of mention within a rank
            for rank, g, c in oblique:
                if g == want or rank == 1 and g == "?" and c.entity >= 0:
                    if rank == 1 or not self._object_of_report(c, s, k == i):
                        return c
                    deferred = c
                    break
                if g == "?" and fallback is None:
                    fallback = c
        return deferred or fallback

    def _describes(self, word: str) -> bool:
        """A description of a person by age or origin: '34-year-old', 'American', 'ex-Wallaby'."""
        return self.rules.described_by.fullmatch(word) is not None or word.rpartition("-")[2] in self.demonyms

    def _described_subject(self, s: int, e: int) -> tuple[int, _Speaker] | None:
        """A sentence opening with a description of a person by origin or age ('The Brazilian confirmed …',
        'The 31-year-old said …'): where the description stands, and the person described, placed there."""
        m = _DESCRIBED_OPENING.match(self.text, s, e)
        if m is None or not self._describes(m.group("what")):
            return None
        who = self._recent_person(_Speaker(m.group("np"), m.start("np"), m.end("np"), described=True))
        return None if who is None else (m.start("np"), _Speaker(who.name, m.start("np"), m.end("np"), who.entity))

    def _object_of_report(self, c: _Speaker, s: int, own: bool) -> bool:
        """An oblique name after a verb of saying in its sentence ('said following Farrell would be …'), or before
        the pronoun in the quote's own sentence ('But standing next to Mr Blair he added'), is what is spoken
        about; a sentence opening with a preposition names whose view it is ('For Jane Doe, the future …')."""
        if self.rules.verb_re.search(self.text, s, c.start):
            return True
        first = _WORD.match(self.text, s)
        return own and not (first and first.group().lower() in self.rules.prepositions)

    def _named_in(self, c: _Speaker, named: set[str]) -> bool:
        """The person's first name or surname is among the capitalised words of the quote being attributed."""
        return bool(named) and any(w in named for w in c.name.split()[-2:] if w.rstrip(".") not in self.titles)


def _is_title(text: str, q: _Quote, rules: _Rules) -> bool:
    if text[q.start].islower():
        return False                    # 'the documentary, "and I never watch it."'
    before = text[max(0, q.open_mark - 30):q.open_mark].split()
    if before and before[-1].strip(",").lower() in rules.title_cues:
        return True
    long_words = [w for w in _WORD.findall(text, q.start, q.end) if len(w) >= 4]
    if len(long_words) < 2:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= rules.title_case_share


def extract(article: Article, context) -> list[Fact]:
    rules = _rules()
    text = article.text
    spans = _paragraph_spans(article)
    found = _find_quotes(article, spans)
    att = _Attributor(article, *_entity_mentions(article, context), found)
    para_end = {p: e for p, _, e in spans}
    para_start = {p: s for p, s, _ in spans}
    spoken: list[tuple[int, _Speaker]] = []     # (offset of the attribution, speaker), for pronouns
    for i, q in enumerate(found):
        prev = found[i - 1] if i else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        limit = nxt.open_mark if nxt and nxt.paragraph == q.paragraph else para_end[q.paragraph]
        floor = prev.after_mark if prev and prev.paragraph == q.paragraph else para_start[q.paragraph]
        who = None
        where = q.after_mark
        if q.closed and text[q.end - 1:q.end] in ".?!" and \
                rules.intro_before.search(text, max(floor, q.open_mark - 40), q.open_mark):
            who = att.before(q, floor)   # 'X said, "… ." Y then…': the next sentence is someone else's
            where = q.open_mark
        if who is None and q.closed:
            who = att.after(q, limit)
            where = q.after_mark
        if who is None:
            who = att.before(q, floor)
            where = q.open_mark
        issuer = isinstance(who, _Speaker) and who.document     # an issuer is no antecedent for 'she said'
        if issuer:
            who = att.document_owner(who) or _NOBODY
        lost = who == _PRONOUN    # 'she says' with no one to point to does not go on with an organisation
        if lost and att.pronoun in rules.first_person and not att.in_single_quote(where):
            who = _NOBODY           # '"…," I asked': the writer, whom the article does not name
            q.author = True
            lost = False
        if lost:
            who = att.antecedent(q.open_mark, att.pronoun, spoken, (q.start, q.end))
            lost = who is None and prev is not None and prev.speaker is not None \
                and att.kinds.get(prev.speaker.entity) == ORG
        q.attributed = who is not None
        q.attributed_after = who is not None and where == q.after_mark
        if who is None:
            who = att.previous_sentence(q, prev)
        if who is None and prev and prev.speaker and not lost:
            gap = text[prev.after_mark:q.open_mark]
            if q.continues or prev.paragraph == q.paragraph and att.run_goes_on(prev, q, len(gap) <= 120) \
                    or att.next_paragraph_goes_on(prev, q, para_start[q.paragraph]):
                who = prev.speaker
        q.speaker = who if isinstance(who, _Speaker) else None
        if q.speaker and not issuer:
            spoken.append((q.open_mark, q.speaker))
    # an unattributed quote takes the speaker of the quote right after it in the same sentence
    for i in range(len(found) - 2, -1, -1):
        q, nxt = found[i], found[i + 1]
        if q.speaker is None and not q.attributed and nxt.speaker and (
                nxt.continues or nxt.paragraph == q.paragraph and len(text[q.after_mark:nxt.open_mark]) <= 3):
            q.speaker = nxt.speaker
    for i, q in enumerate(found):          # still nobody: the subject of a verb of saying earlier in the sentence
        if q.speaker is None and not q.continues and not q.author \
                and len(text[q.start:q.end].split()) >= rules.min_words:
            who = att.embedded(q, found[i - 1] if i else None) \
                or att.according_after(q, found[i + 1].open_mark if i + 1 < len(found) else len(text))
            if who == _PRONOUN:
                who = att.antecedent(q.open_mark, att.pronoun, spoken, (q.start, q.end))
            q.speaker = who if isinstance(who, _Speaker) else None
    for i, q in enumerate(found):
        if q.speaker is None and not q.author and len(text[q.start:q.end].split()) >= rules.min_words:
            q.speaker = att.nearest_speaker(i)
            q.guessed = q.speaker is not None
    for i, q in enumerate(found):
        if q.speaker and q.speaker.entity < 0:
            described = q.speaker.described
            q.speaker = att.named_role(q.speaker) or (None if described else q.speaker)
            if q.speaker is None:
                q.speaker = att.nearest_speaker(i)
                q.guessed = q.speaker is not None
    facts = []
    for q in found:
        if len(text[q.start:q.end].split()) < rules.min_words:
            continue
        if not q.attributed_after and _is_title(text, q, rules):
            continue
        attrs: dict = {"speaker": _speaker_name(q.speaker, text, att.kinds, rules) if q.speaker else None}
        if q.speaker:
            attrs["speaker_start"], attrs["speaker_end"] = q.speaker.start, q.speaker.end
            attrs["speaker_guessed"] = q.guessed
        facts.append(Fact("quote", text[q.start:q.end], q.start, q.end, article.sentence_at(q.start), attrs))
    return facts

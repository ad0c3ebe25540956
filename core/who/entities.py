"""Stage: people, organisations and places, from capitalisation, gazetteers and cue words, with light coreference.

Each sentence is cut into runs of capitalised words ("name groups"). A group is labelled by, in order: the
gazetteers (countries, cities, places, known organisations), titles before it ("Mr", "Prime Minister"), cue
words at its end ("Command", "River"), a role noun before it ("militia leader"), a known given name, and
finally by what the rest of the article says about the same name ("Trump" after "Donald Trump"). Lines in
all capitals (wire headlines) only yield gazetteer names and names already found elsewhere in the article.
Mentions of one entity are merged into one fact whose ``mentions`` list every span.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple, Sequence

from article_facts.core.models import Article, Fact
from article_facts.core.rules import regex_cache
from article_facts.core.who import gender
from article_facts.core.who.lexicon import LOC, ORG, PERSON, Lexicon, lexicon

# An initial keeps its full stop when a capitalised word follows ("P. Simmons"), as abbreviations ("U.S.") do.
_TOKEN = regex_cache.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])|\w(?:[\w'’&.-]*\w)?|\S")
_INITIAL = regex_cache.compile(r"[A-Z]\.(?![A-Z]\.)(?=$|\w)")     # "P." or glued "T.O'Gorman", "A.de"; not "U.S."
_POSSESSIVE_WORD = regex_cache.compile(r"\w['’]s$")
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_ASCII_UPPER = _ASCII_LOWER.upper()
_LOWER_PREFIXED = regex_cache.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben|de|d')[-'’]?[A-Z]")
_NAME_START = r"(?:[^\W\d_a-zß-ÿ]|(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben|de|d')[-'’]?[A-Z])[\w'’&.-]*"
# One pass over a sentence finds every run of capitalised words, with the lower-case or '&' words that may
# join them ("Bank of England", "Abu Mahdi al-Muhandis"); only these runs are tokenised and labelled.
_CANDIDATE = regex_cache.compile(rf"(?<![\w'’&.-]){_NAME_START}(?: (?:(?:[a-z]+|&) )?{_NAME_START})*")
# The same runs when no name starts with a lower-case prefix: opening on the capital letter lets the regex engine
# skip the lower-case text between names. _has_prefixed_name tells which of the two an article needs.
_CAPITAL_CANDIDATE = regex_cache.compile(rf"[^\W\d_a-zß-ÿ](?<![\w'’&.-].)[\w'’&.-]*(?: (?:(?:[a-z]+|&) )?{_NAME_START})*")
_PREFIXED_START = regex_cache.compile(r"(?<![\w'’&.-])(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben|de|d')[-'’]?[A-Z]")
_GLUED_CAPITAL = regex_cache.compile(r"[A-Z](?<=[a-z'’-].)")     # a capital right after a lower-case letter or a hyphen
_DIGIT_OR_LOWER_PART = regex_cache.compile(r"\d|-[a-z]")
_LABEL_COLON = regex_cache.compile(r" ?:")       # "Scorers :" is a label, not a name
_HAS_ALNUM = regex_cache.compile(r"[^\W_]")
_ASCII_LOWER_STR = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_LETTERS = _ASCII_LOWER_STR | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SAY_AFTER = regex_cache.compile(r"\s*,?\s*(?:said|says|told|added|stated|explained|wrote)\b")
_PLAIN_RUN = regex_cache.compile(r"[^\W\d_]+(?:['’]s)?(?: [^\W\d_]+(?:['’]s)?)*\.?")   # words of letters, spaces
_ONE_GROUP = ((0, 1, True),)          # a run that is one name group of one word
_UNTRIMMED = (0, False, 0)             # a plan's trim that keeps every word
_UNSEEN = object()
_NEW_TUPLE = tuple.__new__            # a named tuple without its Python-level constructor
_START = attrgetter("start")


class _Tok(NamedTuple):
    """A word. In a run, ``start`` and ``end`` are relative to the run's first character (the word before the run
    has negative ones); in an all-capitals line they are offsets in the article."""

    start: int
    end: int
    text: str
    norm: str          # the word without its full stops ("Gen." -> "Gen"), as the word lists hold it


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str | None
    strong: bool = False     # labelled by gazetteer, title or cue rather than by default
    venue: bool = False      # after "in"/"at", or a dateline's place: a place even in a sports story
    weak_start: bool = False     # a lone word opening its sentence: maybe just a capitalised common word
    prev: str = ""               # the word before, lower-cased (for mentions left to the document-level pass)
    person_line: bool = False    # on a line that lists people ("Scorers : ...")


@dataclass
class _Entity:
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max((m.text for m in self.mentions), key=lambda t: (len(t.split()), len(t)))


def _tokens(text: str, base: int) -> list[_Tok]:
    out = []
    append = out.append
    new = _NEW_TUPLE
    for m in _TOKEN.finditer(text):
        word = m.group()
        start, end = m.span()
        if word[-1] in "sS" and _POSSESSIVE_WORD.search(word):
            word, end = word[:-2], end - 2
        append(new(_Tok, (base + start, base + end, word, word.rstrip("."))))
    return out


class _Verdict(NamedTuple):
    """What a name's own words say about it, before its context is read (see ``_Scanner._verdict``)."""

    kind: str | None      # the gazetteer's kind for the whole name
    misc: bool            # ends in an event or award head ("Cup", "Prize"): no entity
    cue: str | None       # the kind a title before it or a cue word in it gives ("Command", "River")
    given: bool           # several words, the first a known given name; or an initial first ("P. Simmons")
    place_head: bool      # several words headed by a place ("New York Yankees"): an organisation


class _Plan(NamedTuple):
    """What the words of a name group alone decide (see ``_Scanner._plan``); worked out once per distinct run."""

    name: str
    kind: str | None      # the gazetteer's kind for the whole group
    club: bool            # a place or club short name: its context may make it a club
    trim: tuple[int, bool, int] | None   # name's first word, titled, splitting word (0: none), relative to the group
    verdict: _Verdict | None             # for the trimmed name when it is not split


class _Run(NamedTuple):
    """A capitalised run's words (offsets relative to the run) and its name groups: (first, end, may_start) token
    index ranges, ``may_start`` when only punctuation precedes the group in the run. ``plans`` fills as the run's
    groups are labelled."""

    toks: tuple[_Tok, ...]
    groups: tuple[tuple[int, int, bool], ...]
    plans: list[_Plan | None]


def _run(text: str, lex: Lexicon) -> _Run:
    """Cut a run into name groups: capitalised words joined by single spaces, a hyphenated given name after a short
    family name ("Ban Ki-moon"), and connectors between capitalised words ("Bank of England")."""
    if text.isalpha() and (text[0].isupper() or _LOWER_PREFIXED.match(text)):     # one name word (most runs)
        return _NEW_TUPLE(_Run, ((_NEW_TUPLE(_Tok, (0, len(text), text, text)),), _ONE_GROUP, [None]))
    if _PLAIN_RUN.fullmatch(text):        # words of letters (most runs): cut at the spaces, no regex
        toks, joined, name = [], [], []   # joined[k]: a single space between words k and k + 1
        body = text[:-1] if text[-1] == "." else text
        at = 0
        for word in body.split(" "):
            size = len(word)
            if word[-2:] in ("'s", "’s"):         # "Obama's": the possessive is not part of the name
                word = word[:-2]
                toks.append(_NEW_TUPLE(_Tok, (at, at + size - 2, word, word)))
                joined.append(False)
            else:
                toks.append(_NEW_TUPLE(_Tok, (at, at + size, word, word)))
                joined.append(True)
            name.append(word[0].isupper() or _LOWER_PREFIXED.match(word) is not None)
            at += size + 1
        if body is not text:              # a full stop ends the run ("Germany."): a word of its own
            toks.append(_NEW_TUPLE(_Tok, (at - 1, at, ".", "")))
            joined[-1] = False
            name.append(False)
        elif all(name) and all(joined[:-1]):      # one group of all its words ("Barack Obama")
            return _NEW_TUPLE(_Run, (tuple(toks), ((0, len(toks), True),), [None]))
    else:
        toks = _tokens(text, 0)
        name = [_is_name_word(t.text) for t in toks]
        joined = [text[a.end:b.start] == " " for a, b in zip(toks, toks[1:])]    # joined[k]: toks k and k + 1
    n = len(toks)
    groups = []
    may_start = True
    i = 0
    while i < n:
        if not name[i]:
            may_start = may_start and not toks[i].text[0].isalnum()
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = toks[j + 1]
            if name[j + 1] and joined[j]:
                j += 1
                continue
            if len(toks[j].text) <= 5 and joined[j] and lex.hyphenated_given_name.fullmatch(nxt.text):
                j += 1
                continue
            if (j + 2 < n and joined[j] and joined[j + 1] and _is_cap(toks[j + 2].text)
                    and _connects(lex, toks[i:j + 1], nxt.text, toks[j + 2])):
                j += 2
                continue
            break
        groups.append((i, j + 1, may_start))
        may_start = False
        i = j + 1
    return _NEW_TUPLE(_Run, (tuple(toks), tuple(groups), [None] * len(groups)))


_TITLE_OF = regex_cache.compile(r"\b([A-Z][\w.]*) of (?:the )?$")


def _connects(lex: Lexicon, left: list[_Tok], word: str, right: _Tok) -> bool:
    if word in lex.name_connectors or word == "&":
        return True
    last = left[-1].norm
    if word in ("of", "for", "on") and (last in lex.org_of_heads or last in lex.loc_of_heads):
        return word != "on" or right.norm not in lex.not_names    # not 'Commission on Thursday' (any not-name)
    if word in ("and", "of", "the"):
        if " ".join(t.text for t in left) + f" {word} {right.text}" in lex.gazetteer:
            return True
    # "Department of Children and Families", "Ministry of Foreign Affairs and Trade": a second field of an
    # "X of Y" body, unless it is a name of its own ("University of Leeds and Sheffield", "... and Smith")
    return (word == "and" and any(a.norm in lex.org_of_heads and b.text in ("of", "for") for a, b in zip(left, left[1:]))
            and right.norm not in lex.gazetteer and right.norm not in lex.first_names
            and right.norm not in lex.surnames)


def _has_prefixed_name(text: str) -> bool:
    """Whether a name in ``text`` opens with a lower-case prefix ("al-Sisi", "d'Estaing"): its capital follows
    the prefix's last letter or a hyphen or apostrophe, at most four characters after the prefix starts."""
    for capital in _GLUED_CAPITAL.finditer(text):
        at = capital.start()
        if _PREFIXED_START.search(text, max(0, at - 4), at + 1):
            return True
    return False


def _has_lower_word(body: str, low: str) -> bool:
    """``low`` occurs in ``body`` as a whole lower-case word: 2+ letters a-z, no letter glued before it and no
    lower-case letter after it (as ``(?<![A-Za-z])[a-z]{2,}`` would find it)."""
    if len(low) < 2 or not (low.isascii() and low.isalpha()):     # a-z only (upper case was folded)
        return False
    size = len(low)
    at = body.find(low)
    while at >= 0:
        if (at == 0 or body[at - 1] not in _ASCII_LETTERS) and body[at + size:at + size + 1] not in _ASCII_LOWER_STR:
            return True
        at = body.find(low, at + 1)
    return False


def _is_cap(word: str) -> bool:
    """A word that may be part of a name: capitalised, no digits ("A320"), no lower-case hyphen part ("London-based")."""
    if not (word[:1].isupper() or _LOWER_PREFIXED.match(word)):
        return False
    return not _DIGIT_OR_LOWER_PART.search(word)


def _is_cap_memo(word: str) -> bool:
    """``_is_cap``, memoised per word."""
    if word[:1].isupper() and word.isalpha():      # letters only: no digit, no hyphenated part
        return True
    found = _CAPS.get(word)
    if found is None:
        if len(_CAPS) > 100_000:
            _CAPS.clear()
        found = _CAPS[word] = _is_cap(word)
    return found


_CAPS: dict[str, bool] = {}


def _is_name_word(word: str) -> bool:
    """A word that can open or continue a name group: capitalised (``_is_cap``) with a letter first."""
    return _is_cap_memo(word) and word[0].isalpha()


def _is_all_caps_line(text: str) -> bool:
    raw = text.encode("utf-8", "surrogatepass")      # UTF-8 keeps ASCII letters as single bytes: counting them in bytes is exact
    size = len(raw)
    lower = size - len(raw.translate(None, _ASCII_LOWER))
    if 5 * lower >= size:
        return False
    upper = size - len(raw.translate(None, _ASCII_UPPER))
    return upper > 6 and upper + lower > 8 and upper > 4 * lower


class _Scanner:
    """Finds and labels name groups in one article."""

    def __init__(self, article: Article, lex: Lexicon):
        self.text = article.text
        self.lex = lex
        self.article = article
        self._body: str | None = None
        self._lower_seen: dict[str, bool] = {}
        self.mentions: list[Mention] = []
        self.caps_lines: list[list[_Tok]] = []
        first = article.headline or (article.sentences[0] if article.sentences else None)
        self.sports = bool(first and lex.sports_headline.match(first.text))
        self.clubs: set[str] = set()          # places seen standing for their club ("Leeds 2 Coventry 1")
        self.person_line = False              # the line being scanned lists people ("Scorers : ...")
        self.at = 0                           # where the run being labelled starts in the article
        self.line_start = 0                   # where the line being scanned starts in the article

    def _written_lower(self, word: str) -> bool:
        """Whether the body also writes ``word`` in lower case, as a whole word ("Police" and "the police")."""
        seen = self._lower_seen.get(word)
        if seen is None:
            if self._body is None:
                self._body = " ".join([s.text for s in self.article.sentences])
            seen = self._lower_seen[word] = _has_lower_word(self._body, word.lower())
        return seen

    def _run(self, text: str) -> _Run | None:
        """The run's words and name groups, or None for a run that can never name anything, whatever surrounds
        it: no name group, or one word that is a title, a demonym or not a name ("The", "He's", "Mr.", "British")."""
        if self.lex.column_header.fullmatch(text):
            return None           # "W L PCT GB": a table's column codes
        run = _run(text, self.lex)
        if not run.groups:
            return None
        toks = run.toks
        if run.groups == ((0, 1, True),) and all(not t.text[0].isalnum() for t in toks[1:]):
            lex = self.lex
            word, norm = toks[0].text, toks[0].norm
            if (word not in lex.gazetteer and word not in lex.sports_short_names
                    and not (word.isupper() and len(word) > 3 and word in lex.gazetteer_upper)
                    and (norm in lex.titles or norm in lex.not_names or norm in lex.demonyms)):
                return None
        return run

    # ------------------------------------------------------------------ groups
    def scan(self) -> list[Mention]:
        art = self.article
        regions = sorted([*art.sentences, *(s for s in (art.byline, art.dateline) if s is not None)],
                         key=lambda s: s.start)       # the byline names a person, the dateline a place
        lex = self.lex
        full_text = self.text
        person_list_line = lex.person_list_line.match
        wire_dateline = lex.wire_dateline.match
        runs: dict[str, _Run | None] = lex.memo("runs")     # None: a run that never names anything
        last_token: dict[str, tuple] = lex.memo("last_token")  # the last word of the text before a run
        last_line = -1
        line_start = seen_to = 0
        candidates = (_CANDIDATE if _has_prefixed_name(full_text) else _CAPITAL_CANDIDATE).finditer
        label = self._label_group
        for sent in regions:
            text = sent.text
            newline = full_text.rfind("\n", seen_to, sent.start)      # regions come in order: look back only
            seen_to = sent.start                                          # to the previous one
            if newline >= 0:
                line_start = newline + 1
            if line_start != last_line:
                last_line = self.line_start = line_start
                self.person_line = person_list_line(full_text, line_start) is not None
            skip = 0
            dateline = wire_dateline(text)
            if dateline:       # "AL-AIN , United Arab Emirates 1996-12-06": the place is a location
                ps, pe = dateline.span("place")
                self.mentions.append(Mention(sent.start + ps, sent.start + pe, text[ps:pe], LOC, True, True))
                skip = pe
            elif _is_all_caps_line(text):
                self.caps_lines.append(_tokens(text, sent.start))
                continue
            first_run = True
            base = sent.start
            for run in candidates(text, skip):
                word = run.group()
                info = runs.get(word, _UNSEEN)
                if info is _UNSEEN:
                    info = runs[word] = self._run(word)
                if info is None:
                    first_run = False
                    continue
                gs = run.start()
                self.at = base + gs
                toks, groups, plans = info
                first = 0
                if gs:
                    region = text.rfind(" ", 0, gs - 1) + 1 if gs > 1 else 0
                    prev = text[region:gs]
                    last = last_token.get(prev)
                    if last is None:
                        word = prev[:-1]
                        if prev[-1] == " " and word.isalpha():     # "in ": the word itself
                            last = (_NEW_TUPLE(_Tok, (region - gs, region - gs + len(word), word, word)),)
                        else:
                            found = _tokens(prev, region - gs)
                            last = (found[-1],) if found else ()
                        last_token[prev] = last
                    if last:
                        toks = last + toks
                        first = 1
                starts = first_run and (gs == 0 or not _HAS_ALNUM.search(text, 0, gs))
                first_run = False
                for g, (i, j, may_start) in enumerate(groups):
                    plan = plans[g]
                    if plan is None:
                        plan = plans[g] = self._plan(toks, i + first, j + first, True)
                    label(toks, i + first, j + first, starts and may_start, plan)
        self._resolve()
        self._surnames_stay_people()
        if len(self.clubs) > 1:
            self.sports = True
        if self.sports:
            for m in self.mentions:       # a place that stood for its club once does so throughout the story
                if m.kind == LOC and m.text in self.clubs and not m.venue:
                    m.kind = ORG
        for toks in self.caps_lines:
            self._scan_caps(toks)
        self.mentions.sort(key=_START)
        return [m for m in self.mentions if m.kind]

    def _joined(self, a: _Tok, b: _Tok) -> bool:
        return self.text[a.end:b.start] == " "

    def _label_group(self, all_toks: Sequence[_Tok], i: int, j: int, sentence_start: bool, plan: _Plan | None = None
                     ) -> None:
        """Label the group ``all_toks[i:j]``; ``all_toks[i - 1]``, if any, is the word before it."""
        if plan is None:
            plan = self._plan(all_toks, i, j, not sentence_start)     # (a plan's trim holds only away from a start)
        end = self.at + all_toks[j - 1].end
        kind = plan.kind
        if plan.club:
            kind, venue = self._club_kind(plan.name, self.at + all_toks[i].start, end,
                                          all_toks[i - 1].text if i else "", kind)
            if kind:
                self._add(all_toks, i, j, kind, True, venue)
                return
        if kind:
            self._add(all_toks, i, j, kind, True)
            return
        if sentence_start:
            trimmed = self._trim(all_toks, i, j, True, self.at + all_toks[i].start, end)
            if not trimmed:
                return
            i, titled, sentence_start, split = trimmed
            verdict = None
        else:
            if not plan.trim:
                return
            first, titled, split = plan.trim
            verdict = plan.verdict
            i, split = i + first, split and split + i
        if split:
            self._label_tokens(all_toks, i, split, titled, sentence_start)
            self._label_group(all_toks, split, j, False)
        else:
            self._apply(all_toks, i, j, verdict or self._verdict(all_toks, i, j, titled), sentence_start)

    def _plan(self, all_toks: Sequence[_Tok], i: int, j: int, trim: bool) -> _Plan:
        """What the group's words alone decide; with ``trim``, also its name once leading words are dropped
        (valid only away from a sentence start)."""
        lex = self.lex
        start, end = self.at + all_toks[i].start, self.at + all_toks[j - 1].end
        name = self.text[start:end]
        kind = lex.gazetteer.get(name) or (lex.gazetteer_upper.get(name) if name.isupper() and len(name) > 3 else None)
        trimmed = verdict = None
        if trim and not kind and j - i == 1:        # one word: _trim and _verdict, shortened
            norm = all_toks[i].norm
            if (norm not in lex.titles and norm not in lex.not_names and norm not in lex.demonyms
                    and _is_cap_memo(name)):
                trimmed = _UNTRIMMED
                verdict = _NEW_TUPLE(_Verdict, (None, norm in lex.misc_heads, None, _INITIAL.match(name) is not None,
                                                False))
        elif trim and not kind:         # a gazetteer name is labelled before any trimming
            found = self._trim(all_toks, i, j, False, start, end)
            if found:
                trimmed = (found[0] - i, found[1], found[3] and found[3] - i)
                if not found[3]:
                    verdict = self._verdict(all_toks, found[0], j, found[1])
        return _NEW_TUPLE(_Plan, (name, kind, kind == LOC or name in lex.sports_short_names, trimmed, verdict))

    def _trim(self, all_toks: Sequence[_Tok], i: int, j: int, sentence_start: bool, start: int, end: int
              ) -> tuple[int, bool, bool, int] | None:
        """Drop the words of a group that are not part of its name; None when no name is left. Returns the
        name's first word, whether a title preceded it, whether it still opens the sentence, and the word where
        a demonym or common word splits it (0: none). Only the sentence-start test looks beyond the words."""
        lex = self.lex
        titles = lex.titles
        if all_toks[i].norm in titles and (j - i == 1 or all(t.norm in titles for t in all_toks[i + 1:j])):
            return None         # titles alone ("Lt. Col.", "President") name nobody
        # leading words that are not part of a name: "The", "Angry", demonyms, titles
        text, at = self.text, self.at
        not_names, demonyms = lex.not_names, lex.demonyms
        last = all_toks[j - 1].norm
        titled = False
        while i < j:
            w = all_toks[i].text
            wn = all_toks[i].norm
            several = j - i > 1
            if several and len(w) == 2 and w[1] == "." and w[0].isupper():
                break       # an initial before a name ("A. Dale", "I. Austin") is part of it
            if wn in demonyms and several and last in lex.org_suffixes:
                break       # "Serbian Democratic Party", "British Airways": the demonym is part of the name
            if (several and (wn in not_names or wn in demonyms or wn in titles)
                    and text[at + all_toks[i + 1].start:end] in lex.gazetteer):
                titled = titled or wn in lex.title_heads
                i += 1
                break
            if wn in not_names and not (several and (wn in lex.title_heads or wn in lex.org_suffixes
                                                     or wn in lex.org_of_heads)):
                i += 1
                sentence_start = False
                continue
            if wn in demonyms:
                i += 1
                sentence_start = False
                continue
            if wn in titles and several and last not in lex.org_suffixes and last not in lex.misc_heads:
                titled = titled or wn in lex.title_heads
                i += 1
                sentence_start = False
                continue
            if (sentence_start and w not in lex.first_names
                    and (self._written_lower(w) or (several and w.lower() in lex.common_words and w not in lex.gazetteer))
                    and not self._bracketed_person(start, end)):
                i += 1
                sentence_start = False
                continue
            break
        if titled:   # "Secretary of Defense Robert Gates": drop the rest of the title
            while j - i > 2 and all_toks[i].text in ("of", "for"):
                i += 2
        elif j - i > 2 and all_toks[i + 1].text in lex.first_names and all_toks[i].text not in lex.first_names:
            title = _TITLE_OF.search(text, max(0, start - 30), start)
            if title and title.group(1) in titles:     # "Chancellor of the Exchequer Gordon Brown"
                i += 1
        if i >= j or not _is_cap_memo(all_toks[i].text):
            return None
        # a demonym, title or common word inside the group splits it
        if last not in lex.org_suffixes:
            for k in range(i + 1, j):
                wn = all_toks[k].norm
                if wn in demonyms or (wn in not_names and wn not in lex.org_suffixes):
                    if k == j - 1 == i + 1 and all_toks[k].text in lex.surnames and all_toks[i].text in lex.first_names \
                            and all_toks[i].text not in lex.gazetteer:
                        break       # "Louise Christian": a given name, then a surname that is also a common word
                    if text[at + all_toks[i].start:end] not in lex.gazetteer:
                        if k == j - 1 == i + 1 and wn in not_names and self._adjective_like(all_toks[i].text):
                            return None     # "Bloody Sunday", "Good Friday": a named day, no entity
                        return i, titled, sentence_start, k
        return i, titled, sentence_start, 0

    def _label_tokens(self, all_toks: Sequence[_Tok], i: int, j: int, titled: bool, sentence_start: bool) -> None:
        self._apply(all_toks, i, j, self._verdict(all_toks, i, j, titled), sentence_start)

    def _verdict(self, all_toks: Sequence[_Tok], i: int, j: int, titled: bool) -> _Verdict:
        """What the words of the name ``all_toks[i:j]`` say about it (``titled``: a title stood before it)."""
        lex = self.lex
        at = self.at
        start, end = at + all_toks[i].start, at + all_toks[j - 1].end
        gazetteer = lex.gazetteer
        size = j - i
        first, last = all_toks[i].norm, all_toks[j - 1].norm
        cue = None
        if titled:
            cue = PERSON
        elif size > 1:
            second = all_toks[i + 1].norm
            if last in lex.org_suffixes or (size > 2 and first in lex.org_of_heads and second in ("of", "for", "on")):
                cue = ORG
            elif last in lex.loc_suffixes or (size > 2 and first in lex.loc_of_heads and second == "of"):
                cue = LOC
            elif first in lex.directions and self.text[at + all_toks[i + 1].start:end] in gazetteer:
                cue = LOC
            elif size > 2 and any(t.text in lex.org_inner_words for t in all_toks[i + 1:j - 1]):
                cue = ORG       # "Douglas & Lomason"
        place_head = size > 1 and (gazetteer.get(self.text[start:at + all_toks[j - 2].end]) == LOC
                                   or gazetteer.get(first) == LOC)
        given = (size > 1 and first in lex.first_names) or _INITIAL.match(all_toks[i].text) is not None
        return _NEW_TUPLE(_Verdict, (gazetteer.get(self.text[start:end]), last in lex.misc_heads, cue, given,
                                     place_head))

    def _apply(self, all_toks: Sequence[_Tok], i: int, j: int, verdict: _Verdict, sentence_start: bool) -> None:
        """Label ``all_toks[i:j]`` from its verdict and its context: a bracketed country after it, a lower-case
        place word ("air base"), a role noun before it."""
        if verdict.kind:
            self._add(all_toks, i, j, verdict.kind, True)
            return
        if verdict.misc:
            return
        start, end = self.at + all_toks[i].start, self.at + all_toks[j - 1].end
        if self.lex.bracket_country_after.match(self.text, end) and self._bracketed_person(start, end):
            self._add(all_toks, i, j, PERSON, True)     # "Frankie Fredericks ( Namibia ) 19.85"
            return
        if self.text.startswith(self.lex.loc_lower_suffixes_after, end):
            self._add(all_toks, i, j, LOC, True)
            return
        if verdict.cue:
            self._add(all_toks, i, j, verdict.cue, True)
            return
        if (i and all_toks[i - 1].text.lower() in self.lex.roles and self._follows(all_toks, i)) or verdict.given:
            self._add(all_toks, i, j, PERSON, True)
            return
        if verdict.place_head:
            self._add(all_toks, i, j, ORG, False)      # "New York Yankees", "Bayern Munich"
            return
        lex, text = self.lex, self.text
        if ((text[end + 1:end + 2].islower() and lex.loc_lower_after.match(text, end))      # lower-case words only
                or (text[start - 2:start - 1].islower() and lex.loc_before.search(text, max(0, start - 16), start))):
            self._add(all_toks, i, j, LOC, True)       # "the Pamir mountains", "the town of Tavildara"
            return
        self._pending(all_toks, i, j, sentence_start and j - i == 1)

    def _follows(self, all_toks: Sequence[_Tok], i: int) -> bool:
        """Word ``i`` follows the word before it across a space alone, not its possessive ending: a role noun
        introduces the name after it ("governor Jane Doe"), not the thing it owns ("the Governor's Ball")."""
        return all_toks[i].start - all_toks[i - 1].end == 1

    def _club_kind(self, name: str, start: int, end: int, prev: str, kind: str | None) -> tuple[str | None, bool]:
        """A place or nickname standing for its club: before a score ("Bari 2"), or named in a sports story.
        Also tells whether the place is a venue: after "in"/"at", in a venue list ("at Edgbaston , Birmingham"),
        or heading a results line ("Leicester : Leicestershire beat Somerset")."""
        lex = self.lex
        text = self.text
        if prev.lower() in lex.venue_prepositions:
            return kind, True
        if kind == LOC and ((start == self.line_start and lex.venue_line_after.match(text, end))
                            or (prev == "," and lex.venue_before.search(text, max(0, start - 60), start))):
            return kind, True
        short = name in lex.sports_short_names
        if (((kind == LOC and name in lex.cities) or short or (name.isupper() and name in lex.team_places_upper))
                and lex.team_score_after.match(text, end)):
            self.clubs.add(name)
            return ORG, False
        if short and self.sports:
            return ORG, False
        return kind, False

    def _bracketed_person(self, start: int, end: int) -> bool:
        """A name followed by a bracketed country is a person, unless a score shows it is a team."""
        lex = self.lex
        m = lex.bracket_country_after.match(self.text, end)
        if not m or lex.gazetteer.get(m.group("country")) != LOC:
            return False
        if lex.bracket_team_after.match(self.text, end) or lex.bracket_team_before.search(self.text, max(0, start - 8), start):
            return False
        return True

    def _add(self, all_toks: Sequence[_Tok], i: int, j: int, kind: str, strong: bool, venue: bool = False) -> None:
        lex = self.lex
        text = self.text
        start, end = self.at + all_toks[i].start, self.at + all_toks[j - 1].end
        if all_toks[j - 1].text in lex.abbreviations and text[end:end + 1] == ".":
            end += 1          # "Acme Holdings Inc."
        if kind == LOC and text.startswith(lex.loc_lower_suffixes_after, end):
            for suffix in lex.loc_lower_suffixes_after:
                if text.startswith(suffix, end):
                    end += len(suffix)
                    break
        venue = venue or (i > 0 and all_toks[i - 1].text.lower() in lex.venue_prepositions)
        self.mentions.append(Mention(start, end, text[start:end], kind, strong, venue))

    def _pending(self, all_toks: Sequence[_Tok], i: int, j: int, weak_start: bool) -> None:
        start, end = self.at + all_toks[i].start, self.at + all_toks[j - 1].end
        self.mentions.append(Mention(start, end, self.text[start:end], None, False, False, weak_start,
                                     all_toks[i - 1].text.lower() if i > 0 else "", self.person_line))

    # ------------------------------------------------------------------ document-level resolution
    def _resolve(self) -> None:
        lex = self.lex
        known: dict[str, str] = {}
        person_words: set[str] = set()
        org_words: set[str] = set()
        pending = []
        for m in self.mentions:
            kind = m.kind
            if not kind:
                pending.append(m)
                continue
            known.setdefault(m.text, kind)
            if kind == PERSON:
                person_words.update(m.text.split())
            elif kind == ORG:
                parts = m.text.split()
                org_words.add(parts[0])
                if len(parts) > 1:
                    org_words.add("".join([p[0] for p in parts if p[0].isupper()]))
        if not pending:
            return
        self._index: dict[int, int] | None = None       # mention -> its position, built when a list is read
        text = self.text
        caps_elsewhere = {m.text for m in self.mentions if not m.weak_start} if any(
            m.weak_start for m in pending) else set()        # names also seen away from a sentence start
        person_after = lex.person_after.match
        once: set[str] = set()
        again: set[str] = set()
        for m in pending:
            (again if m.text in once else once).add(m.text)
        for m in pending:          # "Henke , who ...", "Henke said": the name is a person's wherever it stands
            if m.text in again and " " not in m.text and (person_after(text, m.end) or (
                    _SAY_AFTER.match(text, m.end) and m.prev not in lex.loc_prepositions)):
                person_words.add(m.text)
        for m in pending:
            name = m.text
            words = name.split()
            if name in known:
                m.kind = known[name]
            elif m.person_line and not _LABEL_COLON.match(text, m.end):
                m.kind = PERSON       # "Scorers : Ronaldo 23 , Pizzi 56"
            elif len(words) == 1 and (name in person_words or (
                    name in lex.first_names and not (m.weak_start and (
                        self._written_lower(name) or lex.team_score_after.match(text, m.end))))):
                m.kind = PERSON
            elif len(words) == 1 and name in org_words:
                m.kind = ORG
            elif (m.weak_start and name not in caps_elsewhere
                  and (name.lower() in lex.common_words or self._written_lower(name))
                  and not _SAY_AFTER.match(text, m.end)) or _LABEL_COLON.match(text, m.end):
                continue
            elif len(words) == 1 and self._after_possessive_title(m.start):
                continue      # "the Governor's Ball": a title's possession, not a person it introduces
            elif len(words) > 1:
                # an unknown multi-word name is a person unless it holds an acronym or a common word
                personal = not any(w.isupper() and len(w) > 1 for w in words) and (
                    words[0] in lex.first_names or words[-1] in lex.surnames
                    or not any(w.lower() in lex.common_words for w in words))
                m.kind = PERSON if personal else ORG
            elif name.isupper() and len(name) > 1:
                m.kind = ORG
            elif (_SAY_AFTER.match(text, m.end) and m.prev not in lex.loc_prepositions) or name in lex.surnames \
                    or person_after(text, m.end):
                m.kind = PERSON     # not 'officer at Acme, said': the object of a preposition is not the subject
            elif m.prev == "at" and _word_before(text, m.start - 3).lower() in lex.roles:
                m.kind = ORG        # "chief revenue officer at Zorbix": the employer
            elif m.prev in lex.loc_prepositions:
                m.kind = LOC
            elif self._listed_with_person(m):
                m.kind = PERSON       # "Ricky Ponting , Flemming , Glenn McGrath"
            else:
                m.kind = ORG
            if m.kind:
                known.setdefault(name, m.kind)

    def _after_possessive_title(self, pos: int) -> bool:
        """The word before ``pos`` is a title in the possessive ("Governor's", "Queen's")."""
        before = _word_before(self.text, pos)
        return before[-2:] in ("'s", "’s") and before[:-2] in self.lex.title_heads

    def _adjective_like(self, word: str) -> bool:
        """A capitalised word that is a common English word, or a surname that is not also a given name ("Good",
        "Black"), as opposed to a person's or a place's name."""
        lex = self.lex
        return word not in lex.first_names and (word.lower() in lex.common_words or word in lex.surnames)

    def _surnames_stay_people(self) -> None:
        """After "George Hamilton", a bare "Hamilton" is the person, not the city or a default organisation; a
        venue ("in Hamilton") and a country stay places."""
        surnames = {m.text.rsplit(" ", 1)[-1] for m in self.mentions if m.kind == PERSON and " " in m.text}
        if not surnames:
            return
        cities, places_after = self.lex.cities, self.lex.loc_prepositions
        text = self.text
        for m in self.mentions:
            if (m.kind != PERSON and m.text in surnames and not m.venue
                    and (not m.strong or (m.kind == LOC and m.text in cities))):
                before = text[max(0, m.start - 12):m.start].split()
                if not (before and before[-1].lower() in places_after):      # "flew to Hamilton"
                    m.kind = PERSON

    def _listed_with_person(self, m: Mention) -> bool:
        """Whether the mention before or after ``m`` is a person's, with only a list separator between them."""
        mentions = self.mentions
        if self._index is None:
            self._index = {id(x): k for k, x in enumerate(mentions)}
        k = self._index.get(id(m), -1)
        separator = self.lex.list_separator.fullmatch
        for other in (mentions[k - 1] if k > 0 else None, mentions[k + 1] if 0 <= k < len(mentions) - 1 else None):
            if other is not None and other.kind == PERSON:
                a, b = (other.end, m.start) if other.start < m.start else (m.end, other.start)
                if 0 <= b - a <= 8 and separator(self.text, a, b):
                    return True
        return False

    def _scan_caps(self, toks: list[_Tok]) -> None:
        """All-capitals line: gazetteer names and names already found, matched case-insensitively."""
        lex = self.lex
        found = {m.text.upper(): m.kind for m in self.mentions if m.kind}
        if self.sports:     # a club that is also named as a venue ("in Leeds") is the club in a headline
            found.update((m.text.upper(), ORG) for m in self.mentions if m.kind == ORG)
            self.short_upper = {n.upper() for n in lex.sports_short_names}
        for m in list(self.mentions):
            if m.kind == PERSON:
                found.setdefault(m.text.split()[-1].upper(), PERSON)
        i, n = 0, len(toks)
        while i < n:
            hit = None
            for k in range(min(lex.max_gazetteer_words, n - i), 0, -1):
                key = self.text[toks[i].start:toks[i + k - 1].end]
                if k > 1 and any(not self._joined(toks[x], toks[x + 1]) for x in range(i, i + k - 1)):
                    continue
                kind = found.get(key)
                if kind is None and self.sports and key in self.short_upper and not (
                        i and toks[i - 1].text.lower() in lex.venue_prepositions):
                    kind = ORG          # "COWBOYS BEAT EAGLES" in a sports story
                if kind is None and (k > 1 or key.lower() not in lex.common_words       # "SURPRISE" is no city,
                                     or (key.title() in lex.gazetteer and key.title() not in lex.cities)  # "BOSNIA" is
                                     or self._table_place(toks, i, i + k)):       # and "DENVER 50 31" is too
                    kind = lex.gazetteer_upper.get(key)
                if kind and (len(key) > 2 or key in found or kind == LOC):
                    hit = (k, kind)
                    break
            if hit:
                k, kind = hit
                start, end = toks[i].start, toks[i + k - 1].end
                venue = False
                if kind != PERSON and self.text[start:end] in lex.team_places_upper:
                    kind, venue = self._caps_team(toks, i, i + k, kind)
                self.mentions.append(Mention(start, end, self.text[start:end], kind, True, venue))
                i += k
            else:
                i += 1


    def _table_place(self, toks: list[_Tok], i: int, j: int) -> bool:
        """Whether ``toks[i:j]`` stand where a table names a place or team: before a score, or closing a
        schedule line after "AT"."""
        if self.lex.team_score_after.match(self.text, toks[j - 1].end):
            return True
        return j == len(toks) and i > 0 and toks[i - 1].text.lower() in self.lex.venue_prepositions

    def _caps_team(self, toks: list[_Tok], i: int, j: int, kind: str) -> tuple[str, bool]:
        """A city or club in an all-capitals table line: the venue after "AT", the team before a score
        ("CHICAGO 71 64 .526") or before "AT" in a sports schedule ("CHICAGO AT TORONTO")."""
        lex = self.lex
        venues = lex.venue_prepositions
        if i and toks[i - 1].text.lower() in venues:
            return LOC, True
        if lex.team_score_after.match(self.text, toks[j - 1].end) or (
                self.sports and j < len(toks) and toks[j].text.lower() in venues):
            return ORG, False
        return kind, False


def _cluster(mentions: list[Mention], article_text: str) -> list[_Entity]:
    """Merge the mentions of one entity. Longer names are placed first; a shorter one joins a person whose name
    ends with it ("Trump" -> "Donald Trump"), or begins with it after a title such as "Sir" ("Sir Howard" ->
    "Howard Newby"), or an organisation it opens or abbreviates ("UN")."""
    same: dict[tuple[str, str], list[Mention]] = {}      # mentions of one kind and text (capitals folded)
    for m in mentions:
        text = m.text
        key = (m.kind, text.upper() if text.isupper() else text)
        group = same.get(key)
        if group is None:
            same[key] = [m]
        else:
            group.append(m)
    entities: list[_Entity] = []
    people: list[tuple[_Entity, list[str]]] = []    # each person with the words of its longest name
    org_heads: dict[str, _Entity] = {}              # first word or initials of an organisation's name -> the first such
    lex = lexicon()
    given, given_name_titles = lex.hyphenated_given_name, lex.given_name_titles
    first_names, surnames, title_heads = lex.first_names, lex.surnames, lex.title_heads
    names = [(g[0].text.split(), k, g) for k, g in same.items()]
    by_size = sorted([(-len(words), n) for n, (words, _, _) in enumerate(names)])    # most words first, then as met
    for words, (kind, key), group in [names[n] for _, n in by_size]:
        size = len(words)
        ent = None
        if kind == PERSON:
            for p, full in people:
                if size < len(full) and full[-size:] == words:
                    ent = p
                    break
                if size == 1 and len(full) >= 2 and words[0] == full[-2] and given.fullmatch(full[-1]):
                    ent = p                         # "Ban" -> "Ban Ki-moon": the family name comes first
                    break
            if ent is None and size == 1:
                # "Sir Howard" for Sir Howard Newby; "his wife Sharon" for Sharon Osbourne, when she is the one
                # person of that given name and the word is a given name; one that is also a family name ("Richie"
                # for Richie Benaud) only when no family-name title ("Mr Richie") goes before it
                known = [p for p, full in people if len(full) >= 2 and full[0] == words[0]]
                before = {_word_before(article_text, m.start) for m in group}
                if len(known) == 1 and (words[0] in first_names and (
                        words[0] not in surnames or not before & title_heads) or before & given_name_titles):
                    ent = known[0]
        elif kind == ORG:
            if size == 1:
                ent = org_heads.get(group[0].text)
        if ent is None:
            ent = _Entity(kind, [])
            entities.append(ent)
            if kind == PERSON:
                people.append((ent, words))
        if kind == ORG:
            parts = key.split()
            org_heads.setdefault(parts[0], ent)
            org_heads.setdefault("".join([w[0] for w in parts if w[0].isupper()]), ent)
        ent.mentions.extend(group)
    return entities


def _word_before(text: str, pos: int) -> str:
    words = text[max(0, pos - 12):pos].split()
    return words[-1] if words else ""


def find_mentions(article: Article) -> list[Mention]:
    lex = lexicon()
    return [m for m in _Scanner(article, lex).scan() if not lex.plural_acronym.fullmatch(m.text)]


def extract(article: Article, context) -> list[Fact]:
    mentions = find_mentions(article)
    facts = []
    clusters = _cluster(mentions, article.text)
    stops = sorted(m.start for ent in clusters if ent.kind == PERSON for m in ent.mentions)
    titles = lexicon().titles
    text = article.text
    sentences = article.sentences
    sentence_starts = [s.start for s in sentences]
    for ent in clusters:
        ms = ent.mentions
        anchor = ms[0]
        if len(ms) > 1:
            ms.sort(key=_START)
            anchor = ms[0]                # as _Entity.name: the first longest mention
            size = (len(anchor.text.split()), len(anchor.text))
            for m in ms:
                if m.text != anchor.text:
                    other = (len(m.text.split()), len(m.text))
                    if other > size:
                        anchor, size = m, other
        name = anchor.text
        k = bisect_right(sentence_starts, anchor.start) - 1
        sentence = sentences[k].index if k >= 0 and anchor.start < sentences[k].end else None
        attrs = {"first_start": ms[0].start, "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in ms]}
        if ent.kind == PERSON:
            attrs["gender"] = gender.of_person(text, name, [(m.start, m.end) for m in ms], stops, titles)
        facts.append(Fact(ent.kind, name, anchor.start, anchor.end, sentence, attrs))
    facts.sort(key=_first_start)
    return facts


def _first_start(f: Fact) -> int:
    return f.attrs["first_start"]

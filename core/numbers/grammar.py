"""Find and normalise number mentions in news text, from the grammar in resources/rules/grammar/numbers.toml.

A mention is one number as written: digits with separators and scales ("5,200", "$40bn", "2.2k"), words
("twenty-five", "a dozen"), vague counts ("hundreds of") and fractions ("nearly a third"), with its qualifier
("more than") and currency. Years, times, dates, ordinals, phone numbers and labels ("Apollo 11", "G7",
"page 12") are dropped. Qualifiers and currency symbols are found by matching reversed patterns anchored at
the number's start, so every search is anchored and linear.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from article_facts.core.numbers import candidates
from article_facts.core.numbers.candidates import finder_pattern
from article_facts.core.resources import resource_text
from article_facts.core.rules import derived_cache, regex_cache, templates, toml_cache
from article_facts.core.rules.templates import alternation as _prefix_tree
from article_facts.core.rules.templates import trigger_words

GRAMMAR_FILE = "rules/grammar/numbers.toml"
# {number} in multi-number rules; kept small (fast to compile): the part is re-read by find_mentions.
FORWARD_NUMBER = (r"(?:[a-z]+\s+){0,2}?[$£€]?\d[\d,.]*(?<![,.])(?:\s*(?:thousand|million|billion|k|m|bn)\b)?"
                  r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|half)(?:[\s-]+[a-z]+)?")


@dataclass(slots=True)
class Mention:
    """One number as written. ``start``/``end`` cover qualifier, currency and number; ``core_*`` the number."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    qualifier: str = "exact"
    currency: str | None = None
    fraction: float | None = None
    vague: bool = False
    year_like: bool = False
    attrs: dict = field(default_factory=dict)


def alternation(phrases, *, reverse: bool = False) -> str:
    """One of ``phrases``, longest first, as a prefix tree (every grammar pattern is case-insensitive)."""
    return _prefix_tree(list(phrases), reverse)


def _tidy(number: float) -> float | int:
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e18:
        return int(number)
    return round(number, 6) if isinstance(number, float) else number


@dataclass(frozen=True, eq=False, repr=False)
class Grammar:
    """The number grammar: its tables and compiled patterns (``grammar()``)."""

    data: dict
    digit_core: re.Pattern       # digits, digit fractions, digits with scale words ("2.2 million")
    word_core: re.Pattern        # number words, vague counts, fractions in words
    word_values: dict
    multipliers: dict
    glued_scales: dict
    vague: dict
    fractions: dict
    qualifier_of: dict
    qualifier_rev: re.Pattern
    currency_of: dict
    currency_rev: re.Pattern
    minus_rev: re.Pattern
    glued_prefix_rev: re.Pattern
    label_rev: re.Pattern
    month_rev: re.Pattern
    month_after: re.Pattern
    time_after: re.Pattern
    colon_time: re.Pattern
    left: re.Pattern                 # the left-context tests at once (reversed text): groups minus, label, month,
                                     # glued, cur, cur1 (after a space), qual, prev (the word before)
    right: re.Pattern                # the right-context tests at once: groups colon, time, month
    phone: re.Pattern
    pronoun_one_rev: re.Pattern
    bad_suffixes: frozenset
    year_range: tuple[int, int]
    forward_number: str          # the number with an optional qualifier/currency, for embedding in rules
    connectors: tuple[str, ...]
    needs_between: frozenset
    range_join: re.Pattern
    unit_range_join: re.Pattern
    between_rev: re.Pattern
    from_rev: re.Pattern
    number_words: frozenset | None   # a sentence without a digit needs one of these words to hold a number
    words_back: re.Pattern           # on the reversed text: the words before a number word
    lead_words: frozenset            # words that begin a word number without being number words ("a", "tens")
    word_finder: re.Pattern | None   # the number words in ``candidates.ascii_words`` bytes (None: not all ASCII)

    def parse_words(self, text: str) -> float | None:
        """'twenty-eight thousand six hundred forty-two' -> 28642; 'a dozen' -> 12."""
        total, current, seen = 0.0, 0.0, False
        for word in _WORD_SPLIT.split(text.lower()):
            if word in ("and", "") or word == "a" and not seen:
                if word == "a":
                    current = 1.0
                continue
            if word in self.word_values:
                current += self.word_values[word]
                seen = True
            elif word in self.multipliers:
                scale = self.multipliers[word]
                current = (current or 1.0) * scale
                if scale >= 1000:
                    total, current = total + current, 0.0
                seen = True
            else:
                return None
        return total + current if seen else None


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar, its patterns compiled. What is derived from the grammar file (tables and pattern texts, which
    take prefix trees to build) is kept in the derived-data cache: a fresh process only reads and compiles."""
    text = resource_text(GRAMMAR_FILE)
    tables, patterns = derived_cache.cached("numbers-grammar", lambda: _derive(text), texts=(text,),
                                            modules=(sys.modules[__name__], templates, candidates))
    return Grammar(**tables, **{name: None if pattern[0] is None else regex_cache.compile(*pattern)
                                for name, pattern in patterns.items()})


def _derive(text: str) -> tuple[dict, dict[str, tuple[str | bytes | None, int]]]:
    """The grammar's tables and its patterns as (text, flags), from the grammar file's text."""
    data = toml_cache.parse(text)
    words = {k.lower(): v for k, v in data["words"].items()}
    mult = {k.lower(): v for k, v in data["multipliers"].items()}
    glued = dict(data["glued_scales"])
    word_alt = alternation(list(words) + list(mult))
    mult_alt = alternation(list(mult))
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)|(?<![\w.])\.\d+(?!\d)"
    fraction_digits = r"\d+/\d+(?![\d/])"
    wordnum = rf"(?:\ba\s+{mult_alt}|{word_alt})(?:(?:\s+and\s+|[\s-]+){word_alt})*"
    vague_alt = alternation(data["vague"])
    fraction_alt = alternation(data["fractions"])
    # Digits and words are two patterns: a sentence without a number word needs only the first.
    digit_core = _pattern(
        rf"(?<![\d,.])(?:(?P<fdig>{fraction_digits})|(?P<digits>{digits})(?P<dscale>(?:\s+{mult_alt}\b)*))", re.I)
    word_core = _pattern(
        rf"(?<![\w'])(?=[a-z])(?:(?P<vague>{vague_alt})(?=\s+of\b|\s+(?:were|have|had|are|more)\b)"
        rf"|(?P<frac>{fraction_alt})"
        rf"|(?P<words>{wordnum}))",
        re.I)
    quals = {p.lower(): q for q, phrases in data["qualifiers"].items() for p in phrases}
    currencies = dict(data["currencies"]["prefix"])
    excl = data["exclusions"]
    time_alt = alternation(excl["time_words"])
    month_alt = alternation(excl["months"])
    conn = tuple(data["ranges"]["connectors"])
    conn_alt = "|".join(re.escape(c) if not c.isalpha() else rf"\b{c}\b" for c in conn)
    number_words = _number_words(words, mult, data["vague"], data["fractions"])
    rev_of = {
        "qualifier": r"\s*(?P<q>" + alternation(quals, reverse=True) + r")(?![\w])",
        "currency": r"(?P<c>" + "|".join(re.escape(c[::-1]) for c in sorted(currencies, key=lambda w: (-len(w), w)))
                    + r")(?![A-Za-z$])",
        "minus": r"[-\s]?(?:sunim\b|−)",
        "glued": r"[\w&.-]{0,24}?[A-Za-z]",
        "label": r"\s*(?:" + alternation(excl["labels"], reverse=True) + r")(?![\w])",
        "month": r"(?:[-–]\d{1,2})?\s*" + alternation(excl["months"], reverse=True) + r"(?![\w])",
    }
    after_of = {
        "colon": r"[:.]\d{2}\b",
        "time": r"\s*" + time_alt + r"(?!\w)",
        "month": r"(?:st|nd|rd|th)?,?\s+(?:of\s+)?" + month_alt,
    }
    tables = dict(
        data=data, word_values=words, multipliers=mult, glued_scales=glued,
        vague={k.lower(): tuple(v) for k, v in data["vague"].items()},
        fractions={k.lower(): v for k, v in data["fractions"].items()},
        qualifier_of=quals,
        currency_of=currencies,
        bad_suffixes=frozenset(s.lower() for s in excl["bad_suffixes"]),
        year_range=tuple(excl["year_range"]),
        forward_number=FORWARD_NUMBER,
        connectors=conn,
        needs_between=frozenset(data["ranges"]["needs_between"]),
        number_words=number_words,
        lead_words=_lead_words(number_words, mult, data["vague"], data["fractions"]),
    )
    patterns = dict(
        digit_core=digit_core, word_core=word_core,
        qualifier_rev=_pattern(rev_of["qualifier"], re.I),
        currency_rev=_pattern(rev_of["currency"]),
        minus_rev=_pattern(rev_of["minus"], re.I),
        glued_prefix_rev=_pattern(rev_of["glued"]),
        label_rev=_pattern(rev_of["label"], re.I),
        month_rev=_pattern(rev_of["month"], re.I),
        month_after=_pattern(after_of["month"], re.I),
        time_after=_pattern(after_of["time"], re.I),
        colon_time=_pattern(after_of["colon"]),
        left=_pattern(_left_context(rev_of)),
        right=_pattern("".join(_probe(name, body) for name, body in after_of.items()), re.I),
        phone=_pattern(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,5}){2,5}\b"),
        pronoun_one_rev=_pattern(r"\s+" + alternation(excl["pronoun_one_after"], reverse=True) + r"(?![\w])", re.I),
        range_join=_pattern(rf"\s*(?:{conn_alt})\s*", re.I),
        unit_range_join=_pattern(r"\s*(?:%|[A-Za-z][\w/'-]*)(?:\s+[A-Za-z][\w/'-]*)?\s+(?:to|and|-|–)\s*", re.I),
        between_rev=_pattern(r"\s*neewteb\b", re.I),
        from_rev=_pattern(r"\s*morf\b", re.I),
        words_back=_pattern(_words_back(_word_lead(number_words, mult, data["vague"], data["fractions"]))),
        word_finder=_pattern(finder_pattern(number_words) if number_words is not None else None),
    )
    return tables, patterns


def _pattern(text: str | bytes | None, flags: int = 0) -> tuple[str | bytes | None, int]:
    return text, int(flags)


def _probe(name: str, body: str) -> str:
    """``body`` tried where the pattern stands without consuming anything: group ``name`` holds its match."""
    return f"(?:(?=(?P<{name}>{body}))|)"


def _left_context(rev_of: dict[str, str]) -> str:
    """Every left-context test of a number in one pattern on the reversed text (one call instead of eight):
    each group holds what that test's own pattern would match there, or is unset."""
    ci = {name: f"(?i:{body})" for name, body in rev_of.items()}
    currency = rev_of["currency"].replace("(?P<c>", "(?:")
    return ("".join(_probe(name, ci[name]) for name in ("minus", "label", "month"))
            + _probe("glued", rev_of["glued"]) + _probe("cur", currency) + f"(?:(?= (?P<cur1>{currency}))|)"
            + rf"(?:(?={ci['qualifier'].replace('(?P<q>', '(?P<qual>')})|)"
            + r"(?:(?= (?P<prev>[A-Za-z][\w'-]*[A-Za-z])(?=[^\w]|$))|)")


def _word_lead(number_words: frozenset | None, multipliers: dict, *phrase_groups) -> int:
    """How many words a word number can start before its first number word: "a million" 1, "tens of
    thousands" 2."""
    lead = 1 if multipliers else 0                  # "a" before a scale word
    for phrase in (p for group in phrase_groups for p in group):
        runs = _WORD_RUN.findall(phrase.lower())
        lead = max(lead, next((i for i, r in enumerate(runs) if number_words and r in number_words), len(runs)))
    return lead


def _lead_words(number_words: frozenset | None, multipliers: dict, *phrase_groups) -> frozenset:
    """The first words of word numbers that are not number words themselves: "a" ("a million"), "tens"."""
    out = {"a"} if multipliers else set()
    for phrase in (p for group in phrase_groups for p in group):
        runs = _WORD_RUN.findall(phrase.lower())
        if runs and not (number_words and runs[0] in number_words):
            out.add(runs[0])
    return frozenset(out)


def _words_back(lead: int) -> str:
    """Matched on the reversed text just left of a number word: group ``b<i>`` is the ``i``-th word before it
    (reversed)."""
    pattern = ""
    for i in range(lead, 0, -1):
        pattern = rf"(?:\W*(?P<b{i}>\w+){pattern})?"
    return pattern


def _number_words(*groups) -> frozenset | None:
    out: set[str] = set()
    for group in groups:
        words = trigger_words(group)
        if words is None:
            return None
        out |= words
    return frozenset(out)


_WORD_RUN = regex_cache.compile(r"\w+")
_WORD_SPLIT = regex_cache.compile(r"[\s-]+")
_SUFFIX = regex_cache.compile(r"[A-Za-z]+")
_NEXT_WORD = regex_cache.compile(r"\s*([A-Za-z][\w'-]*)")
_DIGIT = regex_cache.compile(r"\d")


def _digit_value(g: Grammar, fdig: str | None, digits: str | None, dscale: str | None) -> float | None:
    """The numeric value of a digit match: "5,200", "2.2 million", "3/4"."""
    if digits:
        value = float(digits.replace(",", ""))
        for word in dscale.split():
            value *= g.multipliers[word.lower()]
        return value
    if fdig:
        num, den = fdig.split("/")
        return float(num) / float(den) if float(den) else None
    return None


def _next_digits(g: Grammar, text: str, pos: int, end: int) -> re.Match | None:
    """The first ``digit_core`` match at or after ``pos``, as ``search`` would find it. Such a match starts
    at a digit or at a "." right before one, so only those places are tried (the charset regex skips the
    rest in C instead of trying the whole pattern at every character)."""
    core = g.digit_core
    while True:
        found = _DIGIT.search(text, pos, end)
        if found is None:
            return None
        p = found.start()
        if p > pos and text[p - 1] == ".":
            m = core.match(text, p - 1, end)
            if m is not None:
                return m
        m = core.match(text, p, end)
        if m is not None:
            return m
        pos = p + 1


def word_starts(text: str, rev: str, found: list[int]) -> list[int]:
    """Where a word number may start, given where the number words stand (``found``, ascending): at each
    of them, or at one of the few words before it that can begin one ("a million", "tens of thousands")."""
    g = grammar()
    back, lead = g.words_back, g.lead_words
    n = len(text)
    out: list[int] = []
    for q in found:
        m = back.match(rev, n - q)
        for s, e in m.regs[:0:-1]:                   # the words before, farthest first
            if e >= 0 and rev[s:e][::-1].lower() in lead:
                out.append(n - e)
        out.append(q)
    return out if len(found) == 1 else sorted(set(out))


def _next_words(g: Grammar, text: str, pos: int, end: int, starts: list[int] | None) -> re.Match | None:
    """The first ``word_core`` match at or after ``pos``; with ``starts``, only those places are tried."""
    if starts is None:
        return g.word_core.search(text, pos, end)
    for p in starts:
        if p >= pos:
            m = g.word_core.match(text, p, end)
            if m is not None:
                return m
    return None


def find_mentions(text: str, start: int, end: int, rev: str, words: list[int] | None = None) -> list[Mention]:
    """Every number mention in ``text[start:end]``; ``rev`` is ``text[::-1]`` for left-context matching.
    ``words``: the only places a word number may start (``word_starts``); empty when the span holds no
    number word; None: anywhere."""
    g = grammar()
    n = len(text)
    out: list[Mention] = []
    d = _next_digits(g, text, start, end)
    w = _next_words(g, text, start, end, words) if words is None or words else None
    while d is not None or w is not None:
        if w is None or d is not None and d.start() <= w.start():     # leftmost first, as one pattern would
            m = d
            fdig, digits, dscale = m.group("fdig", "digits", "dscale")
            vague = frac = words_ = None
        else:
            m = w
            vague, frac, words_ = m.group("vague", "frac", "words")
            fdig = digits = dscale = None
        cs, ce = m.span()
        if d is not None and d.start() < ce:
            d = _next_digits(g, text, ce, end)
        if w is not None and w.start() < ce:
            w = _next_words(g, text, ce, end, words)
        if cs > 0 and (text[cs - 1].isalnum() or text[cs - 1] == "_") and not (
                digits and g.currency_rev.match(rev, n - cs)):
            continue
        if cs > 1 and text[cs - 1] == ":" and text[cs - 2].isdigit():
            continue
        mention = _mention(g, text, rev, n, cs, ce, vague, frac, words_, fdig, digits, dscale)
        if mention is not None:
            out.append(mention)
    return out


def _mention(g: Grammar, text: str, rev: str, n: int, cs: int, ce: int, vague: str | None, frac: str | None,
             words: str | None, fdig: str | None, digits: str | None, dscale: str | None) -> Mention | None:
    rpos = n - cs                                    # position in ``rev`` just left of the number
    if vague:
        low, high = g.vague[" ".join(vague.lower().split())]
        return Mention(cs, ce, cs, ce, None, low, high, "unknown", vague=True)
    if frac:
        mention = Mention(cs, ce, cs, ce, None, qualifier="exact",
                          fraction=g.fractions[" ".join(frac.lower().split())])
        _qualify(g, mention, rev, n)
        return mention
    if digits:                                       # the common case of _digit_value, inline
        value = float(digits.replace(",", ""))
        if dscale:
            for word in dscale.split():
                value *= g.multipliers[word.lower()]
    else:
        value = g.parse_words(words) if words else _digit_value(g, fdig, digits, dscale)
        if value is None:
            return None
    if words:
        if words.lower() == "one" and g.pronoun_one_rev.match(rev, rpos):
            return None
        if words.lower() in g.multipliers:
            return None
    left = g.left.match(rev, rpos)                   # every left-context test at once
    currency_before = left.start("cur") >= 0
    # letters glued to the digits: a scale ("40bn"), a unit ("256GB") or a non-count ("82nd", "1990s")
    glued_scale = False
    if digits and ce < n and text[ce].isalpha():
        suffix = _SUFFIX.match(text, ce).group()
        if suffix.lower() in g.bad_suffixes or text[ce + len(suffix):ce + len(suffix) + 1].isdigit():
            return None
        scale = g.glued_scales.get(suffix)
        if scale is not None and not dscale:
            is_m = suffix == "m"
            follows = _NEXT_WORD.match(text, ce + len(suffix))
            if not is_m or currency_before or (follows and follows.group(1)[0].islower()
                                               and text[ce + len(suffix)] == " "):
                value *= scale
                ce += len(suffix)
                glued_scale = True
    # labels, years, times and dates
    if digits:
        right = g.right.match(text, ce)
        if right.start("colon") >= 0 and not glued_scale and "," not in digits and "." not in digits:
            return None
        if right.start("time") >= 0:
            return None
        if left.start("month") >= 0 or (right.start("month") >= 0 and value <= 31):
            return None
        if left.start("glued") >= 0 and not currency_before and left.start("minus") < 0:
            return None
    if left.start("label") >= 0 and not currency_before:
        return None
    prev = left.group("prev")                        # the word before, reversed
    if prev is not None and prev[-1].isupper() and _looks_like_name(g, text, rev, left, ce):
        return None
    year_like = bool(digits and len(digits) == 4 and digits.isdecimal() and not glued_scale  # \d{4}
                     and g.year_range[0] <= value <= g.year_range[1])
    mention = Mention(cs, ce, cs, ce, _tidy(value), year_like=year_like)
    if digits:
        cur = "cur" if currency_before else None
        if cur is None and left.start("cur1") >= 0:
            found = left.group("cur1")
            if found[::-1] in ("US $", "US$", "HK $", "AU $", "NZ $", "S $") or len(found) >= 3:
                cur = "cur1"
        if cur:
            mention.currency = g.currency_of[left.group(cur)[::-1]]
            mention.start = n - left.end(cur)
            mention.year_like = False
        minus = left.end("minus") if mention.start == cs else _end(g.minus_rev.match(rev, n - mention.start))
        if minus >= 0:
            mention.value = -mention.value
            mention.start = n - minus
    if mention.start == cs:
        if left.start("qual") >= 0:
            _qualified(g, mention, n, left.group("qual"), left.end("qual"))
    else:
        _qualify(g, mention, rev, n)
    return mention


def _end(m: re.Match | None) -> int:
    return -1 if m is None else m.end()


def _looks_like_name(g: Grammar, text: str, rev: str, left: re.Match, ce: int) -> bool:
    """'Apollo 11', 'Note 20 Ultra', '575 Wilbraham Road': a capitalised word (not the first of its sentence)
    right before the number, and no lowercase word or plural Title-Case noun ("Troops") after it."""
    word = left.group("prev")
    if word is None:
        return False
    word = word[::-1]
    if not word[0].isupper() or word.isupper() and len(word) <= 3 or word.lower() in g.qualifier_of:
        return False
    if _SENTENCE_GAP.match(rev, left.end("prev")):         # sentence-initial capital: "About 70", "Only 5"
        return False
    follow = _FOLLOW.match(text, ce).group(1)
    if follow is None:
        return True
    return follow[0].isupper() and not follow.endswith("s")


_FOLLOW = regex_cache.compile(r"\s*([A-Za-z][\w'-]*)?")
_SENTENCE_GAP = regex_cache.compile(r"\s*(?:[.!?:;\"“”(]|\n|$)")


def _qualify(g: Grammar, mention: Mention, rev: str, n: int) -> None:
    q = g.qualifier_rev.match(rev, n - mention.start)
    if q:
        _qualified(g, mention, n, q.group("q"), q.end("q"))


def _qualified(g: Grammar, mention: Mention, n: int, phrase: str, end: int) -> None:
    mention.qualifier = g.qualifier_of[" ".join(phrase[::-1].lower().split())]
    mention.start = n - end
    mention.year_like = False


def join_ranges(text: str, rev: str, mentions: list[Mention]) -> list[Mention]:
    """Merge "2,000 to 3,000", "between 10 and 12", "10-12", "three or four" into range mentions."""
    if len(mentions) < 2:
        return mentions
    g = grammar()
    n = len(text)
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and a.value is not None and b.value is not None and not a.vague and not b.vague \
                and not a.year_like and not b.year_like:
            gap = g.range_join.fullmatch(text, a.end, b.start)
            if gap is None and (g.between_rev.match(rev, n - a.start) or g.from_rev.match(rev, n - a.start)):
                gap = g.unit_range_join.fullmatch(text, a.end, b.start)   # "from 4.8 percent to 4.7"
            if gap and _spaced_dash(gap.group()) and _is_percent(text, b) and not _is_percent(text, a) \
                    and (a.currency or _scale_of(text, a) > 1):
                gap = None          # "£50bn - 14% higher": a dash between an amount and a share is punctuation
            if gap:
                word = gap.group().split()[-1].lower() if gap.group().split() else "-"
                between = g.between_rev.match(rev, n - a.start)
                if (word not in g.needs_between or between) and (a.currency == b.currency or not a.currency or not b.currency):
                    low, high = a.value, b.value
                    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and abs(high) >= 1000 \
                            and abs(low) < 1000 and abs(low) > 0 and _scale_of(text, b) > 1 and _scale_of(text, a) == 1:
                        low = _tidy(low * _scale_of(text, b))   # "1 to 2 thousand", "$3 to 5 billion"
                    start = a.start
                    lead = between or g.from_rev.match(rev, n - a.start)
                    if lead:
                        start = n - lead.end()
                    out.append(Mention(start, b.end, a.core_start, b.core_end, None, low, high, "range",
                                       currency=a.currency or b.currency))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_PERCENT_AFTER = regex_cache.compile(r"\s*(?:%|per\s*cent\b|percent\b)", re.I)


def _spaced_dash(gap: str) -> bool:
    return gap[:1].isspace() and gap.strip() in ("-", "–", "—")


def _is_percent(text: str, m: Mention) -> bool:
    return _PERCENT_AFTER.match(text, m.end) is not None


_SCALE_WORD = regex_cache.compile(r"\s*(?:thousand|million|billion|trillion|bn|m|k|mn|tn)\b", re.I)


def _scale_of(text: str, m: Mention) -> float:
    span = text[m.core_start:m.core_end].lower()
    g = grammar()
    for word, scale in sorted(g.multipliers.items(), key=lambda kv: -kv[1]):
        if span.endswith(word) and scale >= 1000:
            return scale
    for suf, scale in g.glued_scales.items():
        if span.endswith(suf.lower()) and span[:-len(suf)][-1:].isdigit():
            return scale
    return 1

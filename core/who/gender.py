"""A person's grammatical gender, for pronouns: "female", "male" or None when the article does not say.

Evidence, strongest first: a given name that is only ever male or only ever female (generated lists from Faker's
locale data), an honorific or role word right before a mention ("Mrs Rhodes", "actress Emma Stone", "his wife,
Jane"), and the first he/she after a mention, before any other person is named.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from article_facts.core.resources import load_toml, resource_text
from article_facts.core.rules import regex_cache

MALE, FEMALE = "male", "female"
_WORD = regex_cache.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class GenderCues:
    male_names: frozenset[str]
    female_names: frozenset[str]
    male_cues: frozenset[str]
    female_cues: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    pronoun: re.Pattern[str]      # any of the pronouns as a whole word, in any case
    name_memo: dict = field(default_factory=dict, compare=False, repr=False)   # (name, titles) -> of_name's answer

    def of_word(self, word: str) -> str | None:
        """The gender a cue word gives ("Mrs", "actress", "wife"), or None."""
        if word in self.male_cues:
            return MALE
        if word in self.female_cues:
            return FEMALE
        return None

    def of_pronoun(self, word: str) -> str | None:
        low = word.lower()
        return MALE if low in self.male_pronouns else FEMALE if low in self.female_pronouns else None


def _any_case(word: str) -> str:
    """A pattern for ``word`` in any mix of ASCII cases (as ``str.lower`` compares them)."""
    return "".join(f"[{c}{c.upper()}]" if "a" <= c <= "z" else re.escape(c) for c in word)


def _pronoun_pattern(words: frozenset[str]) -> re.Pattern[str]:
    r"""The pronouns as whole words. The pattern opens on their first letters so that a search skips other text
    fast: ``[hHsS](?<![\w'’-].)(?:(?<=[hH])(?:[eE]|…)|(?<=[sS])(?:…))(?![\w'’-])``."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(w[0], []).append(w[1:])
    if not all("a" <= c <= "z" for c in by_first):
        alternatives = "|".join(_any_case(w) for w in sorted(words, key=lambda w: (-len(w), w)))
        return regex_cache.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")
    firsts = "".join(c + c.upper() for c in sorted(by_first))
    branches = "|".join(f"(?<=[{c}{c.upper()}])(?:{'|'.join(_any_case(rest) for rest in rests)})"
                        for c, rests in sorted(by_first.items()))
    return regex_cache.compile(rf"[{firsts}](?<![\w'’-].)(?:{branches})(?![\w'’-])")


def _names(name: str) -> frozenset[str]:
    return frozenset(line for line in resource_text(name).split("\n") if line and line[0] != "#")


@lru_cache(maxsize=1)
def cues() -> GenderCues:
    data = load_toml("who/quotes.toml")
    male, female = frozenset(data["male_pronouns"]), frozenset(data["female_pronouns"])
    return GenderCues(
        male_names=_names("who/first_names_male.txt"), female_names=_names("who/first_names_female.txt"),
        male_cues=frozenset(data["male_cues"]), female_cues=frozenset(data["female_cues"]),
        male_pronouns=male, female_pronouns=female, pronoun=_pronoun_pattern(male | female),
    )


def _first_pronoun(c: GenderCues, text: str, start: int, stop: int) -> str | None:
    """The gender of the first he/she-type word in ``text[start:stop]`` (words as ``_WORD`` cuts them)."""
    glued = text[start:start + 1]
    if glued and start < stop and (glued.isalnum() or glued in "_'’-"):
        word = _WORD.match(text, start, stop)     # a word glued to the mention's end ("Smith's") starts the window
        g = c.of_pronoun(word.group())
        if g:
            return g
        start = word.end()
    found = c.pronoun.search(text, start, stop)
    return c.of_pronoun(found.group()) if found else None


def of_name(name: str, titles: frozenset[str] = frozenset()) -> str | None:
    """Gender from the name alone: an honorific ("Mrs Rhodes") or a given name of one sex ("Karen Smith")."""
    c = cues()
    key = (name, titles)
    memo = c.name_memo
    if key in memo:
        return memo[key]
    if len(memo) > 50_000:
        memo.clear()
    found = None
    for word in name.split():
        found = c.of_word(word)
        if found:
            break
        if word.rstrip(".") in titles:
            continue
        found = MALE if word in c.male_names else FEMALE if word in c.female_names else None
        break
    memo[key] = found
    return found


def of_person(text: str, name: str, spans: list[tuple[int, int]], stops: list[int],
              titles: frozenset[str] = frozenset()) -> str | None:
    """Gender of a person named ``name`` whose mentions are ``spans``; ``stops`` are the starts of all person
    mentions in the article, sorted (a pronoun after another person is named says nothing about this one)."""
    c = cues()
    male_cues, female_cues = c.male_cues, c.female_cues
    male = female = 0
    by_name = of_name(name, titles)
    if by_name:
        male, female = (1, 0) if by_name == MALE else (0, 1)
    size = len(text)
    for s, e in spans:
        before = text[max(0, s - 25):s].rsplit(None, 1)
        if before:
            cue = before[-1].strip(",")
            if cue in male_cues:
                male += 2
            elif cue in female_cues:
                female += 2
        said = text[s:e]
        if said != name:          # the full name's own evidence is counted once, above
            g = of_name(said, titles)
            if g and g != by_name:
                if g == MALE:
                    male += 1
                else:
                    female += 1
        k = bisect_left(stops, e)
        stop = stops[k] if k < len(stops) else size
        first = text.find(".", e, e + 300)
        second = text.find(".", first + 1, first + 300) if first >= 0 else -1
        stop = min(stop, second if second >= 0 else e + 300)      # this sentence and the next
        g = _first_pronoun(c, text, e, stop)
        if g:
            if g == MALE:
                male += 1
            else:
                female += 1
    if male == female:
        return None
    return MALE if male > female else FEMALE

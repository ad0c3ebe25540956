"""The word lists behind the entity and quote rules, loaded once per process from ``core/resources/who/``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat
from typing import Any

from article_facts.core.resources import load_toml, load_wordlist, resource_text
from article_facts.core.rules import regex_cache

PERSON, ORG, LOC = "person", "organization", "location"
_MEMO_LIMIT = 40_000        # about 1 kB a run with its plans: a bounded few tens of MB


def _norm(word: str) -> str:
    return word.rstrip(".")


@dataclass(frozen=True)
class Lexicon:
    gazetteer: dict[str, str]          # exact name -> kind
    gazetteer_upper: dict[str, str]    # upper-cased name -> kind, for all-capitals lines
    max_gazetteer_words: int
    first_names: frozenset[str]
    surnames: frozenset[str]
    not_names: frozenset[str]
    demonyms: frozenset[str]
    titles: frozenset[str]
    title_heads: frozenset[str]
    given_name_titles: frozenset[str]   # "Sir Howard" names Sir Howard Doe by his given name
    roles: frozenset[str]
    org_suffixes: frozenset[str]
    org_of_heads: frozenset[str]
    org_inner_words: frozenset[str]    # words inside a name that make it an organisation ("Marks & Spencer")
    loc_suffixes: frozenset[str]
    loc_of_heads: frozenset[str]
    loc_lower_suffixes: tuple[str, ...]
    loc_lower_suffixes_after: tuple[str, ...]   # the same, with the space that joins them to the name
    loc_lower_after: re.Pattern[str]   # lower-case words after a name that make it a place ("Pamir mountains")
    loc_before: re.Pattern[str]        # words before a name that make it a place ("the village of Layron")
    directions: frozenset[str]
    name_connectors: frozenset[str]
    loc_prepositions: frozenset[str]
    misc_heads: frozenset[str]
    common_words: frozenset[str]       # frequent lower-case English words (never a name on their own)
    cities: frozenset[str]             # gazetteer cities that are not countries or listed places
    abbreviations: frozenset[str]      # name-final words that keep their full stop ("Inc.")
    team_score_after: re.Pattern[str]  # what follows a city that stands for its club ("Bari 2")
    attribution_verbs: frozenset[str]
    sports_short_names: frozenset[str]  # clubs only in a sports story ("Leeds", "Essex", "Bulls")
    team_places_upper: frozenset[str]   # cities and short club names in capitals: they may stand for a team
    sports_headline: re.Pattern[str]    # a headline that makes the story a sports story ("SOCCER - ")
    venue_prepositions: frozenset[str]  # "in Leeds": the place, not the club
    person_after: re.Pattern[str]       # after a name, shows it is a person's: "Henke , who ..."
    list_separator: re.Pattern[str]     # between two names of one list: " , ", " and "
    column_header: re.Pattern[str]      # a run of table column codes ("W L PCT GB"): no name
    venue_line_after: re.Pattern[str]   # after a place opening a line: "Leicester : Leicestershire beat ..."
    venue_before: re.Pattern[str]       # before a place in a venue list: "( at Edgbaston , Birmingham )"
    wire_dateline: re.Pattern[str]      # "AL-AIN , United Arab Emirates 1996-12-06"
    person_list_line: re.Pattern[str]   # "Scorers : Ronaldo 23 , Pizzi 56"
    bracket_country_after: re.Pattern[str]  # "Frankie Fredericks ( Namibia )"
    bracket_team_after: re.Pattern[str]     # "Rapid Vienna ( Austria ) 2 Fenerbahce": a team, not a person
    bracket_team_before: re.Pattern[str]
    hyphenated_given_name: re.Pattern[str]  # "Ki-moon" after a family name ("Ban Ki-moon")
    plural_acronym: re.Pattern[str]     # "MPs", "DJs", "NGOs": a common noun, no name
    # The entity stage's answers about words and runs of words, filled as it meets them (they depend on the
    # lists above only, never on an article).
    word_memo: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, name: str) -> dict[str, Any]:
        """The memo table ``name``, emptied when it grows past a bound (a long batch meets many words)."""
        table = self.word_memo.get(name)
        if table is None or len(table) > _MEMO_LIMIT:
            table = self.word_memo[name] = {}
        return table


def _words(values) -> frozenset[str]:
    return frozenset(_norm(v) for v in values)


def _generated_lines(name: str) -> list[str]:
    """A generated list (one entry a line, '#' only on the header lines at its top), maybe with empty lines."""
    lines = resource_text(name).split("\n")
    header = 0
    while header < len(lines) and (not lines[header] or lines[header][0] == "#"):
        header += 1
    return lines[header:]


def _generated(name: str, *more: frozenset[str]) -> frozenset[str]:
    """A generated list read in one pass, with the entries of ``more`` added."""
    lines = _generated_lines(name)
    for extra in more:
        lines.extend(extra)
    return frozenset(lines) - {""}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = load_toml("who/lexicon.toml")
    countries = _generated("who/countries.txt", load_wordlist("who/places.txt"))
    cities = _generated("who/cities.txt")
    cities_only = cities - countries
    gaz: dict[str, str] = dict.fromkeys(cities, LOC)
    gaz.update(dict.fromkeys(countries, LOC))
    gaz.update(dict.fromkeys(load_wordlist("who/organizations.txt"), ORG))
    gaz.update(dict.fromkeys(load_wordlist("who/sports_clubs.txt"), ORG))
    short_names = load_wordlist("who/sports_short_names.txt")
    demonyms = load_wordlist("who/demonyms.txt")
    demonyms = demonyms | {d + "s" for d in demonyms if not d.endswith(("s", "sh", "ch", "ese"))}
    upper = dict(zip(map(str.upper, reversed(gaz.keys())), reversed(gaz.values())))  # the first name wins
    quotes = load_toml("who/quotes.toml")
    return Lexicon(
        gazetteer=gaz, gazetteer_upper=upper,
        max_gazetteer_words=max(map(str.count, [n for n in gaz if " " in n], repeat(" ")), default=0) + 1,
        first_names=_generated("who/first_names.txt", load_wordlist("who/first_names_short.txt")),
        surnames=_generated("who/surnames.txt"),
        not_names=load_wordlist("who/not_names.txt"), demonyms=frozenset(demonyms),
        titles=_words(lex["titles"]), title_heads=_words(lex["title_heads"]),
        given_name_titles=frozenset(lex["given_name_titles"]), roles=frozenset(lex["roles"]),
        org_suffixes=_words(lex["org_suffixes"]), org_of_heads=_words(lex["org_of_heads"]),
        org_inner_words=frozenset(lex["org_inner_words"]),
        loc_suffixes=_words(lex["loc_suffixes"]), loc_of_heads=_words(lex["loc_of_heads"]),
        loc_lower_suffixes=tuple(lex["loc_lower_suffixes"]),
        loc_lower_suffixes_after=tuple(" " + suffix for suffix in lex["loc_lower_suffixes"]),
        directions=_words(lex["directions"]), loc_lower_after=regex_cache.compile(lex["loc_lower_after"]),
        loc_before=regex_cache.compile(lex["loc_before"]),
        name_connectors=frozenset(lex["name_connectors"]), loc_prepositions=frozenset(lex["loc_prepositions"]),
        misc_heads=_words(lex["misc_heads"]), attribution_verbs=frozenset(quotes["verbs"]),
        common_words=_generated("who/common_words.txt"), cities=cities_only,
        abbreviations=frozenset(lex["abbreviations"]), team_score_after=regex_cache.compile(lex["team_score_after"]),
        sports_short_names=short_names, team_places_upper=frozenset(map(str.upper, chain(cities_only, short_names))),
        sports_headline=regex_cache.compile(lex["sports_headline"]), venue_prepositions=frozenset(lex["venue_prepositions"]),
        person_after=regex_cache.compile("(?:%s)|(?:%s)" % (lex["person_after"], lex["person_after_role"].replace(
            "{roles}", "|".join(sorted(map(re.escape, lex["roles"]), key=lambda w: (-len(w), w)))))), list_separator=regex_cache.compile(lex["list_separator"]),
        column_header=regex_cache.compile(lex["column_header"]), venue_line_after=regex_cache.compile(lex["venue_line_after"]), venue_before=regex_cache.compile(lex["venue_before"]),
        wire_dateline=regex_cache.compile(lex["wire_dateline"]), person_list_line=regex_cache.compile(lex["person_list_line"], re.M),
        bracket_country_after=regex_cache.compile(lex["bracket_country_after"]),
        bracket_team_after=regex_cache.compile(lex["bracket_team_after"]), bracket_team_before=regex_cache.compile(lex["bracket_team_before"]),
        hyphenated_given_name=regex_cache.compile(lex["hyphenated_given_name"]),
        plural_acronym=regex_cache.compile(lex["plural_acronym"]),
    )

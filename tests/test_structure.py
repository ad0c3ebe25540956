"""Article structure, one layout at a time: what is headline, byline, dateline, date, body and boilerplate.

Apart from the seed article in samples/, every example here is written for the project.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from article_facts.core.models import Article
from article_facts.core.nlp.patterns import PatternSet, required_literals
from article_facts.core.structure import is_boilerplate, parse, parse_published

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = next(SAMPLES.glob("us-*iraq*.txt"))


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def body(article: Article) -> list[str]:
    return [s.text for s in article.sentences if s.paragraph >= 0]


def assert_spans_exact(article: Article) -> None:
    """Every span reproduces its text, and sentences are in document order without overlap."""
    spans = [article.headline, article.standfirst, article.byline, article.dateline, article.published_span,
             *article.paragraphs, *article.sentences, *article.boilerplate]
    for span in spans:
        if span is not None:
            assert span.text == article.text[span.start:span.end]
    for a, b in zip(article.sentences, article.sentences[1:]):
        assert a.end <= b.start
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))


# --------------------------------------------------------------------------- the seed layout
@pytest.fixture(scope="module")
def seed() -> Article:
    return parse(SEED.read_text(encoding="utf-8"))


def test_seed_header(seed: Article) -> None:
    assert seed.headline is not None and seed.headline.text == "US to withdraw 2,200 troops from Iraq within weeks"
    assert seed.byline is not None and seed.byline.text == "Chris Riotta"
    assert seed.dateline is not None and seed.dateline.text == "New York"
    assert seed.published == "2020-09-09T13:55"
    assert seed.published_span is not None and seed.published_span.text == "Wednesday 09 September 2020 13:55"


def test_seed_boilerplate_never_in_sentences(seed: Article) -> None:
    sentences = texts(seed)
    assert "Leer en Español" not in sentences
    repeated = "President Trump expected to tout move as a step towards winding down 'endless wars'"
    assert repeated not in sentences
    assert not any("Leer en" in s or "contributed to this report" in s for s in sentences)
    assert not any(s in ("Chris Riotta", "New York") or "09 September 2020" in s for s in sentences)


def test_seed_body(seed: Article) -> None:
    first = body(seed)[0]
    assert first.startswith("The United States will withdraw nearly a third of its troops from Iraq")
    assert body(seed)[-1].startswith("Two months later, US fighter jets struck five sites")
    assert any(s.startswith('"The journey has been difficult') for s in body(seed))


def test_seed_spans(seed: Article) -> None:
    assert_spans_exact(seed)


# --------------------------------------------------------------------------- CNN
CNN = ("Marseille, France (CNN)The French prosecutor leading the inquiry said Tuesday that no survivors were found. "
       "Rescue teams worked through the night in freezing rain.\n\n"
       "\"We have searched every part of the valley,\" the prosecutor said. The search ends on Friday.\n")


def test_cnn_dateline() -> None:
    art = parse(CNN)
    assert art.dateline is not None and art.dateline.text == "Marseille, France"
    assert art.headline is None
    assert body(art)[0] == "The French prosecutor leading the inquiry said Tuesday that no survivors were found."
    assert not any("(CNN)" in s for s in texts(art))
    assert_spans_exact(art)


def test_cnn_without_place() -> None:
    art = parse("(CNN)A powerful storm knocked out power to 40,000 homes overnight. Crews expect repairs by Sunday.")
    assert art.dateline is None
    assert body(art) == ["A powerful storm knocked out power to 40,000 homes overnight.",
                         "Crews expect repairs by Sunday."]
    assert_spans_exact(art)


# --------------------------------------------------------------------------- Daily Mail
DAILY_MAIL = ("By . Hannah Reed . PUBLISHED: 10:17 EST, 26 March 2015 | . UPDATED: 11:02 EST, 26 March 2015 . "
              "A council has spent £2.4million on a bridge that was closed for 18 months. Scroll down for video . "
              "The bridge reopened on Friday, engineers said. . Share this article . "
              "'It has been a long wait,' said resident Joan Pike, 71.")


def test_daily_mail_header() -> None:
    art = parse(DAILY_MAIL)
    assert art.byline is not None and art.byline.text == "Hannah Reed"
    assert art.published == "2015-03-26T10:17"
    assert body(art) == ["A council has spent £2.4million on a bridge that was closed for 18 months.",
                         "The bridge reopened on Friday, engineers said.",
                         "'It has been a long wait,' said resident Joan Pike, 71."]
    assert not any("PUBLISHED" in s or "UPDATED" in s for s in texts(art))
    assert_spans_exact(art)


def test_daily_mail_last_updated() -> None:
    art = parse("By . Tom Ashby . Last updated at 4:12 PM on 12th January 2012 . "
                "A school has banned mobile phones from its playground.")
    assert art.byline is not None and art.byline.text == "Tom Ashby"
    assert art.published == "2012-01-12T16:12"
    assert body(art) == ["A school has banned mobile phones from its playground."]


# --------------------------------------------------------------------------- wire
WIRE = ("Senate passes spending bill\n"
        "WASHINGTON (AP) — The Senate approved the $1.2 trillion spending bill 52-48 on Tuesday. "
        "It now goes to the House.\n\n"
        "Sen. Ana Ruiz, D-N.M., called the vote \"a relief.\"\n\n"
        "The Associated Press contributed to this report.\n")


def test_wire_dateline() -> None:
    art = parse(WIRE)
    assert art.headline is not None and art.headline.text == "Senate passes spending bill"
    assert art.dateline is not None and art.dateline.text == "WASHINGTON"
    assert body(art)[0] == "The Senate approved the $1.2 trillion spending bill 52-48 on Tuesday."
    assert texts(art)[-1] == 'Sen. Ana Ruiz, D-N.M., called the vote "a relief."'
    assert_spans_exact(art)


@pytest.mark.parametrize("opening, place", [
    ("KABUL, Afghanistan — ", "KABUL, Afghanistan"),
    ("LONDON (Reuters) - ", "LONDON"),
    ("NEW YORK -- ", "NEW YORK"),
])
def test_wire_dateline_variants(opening: str, place: str) -> None:
    art = parse(opening + "Two explosions hit the city early on Sunday, police said. Nobody was hurt.")
    assert art.dateline is not None and art.dateline.text == place
    assert body(art)[0] == "Two explosions hit the city early on Sunday, police said."


# --------------------------------------------------------------------------- a body with no headline
def test_body_without_headline() -> None:
    text = ("Flood waters rose across the valley on Sunday, forcing 3,000 people from their homes. "
            "Officials said the river peaked at 6.2 metres.\n\n"
            "Rescue teams used boats to reach villages cut off by the water.\n")
    art = parse(text)
    assert art.headline is None and art.byline is None and art.dateline is None and art.published is None
    assert body(art) == ["Flood waters rose across the valley on Sunday, forcing 3,000 people from their homes.",
                         "Officials said the river peaked at 6.2 metres.",
                         "Rescue teams used boats to reach villages cut off by the water."]
    assert [p.index for p in art.paragraphs] == [0, 1]
    assert_spans_exact(art)


def test_single_sentence() -> None:
    art = parse("Nobody was hurt.")
    assert texts(art) == ["Nobody was hurt."]


def test_headline_block_with_byline_and_date() -> None:
    text = ("Council approves new bridge\n"
            "By Hannah Reed\n"
            "March 26, 2015\n"
            "The council voted 7-2 on Thursday to build a new bridge, at a cost of £2.4 million. Work starts in May.\n")
    art = parse(text)
    assert art.headline is not None and art.headline.text == "Council approves new bridge"
    assert art.byline is not None and art.byline.text == "Hannah Reed"
    assert art.published == "2015-03-26"
    assert texts(art)[0] == "Council approves new bridge"
    assert body(art)[0].startswith("The council voted 7-2")
    assert_spans_exact(art)


def test_caller_published_wins() -> None:
    art = parse("Dam approved\nMay 1, 2021\nThe government approved a $4 billion dam on Monday. Critics objected.",
                published="2021-05-04")
    assert art.published == "2021-05-04"


# --------------------------------------------------------------------------- boilerplate
BOILERPLATE = [
    "Share this article",
    "Share this story on Facebook",
    "Scroll down for video",
    "Scroll down for videos",
    "The Associated Press contributed to this report",
    "The Associated Press contributed to this report.",
    "Associated Press writer Kim Lo in Denver contributed to this report.",
    "Leer en Español",
    "Lire en français",
    "Reporting by Jane Doe; Editing by John Roe",
    "Advertisement",
    "Click here for the full interview",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The council shared the cost of the article's printing with the school.",
    "Police said the video showed the driver running a red light.",
    "The Associated Press reported that 12 people were hurt.",
    "Español is the first language of 40% of the town's residents.",
])
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_never_becomes_a_sentence(line: str) -> None:
    text = (f"Flood waters rose across the valley on Sunday, forcing 3,000 people from their homes.\n\n{line}\n\n"
            "Rescue teams used boats to reach villages cut off by the water. "
            f"{line}{'' if line.endswith('.') else '.'} Officials said the river peaked at 6.2 metres.\n")
    art = parse(text)
    assert not any(line.rstrip(".") in s for s in texts(art))
    assert_spans_exact(art)


# --------------------------------------------------------------------------- header dates
@pytest.mark.parametrize("line, iso", [
    ("Wednesday 09 September 2020 13:55", "2020-09-09T13:55"),
    ("10:17 EST, 26 March 2015", "2015-03-26T10:17"),
    ("Last updated at 4:12 PM on 12th January 2012", "2012-01-12T16:12"),
    ("March 26, 2015", "2015-03-26"),
    ("Published: 8 June 2019", "2019-06-08"),
    ("Monday, Jan. 8, 2018 at 5:30 p.m.", "2018-01-08T17:30"),
    ("2021-05-04", "2021-05-04"),
    ("2021-05-04T07:30:00Z", "2021-05-04T07:30"),
])
def test_parse_published(line: str, iso: str) -> None:
    assert parse_published(line) == iso


@pytest.mark.parametrize("line", ["New York", "Chris Riotta", "The vote is on 8 June.", "32 March 2015"])
def test_not_a_date_line(line: str) -> None:
    assert parse_published(line) is None


# --------------------------------------------------------------------------- every sample
@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_parses_with_exact_spans(path: Path) -> None:
    art = parse(path.read_text(encoding="utf-8"))
    assert art.headline is not None
    assert len(body(art)) >= 3
    assert_spans_exact(art)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*-wikinews-*.txt")), ids=lambda p: p.name)
def test_wikinews_samples_headline_and_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    art = parse(text)
    assert art.headline is not None and art.headline.text == text.split("\n", 1)[0]
    assert art.published == path.stem.rsplit("-wikinews-", 1)[1]
    assert art.byline is None


def test_invented_wire_sample() -> None:
    art = parse((SAMPLES / "invented-wire-port-alden-ferry-fire-2024-03-14.txt").read_text(encoding="utf-8"))
    assert art.byline is not None and art.byline.text == "Mara Vell"
    assert art.dateline is not None and art.dateline.text == "PORT ALDEN, Westmark"
    assert art.published == "2024-03-14T18:40"
    assert body(art)[0].startswith("Fire broke out in the engine room")
    assert "Share this article" not in texts(art)


LOSSLESS_CASES = {
    "short one-sentence lines after a headline": "Rebels seize border town\nMarch 01 , 2008\nRebels took the town of Kuma on Friday .\n"
                                                 "Two soldiers were killed .\nThe army said it would respond .\n",
    "a wire story told one sentence per line": "SOCCER - LATE GOAL SINKS CITY .\nAnna Berg\nLONDON 1996-12-06\n"
                                               "City lost 2-1 at home on Friday .\nThe winner came in the 89th minute .\n",
    "a headline over a body with no header": "Storm hits coast\nHeavy rain fell overnight.\nRoads were closed.\n",
}


@pytest.mark.parametrize("text", LOSSLESS_CASES.values(), ids=LOSSLESS_CASES.keys())
def test_no_body_text_is_lost(text):
    """Every word is in a sentence, a header field or boilerplate: later stages must see all of the story."""
    art = parse(text)
    spans = list(art.sentences) + art.boilerplate + [s for s in (art.byline, art.dateline, art.published_span) if s]
    covered = set()
    for s in spans:
        covered.update(range(s.start, s.end))
    lost = "".join(ch for i, ch in enumerate(text) if i not in covered and ch.isalnum())
    assert lost == ""                      # a detached " ." of tokenised text may fall outside


def test_tokenised_date_line_is_the_publication_date():
    assert parse("Rebels seize town\nMarch 01 , 2008\nRebels took the town on Friday .\n").published == "2008-03-01"


@pytest.mark.parametrize("line,order", [
    ("Wednesday 09 September 2020 13:55", "dmy"),
    ("Sept. 9, 2020", "mdy"),
    ("September 9, 2020 at 5:30 p.m.", "mdy"),
    ("2020-09-09", None),
])
def test_the_header_date_tells_how_the_article_orders_day_and_month(line, order):
    assert parse(f"Troops leave the city\n{line}\nThe last troops left the city on Tuesday, officials said, after a long delay.\n").date_order == order


# --------------------------------------------------------------------------- pattern lists with pre-checks
@pytest.mark.parametrize("pattern, literals", [
    (r"^.{0,120}\bcontributed (reporting )?to this (report|story|article)\.?$", {"contributed "}),
    (r"\b(watch|see) (the )?(video|footage)\b", {"video", "footage"}),
    (r"\bscroll down\b", {"scroll down"}),
    (r"^(published|updated|last updated)\s*:", {"published", "updated", "last updated"}),
    (r"\(pictured\b", {"(pictured"}),
    (r"Story (?:HIGHLIGHTS|continues)", {"continues", "highlights"}),
    (r"\bon twitter at @\w+", {"on twitter at @"}),
    (r"a+bc", {"bc"}),                                 # a repeated character ends the literal before it
    (r"colou?r photo", {"r photo"}),                   # an optional character splits the literal
    (r"(?P<who>police|army) said", {" said"}),
    (r"(?=police)\w+ said", {" said"}),                # lookarounds add no text
    (r"^\w+$", None),
    (r"(?i)scroll down", None),                       # inline flags are not read
    (r"down|\d+", None),                               # an alternative without literal text
    (r"[a-z]{3} vidéo", {" vid"}),                      # literal text outside ASCII is left out
])
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


PRE_CHECKED = [
    r"^.{0,120}\bcontributed (reporting )?to this (report|story)\.?$",
    r"^(see )?(the )?video( below)?\.?$",
    r"\bscroll down\b",
    r"^(photo|image)s?\s*:",
    r"^\w+ only$",
]


@pytest.mark.parametrize("text", [
    "Jane Roe in Leeds contributed to this report.",
    "JANE ROE CONTRIBUTED REPORTING TO THIS STORY",
    "Jane Roe contrıbuted to this report.",            # dotless i: re.I matches it with "i"
    "See the video below.",
    "Please scroll down for more.",
    "Photos: the flooded market",
    "Subscribers only",
    "The contributor said the report was late.",
    "Police said the video showed the crash.",
    "He scrolled down the page.",
    "Photography is banned here.",
    "",
])
@pytest.mark.parametrize("anchored", [True, False])
def test_pattern_sets_agree_with_one_regex(text: str, anchored: bool) -> None:
    plain = re.compile("|".join(f"(?:{p})" for p in PRE_CHECKED), re.I)
    expected = (plain.match(text) if anchored else plain.search(text)) is not None
    assert PatternSet(tuple(PRE_CHECKED), anchored=anchored).matches(text) is expected

"""The `article-facts summarize` command, end to end, as a user runs it."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import SEED, invoke, records


def test_seed_fact_sheet_as_json():
    result = invoke("summarize", str(SEED), "--json")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    assert rec["schema"] == "article-facts/1"
    assert rec["title"] == "US to withdraw 2,200 troops from Iraq within weeks"
    assert rec["byline"] == "Chris Riotta"
    assert rec["dateline"] == "New York"
    assert rec["published"] == "2020-09-09T13:55"
    assert len(rec["summary"]) == 3
    assert rec["error"] is None


def test_summary_offsets_reproduce_the_text(seed_text):
    rec = json.loads(invoke("summarize", str(SEED), "--json").stdout)
    for s in rec["summary"]:
        assert seed_text[s["start"]:s["end"]] == s["text"]
    for f in rec["facts"]:
        assert seed_text[f["start"]:f["end"]] == f["text"]
    assert [s["index"] for s in rec["summary"]] == sorted(s["index"] for s in rec["summary"])


def test_piped_output_defaults_to_one_compact_record_per_line():
    result = invoke("summarize", str(SEED), str(SEED))
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(l)["id"] == str(SEED) for l in lines)


def test_json_for_several_articles_is_an_array():
    result = invoke("summarize", str(SEED), str(SEED), "--format", "json")
    assert [r["title"] for r in json.loads(result.stdout)] == [json.loads(invoke("summarize", str(SEED)).stdout)["title"]] * 2


def test_stdin_dash(seed_text):
    result = invoke("summarize", "-", "--json", input=seed_text)
    rec = json.loads(result.stdout)
    assert rec["id"] == "-" and rec["title"].startswith("US to withdraw")


@pytest.mark.parametrize("flag,value,expected", [("--sentences", "2", 2), ("-n", "1", 1), ("--ratio", "0.5", None)])
def test_summary_length_options(flag, value, expected):
    rec = json.loads(invoke("summarize", str(SEED), "--json", flag, value).stdout)
    if expected is None:
        assert 3 <= len(rec["summary"]) <= rec["stats"]["sentences"]
    else:
        assert len(rec["summary"]) == expected


def test_markdown_fact_sheet():
    out = invoke("summarize", str(SEED), "--format", "md").stdout
    assert out.startswith("# US to withdraw 2,200 troops from Iraq within weeks")
    assert "## Summary" in out and "**Byline:** Chris Riotta" in out


def test_table_view_renders_the_same_record():
    out = invoke("summarize", str(SEED), "--format", "table").stdout
    assert "US to withdraw 2,200 troops from Iraq within weeks" in out and "Summary" in out


def test_published_option_overrides_the_header():
    rec = json.loads(invoke("summarize", str(SEED), "--json", "--published", "2021-01-02").stdout)
    assert rec["published"] == "2021-01-02"


def test_include_text():
    rec = json.loads(invoke("summarize", str(SEED), "--json", "--include-text").stdout)
    assert rec["text"] == SEED.read_text(encoding="utf-8")


def test_timeline_only_json_has_just_the_timeline():
    rec = json.loads(invoke("summarize", str(SEED), "--json", "--timeline").stdout)
    assert set(rec) == {"id", "title", "timeline", "error"}


@pytest.mark.parametrize("args", [["summarize", "--bogus", "x"], ["summarize", str(SEED), "-a", "nope"],
                                  ["summarize", str(SEED), "--published", "someday"],
                                  ["summarize", str(SEED), "--resume"]])
def test_usage_errors_exit_2(args):
    assert invoke(*args).exit_code == 2


def test_missing_file_is_an_error_record_and_exit_1(tmp_path):
    result = invoke("summarize", str(tmp_path / "nope.txt"), str(SEED))
    recs = records(result.stdout)
    assert result.exit_code == 1
    assert recs[0]["error"]["type"] == "unreadable" and "nope.txt" in recs[0]["error"]["message"]
    assert recs[1]["error"] is None


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("article-facts ")


def test_algorithms_lists_lead_and_news():
    out = invoke("algorithms").stdout
    assert "news" in out and "lead" in out


def _console_script() -> list[str]:
    exe = shutil.which("article-facts")
    return [exe] if exe else [sys.executable, "-m", "article_facts.cli"]


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jsonl_through_jq_every_line_parses(tmp_path):
    data = tmp_path / "set.jsonl"
    text = SEED.read_text(encoding="utf-8")
    data.write_text("\n".join(json.dumps({"id": f"a{i}", "text": text}) for i in range(5)) + "\nnot json\n")
    cli = subprocess.run(_console_script() + ["summarize", str(data), "--format", "jsonl"], capture_output=True)
    jq = subprocess.run(["jq", "-c", "."], input=cli.stdout, capture_output=True)
    assert jq.returncode == 0
    assert len(jq.stdout.splitlines()) == 6 == len(cli.stdout.splitlines())
    assert cli.returncode == 1


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_title_through_jq():
    cli = subprocess.run(_console_script() + ["summarize", str(SEED)], capture_output=True, text=True)
    jq = subprocess.run(["jq", "-r", ".title"], input=cli.stdout, capture_output=True, text=True)
    assert jq.stdout.strip() == "US to withdraw 2,200 troops from Iraq within weeks"


def test_long_lines_are_never_wrapped_when_piped():
    cli = subprocess.run(_console_script() + ["summarize", str(SEED), "--json"], capture_output=True, text=True,
                         env={"COLUMNS": "40", "PATH": ""})
    rec = json.loads(cli.stdout)
    assert any(len(s["text"]) > 80 for s in rec["summary"])


def test_rules_command_lists_the_rules_in_force():
    out = invoke("rules").stdout
    kinds = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert {"troops", "troop_change", "casualties", "money", "percent", "quantity"} <= kinds


def test_user_rule_file_adds_a_fact_kind_without_python(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Fighting has driven more than 12,000 refugees across the border, officials said.\n", encoding="utf-8")
    rules = str(SEED.parent / "rules" / "refugees.toml")
    rec = json.loads(invoke("summarize", str(story), "--json", "--rules", rules).stdout)
    assert any(f["kind"] == "refugees" and f["value"] == 12000 for f in rec["facts"])
    assert "refugees" in invoke("rules", "--rules", rules).stdout


def test_a_broken_user_rule_file_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = not [valid", encoding="utf-8")
    assert invoke("rules", "--rules", str(bad)).exit_code == 2
    assert invoke("summarize", str(SEED), "--rules", str(bad)).exit_code == 2


@pytest.mark.parametrize("header,option,expected", [
    ("Sept. 9, 2020", [], "2020-10-09"),                           # a US header: month first
    ("Wednesday 09 September 2020", [], "2020-09-10"),             # a UK header: day first
    ("Sept. 9, 2020", ["--date-order", "dmy"], "2020-09-10"),      # the option wins
    ("Wednesday 09 September 2020", ["--date-order", "mdy"], "2020-10-09"),
    ("Wednesday 09 September 2020", ["--date-order", "dmy"], None),  # 10/25/2020 only reads month first
])
def test_all_number_dates_follow_the_articles_convention_or_the_option(tmp_path, header, option, expected):
    date = "10/25/2020" if expected is None else "10/09/2020"
    story = tmp_path / "story.txt"
    story.write_text(f"Talks resume\n{header}\nThe talks will resume on {date}, the ministry said in a statement.\n",
                     encoding="utf-8")
    rec = json.loads(invoke("summarize", str(story), "--json", *option).stdout)
    values = [f["value"] for f in rec["facts"] if f["kind"] == "date" and "/" in f["text"]]
    assert values == [expected or "2020-10-25"]


def test_table_view_never_reads_article_text_as_markup(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text('Markup in the text\n\n"We will [sic] go home soon, all of us [/] together," the soldier said. '
                     'The army sent 3,000 [bold]troops[/bold] north.\n', encoding="utf-8")
    result = invoke("summarize", str(story), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "[sic]" in result.stdout


@pytest.mark.parametrize("bad", ["2020-13-45", "2020-09-31", "someday"])
def test_an_impossible_published_date_is_a_usage_error(bad):
    assert invoke("summarize", str(SEED), "--published", bad).exit_code == 2


def test_a_guessed_speaker_is_marked_in_the_markdown_view(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text('Pier repairs\n\n"The pier will reopen in May," council leader Ruth Okafor said on Monday.\n\n'
                     'Work stopped twice over the winter. "The storms set us back by several weeks at least."\n',
                     encoding="utf-8")
    rec = json.loads(invoke("summarize", str(story), "--json").stdout)
    assert [(q["speaker"], q["speaker_guessed"]) for q in rec["facts"] if q["kind"] == "quote"] == \
        [("Ruth Okafor", False), ("Ruth Okafor", True)]
    out = invoke("summarize", str(story), "--format", "md").stdout
    assert "Ruth Okafor?" in out

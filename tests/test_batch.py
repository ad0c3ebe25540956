"""Batch runs: folders and datasets, broken inputs, parallel order, kill -9 and resume."""
from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED

CLI = [sys.executable, "-m", "article_facts.cli"]
ARTICLE = SEED.read_text(encoding="utf-8")


def make_corpus(root: Path, good: int = 12) -> dict[str, str]:
    """A folder of good articles plus one broken input of every kind; returns expected error types by id."""
    for i in range(good):
        folder = root / ("nested" if i % 2 else "") / ("deeper" if i % 3 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story-{i:03d}.txt").write_text(f"Story {i}\n\n" + ARTICLE, encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (root / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (root / "huge.txt").write_text("word " * 4000, encoding="utf-8")
    (root / "vanished.txt").symlink_to(root / "does-not-exist.txt")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "ignored.pdf").write_bytes(b"%PDF-1.4")
    rows = [json.dumps({"id": "row-ok", "text": ARTICLE}), "{not json", json.dumps({"id": "row-notext", "text": ""})]
    (root / "set.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {"binary.txt": "binary", "empty.txt": "empty", "huge.txt": "too_large", "vanished.txt": "unreadable",
            "set.jsonl:2": "bad_json", "row-notext": "empty"}


def run_cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), capture_output=True, text=True, **kw)


def test_every_broken_input_becomes_an_error_record_and_the_run_goes_on(tmp_path):
    expected = make_corpus(tmp_path)
    p = run_cli("summarize", str(tmp_path), "--max-bytes", "10000", "--workers", "2")
    recs = [json.loads(line) for line in p.stdout.splitlines()]
    assert p.returncode == 1
    assert len(recs) == 12 + 1 + len(expected)                # 12 stories, row-ok, the broken ones
    assert len({r["id"] for r in recs}) == len(recs)          # nothing read twice through the symlink loop
    errors = {r["id"].replace(str(tmp_path) + "/", ""): r["error"]["type"] for r in recs if r["error"]}
    assert errors == expected
    assert "article-facts:" in p.stderr and "failed" in p.stderr


def test_directories_are_walked_in_a_deterministic_order(tmp_path):
    make_corpus(tmp_path)
    ids = lambda p: [json.loads(l)["id"] for l in p.stdout.splitlines()]
    a = run_cli("summarize", str(tmp_path), "--workers", "1", "-q")
    b = run_cli("summarize", str(tmp_path), "--workers", "2", "-q")
    assert ids(a) == ids(b) and len(ids(a)) > 10


def test_unordered_output_has_the_same_records(tmp_path):
    make_corpus(tmp_path)
    ids = lambda p: sorted(json.loads(l)["id"] for l in p.stdout.splitlines())
    assert ids(run_cli("summarize", str(tmp_path), "--workers", "2", "--unordered")) == \
        ids(run_cli("summarize", str(tmp_path), "--workers", "1"))


def test_glob_selects_files(tmp_path):
    make_corpus(tmp_path)
    p = run_cli("summarize", str(tmp_path), "--glob", "story-00*.txt")
    assert sorted(Path(json.loads(l)["id"]).name for l in p.stdout.splitlines()) == [f"story-00{i}.txt" for i in range(10)]


def test_time_limit_turns_a_runaway_article_into_an_error(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 1000, encoding="utf-8")          # several seconds of work
    p = run_cli("summarize", str(big), str(SEED), "--timeout", "0.5", "--workers", "1")
    recs = [json.loads(l) for l in p.stdout.splitlines()]
    assert [r["error"]["type"] if r["error"] else None for r in recs] == ["timeout", None]
    assert p.returncode == 1


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_stdout_stream_is_valid_jsonl_throughout(tmp_path):
    make_corpus(tmp_path)
    p = run_cli("summarize", str(tmp_path), "--workers", "2", "--max-bytes", "10000")
    jq = subprocess.run(["jq", "-c", "."], input=p.stdout, capture_output=True, text=True)
    assert jq.returncode == 0 and len(jq.stdout.splitlines()) == len(p.stdout.splitlines())


def _tree(root: Path) -> dict[str, dict]:
    out = {}
    for f in sorted(root.rglob("*")):
        if f.is_file():
            assert f.suffix == ".json", f"stray file {f}"
            rec = json.loads(f.read_text(encoding="utf-8"))
            rec["stats"].pop("seconds")
            out[str(f.relative_to(root))] = rec
    return out


def test_out_dir_mirrors_the_input_tree(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    make_corpus(src, good=4)
    p = run_cli("summarize", str(src), "--out", str(out), "--max-bytes", "10000")
    assert p.returncode == 1 and p.stdout == ""
    names = set(_tree(out))
    assert {"deeper/story-000.json", "nested/story-001.json", "story-002.json", "set/row-ok.json",
            "binary.json"} <= names
    assert len(names) == 4 + 4 + 3        # stories, broken files, dataset rows: one file each
    assert not list(out.rglob("*.tmp"))


def test_kill_9_then_resume_loses_and_duplicates_nothing(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(60):
        (src / f"a{i:03d}.txt").write_text(f"Story {i}\n\n" + ARTICLE * 3, encoding="utf-8")
    reference, resumed = tmp_path / "ref", tmp_path / "resumed"
    assert run_cli("summarize", str(src), "--out", str(reference), "--workers", "2").returncode == 0
    proc = subprocess.Popen(CLI + ["summarize", str(src), "--out", str(resumed), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(list(resumed.rglob("*.json"))) < 10:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(resumed.rglob("*.json")))
    assert 0 < done_before < 60
    p = run_cli("summarize", str(src), "--out", str(resumed), "--resume", "--workers", "2")
    assert p.returncode == 0
    assert "already done" in p.stderr
    assert _tree(resumed) == _tree(reference)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_cleanly_with_every_written_line_whole(tmp_path, workers):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(300):
        (src / f"a{i:03d}.txt").write_text(f"Story {i}\n\n" + ARTICLE * 2, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with out.open("w") as fh:
        proc = subprocess.Popen(CLI + ["summarize", str(src), "--workers", workers], stdout=fh,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline and out.stat().st_size < 20_000:
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert proc.returncode == 130
    assert "interrupted" in stderr
    assert 0 < len(lines) < 300
    assert all(json.loads(line)["error"] is None for line in lines)     # no torn line


@pytest.mark.parametrize("rows,explicit,expected", [
    (1, 0, 1),            # one JSONL row: no pool to start
    (40, 0, 1),
    (41, 0, "cpus"),      # a real batch: every CPU
    (41, 2, 2),           # an explicit --workers is obeyed for a batch
])
def test_small_jsonl_jobs_run_in_process(tmp_path, monkeypatch, rows, explicit, expected):
    from article_facts.cli import session

    monkeypatch.setattr(session, "available_cpus", lambda: 2)
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": str(i), "text": "Text."}) + "\n" for i in range(rows)))
    s = session.Session(inputs=[str(data)], options=session.Options(), workers=explicit)
    assert s._worker_count() == (2 if expected == "cpus" else expected)


def test_counting_rows_to_size_a_job_stops_early_and_never_reads_a_fifo(tmp_path):
    from article_facts.cli.session import count_articles

    big = tmp_path / "big.jsonl"
    big.write_text("{}\n" * 1_000_000)                 # 3 MB: counting stops after the first 1 MiB block
    assert 41 <= count_articles([str(big)], (), stop_after=40) < 1_000_000
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert count_articles([str(fifo)], ()) == 1          # counted as one input, not opened (it would block)


def test_the_collector_is_back_on_once_the_data_is_loaded():
    """The entry point turns the cyclic collector off for start-up; settling memory must turn it on again."""
    from article_facts.cli import batch

    was_settled, threshold = batch._settled, gc.get_threshold()
    gc.disable()
    try:
        batch._settled = False
        batch.settle_memory()
        assert gc.isenabled()
    finally:
        batch._settled = was_settled
        gc.unfreeze()
        gc.set_threshold(*threshold)
        gc.enable()

"""Offline: no NLTK data, a fresh HOME and no network still give a full record."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import SEED


def test_runs_with_no_nltk_data_and_a_fresh_home(tmp_path):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "HTTP", "HTTPS"))}
    env.update(NLTK_DATA=str(empty), HOME=str(home), http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    for algorithm in ("news", "lead"):
        p = subprocess.run([sys.executable, "-m", "article_facts.cli", "summarize", str(SEED), "--json", "-a", algorithm],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
        assert p.returncode == 0, p.stderr
        rec = json.loads(p.stdout)
        assert len(rec["summary"]) == 3 and rec["error"] is None
    assert not any(empty.iterdir()), "nothing may be downloaded"

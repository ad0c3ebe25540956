"""Access to the data files shipped inside the package (rules, gazetteers, segmentation parameters)."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "resources")


def resource_text(name: str) -> str:
    """The text of a shipped data file, e.g. ``resource_text("timex/rules.toml")``."""
    try:
        with open(os.path.join(_FOLDER, name), encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:           # installed as a zip or another importer: ask the import system
        from importlib import resources

        return resources.files("article_facts.core").joinpath("resources", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    """Parse a TOML resource once per process (and across processes through the rules cache)."""
    from article_facts.core.rules.toml_cache import loads

    return loads(resource_text(name))


@lru_cache(maxsize=None)
def load_wordlist(name: str) -> frozenset[str]:
    """A plain-text list: one entry per line, '#' comments and blank lines ignored."""
    lines = (line.split("#", 1)[0].strip() for line in resource_text(name).splitlines())
    return frozenset(line for line in lines if line)


def load_lines(name: str) -> tuple[str, ...]:
    """A list of patterns, in file order: one a line, lines starting with '#' and blank lines ignored ('#' may
    appear inside a pattern)."""
    lines = (line.strip() for line in resource_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))

"""Access to the data files shipped inside the package (rules, gazetteers, segmentation parameters)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


def resource_text(name: str) -> str:
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

"""Placeholder stage: replaced by its issue's implementation."""
from __future__ import annotations

from article_facts.core.models import Article, Fact


def extract(article: Article, context) -> list[Fact]:
    return []

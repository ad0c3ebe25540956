"""Placeholder timeline: replaced by issue 5's implementation."""
from __future__ import annotations

from article_facts.core.models import Article, Fact, TimelineEntry


def build_timeline(article: Article, facts: list[Fact]) -> list[TimelineEntry]:
    return []

"""Renderings of the one record contract: JSON Lines, JSON, a rich terminal table and Markdown."""

"""article_facts.cli: the thin typer shell around article_facts.core."""

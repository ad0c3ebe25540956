"""``python -m article_facts.cli``."""
from article_facts.cli.entry import main

main()

"""``python -m article_facts.cli``."""
from article_facts.cli.app import main

main()

"""The process entry point (the ``article-facts`` script and ``python -m article_facts.cli``).

Start-up imports typer and the core, and the first article loads every rule and word list: tens of
thousands of objects that live as long as the process, which the cyclic collector would scan again and again
while they are made (about a tenth of the start-up's CPU time). So it stays off until they are all loaded;
``batch.settle_memory`` then freezes them and turns it back on.
"""
from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from article_facts.cli.app import main as run

    run()

"""article_facts.core: the pure library. Text in, typed records out; no printing, no exiting."""
from article_facts.core.models import Article, Fact, Record

__all__ = ["Article", "Fact", "Record"]
__version__ = "0.1.0"

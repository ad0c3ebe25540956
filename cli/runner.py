"""Running the core over work items: one record dict per item, errors included, in input order."""
from __future__ import annotations

from typing import Iterator

from article_facts.cli.inputs import Item
from article_facts.core.errors import InputError, TimedOut
from article_facts.core.models import ErrorInfo, Record
from article_facts.core.pipeline import Options, analyse


def analyse_item(item: Item, options: Options, debug: bool = False) -> dict:
    """The record for one item. An unexpected failure becomes an error record unless debugging."""
    if item.error is not None:
        rec = Record(id=item.id, source=item.source, error=ErrorInfo(item.error.kind, str(item.error)))
        return rec.to_dict()
    try:
        rec = analyse(item.text or "", id=item.id, source=item.source, title=item.title,
                      published=item.published, options=options)
    except InputError as exc:
        rec = Record(id=item.id, source=item.source, error=ErrorInfo(exc.kind, str(exc)))
    except TimedOut:
        raise
    except Exception as exc:  # one pathological article must not end a batch
        if debug:
            raise
        rec = Record(id=item.id, source=item.source,
                     error=ErrorInfo("internal", f"{item.source}: {type(exc).__name__}: {exc}"))
    if item.encoding and item.encoding not in ("utf-8", "utf-8-sig"):
        rec.warnings.append(f"{item.source}: decoded as {item.encoding}")
    return rec.to_dict()


def run_sequential(items: Iterator[Item], options: Options, debug: bool = False) -> Iterator[dict]:
    for item in items:
        yield analyse_item(item, options, debug)

"""Running the core over work items: one record dict per item, errors included, in input order."""
from __future__ import annotations

from article_facts.cli.inputs import Item
from article_facts.core.pipeline import Options, analyse, error_record


def analyse_item(item: Item, options: Options, debug: bool = False) -> dict:
    """The record for one item. An unexpected failure becomes an error record unless debugging."""
    if item.error is not None:
        return error_record(item.id, item.source, item.error.kind, str(item.error)).to_dict()
    try:      # input problems come back as error records; anything else is a bug in one article
        rec = analyse(item.text or "", id=item.id, source=item.source, title=item.title,
                      published=item.published, options=options)
    except Exception as exc:  # one pathological article must not end a batch
        if debug:
            raise
        rec = error_record(item.id, item.source, "internal", f"{item.source}: {type(exc).__name__}: {exc}")
    if item.encoding and item.encoding not in ("utf-8", "utf-8-sig"):
        rec.warnings.append(f"{item.source}: decoded as {item.encoding}")
    return rec.to_dict()


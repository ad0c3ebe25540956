"""The pipeline's own rules across stages: contract fields are always present, names hold no quantities."""
from __future__ import annotations

from article_facts.core.pipeline import CONTRACT_FIELDS, analyse


def facts_of(text: str, kind: str) -> list[dict]:
    return [f.to_dict() for f in analyse(text, id="t").facts if f.kind == kind]


def test_a_number_inside_a_name_is_not_a_quantity():
    text = "Officials spoke to reporters aboard Air Force One on Monday. Jets struck five sites."
    assert [f["text"] for f in facts_of(text, "quantity")] == ["five sites"]


def test_every_fact_carries_its_kinds_contract_fields():
    text = ("The army will cut troops from 5,200 to 3,000. Rebels killed 12 soldiers and seized $4m. "
            "Unemployment rose 3%. They found 40 boxes. \"We will stay here until the job is done,\" Gen. Smith said.")
    facts = [f.to_dict() for f in analyse(text, id="t").facts]
    seen = {f["kind"] for f in facts}
    assert {"troops", "troop_change", "casualties", "money", "percent", "quantity", "quote"} <= seen
    for f in facts:
        assert set(CONTRACT_FIELDS.get(f["kind"], ())) <= set(f), f


def test_empty_text_is_an_error_record_not_an_exception():
    rec = analyse("   \n", id="blank")
    assert rec.error is not None and rec.error.type == "input_error"


def test_a_lone_surrogate_in_the_text_still_gives_a_full_record():
    record = analyse('SHOCK NEWS\n\nHe said \ud800 "we will send 5,000 troops to the border next week" on Monday.', id="s")
    assert record.error is None
    assert {"quote", "troops"} <= {f.kind for f in record.facts}

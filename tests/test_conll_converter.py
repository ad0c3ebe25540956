"""The CoNLL-2003 converter (benchmarks/conll2003.py) writes what the judge's entities mode reads."""
from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("conll2003", Path(__file__).parent.parent / "benchmarks" / "conll2003.py")
conll2003 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conll2003)

INVENTED = """-DOCSTART- -X- -X- O

RUGBY NN B-NP O
- : O O
OTAGO NNP B-NP I-ORG
WIN VB B-VP O
. . O O

DUNEDIN NNP B-NP I-LOC
2024-03-02 CD I-NP O

Mary NNP B-NP I-PER
Kerr NNP I-NP I-PER
scored VBD B-VP O
for IN B-PP O
Otago NNP B-NP I-ORG
Canterbury NNP B-NP B-ORG
fans NNS I-NP O
. . O O

-DOCSTART- -X- -X- O

Rain NN B-NP O
fell VBD B-VP O
. . O O
"""


def test_documents_text_and_entity_offsets():
    docs = [conll2003.to_record(f"d{i}", d) for i, d in enumerate(conll2003.read_documents(INVENTED.splitlines()))]
    assert len(docs) == 2
    first = docs[0]
    assert first["text"].split("\n")[0] == "RUGBY - OTAGO WIN ."
    assert first["dct"] == "2024-03-02"
    found = [(first["text"][e["start"]:e["end"]], e["label"]) for e in first["entities"]]
    # IOB1: "Otago Canterbury" is two organisations because the second opens with B-
    assert found == [("OTAGO", "ORG"), ("DUNEDIN", "LOC"), ("Mary Kerr", "PER"), ("Otago", "ORG"),
                     ("Canterbury", "ORG")]
    assert docs[1]["entities"] == []


def test_a_copy_without_docstart_lines_is_split_at_datelines():
    lines = [line for line in INVENTED.splitlines() if not line.startswith("-DOCSTART-")]
    lines += ["", "FLOODS NNS B-NP O", ". . O O", "", "PERTH NNP B-NP I-LOC", "2024-03-03 CD I-NP O", "",
              "Roads NNS B-NP O", "closed VBD B-VP O", ". . O O"]
    docs = list(conll2003.read_documents(lines))
    assert [d[0][0][0] for d in docs] == ["RUGBY", "FLOODS"]

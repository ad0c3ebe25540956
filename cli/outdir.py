"""``--out DIR``: one file per article, mirroring the input tree, each written atomically."""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from article_facts.cli.inputs import Item

_UNSAFE = re.compile(r"[^\w.@+-]+")


class OutputDir:
    def __init__(self, root: Path, suffix: str):
        self.root, self.suffix = root, suffix
        self._taken: set[str] = set()

    def name_for(self, item: Item) -> str:
        """The output path of an item, relative to the root; the same for the same input on every run."""
        if item.row is not None:
            dataset = Path(item.relpath or "dataset").with_suffix("")
            stem = _UNSAFE.sub("_", item.id).strip("._")[:120] or f"line-{item.row}"
            base = f"{dataset}/{stem}"
            if base in self._taken:
                base = f"{dataset}/line-{item.row}"
        elif item.relpath:
            base = str(Path(item.relpath).with_suffix(""))
        else:
            base = "stdin"
        n, unique = 1, base
        while unique in self._taken:
            n += 1
            unique = f"{base}~{n}"
        base = unique
        self._taken.add(base)
        return base + self.suffix

    def remove_stale_temporaries(self) -> int:
        """Delete temporary files a killed run left behind; their articles are simply redone."""
        removed = 0
        if self.root.is_dir():
            for tmp in self.root.rglob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                removed += 1
        return removed

    def path(self, name: str) -> Path:
        return self.root / name

    def is_complete(self, name: str) -> bool:
        p = self.path(name)
        if not p.is_file():
            return False
        if self.suffix != ".json":
            return True
        try:
            json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return True

    def write(self, name: str, content: str) -> None:
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

"""Refresh the zh_CN catalogue from the sources and compile it (``make translations``).

``zh_CN*.tsv`` (source<TAB>translation, ``\\n`` for a line break; one file per area of the
program, e.g. ``zh_CN.audit.tsv``) is where translators write;
lupdate collects the strings from the code, the TSV fills them in, lrelease compiles. A string
without a translation stays ``unfinished`` and a test fails until it is translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "transfer_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))


def update(ts: Path = TS) -> None:
    subprocess.run(
        [tool("lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def tsv_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("zh_CN*.tsv"))


def read_tsv(tsvs: list[Path] | None = None) -> dict[str, str]:
    table: dict[str, str] = {}
    for tsv in tsvs if tsvs is not None else tsv_files():
        for line in tsv.read_text("utf-8").splitlines():
            if line.strip():
                source, _, target = line.partition("\t")
                table[source.replace("\\n", "\n")] = target.replace("\\n", "\n")
    return table


def fill(ts: Path = TS, tsvs: list[Path] | None = None) -> list[str]:
    """Write the TSVs' translations into the catalogue; returns sources still untranslated."""
    table = read_tsv(tsvs)
    tree = ElementTree.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if table.get(source):
            translation.text = table[source]
            translation.attrib.pop("type", None)
        else:
            translation.text = ""
            translation.set("type", "unfinished")
            missing.append(source)
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return missing


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


if __name__ == "__main__":
    update()
    untranslated = fill()
    release()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    for source in untranslated:
        print(f"untranslated: {source!r}")

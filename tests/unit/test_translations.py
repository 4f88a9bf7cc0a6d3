"""The zh_CN catalogue is complete, current with the sources, and compiled."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree

from desktop.ui import i18n_build


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    found = {}
    for context in ElementTree.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_zh_cn_entry_is_translated_and_finished() -> None:
    entries = messages(i18n_build.TS)
    assert entries
    unfinished = [
        key
        for key, message in entries.items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") is not None  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_catalogue_is_current_with_the_sources(tmp_path: Path) -> None:
    """A string added to the code without running `make translations` fails here."""
    copy = tmp_path / "current.ts"
    shutil.copy(i18n_build.TS, copy)
    i18n_build.update(copy)
    assert set(messages(copy)) == set(messages(i18n_build.TS))


def test_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    i18n_build.release(i18n_build.TS, qm)
    assert qm.read_bytes() == i18n_build.QM.read_bytes()


def test_tsv_has_no_unused_rows() -> None:
    sources = {source for _, source in messages(i18n_build.TS)}
    assert set(i18n_build.read_tsv()) - sources == set()


def test_each_source_string_is_translated_in_one_place() -> None:
    """The TSVs are per area, but Qt looks strings up without the file: one source, one row."""
    seen: dict[str, str] = {}
    for tsv in i18n_build.tsv_files():
        for line in tsv.read_text("utf-8").splitlines():
            source = line.partition("\t")[0]
            if not line.strip():
                continue
            assert source not in seen, f"{source!r} is in {seen[source]} and {tsv.name}"
            seen[source] = tsv.name

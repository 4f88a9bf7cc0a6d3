"""DocumentService: the audit extract written as a PDF, atomically."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.audit import AuditEntry, AuditFilter, TreeHead
from desktop.domain.audit_diff import EntryLine
from desktop.errors import StorageError
from desktop.services.audit import AuditExtract
from desktop.services.documents import DocumentService, plain_entry_line

HEAD = TreeHead(42, hashlib.sha256(b"head").digest())


def entry(seq: int, **changes: object) -> AuditEntry:
    args: dict[str, object] = {
        "seq": seq,
        "ts": "2026-01-05T08:03:00+00:00",
        "actor": "u-1",
        "action": "person.updated",
        "object_type": "person",
        "object_id": "3",
        "before": '{"title":"讲师"}',
        "after": '{"title":"副教授"}',
        "actor_name": "王管理",
    } | changes
    return AuditEntry(**args)  # type: ignore[arg-type]


def extract(*entries: AuditEntry) -> AuditExtract:
    return AuditExtract(
        entries=entries,
        total=len(entries),
        head=HEAD,
        where=AuditFilter(),
        unit_name="辽宁省示范大学",
        vault_id="vault-1",
        exported_by="李审计",
        exported_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    )


def text_of(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(BytesIO(path.read_bytes())).pages)


def test_plain_line_words_an_entry_without_the_ui() -> None:
    assert plain_entry_line(entry(5)) == EntryLine(
        5, "2026年1月5日 08:03", "王管理", "person.updated", "person 3", "title：讲师 → 副教授"
    )
    withheld = plain_entry_line(entry(6, before=None, after=None, content_visible=False))
    assert withheld.withheld and withheld.changes == ""


def test_saves_the_extract_with_the_callers_wording(tmp_path: Path) -> None:
    path = tmp_path / "extract.pdf"
    DocumentService().save_audit_extract(
        path,
        extract(entry(1), entry(2)),
        filter_text="操作人：王管理",
        describe=lambda e: EntryLine(e.seq, "某时", "某人", "人员信息修改", "人员", f"第{e.seq}项"),
    )
    text = text_of(path)
    assert HEAD.root.hex() in text
    assert "操作人：王管理" in text and "人员信息修改" in text and "第2项" in text
    assert [p.name for p in tmp_path.iterdir()] == ["extract.pdf"]


def test_a_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "extract.pdf"
    with pytest.raises(StorageError):
        DocumentService().save_audit_extract(target, extract(entry(1)))
    assert not target.parent.exists()
    assert list(tmp_path.iterdir()) == []

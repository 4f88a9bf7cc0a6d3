"""DecisionService over a real vault: permissions, clearance, audit, attachments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import AuditEntry
from desktop.domain.decisions import MAX_ATTACHMENT_BYTES, DecisionDraft
from desktop.errors import PermissionDenied, StorageError, ValidationError
from desktop.services import decisions as decisions_module
from desktop.services.decisions import DecisionService
from tests.support import FixedClock

MARKER = b"TD-DECISION-ATTACHMENT-4c1e"


def draft(**changes: object) -> DecisionDraft:
    base = DecisionDraft(
        body="office_meeting",
        title="关于转让“一种催化剂”专利的决定",
        decided_on="2025-12-20",
        participants=("张校长", "李副校长", "王处长"),
        outcome="approved",
        votes_for=3,
        votes_against=0,
        votes_abstain=0,
        summary="同意以 120 万元挂牌转让。",
        level="internal",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def make_user(vault: Vault, user_id: str, roles: tuple[str, ...], clearance: str) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft(user_id.replace("-", "."), f"用户{user_id}", roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    service: DecisionService
    admin: User  # system administrator, clearance internal
    officer: User  # transfer officer, internal
    secret_officer: User  # transfer officer, secret
    researcher: User
    auditor: User  # security auditor, top secret

    def entries(self) -> list[AuditEntry]:
        """Every audit entry, oldest first."""
        with self.vault.read() as conn:
            return list(reversed(audit.list_page(conn, offset=0, limit=10_000)))

    def last(self) -> AuditEntry:
        return self.entries()[-1]


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, admin = unlocked
    return World(
        vault=vault,
        service=DecisionService(vault, now=clock),
        admin=admin,
        officer=make_user(vault, "officer", ("transfer_officer",), "internal"),
        secret_officer=make_user(vault, "secret-officer", ("transfer_officer",), "secret"),
        researcher=make_user(vault, "researcher", ("researcher",), "secret"),
        auditor=make_user(vault, "auditor", ("security_auditor",), "top_secret"),
    )


# -- create and update ------------------------------------------------------------------------
def test_create_stores_the_validated_draft_and_audits_it(world: World) -> None:
    d = draft(
        title="  关于转让的决定  ",
        participants=("张校长", " ", "李副校长"),
        votes_for=2,
        votes_against=0,
        votes_abstain=0,
    )
    decision_id = world.service.create(world.officer, d)
    got = world.service.get(world.officer, decision_id)
    assert got.draft.title == "关于转让的决定"
    assert got.draft.participants == ("张校长", "李副校长")
    assert got.created_by == world.officer.id
    assert got.created_at == "2026-01-05T08:03:00+00:00"
    entry = world.last()
    assert (entry.action, entry.object_type, entry.object_id) == (
        "decision.created",
        "decision",
        str(decision_id),
    )
    assert entry.actor == world.officer.id
    assert entry.level == "internal"
    assert entry.before is None
    assert json.loads(entry.after or "")["participants"] == ["张校长", "李副校长"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": " "}, "title", "请填写议题。"),
        ({"decided_on": "2026-01-06"}, "decided_on", "决策日期不能晚于今天。"),
        ({"participants": ()}, "participants", "请填写参会人员。"),
        ({"votes_for": 3, "votes_against": 1}, "votes", "表决票数之和不能超过参会人数。"),
        ({"votes_against": None}, "votes", "表决票数须同时填写赞成、反对、弃权，且不能为负数。"),
        ({"body": "board"}, "body", "请选择决策机构。"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    world: World, changes: dict[str, object], field: str, message: str
) -> None:
    before = len(world.entries())
    with pytest.raises(ValidationError) as caught:
        world.service.create(world.officer, draft(**changes))
    assert (caught.value.field, caught.value.message) == (field, message)
    assert world.service.count(world.officer) == 0
    assert len(world.entries()) == before


def test_decision_dated_today_is_accepted(world: World) -> None:
    decision_id = world.service.create(world.officer, draft(decided_on="2026-01-05"))
    assert world.service.get(world.officer, decision_id).draft.decided_on == "2026-01-05"


def test_level_above_the_writers_clearance_is_refused(world: World) -> None:
    with pytest.raises(PermissionDenied, match="密级高于"):
        world.service.create(world.officer, draft(level="secret"))
    assert world.service.count(world.auditor) == 0


def test_update_audits_before_and_after(world: World, clock: FixedClock) -> None:
    decision_id = world.service.create(world.officer, draft())
    clock.value = clock.value.replace(hour=9)
    world.service.update(world.officer, decision_id, draft(outcome="deferred"))
    got = world.service.get(world.officer, decision_id)
    assert got.draft.outcome == "deferred"
    assert got.updated_at == "2026-01-05T09:03:00+00:00"
    assert got.created_at == "2026-01-05T08:03:00+00:00"
    entry = world.last()
    assert entry.action == "decision.updated"
    assert json.loads(entry.before or "")["outcome"] == "approved"
    assert json.loads(entry.after or "")["outcome"] == "deferred"
    assert entry.reason is None
    assert entry.level == "internal"


def test_changing_the_level_needs_a_reason(world: World) -> None:
    decision_id = world.service.create(world.secret_officer, draft(level="secret"))
    before = len(world.entries())
    with pytest.raises(ValidationError) as caught:
        world.service.update(world.secret_officer, decision_id, draft(level="internal"), "  ")
    assert (caught.value.field, caught.value.message) == ("reason", "修改密级须说明理由。")
    assert world.service.get(world.secret_officer, decision_id).draft.level == "secret"
    assert len(world.entries()) == before

    world.service.update(
        world.secret_officer, decision_id, draft(level="internal"), " 已解密（保密办批复） "
    )
    assert world.service.get(world.officer, decision_id).draft.level == "internal"
    entry = world.last()
    assert entry.reason == "已解密（保密办批复）"
    # The entry still holds the secret "before": it stays at the higher level.
    assert entry.level == "secret"


def test_update_of_a_decision_above_the_writers_clearance_is_refused(world: World) -> None:
    decision_id = world.service.create(world.secret_officer, draft(level="secret"))
    with pytest.raises(PermissionDenied):
        world.service.update(world.officer, decision_id, draft(), "降密")
    assert world.service.get(world.secret_officer, decision_id).draft.level == "secret"


def test_update_of_a_missing_decision_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        world.service.update(world.officer, 999, draft())
    assert caught.value.message == "该决策记录不存在。"


# -- reading and clearance --------------------------------------------------------------------
def test_internal_reader_does_not_see_find_or_count_a_secret_decision(world: World) -> None:
    visible = world.service.create(world.officer, draft(title="公开议题", level="public"))
    hidden = world.service.create(world.secret_officer, draft(title="秘密议题", level="secret"))
    for reader in (world.officer, world.admin):
        assert world.service.count(reader) == 1
        assert [d.id for d in world.service.page(reader, 0, 50)] == [visible]
        assert world.service.count(reader, "秘密议题") == 0
        assert world.service.page(reader, 0, 50, "秘密议题") == []
        with pytest.raises(PermissionDenied) as caught:
            world.service.get(reader, hidden)
        assert caught.value.message == "该决策记录的密级高于您的涉密等级，无权查看或修改。"
    assert world.service.count(world.secret_officer) == 2
    assert [d.id for d in world.service.page(world.secret_officer, 0, 50, "秘密")] == [hidden]


def test_system_admin_sees_no_more_than_internal_whatever_the_clearance(world: World) -> None:
    admin = make_user(world.vault, "admin2", ("system_admin",), "top_secret")
    world.service.create(world.secret_officer, draft(level="secret"))
    world.service.create(world.officer, draft(level="internal"))
    assert world.service.count(admin) == 1
    assert world.service.count(world.auditor) == 2


def test_researcher_may_neither_read_nor_write(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    calls = [
        lambda: world.service.count(world.researcher),
        lambda: world.service.page(world.researcher, 0, 10),
        lambda: world.service.get(world.researcher, decision_id),
        lambda: world.service.create(world.researcher, draft()),
        lambda: world.service.update(world.researcher, decision_id, draft()),
        lambda: world.service.link(world.researcher, decision_id, "agreement", "1"),
        lambda: world.service.attachments(world.researcher, decision_id),
        lambda: world.service.add_attachment(world.researcher, decision_id, "a.txt", "", b"x"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="您的角色无权"):
            call()


def test_auditor_reads_but_does_not_write(world: World) -> None:
    decision_id = world.service.create(world.secret_officer, draft(level="secret"))
    assert world.service.get(world.auditor, decision_id).id == decision_id
    with pytest.raises(PermissionDenied, match="登记决策记录"):
        world.service.create(world.auditor, draft())


# -- links ------------------------------------------------------------------------------------
def test_link_and_unlink_are_audited_once(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    assert world.service.link(world.officer, decision_id, "agreement", " 12 ") is True
    entry = world.last()
    assert entry.action == "decision.linked"
    assert json.loads(entry.after or "") == {"object_type": "agreement", "object_id": "12"}
    count = len(world.entries())
    assert world.service.link(world.officer, decision_id, "agreement", "12") is False
    assert len(world.entries()) == count
    assert world.service.get(world.officer, decision_id).links == (("agreement", "12"),)
    assert [d.id for d in world.service.for_object(world.officer, "agreement", "12")] == [
        decision_id
    ]

    assert world.service.unlink(world.officer, decision_id, "agreement", "12") is True
    assert world.last().action == "decision.unlinked"
    assert world.service.unlink(world.officer, decision_id, "agreement", "12") is False
    assert world.service.get(world.officer, decision_id).links == ()


def test_linked_secret_decision_is_hidden_from_an_internal_reader(world: World) -> None:
    hidden = world.service.create(world.secret_officer, draft(level="secret"))
    world.service.link(world.secret_officer, hidden, "agreement", "12")
    assert world.service.for_object(world.officer, "agreement", "12") == []
    assert len(world.service.for_object(world.secret_officer, "agreement", "12")) == 1
    with pytest.raises(PermissionDenied):
        world.service.link(world.officer, hidden, "agreement", "13")


@pytest.mark.parametrize(
    ("object_type", "object_id", "field"),
    [("", "1", "object_type"), ("x" * 33, "1", "object_type"), ("agreement", " ", "object_id")],
)
def test_link_needs_a_valid_object(
    world: World, object_type: str, object_id: str, field: str
) -> None:
    decision_id = world.service.create(world.officer, draft())
    with pytest.raises(ValidationError) as caught:
        world.service.link(world.officer, decision_id, object_type, object_id)
    assert caught.value.field == field


# -- attachments ------------------------------------------------------------------------------
def test_attachment_round_trips_byte_exact_and_audit_holds_no_content(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    content = MARKER + bytes(range(256)) + b"\x00" * 100
    info = world.service.add_attachment(
        world.officer, decision_id, "C:\\会议\\纪要.pdf", "application/pdf", content
    )
    assert info.filename == "纪要.pdf"
    assert info.size == len(content)
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.added_by == world.officer.id
    assert world.service.attachments(world.officer, decision_id) == [info]
    assert world.service.attachment_content(world.officer, info.id) == content

    entry = world.last()
    assert entry.action == "decision.attachment_added"
    assert entry.object_id == str(decision_id)
    after = json.loads(entry.after or "")
    assert after == {
        "attachment_id": info.id,
        "filename": "纪要.pdf",
        "media_type": "application/pdf",
        "size": len(content),
        "sha256": info.sha256,
    }
    assert MARKER.decode() not in (entry.after or "")


def test_attachment_over_the_cap_is_refused_before_anything_is_stored(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    before = len(world.entries())
    with pytest.raises(ValidationError) as caught:
        world.service.add_attachment(
            world.officer, decision_id, "big.bin", "", bytes(MAX_ATTACHMENT_BYTES + 1)
        )
    assert caught.value.message == "附件不能超过 50 MB。"
    with pytest.raises(ValidationError, match="空文件"):
        world.service.add_attachment(world.officer, decision_id, "empty.txt", "", b"")
    assert world.service.attachments(world.officer, decision_id) == []
    assert len(world.entries()) == before


def test_attachment_exactly_at_the_cap_is_accepted(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decisions_module, "MAX_ATTACHMENT_BYTES", 1000)
    decision_id = world.service.create(world.officer, draft())
    info = world.service.add_attachment(world.officer, decision_id, "a.bin", "", bytes(1000))
    assert info.media_type == "application/octet-stream"
    with pytest.raises(ValidationError):
        world.service.add_attachment(world.officer, decision_id, "b.bin", "", bytes(1001))


@pytest.mark.parametrize("name", ["", "  ", "C:\\", "..", "a/..", "a\x00b.pdf", "x" * 256])
def test_attachment_needs_a_usable_filename(world: World, name: str) -> None:
    decision_id = world.service.create(world.officer, draft())
    with pytest.raises(ValidationError) as caught:
        world.service.add_attachment(world.officer, decision_id, name, "", b"data")
    assert caught.value.field == "attachment"


def test_attachment_of_a_secret_decision_is_closed_to_an_internal_reader(world: World) -> None:
    hidden = world.service.create(world.secret_officer, draft(level="secret"))
    info = world.service.add_attachment(world.secret_officer, hidden, "密.pdf", "", MARKER)
    assert world.last().level == "secret"
    with pytest.raises(PermissionDenied):
        world.service.attachments(world.officer, hidden)
    with pytest.raises(PermissionDenied):
        world.service.attachment_content(world.officer, info.id)
    with pytest.raises(PermissionDenied):
        world.service.add_attachment(world.officer, hidden, "x.pdf", "", b"x")
    with pytest.raises(PermissionDenied):
        world.service.remove_attachment(world.officer, info.id, "误传")


def test_attachment_from_file_reads_name_type_and_bytes(world: World, tmp_path: Path) -> None:
    decision_id = world.service.create(world.officer, draft())
    source = tmp_path / "党委会纪要.pdf"
    source.write_bytes(MARKER + b"%PDF-1.7")
    info = world.service.add_attachment_from_file(world.officer, decision_id, source)
    assert (info.filename, info.media_type) == ("党委会纪要.pdf", "application/pdf")
    assert world.service.attachment_content(world.officer, info.id) == MARKER + b"%PDF-1.7"


def test_attachment_from_file_refuses_a_missing_or_too_large_file(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decision_id = world.service.create(world.officer, draft())
    with pytest.raises(StorageError, match="无法读取文件"):
        world.service.add_attachment_from_file(world.officer, decision_id, tmp_path / "none.pdf")
    monkeypatch.setattr(decisions_module, "MAX_ATTACHMENT_BYTES", 10)
    big = tmp_path / "big.bin"
    big.write_bytes(bytes(11))
    with pytest.raises(ValidationError):
        world.service.add_attachment_from_file(world.officer, decision_id, big)
    assert world.service.attachments(world.officer, decision_id) == []


def test_remove_attachment_needs_a_reason_and_is_audited(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    info = world.service.add_attachment(world.officer, decision_id, "a.pdf", "", MARKER)
    with pytest.raises(ValidationError) as caught:
        world.service.remove_attachment(world.officer, info.id, "  ")
    assert (caught.value.field, caught.value.message) == ("reason", "删除附件须说明理由。")
    assert world.service.attachments(world.officer, decision_id) == [info]

    world.service.remove_attachment(world.officer, info.id, "上传错了文件")
    assert world.service.attachments(world.officer, decision_id) == []
    entry = world.last()
    assert entry.action == "decision.attachment_removed"
    assert entry.reason == "上传错了文件"
    assert json.loads(entry.before or "")["sha256"] == info.sha256
    with pytest.raises(ValidationError, match="该附件不存在"):
        world.service.attachment_content(world.officer, info.id)


def test_save_attachment_writes_the_bytes_and_audits_the_export(
    world: World, tmp_path: Path
) -> None:
    decision_id = world.service.create(world.officer, draft())
    content = MARKER * 1000
    info = world.service.add_attachment(world.officer, decision_id, "纪要.pdf", "", content)
    target = tmp_path / "out" / "纪要.pdf"
    target.parent.mkdir()
    world.service.save_attachment(world.officer, info.id, target)
    assert target.read_bytes() == content
    assert sorted(p.name for p in target.parent.iterdir()) == ["纪要.pdf"]
    entry = world.last()
    assert entry.action == "decision.attachment_exported"
    assert json.loads(entry.after or "")["path"] == str(target)


def test_failed_save_leaves_no_file_and_no_audit_entry(world: World, tmp_path: Path) -> None:
    decision_id = world.service.create(world.officer, draft())
    info = world.service.add_attachment(world.officer, decision_id, "纪要.pdf", "", MARKER)
    before = len(world.entries())
    with pytest.raises(StorageError, match="无法写入文件"):
        world.service.save_attachment(world.officer, info.id, tmp_path / "missing" / "x.pdf")
    assert len(world.entries()) == before
    assert not (tmp_path / "missing").exists()


def test_attachment_bytes_are_not_on_disk_in_clear(world: World) -> None:
    decision_id = world.service.create(world.officer, draft())
    content = (MARKER + "决策附件标记".encode()) * 500
    world.service.add_attachment(world.officer, decision_id, "marker.txt", "text/plain", content)
    files = [world.vault.db_path, Path(f"{world.vault.db_path}-wal")]
    assert Path(f"{world.vault.db_path}-wal").stat().st_size > len(content)
    needles = (MARKER, "决策附件标记".encode())
    for path in files:
        data = path.read_bytes()
        assert not any(needle in data for needle in needles), path
    world.vault.lock()  # checkpoints the -wal into the main file
    data = world.vault.db_path.read_bytes()
    assert not any(needle in data for needle in needles)


def test_the_marker_scan_would_find_plain_bytes(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"xx" + MARKER + b"yy")
    assert MARKER in plain.read_bytes()

"""Files attached to achievements: kept byte-exact inside the vault, behind the record's rights."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from db import achievements, audit, people, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer
from desktop.domain.people import PersonDraft
from desktop.errors import PermissionDenied, StorageError, ValidationError
from desktop.services.achievement_files import AchievementFileService
from tests.support import FixedClock

MARKER = "附件内容标记-7f3a".encode()
World = tuple[Vault, User, AchievementFileService]


def _user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(conn, user_id, UserDraft(login, login, roles, clearance), created_at="t")
        user = users.get(conn, user_id)
    assert user is not None
    return user


def _achievement(vault: Vault, owner: User, level: str = "public") -> int:
    with vault.transaction() as conn:
        person = people.insert_person(conn, PersonDraft("张三", None, "", "none"))
        draft = AchievementDraft(
            title="成果",
            abstract="",
            keywords=(),
            kind="other",
            department_id=None,
            funding_type="self",
            funding_ref="",
            completers=(Completer(person, "lead", Decimal(100)),),
            level=level,
            secrecy_mark="秘密★10年" if level == "secret" else "",
        )
        return achievements.insert_achievement(conn, draft, created_by=owner.id, created_at="t")


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",), "secret")
    return vault, officer, AchievementFileService(vault, now=clock)


def test_a_file_round_trips_byte_exact_and_is_not_on_disk_in_clear(
    world: World, tmp_path: Path
) -> None:
    vault, officer, service = world
    achievement_id = _achievement(vault, officer)
    content = b"%PDF-1.4 " + MARKER * 100
    info = service.add(officer, achievement_id, r"C:\扫描\证书.pdf", "application/pdf", content)
    assert (info.filename, info.size, info.owner_id) == ("证书.pdf", len(content), achievement_id)
    assert service.content(officer, info.id) == content
    assert [f.id for f in service.list(officer, achievement_id)] == [info.id]
    for path in vault.db_path.parent.iterdir():
        assert MARKER not in path.read_bytes(), path.name
    copy = tmp_path / "copy.pdf"
    service.save_copy(officer, info.id, copy)
    assert copy.read_bytes() == content
    with vault.read() as conn:
        actions = [e.action for e in audit.list_page(conn, offset=0, limit=2)]
    assert actions == ["achievement.attachment_exported", "achievement.attachment_added"]


def test_a_secret_records_files_follow_its_clearance(world: World) -> None:
    vault, officer, service = world
    low = _user(vault, "low", ("transfer_officer",), "internal")
    secret_id = _achievement(vault, officer, "secret")
    info = service.add(officer, secret_id, "图纸.png", "image/png", b"\x89PNG" + MARKER)
    calls = (
        lambda: service.list(low, secret_id),
        lambda: service.content(low, info.id),
        lambda: service.add(low, secret_id, "x.txt", "text/plain", b"x"),
        lambda: service.remove(low, info.id, "误传"),
    )
    for call in calls:
        with pytest.raises(PermissionDenied, match="无权查看"):
            call()


def test_bad_files_and_missing_reasons_are_refused(world: World, tmp_path: Path) -> None:
    vault, officer, service = world
    achievement_id = _achievement(vault, officer)
    for name, content in (("", b"x"), ("a.txt", b""), ("..", b"x")):
        with pytest.raises(ValidationError) as raised:
            service.add(officer, achievement_id, name, "text/plain", content)
        assert raised.value.field == "attachment"
    with pytest.raises(StorageError):
        service.add_from_file(officer, achievement_id, tmp_path / "missing.pdf")
    info = service.add(officer, achievement_id, "a.txt", "", b"abc")
    assert info.media_type == "application/octet-stream"
    with pytest.raises(ValidationError) as raised:
        service.remove(officer, info.id, " ")
    assert raised.value.field == "reason"
    service.remove(officer, info.id, "误传")
    assert service.list(officer, achievement_id) == []


def test_damaged_content_is_reported_not_shown(world: World) -> None:
    vault, officer, service = world
    achievement_id = _achievement(vault, officer)
    info = service.add(officer, achievement_id, "a.txt", "text/plain", b"original")
    with vault.transaction() as conn:
        conn.exec_driver_sql(
            "UPDATE achievement_attachments SET content = ? WHERE id = ?", (b"changed", info.id)
        )
    with pytest.raises(StorageError, match="摘要不符"):
        service.content(officer, info.id)

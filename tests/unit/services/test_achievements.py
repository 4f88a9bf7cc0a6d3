"""The register's service: who sees what, what gets audited, and that bad input writes nothing."""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal

import pytest

from db import audit, people, settings, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, AchievementQuery, Completer, IpRight
from desktop.domain.people import PersonDraft
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.achievements import AchievementService
from tests.support import FixedClock


def _user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str = "internal") -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        settings.put(conn, "several_roles_allowed", True)
        users.insert_user(conn, user_id, UserDraft(login, login, roles, clearance), created_at="t")
        user = users.get(conn, user_id)
    assert user is not None
    return user


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> AchievementService:
    return AchievementService(unlocked[0], now=clock)


@pytest.fixture
def person(unlocked: tuple[Vault, User]) -> int:
    with unlocked[0].transaction() as conn:
        return people.insert_person(conn, PersonDraft("张三", None, "研究员", "none"))


def _draft(person: int, **changes: object) -> AchievementDraft:
    base = AchievementDraft(
        title="一种高强韧镁合金的制备方法",
        abstract="",
        keywords=(),
        kind="invention_patent",
        department_id=None,
        funding_type="self",
        funding_ref="",
        completers=(Completer(person, "lead", Decimal(100)),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _log(vault: Vault) -> list[tuple[str, str]]:
    with vault.read() as conn:
        return [(e.action, e.level) for e in audit.list_page(conn, offset=0, limit=100)]


def test_create_get_update_is_audited_at_the_records_level(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",), "secret")
    achievement_id = service.create(officer, _draft(person))
    found = service.get(officer, achievement_id)
    assert (found.status, found.completer_names) == ("registered", ("张三",))
    secret = _draft(person, level="secret", secrecy_mark="秘密★10年")
    service.update(officer, achievement_id, secret)
    # The update entry holds the old and the new content: as secret as the new one.
    assert _log(vault)[:2] == [
        ("achievement.updated", "secret"),
        ("achievement.created", "public"),
    ]


def test_records_above_the_clearance_are_not_listed_found_counted_or_opened(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    high = _user(vault, "high", ("transfer_officer",), "secret")
    low = _user(vault, "low", ("transfer_officer",), "internal")
    admin = _user(vault, "sysadmin", ("system_admin",), "top_secret")
    secret_id = service.create(high, _draft(person, level="secret", secrecy_mark="秘密★10年"))
    service.create(high, _draft(person, title="公开的成果"))
    for reader in (low, admin):  # the system administrator never sees above 内部
        assert service.count(reader, AchievementQuery()) == 1
        assert service.count(reader, AchievementQuery(text="镁合金")) == 0
        assert [r.title for r in service.page(reader, 0, 10, AchievementQuery())] == ["公开的成果"]
        with pytest.raises(PermissionDenied, match="不存在，或您无权查看"):
            service.get(reader, secret_id)
    assert service.count(high, AchievementQuery(text="镁合金")) == 1
    with pytest.raises(PermissionDenied):
        service.create(low, _draft(person, level="secret", secrecy_mark="秘密★10年"))


def test_a_researcher_sees_and_drafts_only_their_own(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    researcher = _user(vault, "researcher", ("researcher",))
    theirs = service.create(officer, _draft(person, title="专员登记的成果"))
    mine = service.create(researcher, _draft(person, title="本人登记的成果"))
    assert [r.title for r in service.page(researcher, 0, 10, AchievementQuery())] == [
        "本人登记的成果"
    ]
    assert service.count(officer, AchievementQuery()) == 2
    with pytest.raises(PermissionDenied):
        service.get(researcher, theirs)
    with pytest.raises(PermissionDenied):
        service.update(researcher, theirs, _draft(person))
    service.update(researcher, mine, _draft(person, title="本人登记的成果（修订）"))


def test_bad_input_is_refused_at_its_field_and_writes_nothing(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    before = _log(vault)
    cases = [
        (_draft(person, title=""), "title"),
        (_draft(person, completers=(Completer(person, "lead", Decimal(99)),)), "completers"),
        (_draft(9999), "completers"),  # not in the people register
        (_draft(person, department_id=4242), "department"),
        (_draft(person, ip_rights=(IpRight("202310123456.X"),)), "ip_rights"),  # check digit
        (_draft(person, ip_rights=(IpRight("202320123456.1"),)), "ip_rights"),  # a utility model
        (_draft(person, level="secret", secrecy_mark="机密★10年"), "secrecy_mark"),
        (_draft(person, level="secret", secrecy_mark="秘密★11年"), "secrecy_mark"),
    ]
    for bad, field in cases:
        with pytest.raises(ValidationError) as raised:
            service.create(officer, bad)
        assert raised.value.field == field
    assert _log(vault) == before
    assert service.count(officer, AchievementQuery()) == 0


def test_numbers_and_marks_are_stored_in_their_standard_form(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",), "secret")
    achievement_id = service.create(
        officer,
        _draft(
            person,
            ip_rights=(IpRight("ZL 2023 1012 3456.6"),),
            level="secret",
            secrecy_mark="秘密 ☆ 十年",
        ),
    )
    stored = service.get(officer, achievement_id).draft
    assert [ip.number for ip in stored.ip_rights] == ["202310123456.6"]
    assert stored.secrecy_mark == "秘密★10年"


def test_roles_without_the_register_are_refused(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    approver = _user(vault, "approver", ("approver",))
    with pytest.raises(PermissionDenied, match="登记或修改科技成果"):
        service.create(approver, _draft(person))
    assert service.count(approver, AchievementQuery()) == 0


def test_a_record_is_terminated_and_reopened_only_by_hand_with_a_reason(
    unlocked: tuple[Vault, User], service: AchievementService, person: int
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    researcher = _user(vault, "researcher", ("researcher",))
    achievement_id = service.create(officer, _draft(person))
    with pytest.raises(ValidationError) as raised:
        service.change_status(officer, achievement_id, "terminate", " ")
    assert raised.value.field == "reason"
    with pytest.raises(ValidationError, match="业务操作"):
        service.change_status(officer, achievement_id, "complete", "已转让")
    own = service.create(researcher, _draft(person, title="本人成果"))
    with pytest.raises(PermissionDenied, match="终止或恢复科技成果"):
        service.change_status(researcher, own, "terminate", "不再转化")
    assert service.change_status(officer, achievement_id, "terminate", "专利已放弃") == "terminated"
    assert service.get(officer, achievement_id).status == "terminated"
    with pytest.raises(ValidationError, match="当前状态"):
        service.change_status(officer, achievement_id, "terminate", "再次")
    assert service.change_status(officer, achievement_id, "reopen", "误操作") == "registered"
    entries = _log(vault)[:2]
    assert entries == [("achievement.status_changed", "public")] * 2

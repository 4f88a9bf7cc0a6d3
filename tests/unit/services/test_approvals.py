"""Approval requests: asked by one person, decided by another, applied in the same transaction."""

from __future__ import annotations

import uuid

import pytest

from db import audit, settings, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.approvals import ApprovalService
from tests.support import FixedClock


def _user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str = "internal") -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        settings.put(conn, "several_roles_allowed", True)
        users.insert_user(
            conn, user_id, UserDraft(login, login.upper(), roles, clearance), created_at="t"
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> ApprovalService:
    return ApprovalService(unlocked[0], now=clock)


def _clearance(vault: Vault, user_id: str) -> str:
    with vault.read() as conn:
        user = users.get(conn, user_id)
    assert user is not None
    return user.clearance


def _actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=50)]


def test_a_request_is_decided_by_the_secrecy_administrator_and_takes_effect(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    secrecy = _user(vault, "secrecy", ("secrecy_admin",), "top_secret")
    request = service.request_clearance(officer, officer.id, "secret", "承担涉密项目 A")
    assert request.status == "pending" and request.requester_name == "OFFICER"
    assert _clearance(vault, officer.id) == "internal"  # nothing changes before the decision
    assert [r.id for r in service.visible(secrecy)] == [request.id]

    decided = service.decide(secrecy, request.id, approve=True, note="保密委员会同意")
    assert (decided.status, decided.decided_by, decided.decider_name) == (
        "approved",
        secrecy.id,
        "SECRECY",
    )
    assert _clearance(vault, officer.id) == "secret"
    assert _actions(vault)[:3] == [
        "user.clearance_changed",
        "approval.approved",
        "approval.requested",
    ]
    with pytest.raises(ValidationError, match="已处理"):
        service.decide(secrecy, request.id, approve=True, note="")


def test_nobody_approves_their_own_request(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, _ = unlocked
    both = _user(vault, "both", ("secrecy_admin", "transfer_officer"))
    request = service.request_clearance(both, both.id, "secret", "本人承担涉密项目")
    with pytest.raises(PermissionDenied, match="本人"):
        service.decide(both, request.id, approve=True, note="")
    assert _clearance(vault, both.id) == "internal"
    other = _user(vault, "other", ("secrecy_admin",))
    service.decide(other, request.id, approve=True, note="")
    assert _clearance(vault, both.id) == "secret"


def test_nobody_decides_a_request_about_themselves(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, admin = unlocked
    secrecy = _user(vault, "secrecy", ("secrecy_admin",))
    request = service.request_clearance(admin, secrecy.id, "secret", "兼管涉密档案")
    with pytest.raises(PermissionDenied, match="本人"):
        service.decide(secrecy, request.id, approve=True, note="")


def test_only_the_secrecy_administrator_decides_and_only_admins_ask_for_others(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, admin = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    approver = _user(vault, "approver", ("approver",))
    with pytest.raises(PermissionDenied):
        service.request_clearance(officer, approver.id, "secret", "替别人申请")
    request = service.request_clearance(admin, officer.id, "secret", "承担涉密项目")
    for someone in (approver, admin, officer):
        with pytest.raises(PermissionDenied):
            service.decide(someone, request.id, approve=True, note="")
    assert service.visible(approver) == []
    assert [r.id for r in service.visible(officer)] == [request.id]  # it is about them


def test_rejecting_needs_a_note_and_changes_nothing(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    secrecy = _user(vault, "secrecy", ("secrecy_admin",))
    request = service.request_clearance(officer, officer.id, "confidential", "项目需要")
    with pytest.raises(ValidationError) as raised:
        service.decide(secrecy, request.id, approve=False, note="  ")
    assert raised.value.field == "decision_note"
    decided = service.decide(secrecy, request.id, approve=False, note="项目密级为秘密，不需机密")
    assert decided.status == "rejected"
    assert _clearance(vault, officer.id) == "internal"


def test_bad_requests_are_refused_at_their_field_and_write_nothing(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    before = len(_actions(vault))
    for clearance, reason, field in (
        ("internal", "同级", "clearance"),
        ("ultra", "未知等级", "clearance"),
        ("secret", "   ", "reason"),
        ("secret", "长" * 501, "reason"),
    ):
        with pytest.raises(ValidationError) as raised:
            service.request_clearance(officer, officer.id, clearance, reason)
        assert raised.value.field == field
    service.request_clearance(officer, officer.id, "secret", "项目需要")
    with pytest.raises(ValidationError, match="待审批"):
        service.request_clearance(officer, officer.id, "confidential", "再申请一次")
    assert len(_actions(vault)) == before + 1


def test_only_the_requester_withdraws_a_pending_request(
    unlocked: tuple[Vault, User], service: ApprovalService
) -> None:
    vault, _ = unlocked
    officer = _user(vault, "officer", ("transfer_officer",))
    secrecy = _user(vault, "secrecy", ("secrecy_admin",))
    request = service.request_clearance(officer, officer.id, "secret", "项目需要")
    with pytest.raises(PermissionDenied):
        service.withdraw(secrecy, request.id)
    service.withdraw(officer, request.id)
    (withdrawn,) = service.visible(officer)
    assert withdrawn.status == "withdrawn"
    with pytest.raises(ValidationError):
        service.decide(secrecy, request.id, approve=True, note="")
    with pytest.raises(ValidationError):
        service.withdraw(officer, request.id)

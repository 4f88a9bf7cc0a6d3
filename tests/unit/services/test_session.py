"""Logging in: growing waits after failures, the tamper-evident failure file, forced change."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from db import audit, throttle
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.throttle import MAX_DELAY_SECONDS, delay_seconds, seconds_left
from desktop.errors import LoginThrottled, PermissionDenied, ValidationError, WrongPassphrase
from desktop.services.accounts import AccountService
from desktop.services.people import PeopleService
from desktop.services.session import SessionService
from tests.support import TEST_KDF, TEST_PASSPHRASE, FixedClock


@pytest.fixture
def session(created_vault: tuple[Vault, str, str], clock: FixedClock) -> SessionService:
    vault, _, _ = created_vault
    return SessionService(vault, now=clock, kdf=lambda: TEST_KDF)


def _actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in reversed(audit.list_page(conn, offset=0, limit=1000))]


def _fail(session: SessionService, user_id: str) -> WrongPassphrase:
    with pytest.raises(WrongPassphrase) as raised:
        session.unlock(user_id, "not the passphrase")
    return raised.value


# -- the schedule -----------------------------------------------------------------------------


def test_the_wait_grows_and_is_capped() -> None:
    waits = [delay_seconds(n) for n in range(0, 13)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:8] == [2, 4, 8, 16, 32]
    assert waits == sorted(waits)
    assert max(waits) == MAX_DELAY_SECONDS


def test_a_clock_set_back_never_locks_out_longer_than_the_longest_wait(clock: FixedClock) -> None:
    now = clock()
    assert seconds_left(12, now + timedelta(days=3), now) == MAX_DELAY_SECONDS
    assert seconds_left(3, now - timedelta(seconds=2), now) == 0
    assert seconds_left(0, None, now) == 0


# -- failures at the keyboard -----------------------------------------------------------------


def test_failures_slow_down_and_refuse_attempts_until_the_wait_is_over(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    _, admin_id, _ = created_vault
    assert [_fail(session, admin_id).wait_seconds for _ in range(2)] == [0, 0]
    third = _fail(session, admin_id)
    assert third.wait_seconds == 2
    assert "连续失败 3 次" in third.message and "2 秒" in third.message
    assert session.wait_seconds(admin_id) == 2
    # Even the right passphrase is refused while the wait runs, without trying the key.
    with pytest.raises(LoginThrottled) as raised:
        session.unlock(admin_id, TEST_PASSPHRASE)
    assert raised.value.wait_seconds == 2
    assert "2 秒后再试" in raised.value.message
    clock.advance(timedelta(seconds=2))
    assert session.wait_seconds(admin_id) == 0
    assert _fail(session, admin_id).wait_seconds == 4


def test_the_wait_survives_a_restart(
    created_vault: tuple[Vault, str, str], clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    first = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    for _ in range(4):
        clock.advance(timedelta(seconds=10))
        with pytest.raises(WrongPassphrase):
            first.unlock(admin_id, "wrong")
    # A new program run over the same files.
    again = SessionService(Vault(vault.db_path), now=clock, kdf=lambda: TEST_KDF)
    assert again.wait_seconds(admin_id) == 4
    clock.advance(timedelta(seconds=4))
    assert again.wait_seconds(admin_id) == 0
    with pytest.raises(WrongPassphrase) as raised:
        again.unlock(admin_id, "wrong")
    assert raised.value.wait_seconds == 8


def test_a_successful_login_audits_the_failures_tells_the_user_and_resets_the_count(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    for _ in range(3):
        _fail(session, admin_id)
    clock.advance(timedelta(minutes=1))
    session.unlock(admin_id, TEST_PASSPHRASE)
    assert _actions(vault)[-4:] == ["session.login_failed"] * 3 + ["session.unlocked"]
    assert any("3 次" in notice for notice in session.notices)
    assert not any("异常" in notice for notice in session.notices)
    session.lock()
    assert session.wait_seconds(admin_id) == 0
    session.unlock(admin_id, TEST_PASSPHRASE)
    assert session.notices == ()
    session.lock()


def test_another_users_failures_are_kept_when_someone_else_logs_in(
    unlocked: tuple[Vault, User], clock: FixedClock
) -> None:
    vault, admin = unlocked
    accounts = AccountService(vault, now=clock, kdf=lambda: TEST_KDF)
    issued = accounts.create(admin, UserDraft("li.si", "李四", ("transfer_officer",), "internal"))
    vault.lock()
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    for _ in range(4):
        clock.advance(timedelta(seconds=10))
        _fail(session, issued.user.id)
    session.unlock(admin.id, TEST_PASSPHRASE)
    session.lock()
    assert session.wait_seconds(issued.user.id) == 4
    assert session.wait_seconds(admin.id) == 0


# -- editing the failure file is noticed ------------------------------------------------------


def _login_twice_with_failures_between(
    vault: Vault, session: SessionService, admin_id: str
) -> Path:
    session.unlock(admin_id, TEST_PASSPHRASE)  # writes the first signed anchor
    session.lock()
    for _ in range(3):
        _fail(session, admin_id)
    return vault.throttle_path


def _tamper_notice(session: SessionService, vault: Vault, admin_id: str, clock: FixedClock) -> str:
    clock.advance(timedelta(minutes=10))
    session.unlock(admin_id, TEST_PASSPHRASE)
    try:
        notices = [n for n in session.notices if "异常" in n]
        assert len(notices) == 1, session.notices
        assert _actions(vault).count("session.throttle_tampered") == 1
        return notices[0]
    finally:
        session.lock()


def test_deleting_the_failure_file_is_noticed_at_the_next_login(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    path = _login_twice_with_failures_between(vault, session, admin_id)
    path.unlink()
    assert session.wait_seconds(admin_id) == 0  # deleting does reset the wait...
    assert "缺失" in _tamper_notice(session, vault, admin_id, clock)  # ...but not unseen


def test_editing_a_failure_record_breaks_the_chain(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    path = _login_twice_with_failures_between(vault, session, admin_id)
    lines = path.read_text("utf-8").splitlines()
    record = json.loads(lines[2])
    record["user"] = "00000000-0000-4000-8000-000000000000"  # blame someone else
    lines[2] = json.dumps(record, separators=(",", ":"))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert "不衔接" in _tamper_notice(session, vault, admin_id, clock)


def test_editing_the_anchor_fails_its_mac(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    path = _login_twice_with_failures_between(vault, session, admin_id)
    lines = path.read_text("utf-8").splitlines()
    anchor = json.loads(lines[1])
    anchor["generation"] += 5
    lines[1] = json.dumps(anchor, sort_keys=True)
    path.write_text("\n".join(lines[:2]) + "\n", "utf-8")  # and drop the failures
    assert "校验码不符" in _tamper_notice(session, vault, admin_id, clock)


def test_restoring_an_older_failure_file_is_noticed(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    session.unlock(admin_id, TEST_PASSPHRASE)
    session.lock()
    saved = vault.throttle_path.read_bytes()  # a clean file, signed, generation 1
    session.unlock(admin_id, TEST_PASSPHRASE)
    session.lock()
    for _ in range(3):
        _fail(session, admin_id)
    vault.throttle_path.write_bytes(saved)
    assert "旧的或被替换" in _tamper_notice(session, vault, admin_id, clock)


def test_garbage_in_the_failure_file_is_a_finding_not_a_crash(
    created_vault: tuple[Vault, str, str], session: SessionService, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    session.unlock(admin_id, TEST_PASSPHRASE)
    session.lock()
    vault.throttle_path.write_bytes(b"\xff\xfe not a throttle file")
    assert throttle.read(vault.throttle_path).problems
    assert session.wait_seconds(admin_id) == 0
    _tamper_notice(session, vault, admin_id, clock)


def test_a_new_vault_has_no_file_and_raises_no_alarm(
    created_vault: tuple[Vault, str, str], session: SessionService
) -> None:
    vault, admin_id, _ = created_vault
    assert not vault.throttle_path.exists()
    session.unlock(admin_id, TEST_PASSPHRASE)
    assert session.notices == ()
    session.lock()
    assert vault.throttle_path.read_text("utf-8").startswith(throttle.MAGIC)


def test_the_failure_file_holds_no_record_content(
    created_vault: tuple[Vault, str, str], session: SessionService
) -> None:
    vault, admin_id, _ = created_vault
    _fail(session, admin_id)
    text = vault.throttle_path.read_text("utf-8")
    assert "not the passphrase" not in text
    assert "admin" not in text and "王管理" not in text


# -- first login with a one-time passphrase ---------------------------------------------------


def test_a_new_user_must_replace_the_one_time_passphrase_before_doing_anything(
    unlocked: tuple[Vault, User], clock: FixedClock
) -> None:
    vault, admin = unlocked
    accounts = AccountService(vault, now=clock, kdf=lambda: TEST_KDF)
    issued = accounts.create(admin, UserDraft("li.si", "李四", ("transfer_officer",), "internal"))
    vault.lock()
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    user = session.unlock(issued.user.id, issued.passphrase)
    assert user.must_change_passphrase
    with pytest.raises(PermissionDenied, match="一次性口令"):
        PeopleService(vault, now=clock).count(user)
    with pytest.raises(ValidationError):
        session.change_passphrase(user, issued.passphrase, issued.passphrase, issued.passphrase)
    changed = session.change_passphrase(
        user, issued.passphrase, "Shenyang-hunhe-2026", "Shenyang-hunhe-2026"
    )
    assert not changed.must_change_passphrase
    assert PeopleService(vault, now=clock).count(changed) == 0
    session.lock(changed)
    with pytest.raises(WrongPassphrase):
        session.unlock(issued.user.id, issued.passphrase)
    assert not session.unlock(issued.user.id, "Shenyang-hunhe-2026").must_change_passphrase
    session.lock()

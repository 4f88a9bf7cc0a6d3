"""Unlocking, locking and passphrases: who is at the keyboard."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from db import audit, settings, throttle, users
from db.kdf import KdfParams
from db.vault import Conn, Vault
from desktop.domain import recovery_code
from desktop.domain.accounts import User
from desktop.domain.throttle import delay_seconds, seconds_left
from desktop.errors import (
    AppError,
    LoginThrottled,
    PermissionDenied,
    StorageError,
    ValidationError,
    WrongPassphrase,
)
from desktop.services.passphrases import check_new_passphrase

THROTTLE_PURPOSE = "login-throttle"
THROTTLE_GENERATION = "login_throttle_generation"
# Failed logins are recorded against the account that was tried; who typed is not known.
UNKNOWN_ACTOR = "unknown"


class SessionService:
    def __init__(
        self, vault: Vault, *, now: Callable[[], datetime], kdf: Callable[[], KdfParams]
    ) -> None:
        self._vault = vault
        self._now = now
        self._kdf = kdf
        self.notices: tuple[str, ...] = ()  # for the user who just logged in

    @property
    def is_unlocked(self) -> bool:
        return self._vault.is_unlocked

    def logins(self) -> list[tuple[str, str]]:
        return self._vault.logins()

    def wait_seconds(self, user_id: str) -> int:
        """How long ``user_id`` must wait before the next attempt (0: may try now)."""
        count, last = throttle.read(self._vault.throttle_path).count_for(user_id)
        return seconds_left(count, _parse(last), self._now())

    def unlock(
        self, user_id: str, passphrase: str, *, on_upgrade: Callable[[], None] | None = None
    ) -> User:
        """``on_upgrade`` is called (on the calling thread) when the vault is first migrated to
        this version's schema: a one-time wait the window can explain."""
        state = self._open_throttled(user_id, passphrase, on_upgrade)
        return self._start(user_id, "session.unlocked", state)

    def unlock_read_only(self, user_id: str, passphrase: str) -> User:
        """For tools that must not change the database they look at (``cli check``): the same
        waits and failure records, but no audit entry and no new anchor."""
        self._open_throttled(user_id, passphrase)
        try:
            with self._vault.read() as conn:
                user = users.get(conn, user_id)
            if user is None or not user.active:
                raise PermissionDenied("该账户已停用，无法登录。")
        except BaseException:
            self._vault.lock()
            raise
        return user

    def _open_throttled(
        self, user_id: str, passphrase: str, on_upgrade: Callable[[], None] | None = None
    ) -> throttle.ThrottleState:
        state = throttle.read(self._vault.throttle_path)
        count, last = state.count_for(user_id)
        wait = seconds_left(count, _parse(last), self._now())
        if wait:
            raise LoginThrottled(wait)
        try:
            self._vault.unlock_with_passphrase(user_id, passphrase, on_upgrade)
        except WrongPassphrase:
            throttle.append_failure(self._vault.throttle_path, user_id, self._ts())
            delay = delay_seconds(count + 1)
            message = "口令不正确。"
            if delay:
                message += f"已连续失败 {count + 1} 次，请 {delay} 秒后再试。"
            raise WrongPassphrase(message, wait_seconds=delay) from None
        return state

    def recover(
        self,
        code: str,
        user_id: str,
        passphrase: str,
        repeat: str,
        *,
        on_upgrade: Callable[[], None] | None = None,
    ) -> User:
        """Unlock with the recovery code and set a new passphrase for ``user_id``."""
        secret = recovery_code.parse_code(code)
        state = throttle.read(self._vault.throttle_path)
        login = dict(self._vault.logins()).get(user_id, "")
        self._vault.unlock_with_recovery(secret, on_upgrade)
        try:
            with self._vault.read() as conn:
                user = users.get(conn, user_id)
            if user is None:
                raise StorageError("该用户不存在。")
            if not user.active:
                raise PermissionDenied("该账户已停用，无法登录。")
            check_new_passphrase(passphrase, repeat, login=login, display_name=user.display_name)
            self._vault.set_passphrase(user_id, user.login, passphrase, self._kdf())
        except BaseException:
            self._vault.lock()
            raise
        return self._start(user_id, "session.recovered", state, passphrase_set=True)

    def change_passphrase(self, actor: User, old: str, new: str, repeat: str) -> User:
        check_new_passphrase(new, repeat, login=actor.login, display_name=actor.display_name)
        if new == old:
            raise ValidationError("passphrase", "新口令不能与原口令相同。")
        self._vault.change_passphrase(actor.id, old, new, self._kdf())
        with self._vault.transaction() as conn:
            users.update_user(conn, actor.id, must_change_passphrase=False)
            self._append(conn, actor.id, "session.passphrase_changed", actor.id)
            user = users.get(conn, actor.id)
        assert user is not None
        return user

    def lock(self, actor: User | None = None) -> None:
        if actor is not None and self._vault.is_unlocked:
            with self._vault.transaction() as conn:
                self._append(conn, actor.id, "session.locked", actor.id)
        self._vault.lock()
        self.notices = ()

    # -- internals --------------------------------------------------------------------------
    def _start(
        self,
        user_id: str,
        action: str,
        state: throttle.ThrottleState,
        *,
        passphrase_set: bool = False,
    ) -> User:
        try:
            key = self._vault.derive_key(THROTTLE_PURPOSE)
            with self._vault.transaction() as conn:
                user = users.get(conn, user_id)
                if user is None or not user.active:
                    raise PermissionDenied("该账户已停用，无法登录。")
                if passphrase_set:
                    users.update_user(conn, user_id, must_change_passphrase=False)
                    user = users.get(conn, user_id)
                    assert user is not None
                notices, generation, carried = self._settle_failures(conn, user, state, key)
                self._append(conn, user_id, action, user_id)
        except BaseException:
            self._vault.lock()
            raise
        try:
            throttle.write_anchor(
                self._vault.throttle_path,
                key=key,
                vault_id=self._vault.vault_id,
                generation=generation,
                carried=carried,
            )
        except AppError:
            notices.append("无法更新登录失败记录文件；下次登录时将提示该文件异常。")
        self.notices = tuple(notices)
        return user

    def _settle_failures(
        self, conn: Conn, user: User, state: throttle.ThrottleState, key: bytes
    ) -> tuple[list[str], int, dict[str, tuple[int, str]]]:
        """Check the failure file, move its records into the audit log, and say what the
        user should know. Returns (notices, next generation, failures carried for others)."""
        expected = settings.get(conn, THROTTLE_GENERATION)
        problems = throttle.check_anchor(
            state, key=key, vault_id=self._vault.vault_id, expected_generation=expected
        )
        for failure in state.failures:
            self._append(
                conn,
                UNKNOWN_ACTOR,
                "session.login_failed",
                failure.user_id,
                after={"at": failure.ts},
            )
        notices = []
        if problems:
            self._append(
                conn, user.id, "session.throttle_tampered", "", after={"problems": problems}
            )
            notices.append("登录失败记录文件异常，已记入审计日志：" + "；".join(problems))
        mine = [f for f in state.failures if f.user_id == user.id]
        if mine:
            notices.append(
                f"自您上次登录以来，有 {len(mine)} 次以您的账户登录时口令错误"
                f"（最近一次：{mine[-1].ts}）。如非本人所为，请告知安全保密管理员。"
            )
        carried = {}
        for other in {f.user_id for f in state.failures} | set(
            state.anchor.carried if state.anchor else ()
        ):
            if other != user.id:
                count, last = state.count_for(other)
                if count and last:
                    carried[other] = (count, last)
        generation = int(expected or 0) + 1
        settings.put(conn, THROTTLE_GENERATION, generation)
        return notices, generation, carried

    def _append(
        self, conn: Conn, actor: str, action: str, user_id: str, after: object = None
    ) -> None:
        audit.append(
            conn,
            ts=self._ts(),
            actor=actor,
            action=action,
            object_type="user",
            object_id=user_id,
            after=after,
        )

    def _ts(self) -> str:
        return self._now().isoformat(timespec="seconds")


def _parse(ts: str | None) -> datetime | None:
    if ts is None:
        return None
    with contextlib.suppress(ValueError):
        return datetime.fromisoformat(ts)
    return None

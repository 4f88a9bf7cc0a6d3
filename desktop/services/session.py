"""Unlocking, locking and passphrases: who is at the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from db import audit, users
from db.kdf import KdfParams
from db.vault import Vault
from desktop.domain import recovery_code
from desktop.domain.accounts import User
from desktop.errors import PermissionDenied, StorageError
from desktop.services.passphrases import check_new_passphrase


class SessionService:
    def __init__(
        self, vault: Vault, *, now: Callable[[], datetime], kdf: Callable[[], KdfParams]
    ) -> None:
        self._vault = vault
        self._now = now
        self._kdf = kdf

    @property
    def is_unlocked(self) -> bool:
        return self._vault.is_unlocked

    def logins(self) -> list[tuple[str, str]]:
        return self._vault.logins()

    def unlock(self, user_id: str, passphrase: str) -> User:
        self._vault.unlock_with_passphrase(user_id, passphrase)
        return self._start(user_id, "session.unlocked")

    def recover(self, code: str, user_id: str, passphrase: str, repeat: str) -> User:
        """Unlock with the recovery code and set a new passphrase for ``user_id``."""
        secret = recovery_code.parse_code(code)
        login = dict(self._vault.logins()).get(user_id, "")
        self._vault.unlock_with_recovery(secret)
        try:
            with self._vault.read() as conn:
                user = users.get(conn, user_id)
            if user is None:
                raise StorageError("该用户不存在。")
            check_new_passphrase(passphrase, repeat, login=login, display_name=user.display_name)
            self._vault.set_passphrase(user_id, user.login, passphrase, self._kdf())
        except BaseException:
            self._vault.lock()
            raise
        return self._start(user_id, "session.recovered")

    def change_passphrase(self, actor: User, old: str, new: str, repeat: str) -> None:
        check_new_passphrase(new, repeat, login=actor.login, display_name=actor.display_name)
        self._vault.change_passphrase(actor.id, old, new, self._kdf())
        with self._vault.transaction() as conn:
            audit.append(
                conn,
                ts=self._ts(),
                actor=actor.id,
                action="session.passphrase_changed",
                object_type="user",
                object_id=actor.id,
            )

    def lock(self, actor: User | None = None) -> None:
        if actor is not None and self._vault.is_unlocked:
            with self._vault.transaction() as conn:
                audit.append(
                    conn,
                    ts=self._ts(),
                    actor=actor.id,
                    action="session.locked",
                    object_type="user",
                    object_id=actor.id,
                )
        self._vault.lock()

    def _start(self, user_id: str, action: str) -> User:
        try:
            with self._vault.transaction() as conn:
                user = users.get(conn, user_id)
                if user is None or not user.active:
                    raise PermissionDenied("该账户已停用，无法登录。")
                audit.append(
                    conn,
                    ts=self._ts(),
                    actor=user_id,
                    action=action,
                    object_type="user",
                    object_id=user_id,
                )
        except BaseException:
            self._vault.lock()
            raise
        return user

    def _ts(self) -> str:
        return self._now().isoformat(timespec="seconds")

"""User accounts: the system administrator creates, edits and disables them; the secrecy
administrator sets clearances above 内部. Each account is a key slot plus a row, kept in step."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from db import settings, users
from db.kdf import KdfParams
from db.vault import Conn, Vault
from desktop.domain.accounts import CLEARANCES, User, UserDraft, validate_roles, validate_user
from desktop.domain.passphrase import generate_one_time
from desktop.domain.permissions import CREATE_CLEARANCE_CEILING, level_rank
from desktop.domain.settings import DEFAULTS
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.base import Service


@dataclass(frozen=True)
class IssuedPassphrase:
    """A one-time passphrase to hand to the user; shown once, never stored in clear."""

    user: User
    passphrase: str


class AccountService(Service):
    def __init__(
        self,
        vault: Vault,
        *,
        now: Callable[[], datetime],
        kdf: Callable[[], KdfParams],
        randbytes: Callable[[int], bytes] = os.urandom,
    ) -> None:
        super().__init__(vault, now=now)
        self._kdf = kdf
        self._randbytes = randbytes

    def list(self, actor: User) -> list[User]:
        self._authorize(actor, "user.read")
        with self._vault.read() as conn:
            return users.list_all(conn)

    def several_roles_allowed(self, actor: User) -> bool:
        self._authorize(actor, "user.read")
        with self._vault.read() as conn:
            return self._several_allowed(conn)

    def create(self, actor: User, draft: UserDraft) -> IssuedPassphrase:
        """A new account with a one-time passphrase the user must change at first login."""
        self._authorize(actor, "user.create")
        if draft.clearance in CLEARANCES and level_rank(draft.clearance) > level_rank(
            CREATE_CLEARANCE_CEILING
        ):
            raise ValidationError(
                "clearance", "内部以上的涉密等级须由安全保密管理员在账户创建后设定。"
            )
        passphrase = generate_one_time(self._randbytes)
        user_id = str(uuid.UUID(bytes=self._randbytes(16), version=4))
        with self._vault.slots_kept_in_step(), self._vault.transaction() as conn:
            draft = validate_user(draft, several_roles_allowed=self._several_allowed(conn))
            if users.login_taken(conn, draft.login):
                raise ValidationError("login", "该登录名已被使用。")
            users.insert_user(
                conn, user_id, draft, created_at=self._timestamp(), must_change_passphrase=True
            )
            created = users.get(conn, user_id)
            assert created is not None
            self._audit(conn, actor, "user.created", "user", user_id, after=created.snapshot())
            # The slot is written last: if it fails nothing is committed; if the commit fails,
            # slots_kept_in_step takes it away again.
            self._vault.set_passphrase(user_id, draft.login, passphrase, self._kdf())
        return IssuedPassphrase(created, passphrase)

    def set_roles(self, actor: User, user_id: str, roles: tuple[str, ...]) -> User:
        self._authorize(actor, "user.edit")
        _not_self(actor, user_id)
        with self._vault.transaction() as conn:
            before = self._get(conn, user_id)
            chosen = validate_roles(roles, several_allowed=self._several_allowed(conn))
            if "system_admin" in before.roles and "system_admin" not in chosen:
                self._keep_one_admin(conn, user_id)
            users.update_user(conn, user_id, roles=chosen)
            after = self._get(conn, user_id)
            self._audit(
                conn,
                actor,
                "user.roles_changed",
                "user",
                user_id,
                before=before.snapshot(),
                after=after.snapshot(),
            )
        return after

    def set_clearance(self, actor: User, user_id: str, clearance: str, reason: str) -> User:
        """The secrecy administrator's decision, with its reason on record."""
        self._authorize(actor, "user.set_clearance")
        _not_self(actor, user_id)
        if clearance not in CLEARANCES:
            raise ValidationError("clearance", "请选择涉密等级。")
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "请填写调整涉密等级的依据（如审批文号）。")
        with self._vault.transaction() as conn:
            before = self._get(conn, user_id)
            users.update_user(conn, user_id, clearance=clearance)
            after = self._get(conn, user_id)
            self._audit(
                conn,
                actor,
                "user.clearance_changed",
                "user",
                user_id,
                before=before.snapshot(),
                after=after.snapshot(),
                reason=reason,
            )
        return after

    def disable(self, actor: User, user_id: str, reason: str) -> User:
        """Remove the user's key slot; their history stays."""
        self._authorize(actor, "user.disable")
        _not_self(actor, user_id)
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "请填写停用原因。")
        with self._vault.slots_kept_in_step(), self._vault.transaction() as conn:
            before = self._get(conn, user_id)
            if not before.active:
                raise ValidationError("reason", "该账户已经停用。")
            if "system_admin" in before.roles:
                self._keep_one_admin(conn, user_id)
            users.update_user(conn, user_id, active=False)
            after = self._get(conn, user_id)
            self._audit(
                conn,
                actor,
                "user.disabled",
                "user",
                user_id,
                before=before.snapshot(),
                after=after.snapshot(),
                reason=reason,
            )
            self._vault.remove_user_slot(user_id)
        return after

    def enable(self, actor: User, user_id: str) -> IssuedPassphrase:
        """Re-open a disabled account with a new one-time passphrase."""
        self._authorize(actor, "user.disable")
        _not_self(actor, user_id)
        return self._issue(actor, user_id, "user.enabled", require_inactive=True)

    def reset_passphrase(self, actor: User, user_id: str) -> IssuedPassphrase:
        """For a user who forgot theirs: a new one-time passphrase replaces the slot."""
        self._authorize(actor, "user.reset_passphrase")
        _not_self(actor, user_id)
        return self._issue(actor, user_id, "user.passphrase_reset", require_inactive=False)

    # -- internals --------------------------------------------------------------------------
    def _issue(
        self, actor: User, user_id: str, action: str, *, require_inactive: bool
    ) -> IssuedPassphrase:
        passphrase = generate_one_time(self._randbytes)
        with self._vault.slots_kept_in_step(), self._vault.transaction() as conn:
            before = self._get(conn, user_id)
            if require_inactive and before.active:
                raise ValidationError("reason", "该账户未停用。")
            if not require_inactive and not before.active:
                raise PermissionDenied("该账户已停用，请先启用。")
            users.update_user(conn, user_id, active=True, must_change_passphrase=True)
            after = self._get(conn, user_id)
            self._audit(
                conn,
                actor,
                action,
                "user",
                user_id,
                before=before.snapshot(),
                after=after.snapshot(),
            )
            self._vault.set_passphrase(user_id, after.login, passphrase, self._kdf())
        return IssuedPassphrase(after, passphrase)

    @staticmethod
    def _get(conn: Conn, user_id: str) -> User:
        user = users.get(conn, user_id)
        if user is None:
            raise ValidationError("login", "该账户不存在。")
        return user

    @staticmethod
    def _several_allowed(conn: Conn) -> bool:
        return bool(settings.get(conn, "several_roles_allowed", DEFAULTS["several_roles_allowed"]))

    @staticmethod
    def _keep_one_admin(conn: Conn, leaving_id: str) -> None:
        others = [
            u
            for u in users.list_all(conn)
            if u.active and u.id != leaving_id and "system_admin" in u.roles
        ]
        if not others:
            raise ValidationError("roles", "至少须保留一名在用的系统管理员。")


def _not_self(actor: User, user_id: str) -> None:
    """Separation of duties for accounts: another administrator acts on yours."""
    if actor.id == user_id:
        raise PermissionDenied("不能修改本人的账户，须由另一名管理员办理（职责分离）。")

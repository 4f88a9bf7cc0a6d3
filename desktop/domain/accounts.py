"""Roles, clearance levels and what makes a user account valid."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.errors import ValidationError

ROLES = (
    "system_admin",
    "secrecy_admin",
    "security_auditor",
    "transfer_officer",
    "researcher",
    "approver",
)
ADMIN_ROLES = frozenset({"system_admin", "secrecy_admin", "security_auditor"})
# Ordered from lowest to highest.
CLEARANCES = ("public", "internal", "secret", "confidential", "top_secret")
LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


@dataclass(frozen=True)
class UserDraft:
    login: str
    display_name: str
    roles: tuple[str, ...]
    clearance: str


def validate_user(draft: UserDraft, *, several_roles_allowed: bool = True) -> UserDraft:
    login = draft.login.strip().lower()
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(
            "login", "登录名须以字母开头，由 2–32 位小写字母、数字、点、下划线或连字符组成。"
        )
    name = draft.display_name.strip()
    if not name:
        raise ValidationError("display_name", "请填写姓名。")
    if len(name) > 50:
        raise ValidationError("display_name", "姓名不能超过 50 个字。")
    roles = validate_roles(draft.roles, several_allowed=several_roles_allowed)
    if draft.clearance not in CLEARANCES:
        raise ValidationError("clearance", "请选择涉密等级。")
    return UserDraft(login, name, roles, draft.clearance)


def validate_roles(roles: Iterable[str], *, several_allowed: bool = True) -> tuple[str, ...]:
    """Known roles, at least one, never two of the three administrators, only one unless the unit
    allows several; returned in ROLES order."""
    chosen = set(roles)
    unknown = chosen - set(ROLES)
    if unknown:
        raise ValidationError("roles", f"未知角色：{'、'.join(sorted(unknown))}。")
    if not chosen:
        raise ValidationError("roles", "请至少选择一个角色。")
    if len(chosen & ADMIN_ROLES) > 1:
        raise ValidationError(
            "roles", "系统管理员、安全保密管理员、安全审计员三者须由不同的人担任（三员分立）。"
        )
    if len(chosen) > 1 and not several_allowed:
        raise ValidationError("roles", "本单位规定每个账户只担任一个角色。")
    return tuple(r for r in ROLES if r in chosen)


@dataclass(frozen=True)
class User:
    id: str
    login: str
    display_name: str
    roles: tuple[str, ...]
    clearance: str
    active: bool
    must_change_passphrase: bool = False

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def snapshot(self) -> dict[str, object]:
        """What the audit log records about an account (never a passphrase)."""
        return {
            "login": self.login,
            "display_name": self.display_name,
            "roles": list(self.roles),
            "clearance": self.clearance,
            "active": self.active,
        }

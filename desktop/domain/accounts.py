"""Roles, clearance levels and what makes a user account valid."""

from __future__ import annotations

import re
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
# Ordered from lowest to highest.
CLEARANCES = ("public", "internal", "secret", "confidential", "top_secret")
LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


@dataclass(frozen=True)
class UserDraft:
    login: str
    display_name: str
    role: str
    clearance: str


def validate_user(draft: UserDraft) -> UserDraft:
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
    if draft.role not in ROLES:
        raise ValidationError("role", "请选择角色。")
    if draft.clearance not in CLEARANCES:
        raise ValidationError("clearance", "请选择涉密等级。")
    return UserDraft(login, name, draft.role, draft.clearance)


@dataclass(frozen=True)
class User:
    id: str
    login: str
    display_name: str
    role: str
    clearance: str
    active: bool

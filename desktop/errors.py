"""Errors the user is meant to see. No Qt, no SQLAlchemy.

Every expected failure is an ``AppError`` carrying a message already written for the user
(Chinese by default; the UI may translate the ``code``). Anything else that escapes is a bug.
"""

from __future__ import annotations


class AppError(Exception):
    """An expected failure with a message for the user."""

    code = "app_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(AppError):
    """Bad input in one field; ``field`` names the form field it belongs to."""

    code = "validation"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(AppError):
    code = "permission_denied"


class WrongPassphrase(AppError):
    """``wait_seconds``: how long the next attempt must wait (growing with each failure)."""

    code = "wrong_passphrase"

    def __init__(self, message: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class LoginThrottled(AppError):
    """Too many failed logins: the next attempt is allowed in ``wait_seconds``."""

    code = "login_throttled"

    def __init__(self, wait_seconds: int) -> None:
        super().__init__(f"登录失败次数过多，请 {wait_seconds} 秒后再试。")
        self.wait_seconds = wait_seconds


class StorageError(AppError):
    """Disk full, file damaged or missing, stick pulled, read-only medium."""

    code = "storage"


class PacketError(AppError):
    code = "packet"


class RuleViolation(AppError):
    """A policy rule forbids the action; ``rule_id`` and ``source`` say which."""

    code = "rule_violation"

    def __init__(self, message: str, rule_id: str = "", source: str = "") -> None:
        super().__init__(message)
        self.rule_id = rule_id
        self.source = source


class Cancelled(AppError):
    """The user cancelled; shown as nothing."""

    code = "cancelled"

    def __init__(self, message: str = "已取消") -> None:
        super().__init__(message)

"""What every service shares: the vault, the clock, and the acting user's checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.errors import PermissionDenied


class Service:
    def __init__(self, vault: Vault, *, now: Callable[[], datetime]) -> None:
        self._vault = vault
        self._now = now

    def _timestamp(self) -> str:
        return self._now().isoformat(timespec="seconds")


def require_role(actor: User, *roles: str) -> None:
    """Until the permission matrix lands, writes to unit-wide data are the administrator's."""
    if not actor.active or actor.role not in roles:
        raise PermissionDenied("您没有执行此操作的权限。")

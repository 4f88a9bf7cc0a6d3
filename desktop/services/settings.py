"""Unit settings: idle lock, publicity periods and other unit defaults."""

from __future__ import annotations

from db import settings
from desktop.domain.accounts import User
from desktop.domain.settings import DEFAULTS, validate_setting
from desktop.services.base import Service


class SettingsService(Service):
    def get(self, actor: User, key: str) -> object:
        self._authorize(actor, "settings.read")
        with self._vault.read() as conn:
            return settings.get(conn, key, DEFAULTS[key])

    def all(self, actor: User) -> dict[str, object]:
        self._authorize(actor, "settings.read")
        with self._vault.read() as conn:
            return {key: settings.get(conn, key, default) for key, default in DEFAULTS.items()}

    def idle_lock_minutes(self, actor: User) -> int:
        return int(self.get(actor, "idle_lock_minutes"))  # type: ignore[call-overload]

    def update(self, actor: User, changes: dict[str, object]) -> dict[str, object]:
        """Validate every change first, then write them and their audit entries in one go."""
        self._authorize(actor, "settings.edit")
        checked = {key: validate_setting(key, value) for key, value in changes.items()}
        with self._vault.transaction() as conn:
            for key, value in checked.items():
                before = settings.get(conn, key, DEFAULTS[key])
                if before == value:
                    continue
                settings.put(conn, key, value)
                self._audit(
                    conn, actor, "settings.updated", "setting", key, before=before, after=value
                )
        return checked

    def set_idle_lock_minutes(self, actor: User, minutes: int) -> None:
        self.update(actor, {"idle_lock_minutes": minutes})

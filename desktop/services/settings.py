"""Unit settings."""

from __future__ import annotations

from db import audit, settings
from desktop.domain.accounts import User
from desktop.domain.settings import IDLE_LOCK_DEFAULT, validate_idle_lock_minutes
from desktop.services.base import Service, require_role


class SettingsService(Service):
    def idle_lock_minutes(self) -> int:
        with self._vault.read() as conn:
            return int(settings.get(conn, "idle_lock_minutes", IDLE_LOCK_DEFAULT))

    def set_idle_lock_minutes(self, actor: User, minutes: int) -> None:
        require_role(actor, "system_admin")
        minutes = validate_idle_lock_minutes(minutes)
        with self._vault.transaction() as conn:
            before = settings.get(conn, "idle_lock_minutes", IDLE_LOCK_DEFAULT)
            settings.put(conn, "idle_lock_minutes", minutes)
            audit.append(
                conn,
                ts=self._timestamp(),
                actor=actor.id,
                action="settings.updated",
                object_type="setting",
                object_id="idle_lock_minutes",
                before=before,
                after=minutes,
            )

"""The unit profile and its departments."""

from __future__ import annotations

from db import unit
from desktop.domain.accounts import User
from desktop.domain.unit import UnitProfile, profile_snapshot, validate_profile
from desktop.errors import StorageError
from desktop.services.base import Service


class UnitService(Service):
    def profile(self, actor: User) -> UnitProfile:
        self._authorize(actor, "unit.read")
        with self._vault.read() as conn:
            profile = unit.get(conn)
        if profile is None:
            raise StorageError("单位信息缺失，保管库可能不完整。")
        return profile

    def update_profile(self, actor: User, draft: UnitProfile) -> UnitProfile:
        self._authorize(actor, "unit.edit")
        profile = validate_profile(draft)
        with self._vault.transaction() as conn:
            before = unit.get(conn)
            unit.save(conn, profile, updated_at=self._timestamp())
            after = unit.get(conn)
            self._audit(
                conn,
                actor,
                "unit.updated",
                "unit",
                1,
                before=None if before is None else profile_snapshot(before),
                after=None if after is None else profile_snapshot(after),
            )
        assert after is not None
        return after

    def departments(self, actor: User) -> list[tuple[int, str]]:
        self._authorize(actor, "unit.read")
        with self._vault.read() as conn:
            return unit.department_choices(conn)

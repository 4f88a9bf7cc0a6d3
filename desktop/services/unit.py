"""The unit profile and its departments."""

from __future__ import annotations

from db import audit, unit
from desktop.domain.accounts import User
from desktop.domain.unit import UnitProfile, profile_snapshot, validate_profile
from desktop.errors import StorageError
from desktop.services.base import Service, require_role


class UnitService(Service):
    def profile(self) -> UnitProfile:
        with self._vault.read() as conn:
            profile = unit.get(conn)
        if profile is None:
            raise StorageError("单位信息缺失，保管库可能不完整。")
        return profile

    def update_profile(self, actor: User, draft: UnitProfile) -> UnitProfile:
        require_role(actor, "system_admin")
        profile = validate_profile(draft)
        with self._vault.transaction() as conn:
            before = unit.get(conn)
            unit.save(conn, profile, updated_at=self._timestamp())
            after = unit.get(conn)
            audit.append(
                conn,
                ts=self._timestamp(),
                actor=actor.id,
                action="unit.updated",
                object_type="unit",
                object_id="1",
                before=None if before is None else profile_snapshot(before),
                after=None if after is None else profile_snapshot(after),
            )
        assert after is not None
        return after

    def departments(self) -> list[tuple[int, str]]:
        with self._vault.read() as conn:
            return unit.department_choices(conn)

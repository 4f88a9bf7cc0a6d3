"""First run: create the vault with the unit profile and the first administrator."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from db import audit, settings, unit, users
from db.kdf import KdfParams
from db.vault import Conn, Vault
from desktop.domain import recovery_code
from desktop.domain.accounts import UserDraft, validate_user
from desktop.domain.settings import DEFAULTS
from desktop.domain.unit import UnitProfile, profile_snapshot, validate_profile
from desktop.services.passphrases import check_new_passphrase

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class FirstRunDraft:
    unit: UnitProfile
    admin: UserDraft
    passphrase: str
    passphrase_repeat: str


@dataclass(frozen=True)
class CreatedVault:
    vault_id: str
    admin_id: str
    recovery_code: str
    created_at: datetime


class SetupService:
    def __init__(
        self,
        vault: Vault,
        *,
        now: Callable[[], datetime],
        kdf: Callable[[], KdfParams],
        randbytes: Callable[[int], bytes],
    ) -> None:
        self._vault = vault
        self._now = now
        self._kdf = kdf
        self._randbytes = randbytes

    def needs_setup(self) -> bool:
        return not self._vault.exists()

    def validate_unit(self, draft: UnitProfile) -> UnitProfile:
        return validate_profile(draft)

    def validate_admin(self, draft: FirstRunDraft) -> FirstRunDraft:
        admin = validate_user(replace(draft.admin, roles=("system_admin",)))
        check_new_passphrase(
            draft.passphrase,
            draft.passphrase_repeat,
            login=admin.login,
            display_name=admin.display_name,
        )
        return replace(draft, admin=admin)

    def create(self, draft: FirstRunDraft) -> CreatedVault:
        profile = validate_profile(draft.unit)
        draft = self.validate_admin(replace(draft, unit=profile))
        admin_id = str(uuid.UUID(bytes=self._randbytes(16), version=4))
        secret = recovery_code.generate(self._randbytes)
        created_at = self._now()
        ts = created_at.isoformat(timespec="seconds")

        def initialize(conn: Conn) -> None:
            unit.save(conn, profile, updated_at=ts)
            users.insert_user(conn, admin_id, draft.admin, created_at=ts)
            for key, value in DEFAULTS.items():
                settings.put(conn, key, value)
            audit.append(
                conn,
                ts=ts,
                actor=SYSTEM_ACTOR,
                action="vault.created",
                object_type="vault",
                object_id="",
                after={"schema": "created"},
            )
            audit.append(
                conn,
                ts=ts,
                actor=SYSTEM_ACTOR,
                action="unit.created",
                object_type="unit",
                object_id="1",
                after=profile_snapshot(profile),
            )
            audit.append(
                conn,
                ts=ts,
                actor=SYSTEM_ACTOR,
                action="user.created",
                object_type="user",
                object_id=admin_id,
                after=_user_dict(draft.admin),
            )

        self._vault.create(
            user_id=admin_id,
            login=draft.admin.login,
            passphrase=draft.passphrase,
            recovery_secret=secret,
            kdf=self._kdf(),
            initialize=initialize,
        )
        return CreatedVault(
            vault_id=self._vault.vault_id,
            admin_id=admin_id,
            recovery_code=recovery_code.format_code(secret),
            created_at=created_at,
        )


def _user_dict(draft: UserDraft) -> dict[str, object]:
    return {
        "login": draft.login,
        "display_name": draft.display_name,
        "roles": list(draft.roles),
        "clearance": draft.clearance,
    }

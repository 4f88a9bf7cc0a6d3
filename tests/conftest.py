"""Shared fixtures: a real SQLCipher vault in a temp folder, with a fast test KDF."""

from __future__ import annotations

import os

# The test set-up chooses the offscreen platform itself, before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.kdf import KdfParams
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.unit import UnitProfile
from desktop.services.session import SessionService
from desktop.services.setup import FirstRunDraft, SetupService

# Far below the production floor: tests create hundreds of slots. Production code never
# uses it; the calibration tests check the floor separately.
TEST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
TEST_PASSPHRASE = "Liaoning-2025-chengguo"
VALID_CREDIT_CODE = "91350100M000100Y43"


class FixedClock:
    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 1, 5, 8, 3, tzinfo=UTC))


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "vault.db"


def first_run_draft(**changes: object) -> FirstRunDraft:
    draft = FirstRunDraft(
        unit=UnitProfile(
            name="辽宁省示范大学",
            credit_code=VALID_CREDIT_CODE,
            unit_type="university",
            non_profit=True,
            departments=("科技处", "化学学院"),
        ),
        admin=UserDraft(
            login="admin", display_name="王管理", role="system_admin", clearance="internal"
        ),
        passphrase=TEST_PASSPHRASE,
        passphrase_repeat=TEST_PASSPHRASE,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


@pytest.fixture
def created_vault(vault_path: Path, clock: FixedClock) -> Iterator[tuple[Vault, str, str]]:
    """A new vault; yields (vault, admin user id, recovery code), locked."""
    vault = Vault(vault_path)
    setup = SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom)
    created = setup.create(first_run_draft())
    yield vault, created.admin_id, created.recovery_code
    vault.lock()


@pytest.fixture
def unlocked(
    created_vault: tuple[Vault, str, str], clock: FixedClock
) -> Iterator[tuple[Vault, User]]:
    vault, admin_id, _ = created_vault
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    user = session.unlock(admin_id, TEST_PASSPHRASE)
    yield vault, user
    vault.lock()

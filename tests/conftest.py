"""Shared fixtures: a real SQLCipher vault in a temp folder, with a fast test KDF."""

from __future__ import annotations

import os

# The test set-up chooses the offscreen platform itself, before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.services.session import SessionService
from desktop.services.setup import SetupService
from tests.support import (
    TEST_KDF,
    TEST_PASSPHRASE,
    VALID_CREDIT_CODE,
    FixedClock,
    first_run_draft,
)

# Machines running the suite may be slow or busy: no per-example deadline, and slow input
# generation is not a failure (the properties themselves are what is tested).
settings.register_profile(
    "transfer-desk", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("transfer-desk")

__all__ = ["TEST_KDF", "TEST_PASSPHRASE", "VALID_CREDIT_CODE", "FixedClock", "first_run_draft"]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 1, 5, 8, 3, tzinfo=UTC))


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "vault.db"


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

"""Constants and helpers the tests share (importable, unlike conftest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from db.kdf import KdfParams
from desktop.domain.accounts import UserDraft
from desktop.domain.unit import UnitProfile
from desktop.services.setup import FirstRunDraft

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

    def advance(self, delta: timedelta) -> None:
        self.value += delta


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
            login="admin", display_name="王管理", roles=("system_admin",), clearance="internal"
        ),
        passphrase=TEST_PASSPHRASE,
        passphrase_repeat=TEST_PASSPHRASE,
    )
    return replace(draft, **changes)  # type: ignore[arg-type]

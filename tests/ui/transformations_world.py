"""Data for the transformations UI tests: the rights-grant world (an officer, a secrecy
administrator, a reader, two completers, achievements) plus counterparties and contracts (as in
tests/unit/services/test_transformations.py). The clock fixture says 2026-01-05, a Monday."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from db.vault import Vault
from desktop.domain.counterparties import CounterpartyDraft
from desktop.domain.identifiers import credit_code_check_char
from desktop.domain.transformations import (
    Allocation,
    Installment,
    LicenceTerms,
    PayLaterTerms,
    TransformationDraft,
)
from tests.support import FixedClock
from tests.ui.grants_world import GrantWorld

D = Decimal


def credit_code(serial: int) -> str:
    body = f"91210100MA0{serial:06d}"
    return body + credit_code_check_char(body)


class TransformWorld(GrantWorld):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.transformations = self.services.transformations
        self.parties = self.services.counterparties
        self.serial = 0

    def party(self, **changes: object) -> int:
        self.serial += 1
        draft = CounterpartyDraft(
            f"沈阳第{self.serial}科技有限公司", credit_code(self.serial), "non_state", "small"
        )
        return self.parties.create(self.officer, replace(draft, **changes))  # type: ignore[arg-type]

    def contract(self, *achievements: int, **changes: object) -> TransformationDraft:
        ids = achievements or (self.achievement(ip_rights=()),)
        share = D(100) / len(ids)
        counterparty = changes.pop("counterparty_id", None) or self.party()
        draft = TransformationDraft(
            form="transfer",
            title="一种高强度镁合金专利转让合同",
            counterparty_id=counterparty,  # type: ignore[arg-type]
            allocations=tuple(Allocation(a, share) for a in ids),
            price_fen=500_000_00,
            method="negotiated",
        )
        return replace(draft, **changes)  # type: ignore[arg-type]

    def pay_later(self, **changes: object) -> TransformationDraft:
        return self.contract(
            form="pay_later",
            title="镁合金专利先使用后付费许可合同",
            licence=LicenceTerms("ordinary", "2026-02-01", "2031-01-31", "辽宁省"),
            pay_later=PayLaterTerms(
                12,
                (
                    Installment(200_000_00, "after_effect", months=12),
                    Installment(300_000_00, "after_revenue", months=6),
                ),
            ),
            **changes,
        )

    def create(self, draft: TransformationDraft | None = None, *, appraised: bool = False) -> int:
        tid = self.transformations.create(self.officer, draft or self.contract())
        if appraised:
            self.transformations.record_appraisal(
                self.officer, tid, decision="waived", basis="校长办公会决定不评估", on="2026-01-05"
            )
        return tid

    def go(self, day: str) -> None:
        self.clock.value = dt.datetime.fromisoformat(day + "T09:00:00+00:00")

    def state(self, transformation_id: int) -> str:
        return self.transformations.get(self.officer, transformation_id).transformation.state

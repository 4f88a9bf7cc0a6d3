"""The separate ledger (单列管理, measures 二 and 三): what each transformation formed and every
receipt and payment, kept apart from the unit's ordinary state assets.

Amounts are integer fen. An entry of a contract covering several achievements is split across
them by the contract's allocation with the largest-remainder method, so the lines of an entry
always add up to the entry, and the ledger per achievement adds up to the ledger per contract.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.transformations import Allocation
from desktop.errors import ValidationError

KINDS = (
    "receivable",  # 应收：合同价款或分期许可费，按条件到期
    "receipt",  # 收款
    "payment",  # 支出（如先投后股的阶段投入）
    "equity",  # 股权：作价投资或结余经费出资形成的国有股权
)
NOTE_MAX = 500


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    transformation_id: int
    kind: str
    amount_fen: int
    on_date: str  # ISO: booked, received or paid
    due_on: str | None = None  # receivables: the day it falls due, once its condition is met
    condition: str = ""  # receivables: the condition in words while it is not met
    note: str = ""
    lines: tuple[tuple[int, int], ...] = ()  # (achievement_id, fen)


def split(amount_fen: int, allocations: Sequence[Allocation]) -> list[tuple[int, int]]:
    """``amount_fen`` across the achievements by their shares; exact to the fen. Each takes its
    floor, then the fen left over go one each to the largest remainders (ties: contract order)."""
    if not allocations:
        raise ValueError("nothing to split across")
    total = sum((a.share for a in allocations), Decimal(0))
    if total != 100:
        raise ValueError(f"shares add up to {total}, not 100")
    sign = -1 if amount_fen < 0 else 1
    amount = abs(amount_fen)
    exact = [Decimal(amount) * a.share / 100 for a in allocations]
    floors = [int(x) for x in exact]
    left = amount - sum(floors)
    order = sorted(range(len(allocations)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [(a.achievement_id, sign * f) for a, f in zip(allocations, floors, strict=True)]


def validate_entry(
    kind: str, amount_fen: int, on_date: str | None, note: str, *, today: dt.date
) -> tuple[str, int, str, str]:
    if kind not in KINDS:
        raise ValidationError("kind", "请选择台账类别。")
    if not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("amount", "金额须大于 0。")
    if not on_date:
        raise ValidationError("on_date", "请填写日期。")
    try:
        day = dt.date.fromisoformat(on_date)
    except ValueError:
        raise ValidationError("on_date", "日期无效。") from None
    if kind in ("receipt", "payment") and day > today:
        raise ValidationError("on_date", "收付日期不能晚于今天。")
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError("note", f"摘要不能超过 {NOTE_MAX} 个字。")
    return kind, amount_fen, day.isoformat(), note


@dataclass(frozen=True)
class Receivable:
    """A receivable with what has been received against it (first booked, first settled)."""

    entry: LedgerEntry
    received_fen: int

    @property
    def outstanding_fen(self) -> int:
        return self.entry.amount_fen - self.received_fen

    def overdue(self, today: dt.date) -> bool:
        due = self.entry.due_on
        return self.outstanding_fen > 0 and due is not None and dt.date.fromisoformat(due) < today


def settle(entries: Sequence[LedgerEntry]) -> list[Receivable]:
    """One transformation's receivables with its receipts applied oldest-due first (a receivable
    whose condition is not met yet comes last)."""
    receivables = sorted(
        (e for e in entries if e.kind == "receivable"),
        key=lambda e: (e.due_on is None, e.due_on or "", e.id),
    )
    received = sum(e.amount_fen for e in entries if e.kind == "receipt")
    settled = []
    for r in receivables:
        applied = min(received, r.amount_fen)
        received -= applied
        settled.append(Receivable(r, applied))
    return settled

"""The separate ledger: splits add up to the fen; receipts settle receivables in order."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.ledger import LedgerEntry, settle, split, validate_entry
from desktop.domain.transformations import Allocation
from desktop.errors import ValidationError


def test_a_split_by_thirds() -> None:
    allocations = [
        Allocation(1, Decimal("33.34")),
        Allocation(2, Decimal("33.33")),
        Allocation(3, Decimal("33.33")),
    ]
    assert split(100, allocations) == [(1, 34), (2, 33), (3, 33)]
    assert split(-100, allocations) == [(1, -34), (2, -33), (3, -33)]


@st.composite
def allocations(draw: st.DrawFn) -> list[Allocation]:
    points = draw(st.lists(st.integers(min_value=1, max_value=5000), min_size=1, max_size=9))
    last = 10000 - sum(points)
    if last <= 0:
        points, last = [10000], 0
    shares = [*points, last] if last else points
    return [Allocation(i + 1, Decimal(p) / 100) for i, p in enumerate(shares)]


@given(allocations(), st.integers(min_value=-(10**13), max_value=10**13))
def test_the_lines_of_an_entry_always_add_up_to_it(allocs: list[Allocation], fen: int) -> None:
    lines = split(fen, allocs)
    assert sum(f for _, f in lines) == fen
    for (achievement, f), a in zip(lines, allocs, strict=True):
        assert achievement == a.achievement_id
        assert abs(Decimal(f) - Decimal(fen) * a.share / 100) < 1  # within a fen of exact


@given(
    allocations(),
    st.lists(st.integers(min_value=1, max_value=10**10), min_size=1, max_size=20),
)
def test_the_ledger_per_achievement_reconciles_with_the_ledger_per_contract(
    allocs: list[Allocation], amounts: list[int]
) -> None:
    per_achievement: dict[int, int] = {}
    for amount in amounts:
        for achievement, f in split(amount, allocs):
            per_achievement[achievement] = per_achievement.get(achievement, 0) + f
    assert sum(per_achievement.values()) == sum(amounts)


def entry(i: int, kind: str, amount: int, due: str | None = None) -> LedgerEntry:
    return LedgerEntry(i, 1, kind, amount, "2026-01-05", due_on=due)


def test_receipts_settle_the_earliest_due_first() -> None:
    entries = [
        entry(1, "receivable", 500, "2026-06-30"),
        entry(2, "receivable", 300, None),  # condition not met yet
        entry(3, "receivable", 200, "2026-03-31"),
        entry(4, "receipt", 350),
    ]
    settled = settle(entries)
    assert [(r.entry.id, r.received_fen, r.outstanding_fen) for r in settled] == [
        (3, 200, 0),
        (1, 150, 350),
        (2, 0, 300),
    ]
    today = dt.date(2026, 7, 1)
    assert [r.entry.id for r in settled if r.overdue(today)] == [1]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("gift", 1, "2026-01-01", ""), "kind"),
        (("receipt", 0, "2026-01-01", ""), "amount"),
        (("receipt", 1, None, ""), "on_date"),
        (("receipt", 1, "2026-01-06", ""), "on_date"),
        (("receipt", 1, "2026-01-05", "x" * 501), "note"),
    ],
)
def test_entries_are_checked(args: tuple, field: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as raised:
        validate_entry(*args, today=dt.date(2026, 1, 5))
    assert raised.value.field == field

"""The separate ledger: entries and their lines per achievement, and the reports over them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from db.schema import (
    achievements,
    departments,
    ledger_entries,
    ledger_lines,
    transformations,
)
from desktop.domain.ledger import LedgerEntry

_E = ledger_entries
_L = ledger_lines


def insert(
    conn: Connection,
    transformation_id: int,
    *,
    kind: str,
    amount_fen: int,
    on_date: str,
    lines: Sequence[tuple[int, int]],
    due_on: str | None = None,
    condition: str = "",
    note: str = "",
    created_by: str,
    created_at: str,
) -> int:
    assert sum(f for _, f in lines) == amount_fen, "the lines must add up to the entry"
    result = conn.execute(
        sa.insert(_E).values(
            transformation_id=transformation_id,
            kind=kind,
            amount_fen=amount_fen,
            on_date=on_date,
            due_on=due_on,
            condition=condition,
            note=note,
            created_by=created_by,
            created_at=created_at,
        )
    )
    entry_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    rows = [{"entry_id": entry_id, "achievement_id": a, "amount_fen": f} for a, f in lines if f]
    if rows:
        conn.execute(sa.insert(_L), rows)
    return entry_id


def set_due(conn: Connection, entry_id: int, *, due_on: str | None, condition: str) -> None:
    conn.execute(
        sa.update(_E).where(_E.c.id == entry_id).values(due_on=due_on, condition=condition)
    )


def entries(conn: Connection, transformation_id: int) -> list[LedgerEntry]:
    return entries_of(conn, [transformation_id]).get(transformation_id, [])


def entries_of(conn: Connection, transformation_ids: Sequence[int]) -> dict[int, list[LedgerEntry]]:
    """The entries of many transformations in two queries, by transformation."""
    rows = conn.execute(
        sa.select(_E).where(_E.c.transformation_id.in_(list(transformation_ids))).order_by(_E.c.id)
    ).all()
    lines: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if rows:
        for line in conn.execute(
            sa.select(_L)
            .where(_L.c.entry_id.in_([r.id for r in rows]))
            .order_by(_L.c.entry_id, _L.c.achievement_id)
        ):
            lines[line.entry_id].append((line.achievement_id, line.amount_fen))
    found: dict[int, list[LedgerEntry]] = defaultdict(list)
    for r in rows:
        found[r.transformation_id].append(
            LedgerEntry(
                r.id,
                r.transformation_id,
                r.kind,
                r.amount_fen,
                r.on_date,
                r.due_on,
                r.condition,
                r.note,
                tuple(lines[r.id]),
            )
        )
    return dict(found)


def totals(conn: Connection, *, by: str, levels: Sequence[str]) -> list[tuple[Any, str, int]]:
    """(group, kind, fen) over the lines of transformations the reader may see, grouped by
    ``year`` (of the entry's date), ``achievement`` (id) or ``department`` (name)."""
    if by == "year":
        group: Any = sa.func.substr(_E.c.on_date, 1, 4)
    elif by == "achievement":
        group = _L.c.achievement_id
    elif by == "department":
        group = sa.func.coalesce(departments.c.name, "")
    else:
        raise ValueError(by)
    query = (
        sa.select(group.label("g"), _E.c.kind, sa.func.sum(_L.c.amount_fen))
        .select_from(_L)
        .join(_E, _E.c.id == _L.c.entry_id)
        .join(transformations, transformations.c.id == _E.c.transformation_id)
        .join(achievements, achievements.c.id == _L.c.achievement_id)
        .outerjoin(departments, departments.c.id == achievements.c.department_id)
        .where(transformations.c.level.in_(tuple(levels)))
        .group_by(group, _E.c.kind)
        .order_by(group, _E.c.kind)
    )
    return [(r[0], r[1], int(r[2])) for r in conn.execute(query)]


def grand_total(conn: Connection, *, levels: Sequence[str]) -> dict[str, int]:
    """Per kind, the sum of the entries themselves (not their lines): the reconciliation's
    other side."""
    query = (
        sa.select(_E.c.kind, sa.func.sum(_E.c.amount_fen))
        .join(transformations, transformations.c.id == _E.c.transformation_id)
        .where(transformations.c.level.in_(tuple(levels)))
        .group_by(_E.c.kind)
    )
    return {kind: int(total) for kind, total in conn.execute(query)}


def count(conn: Connection, *, levels: Sequence[str]) -> int:
    query = (
        sa.select(sa.func.count())
        .select_from(_E)
        .join(transformations, transformations.c.id == _E.c.transformation_id)
        .where(transformations.c.level.in_(tuple(levels)))
    )
    return int(conn.execute(query).scalar_one())

"""Counterparties."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import counterparties
from desktop.domain.counterparties import Counterparty, CounterpartyDraft

_T = counterparties


def insert(conn: Connection, draft: CounterpartyDraft, *, created_at: str) -> int:
    result = conn.execute(
        sa.insert(_T).values(**_values(draft), created_at=created_at, updated_at=created_at)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update(
    conn: Connection, counterparty_id: int, draft: CounterpartyDraft, *, updated_at: str
) -> None:
    conn.execute(
        sa.update(_T)
        .where(_T.c.id == counterparty_id)
        .values(**_values(draft), updated_at=updated_at)
    )


def get(conn: Connection, counterparty_id: int) -> Counterparty | None:
    row = conn.execute(sa.select(_T).where(_T.c.id == counterparty_id)).first()
    return None if row is None else _counterparty(row)


def with_code(conn: Connection, credit_code: str) -> Counterparty | None:
    row = conn.execute(sa.select(_T).where(_T.c.credit_code == credit_code)).first()
    return None if row is None else _counterparty(row)


def search(conn: Connection, text: str = "", *, limit: int = 500) -> list[Counterparty]:
    query = sa.select(_T).order_by(_T.c.name, _T.c.id).limit(limit)
    text = text.strip()
    if text:
        like = f"%{text.replace('%', '').replace('_', '')}%"
        query = query.where(sa.or_(_T.c.name.like(like), _T.c.credit_code.like(like.upper())))
    return [_counterparty(r) for r in conn.execute(query)]


def _values(draft: CounterpartyDraft) -> dict[str, Any]:
    return {
        "name": draft.name,
        "credit_code": draft.credit_code,
        "ownership": draft.ownership,
        "size": draft.size,
        "region": draft.region,
        "contact": draft.contact,
    }


def _counterparty(row: Row[Any]) -> Counterparty:
    return Counterparty(
        id=row.id,
        draft=CounterpartyDraft(
            row.name, row.credit_code, row.ownership, row.size, row.region, row.contact
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )

"""The append-only audit log. Every service write calls ``append`` in its own transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select

from db.schema import audit_log, users
from desktop.domain.audit import AuditEntry, canonical_json


def append(
    conn: Connection,
    *,
    ts: str,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    before: Any = None,
    after: Any = None,
) -> int:
    result = conn.execute(
        insert(audit_log).values(
            ts=ts,
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=canonical_json(before),
            after=canonical_json(after),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())


def list_page(conn: Connection, *, offset: int, limit: int) -> list[AuditEntry]:
    """Newest first."""
    query = (
        select(audit_log, users.c.display_name.label("actor_name"))
        .outerjoin(users, users.c.id == audit_log.c.actor)
        .order_by(audit_log.c.seq.desc())
        .offset(offset)
        .limit(limit)
    )
    return [
        AuditEntry(**{**row._mapping, "actor_name": row.actor_name or row.actor})
        for row in conn.execute(query)
    ]

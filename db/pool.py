"""The pay-later pool: candidate facts from the register, decisions, published versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select

from db.schema import (
    achievement_ip,
    achievements,
    departments,
    pool_decisions,
    pool_version_items,
    pool_versions,
    users,
)
from desktop.domain.pool import OPEN_STATUSES, PoolFacts


def candidate_facts(
    conn: Connection, *, granted_by: dt.date, levels: Sequence[str]
) -> list[tuple[PoolFacts, str, str]]:
    """(facts, decision, decision reason) for every record the rule may take:
    open, not on the negative list, at a publishable level, with IP granted by ``granted_by``.
    The domain rule (desktop.domain.pool.candidate_reason) has the last word."""
    first = (
        select(
            achievement_ip.c.achievement_id,
            func.min(achievement_ip.c.granted_on).label("first_grant"),
        )
        .where(achievement_ip.c.granted_on.is_not(None))
        .group_by(achievement_ip.c.achievement_id)
        .subquery()
    )
    number = (
        select(achievement_ip.c.number)
        .where(
            achievement_ip.c.achievement_id == achievements.c.id,
            achievement_ip.c.granted_on == first.c.first_grant,
        )
        .order_by(achievement_ip.c.position)
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            achievements.c.id,
            achievements.c.title,
            achievements.c.status,
            achievements.c.level,
            achievements.c.negative_list,
            achievements.c.kind,
            first.c.first_grant,
            number.label("grant_number"),
            func.coalesce(departments.c.name, "").label("department"),
            func.coalesce(pool_decisions.c.decision, "").label("decision"),
            func.coalesce(pool_decisions.c.reason, "").label("decision_reason"),
        )
        .join(first, first.c.achievement_id == achievements.c.id)
        .outerjoin(departments, departments.c.id == achievements.c.department_id)
        .outerjoin(pool_decisions, pool_decisions.c.achievement_id == achievements.c.id)
        .where(
            achievements.c.status.in_(OPEN_STATUSES),
            achievements.c.negative_list.is_(False),
            achievements.c.level.in_(levels),
            first.c.first_grant <= granted_by.isoformat(),
        )
        .order_by(first.c.first_grant, achievements.c.id)
    )
    return [
        (
            PoolFacts(
                achievement_id=r.id,
                title=r.title,
                status=r.status,
                level=r.level,
                negative_list=r.negative_list,
                first_grant=r.first_grant,
                grant_number=r.grant_number or "",
                kind=r.kind,
                department=r.department,
            ),
            r.decision,
            r.decision_reason,
        )
        for r in conn.execute(query)
    ]


def decision(conn: Connection, achievement_id: int) -> tuple[str, str] | None:
    row = conn.execute(
        select(pool_decisions.c.decision, pool_decisions.c.reason).where(
            pool_decisions.c.achievement_id == achievement_id
        )
    ).first()
    return None if row is None else (row.decision, row.reason)


def set_decision(
    conn: Connection,
    achievement_id: int,
    *,
    decision: str,
    reason: str,
    decided_by: str,
    decided_at: str,
) -> None:
    conn.execute(delete(pool_decisions).where(pool_decisions.c.achievement_id == achievement_id))
    conn.execute(
        insert(pool_decisions).values(
            achievement_id=achievement_id,
            decision=decision,
            reason=reason,
            decided_by=decided_by,
            decided_at=decided_at,
        )
    )


def insert_version(
    conn: Connection,
    *,
    published_at: str,
    published_by: str,
    note: str,
    items: Sequence[dict[str, Any]],
) -> int:
    result = conn.execute(
        insert(pool_versions).values(
            published_at=published_at, published_by=published_by, note=note
        )
    )
    version_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    if items:
        conn.execute(
            insert(pool_version_items),
            [{**item, "version_id": version_id, "position": i} for i, item in enumerate(items)],
        )
    return version_id


def versions(conn: Connection) -> list[tuple[int, str, str, str, int]]:
    """(id, published_at, publisher name, note, item count), newest first."""
    counts = (
        select(pool_version_items.c.version_id, func.count().label("n"))
        .group_by(pool_version_items.c.version_id)
        .subquery()
    )
    query = (
        select(
            pool_versions.c.id,
            pool_versions.c.published_at,
            func.coalesce(users.c.display_name, pool_versions.c.published_by).label("who"),
            pool_versions.c.note,
            func.coalesce(counts.c.n, 0).label("n"),
        )
        .outerjoin(users, users.c.id == pool_versions.c.published_by)
        .outerjoin(counts, counts.c.version_id == pool_versions.c.id)
        .order_by(pool_versions.c.id.desc())
    )
    return [(r.id, r.published_at, r.who, r.note, int(r.n)) for r in conn.execute(query)]


def version_items(conn: Connection, version_id: int) -> list[dict[str, Any]]:
    query = (
        select(pool_version_items)
        .where(pool_version_items.c.version_id == version_id)
        .order_by(pool_version_items.c.position)
    )
    return [_item(r) for r in conn.execute(query)]


def _item(row: Row[Any]) -> dict[str, Any]:
    return {
        "achievement_id": row.achievement_id,
        "title": row.title,
        "kind": row.kind,
        "department": row.department,
        "grant_number": row.grant_number,
        "granted_on": row.granted_on,
        "reason": row.reason,
    }

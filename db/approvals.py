"""Approval requests."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Select, insert, or_, select, update
from sqlalchemy.orm import aliased

from db.schema import approvals, users
from desktop.domain.approvals import ApprovalRequest


def insert_request(
    conn: Connection,
    *,
    kind: str,
    object_type: str,
    object_id: str,
    payload: dict[str, Any],
    reason: str,
    requested_by: str,
    requested_at: str,
) -> int:
    result = conn.execute(
        insert(approvals).values(
            kind=kind,
            object_type=object_type,
            object_id=object_id,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            reason=reason,
            requested_by=requested_by,
            requested_at=requested_at,
            status="pending",
            decision_note="",
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def get(conn: Connection, request_id: int) -> ApprovalRequest | None:
    rows = conn.execute(_query().where(approvals.c.id == request_id)).all()
    return _request(rows[0]) if rows else None


def pending_for_object(conn: Connection, kind: str, object_type: str, object_id: str) -> bool:
    query = select(approvals.c.id).where(
        approvals.c.kind == kind,
        approvals.c.object_type == object_type,
        approvals.c.object_id == object_id,
        approvals.c.status == "pending",
    )
    return conn.execute(query).first() is not None


def list_visible(
    conn: Connection, *, user_id: str, decidable_kinds: Sequence[str], limit: int = 500
) -> list[ApprovalRequest]:
    """Requests the user made, is the subject of, or may decide; pending first, newest first."""
    query = (
        _query()
        .where(
            or_(
                approvals.c.requested_by == user_id,
                (approvals.c.object_type == "user") & (approvals.c.object_id == user_id),
                approvals.c.kind.in_(decidable_kinds),
            )
        )
        .order_by((approvals.c.status != "pending"), approvals.c.id.desc())
        .limit(limit)
    )
    return [_request(row) for row in conn.execute(query)]


def set_status(
    conn: Connection,
    request_id: int,
    *,
    status: str,
    decided_by: str | None,
    decided_at: str,
    note: str,
) -> None:
    conn.execute(
        update(approvals)
        .where(approvals.c.id == request_id)
        .values(status=status, decided_by=decided_by, decided_at=decided_at, decision_note=note)
    )


_requester = aliased(users)
_decider = aliased(users)


def _query() -> Select[Any]:
    return (
        select(
            approvals,
            _requester.c.display_name.label("requester_name"),
            _decider.c.display_name.label("decider_name"),
        )
        .outerjoin(_requester, _requester.c.id == approvals.c.requested_by)
        .outerjoin(_decider, _decider.c.id == approvals.c.decided_by)
    )


def _request(row: Row[Any]) -> ApprovalRequest:
    return ApprovalRequest(
        id=row.id,
        kind=row.kind,
        object_type=row.object_type,
        object_id=row.object_id,
        payload=json.loads(row.payload),
        reason=row.reason,
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        status=row.status,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        decision_note=row.decision_note,
        requester_name=row.requester_name or "",
        decider_name=row.decider_name or "",
    )


def for_object(
    conn: Connection, kind: str, object_type: str, object_id: str
) -> list[ApprovalRequest]:
    """Every request of ``kind`` about one object, newest first."""
    query = (
        _query()
        .where(
            approvals.c.kind == kind,
            approvals.c.object_type == object_type,
            approvals.c.object_id == object_id,
        )
        .order_by(approvals.c.id.desc())
    )
    return [_request(row) for row in conn.execute(query)]

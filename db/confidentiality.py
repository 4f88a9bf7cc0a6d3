"""Confidentiality agreements and the achievements they cover."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import achievements, confidentiality_achievements, confidentiality_agreements
from desktop.domain.confidentiality import ConfidentialityAgreement, ConfidentialityDraft

_T = confidentiality_agreements
_C = confidentiality_achievements


def next_number(conn: Connection, prefix: str) -> int:
    """Agreements are never deleted (only terminated): the count of those issued gives it."""
    query = sa.select(sa.func.count()).where(_T.c.doc_no.startswith(prefix))
    return int(conn.execute(query).scalar_one()) + 1


def insert(
    conn: Connection,
    draft: ConfidentialityDraft,
    *,
    doc_no: str,
    created_by: str,
    created_at: str,
) -> int:
    result = conn.execute(
        sa.insert(_T).values(
            **_values(draft),
            doc_no=doc_no,
            terminated_on=None,
            terminated_reason="",
            created_by=created_by,
            created_at=created_at,
            updated_at=created_at,
        )
    )
    agreement_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    _write_cover(conn, agreement_id, draft.achievement_ids)
    return agreement_id


def update(
    conn: Connection, agreement_id: int, draft: ConfidentialityDraft, *, updated_at: str
) -> None:
    conn.execute(
        sa.update(_T).where(_T.c.id == agreement_id).values(**_values(draft), updated_at=updated_at)
    )
    conn.execute(sa.delete(_C).where(_C.c.agreement_id == agreement_id))
    _write_cover(conn, agreement_id, draft.achievement_ids)


def terminate(
    conn: Connection, agreement_id: int, *, on: str, reason: str, updated_at: str
) -> None:
    conn.execute(
        sa.update(_T)
        .where(_T.c.id == agreement_id)
        .values(terminated_on=on, terminated_reason=reason, updated_at=updated_at)
    )


def _values(draft: ConfidentialityDraft) -> dict[str, Any]:
    return {
        "party_kind": draft.party_kind,
        "party_name": draft.party_name,
        "party_code": draft.party_code,
        "level": draft.level,
        "scope": draft.scope,
        "term_start": draft.term_start,
        "term_end": draft.term_end,
        "obligations": draft.obligations,
        "signed_on": draft.signed_on,
        "approval_body": draft.approval_body,
        "approval_date": draft.approval_date,
        "approval_doc_no": draft.approval_doc_no,
    }


def _write_cover(conn: Connection, agreement_id: int, achievement_ids: Sequence[int]) -> None:
    conn.execute(
        sa.insert(_C),
        [{"agreement_id": agreement_id, "achievement_id": a} for a in achievement_ids],
    )


def get(conn: Connection, agreement_id: int) -> ConfidentialityAgreement | None:
    rows = conn.execute(sa.select(_T).where(_T.c.id == agreement_id)).all()
    found = _assemble(conn, rows)
    return found[0] if found else None


def list_visible(conn: Connection, *, levels: Sequence[str]) -> list[ConfidentialityAgreement]:
    """Newest first; an agreement is listed when its own level is visible."""
    query = sa.select(_T).where(_T.c.level.in_(tuple(levels))).order_by(_T.c.id.desc())
    return _assemble(conn, conn.execute(query).all())


def covering(conn: Connection, achievement_id: int) -> list[ConfidentialityAgreement]:
    """Every agreement that names the achievement, whatever its state (the gates decide)."""
    query = (
        sa.select(_T)
        .join(_C, _C.c.agreement_id == _T.c.id)
        .where(_C.c.achievement_id == achievement_id)
        .order_by(_T.c.id)
    )
    return _assemble(conn, conn.execute(query).all())


def _assemble(conn: Connection, rows: Sequence[Row[Any]]) -> list[ConfidentialityAgreement]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    covered: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for c in conn.execute(
        sa.select(_C.c.agreement_id, _C.c.achievement_id, achievements.c.title)
        .join(achievements, achievements.c.id == _C.c.achievement_id)
        .where(_C.c.agreement_id.in_(ids))
        .order_by(_C.c.agreement_id, _C.c.achievement_id)
    ):
        covered[c.agreement_id].append((c.achievement_id, c.title))
    return [
        ConfidentialityAgreement(
            id=r.id,
            doc_no=r.doc_no,
            draft=ConfidentialityDraft(
                party_kind=r.party_kind,
                party_name=r.party_name,
                party_code=r.party_code,
                achievement_ids=tuple(a for a, _ in covered[r.id]),
                level=r.level,
                scope=r.scope,
                term_start=r.term_start,
                term_end=r.term_end,
                obligations=r.obligations,
                signed_on=r.signed_on,
                approval_body=r.approval_body,
                approval_date=r.approval_date,
                approval_doc_no=r.approval_doc_no,
            ),
            terminated_on=r.terminated_on,
            created_by=r.created_by,
            created_at=r.created_at,
            updated_at=r.updated_at,
            achievement_titles=tuple(t for _, t in covered[r.id]),
        )
        for r in rows
    ]

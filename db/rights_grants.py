"""Rights grants with their team, amendments, objections and ownership-change filings.

Reading functions take the visible levels from the service; ``get`` returns a grant whatever its
level (the service checks the reader).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import (
    achievements,
    change_filings,
    grant_amendments,
    grant_objections,
    grant_team,
    people,
    rights_grants,
)
from desktop.domain.rights_grants import (
    Amendment,
    ChangeFiling,
    GrantDraft,
    Objection,
    RightsGrant,
    TeamShare,
)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def next_number(conn: Connection, prefix: str) -> int:
    """The next serial for doc numbers starting with ``prefix`` (赋权〔2026〕): grants are
    never deleted, so the count of those issued gives it."""
    query = sa.select(sa.func.count()).where(rights_grants.c.doc_no.startswith(prefix))
    return int(conn.execute(query).scalar_one()) + 1


def insert(
    conn: Connection,
    draft: GrantDraft,
    *,
    doc_no: str,
    level: str,
    secrecy_mark: str,
    created_by: str,
    created_at: str,
) -> int:
    result = conn.execute(
        sa.insert(rights_grants).values(
            **_values(draft),
            doc_no=doc_no,
            status="draft",
            level=level,
            secrecy_mark=secrecy_mark,
            withdrawn_reason="",
            created_by=created_by,
            created_at=created_at,
            updated_at=created_at,
        )
    )
    grant_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    _write_team(conn, grant_id, draft.team)
    return grant_id


def update(conn: Connection, grant_id: int, draft: GrantDraft, *, updated_at: str) -> None:
    conn.execute(
        sa.update(rights_grants)
        .where(rights_grants.c.id == grant_id)
        .values(**_values(draft), updated_at=updated_at)
    )
    conn.execute(sa.delete(grant_team).where(grant_team.c.grant_id == grant_id))
    _write_team(conn, grant_id, draft.team)


def set_fields(conn: Connection, grant_id: int, *, updated_at: str, **values: Any) -> None:
    """Status, publicity, effective date or withdrawal reason."""
    allowed = {"status", "publicity_start", "publicity_days", "effective_on", "withdrawn_reason"}
    assert values.keys() <= allowed, values.keys() - allowed
    conn.execute(
        sa.update(rights_grants)
        .where(rights_grants.c.id == grant_id)
        .values(**values, updated_at=updated_at)
    )


def _values(draft: GrantDraft) -> dict[str, Any]:
    return {
        "achievement_id": draft.achievement_id,
        "kind": draft.kind,
        "unit_share": _text(draft.unit_share),
        "team_share": _text(draft.team_share),
        "term_start": draft.term_start,
        "term_end": draft.term_end,
        "overseas": draft.overseas,
        "revenue_terms": draft.revenue_terms,
        "decision_terms": draft.decision_terms,
        "cost_terms": draft.cost_terms,
    }


def _write_team(conn: Connection, grant_id: int, team: Sequence[TeamShare]) -> None:
    conn.execute(
        sa.insert(grant_team),
        [
            {"grant_id": grant_id, "person_id": m.person_id, "position": i, "share": f"{m.share:f}"}
            for i, m in enumerate(team)
        ],
    )


# -- reading ----------------------------------------------------------------------------------
def get(conn: Connection, grant_id: int) -> RightsGrant | None:
    rows = conn.execute(_select().where(rights_grants.c.id == grant_id)).all()
    grants = _assemble(conn, rows)
    return grants[0] if grants else None


def list_visible(
    conn: Connection,
    *,
    levels: Sequence[str],
    achievement_id: int | None = None,
    created_by: str | None = None,
) -> list[RightsGrant]:
    """Newest first. A unit grants rights by the dozen a year, not by the thousand: the whole
    list is read at once."""
    query = _select().where(rights_grants.c.level.in_(tuple(levels)))
    if achievement_id is not None:
        query = query.where(rights_grants.c.achievement_id == achievement_id)
    if created_by is not None:
        query = query.where(rights_grants.c.created_by == created_by)
    query = query.order_by(rights_grants.c.id.desc())
    return _assemble(conn, conn.execute(query).all())


def active_for_achievement(conn: Connection, achievement_id: int) -> list[int]:
    """Ids of grants on the achievement that are not withdrawn (one at a time may run)."""
    query = sa.select(rights_grants.c.id).where(
        rights_grants.c.achievement_id == achievement_id, rights_grants.c.status != "withdrawn"
    )
    return [int(r[0]) for r in conn.execute(query)]


def _select() -> sa.Select[Any]:
    return sa.select(rights_grants, achievements.c.title.label("achievement_title")).join(
        achievements, achievements.c.id == rights_grants.c.achievement_id
    )


def _assemble(conn: Connection, rows: Sequence[Row[Any]]) -> list[RightsGrant]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    team: dict[int, list[TeamShare]] = defaultdict(list)
    names: dict[int, dict[int, str]] = defaultdict(dict)
    team_rows = conn.execute(
        sa.select(grant_team, people.c.name)
        .join(people, people.c.id == grant_team.c.person_id)
        .where(grant_team.c.grant_id.in_(ids))
        .order_by(grant_team.c.grant_id, grant_team.c.position)
    )
    for t in team_rows:
        team[t.grant_id].append(TeamShare(t.person_id, Decimal(t.share)))
        names[t.grant_id][t.person_id] = t.name
    amendments: dict[int, list[Amendment]] = defaultdict(list)
    for a in conn.execute(
        sa.select(grant_amendments)
        .where(grant_amendments.c.grant_id.in_(ids))
        .order_by(grant_amendments.c.seq)
    ):
        amendments[a.grant_id].append(
            Amendment(
                id=a.id,
                seq=a.seq,
                kind=a.kind,
                doc_no=a.doc_no,
                signed_on=a.signed_on,
                new_term_end=a.new_term_end,
                unit_share=_decimal(a.unit_share),
                team_share=_decimal(a.team_share),
                note=a.note,
                created_by=a.created_by,
                created_at=a.created_at,
            )
        )
    objections: dict[int, list[Objection]] = defaultdict(list)
    for o in conn.execute(
        sa.select(grant_objections)
        .where(grant_objections.c.grant_id.in_(ids))
        .order_by(grant_objections.c.id)
    ):
        objections[o.grant_id].append(
            Objection(
                o.id, o.received_on, o.objector, o.content, o.status, o.resolved_on, o.resolution
            )
        )
    filings: dict[int, list[ChangeFiling]] = defaultdict(list)
    for f in conn.execute(
        sa.select(change_filings)
        .where(change_filings.c.grant_id.in_(ids))
        .order_by(change_filings.c.id)
    ):
        filings[f.grant_id].append(_filing(f))
    return [
        RightsGrant(
            id=r.id,
            doc_no=r.doc_no,
            draft=GrantDraft(
                achievement_id=r.achievement_id,
                kind=r.kind,
                team=tuple(team[r.id]),
                unit_share=_decimal(r.unit_share),
                team_share=_decimal(r.team_share),
                term_start=r.term_start,
                term_end=r.term_end,
                overseas=r.overseas,
                revenue_terms=r.revenue_terms,
                decision_terms=r.decision_terms,
                cost_terms=r.cost_terms,
            ),
            status=r.status,
            level=r.level,
            secrecy_mark=r.secrecy_mark,
            created_by=r.created_by,
            created_at=r.created_at,
            updated_at=r.updated_at,
            achievement_title=r.achievement_title,
            publicity_start=r.publicity_start,
            publicity_days=r.publicity_days,
            effective_on=r.effective_on,
            withdrawn_reason=r.withdrawn_reason,
            objections=tuple(objections[r.id]),
            amendments=tuple(amendments[r.id]),
            filings=tuple(filings[r.id]),
            team_names=names[r.id],
        )
        for r in rows
    ]


def _filing(f: Row[Any]) -> ChangeFiling:
    return ChangeFiling(
        id=f.id,
        kind=f.kind,
        ip_number=f.ip_number,
        opened_on=f.opened_on,
        filed_on=f.filed_on,
        notice_no=f.notice_no,
        completed_on=f.completed_on,
    )


# -- amendments, objections, filings ------------------------------------------------------------
def insert_amendment(
    conn: Connection,
    grant_id: int,
    *,
    kind: str,
    doc_no: str,
    signed_on: str,
    new_term_end: str | None = None,
    unit_share: Decimal | None = None,
    team_share: Decimal | None = None,
    note: str,
    created_by: str,
    created_at: str,
) -> int:
    seq = conn.execute(
        sa.select(sa.func.coalesce(sa.func.max(grant_amendments.c.seq), 0)).where(
            grant_amendments.c.grant_id == grant_id
        )
    ).scalar_one()
    result = conn.execute(
        sa.insert(grant_amendments).values(
            grant_id=grant_id,
            seq=int(seq) + 1,
            kind=kind,
            doc_no=doc_no,
            signed_on=signed_on,
            new_term_end=new_term_end,
            unit_share=_text(unit_share),
            team_share=_text(team_share),
            note=note,
            created_by=created_by,
            created_at=created_at,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def insert_objection(
    conn: Connection,
    grant_id: int,
    *,
    received_on: str,
    objector: str,
    content: str,
    created_by: str,
    created_at: str,
) -> int:
    result = conn.execute(
        sa.insert(grant_objections).values(
            grant_id=grant_id,
            received_on=received_on,
            objector=objector,
            content=content,
            status="open",
            resolved_on=None,
            resolution="",
            created_by=created_by,
            created_at=created_at,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def resolve_objection(
    conn: Connection, objection_id: int, *, status: str, resolved_on: str, resolution: str
) -> None:
    conn.execute(
        sa.update(grant_objections)
        .where(grant_objections.c.id == objection_id)
        .values(status=status, resolved_on=resolved_on, resolution=resolution)
    )


def objection_grant(conn: Connection, objection_id: int) -> int | None:
    row = conn.execute(
        sa.select(grant_objections.c.grant_id).where(grant_objections.c.id == objection_id)
    ).first()
    return None if row is None else int(row[0])


def insert_filings(
    conn: Connection, grant_id: int, needed: Sequence[tuple[str, str]], *, opened_on: str
) -> None:
    if needed:
        conn.execute(
            sa.insert(change_filings),
            [
                {
                    "grant_id": grant_id,
                    "kind": kind,
                    "ip_number": number,
                    "opened_on": opened_on,
                    "filed_on": None,
                    "notice_no": "",
                    "completed_on": None,
                }
                for kind, number in needed
            ],
        )


def filing_grant(conn: Connection, filing_id: int) -> int | None:
    row = conn.execute(
        sa.select(change_filings.c.grant_id).where(change_filings.c.id == filing_id)
    ).first()
    return None if row is None else int(row[0])


def update_filing(
    conn: Connection,
    filing_id: int,
    *,
    filed_on: str | None,
    notice_no: str,
    completed_on: str | None,
) -> None:
    conn.execute(
        sa.update(change_filings)
        .where(change_filings.c.id == filing_id)
        .values(filed_on=filed_on, notice_no=notice_no, completed_on=completed_on)
    )


def follow_achievement(conn: Connection, achievement_id: int, *, level: str, mark: str) -> None:
    """A grant is as secret as its achievement: when the record's level changes, so does the
    grant's (who may see it, and the mark on its documents)."""
    conn.execute(
        sa.update(rights_grants)
        .where(rights_grants.c.achievement_id == achievement_id)
        .values(level=level, secrecy_mark=mark)
    )

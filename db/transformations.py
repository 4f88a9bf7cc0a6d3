"""Transformations with their achievements and pricing steps."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import (
    achievements,
    counterparties,
    pricing_steps,
    transformation_achievements,
    transformations,
)
from desktop.domain.transformations import (
    Allocation,
    PricingStep,
    Transformation,
    TransformationDraft,
    decode_terms,
    encode_terms,
)

_T = transformations
_A = transformation_achievements
FIELDS = frozenset(
    {
        "state",
        "appraisal",
        "appraisal_basis",
        "appraised_value_fen",
        "notice_start",
        "notice_days",
        "notice_end",
        "listing_start",
        "listing_end",
        "objected",
        "signed_on",
        "revenue_from",
        "counterparty_id",
        "price_fen",
        "contract_registration_no",
        "contract_registration_date",
        "level",
    }
)


def insert(
    conn: Connection,
    draft: TransformationDraft,
    *,
    state: str,
    level: str,
    created_by: str,
    created_at: str,
) -> int:
    result = conn.execute(
        sa.insert(_T).values(
            **_values(draft),
            state=state,
            appraisal_basis="",
            objected=False,
            level=level,
            created_by=created_by,
            created_at=created_at,
            updated_at=created_at,
        )
    )
    transformation_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    _write_allocations(conn, transformation_id, draft.allocations)
    return transformation_id


def update(
    conn: Connection,
    transformation_id: int,
    draft: TransformationDraft,
    *,
    level: str,
    updated_at: str,
) -> None:
    conn.execute(
        sa.update(_T)
        .where(_T.c.id == transformation_id)
        .values(**_values(draft), level=level, updated_at=updated_at)
    )
    conn.execute(sa.delete(_A).where(_A.c.transformation_id == transformation_id))
    _write_allocations(conn, transformation_id, draft.allocations)


def set_fields(conn: Connection, transformation_id: int, *, updated_at: str, **values: Any) -> None:
    assert values.keys() <= FIELDS, values.keys() - FIELDS
    conn.execute(
        sa.update(_T).where(_T.c.id == transformation_id).values(**values, updated_at=updated_at)
    )


def add_step(
    conn: Connection,
    transformation_id: int,
    *,
    event: str,
    on_date: str,
    state_after: str,
    detail: dict[str, object],
    created_by: str,
    created_at: str,
) -> None:
    conn.execute(
        sa.insert(pricing_steps).values(
            transformation_id=transformation_id,
            event=event,
            on_date=on_date,
            state_after=state_after,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
            created_by=created_by,
            created_at=created_at,
        )
    )


def _values(draft: TransformationDraft) -> dict[str, Any]:
    return {
        "form": draft.form,
        "title": draft.title,
        "counterparty_id": draft.counterparty_id,
        "price_fen": draft.price_fen,
        "method": draft.method,
        "terms": json.dumps(encode_terms(draft), ensure_ascii=False, sort_keys=True),
        "contract_registration_no": draft.contract_registration_no,
        "contract_registration_date": draft.contract_registration_date,
    }


def _write_allocations(
    conn: Connection, transformation_id: int, allocations: Sequence[Allocation]
) -> None:
    conn.execute(
        sa.insert(_A),
        [
            {
                "transformation_id": transformation_id,
                "achievement_id": a.achievement_id,
                "position": i,
                "share": f"{a.share:f}",
            }
            for i, a in enumerate(allocations)
        ],
    )


def get(conn: Connection, transformation_id: int) -> Transformation | None:
    found = _assemble(conn, conn.execute(_select().where(_T.c.id == transformation_id)).all())
    return found[0] if found else None


def list_visible(
    conn: Connection, *, levels: Sequence[str], achievement_id: int | None = None
) -> list[Transformation]:
    query = _select().where(_T.c.level.in_(tuple(levels)))
    if achievement_id is not None:
        query = query.where(
            _T.c.id.in_(
                sa.select(_A.c.transformation_id).where(_A.c.achievement_id == achievement_id)
            )
        )
    return _assemble(conn, conn.execute(query.order_by(_T.c.id.desc())).all())


def for_achievement(conn: Connection, achievement_id: int) -> list[int]:
    query = sa.select(_A.c.transformation_id).where(_A.c.achievement_id == achievement_id)
    return [int(r[0]) for r in conn.execute(query)]


def _select() -> sa.Select[Any]:
    return sa.select(_T, counterparties.c.name.label("counterparty_name")).outerjoin(
        counterparties, counterparties.c.id == _T.c.counterparty_id
    )


def _assemble(conn: Connection, rows: Sequence[Row[Any]]) -> list[Transformation]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    allocations: dict[int, list[Allocation]] = defaultdict(list)
    titles: dict[int, list[str]] = defaultdict(list)
    for a in conn.execute(
        sa.select(_A, achievements.c.title)
        .join(achievements, achievements.c.id == _A.c.achievement_id)
        .where(_A.c.transformation_id.in_(ids))
        .order_by(_A.c.transformation_id, _A.c.position)
    ):
        allocations[a.transformation_id].append(Allocation(a.achievement_id, Decimal(a.share)))
        titles[a.transformation_id].append(a.title)
    steps: dict[int, list[PricingStep]] = defaultdict(list)
    for s in conn.execute(
        sa.select(pricing_steps)
        .where(pricing_steps.c.transformation_id.in_(ids))
        .order_by(pricing_steps.c.id)
    ):
        steps[s.transformation_id].append(
            PricingStep(
                s.id,
                s.event,
                s.on_date,
                s.state_after,
                json.loads(s.detail),
                s.created_by,
                s.created_at,
            )
        )
    found = []
    for r in rows:
        draft = TransformationDraft(
            form=r.form,
            title=r.title,
            counterparty_id=r.counterparty_id,
            allocations=tuple(allocations[r.id]),
            price_fen=r.price_fen,
            method=r.method,
            contract_registration_no=r.contract_registration_no,
            contract_registration_date=r.contract_registration_date,
            **decode_terms(json.loads(r.terms)),  # type: ignore[arg-type]
        )
        found.append(
            Transformation(
                id=r.id,
                draft=draft,
                state=r.state,
                level=r.level,
                created_by=r.created_by,
                created_at=r.created_at,
                updated_at=r.updated_at,
                appraisal=r.appraisal,
                appraisal_basis=r.appraisal_basis,
                appraised_value_fen=r.appraised_value_fen,
                notice_start=r.notice_start,
                notice_days=r.notice_days,
                notice_end=r.notice_end,
                listing_start=r.listing_start,
                listing_end=r.listing_end,
                objected=r.objected,
                signed_on=r.signed_on,
                revenue_from=r.revenue_from,
                counterparty_name=r.counterparty_name or "",
                achievement_titles=tuple(titles[r.id]),
                steps=tuple(steps[r.id]),
            )
        )
    return found

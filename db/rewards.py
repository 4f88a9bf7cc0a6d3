"""The unit's reward policy rows, stored reward calculations, their lines and objections."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import reward_calculations, reward_lines, reward_objections, unit_reward_rules
from desktop.domain.rewards import (
    RewardInput,
    RewardResult,
    decode_input,
    decode_result,
    encode,
)

_C = reward_calculations


def policy_rows(conn: Connection, on: str) -> dict[str, tuple[object, str]]:
    """Per rule id, the newest value effective on ``on`` with its source."""
    rows = conn.execute(
        sa.select(unit_reward_rules)
        .where(unit_reward_rules.c.effective_from <= on)
        .order_by(unit_reward_rules.c.effective_from, unit_reward_rules.c.id)
    ).all()
    return {r.rule_id: (json.loads(r.value), r.source) for r in rows}


def policy_history(conn: Connection) -> list[tuple[str, object, str, str]]:
    """(rule id, value, effective from, source), oldest first."""
    rows = conn.execute(
        sa.select(unit_reward_rules).order_by(
            unit_reward_rules.c.rule_id, unit_reward_rules.c.effective_from, unit_reward_rules.c.id
        )
    ).all()
    return [(r.rule_id, json.loads(r.value), r.effective_from, r.source) for r in rows]


def add_policy_row(
    conn: Connection,
    *,
    rule_id: str,
    value: object,
    effective_from: str,
    source: str,
    created_by: str,
    created_at: str,
) -> None:
    conn.execute(
        sa.insert(unit_reward_rules).values(
            rule_id=rule_id,
            value=json.dumps(value, ensure_ascii=False, sort_keys=True),
            effective_from=effective_from,
            source=source,
            created_by=created_by,
            created_at=created_at,
        )
    )


def insert(
    conn: Connection,
    *,
    title: str,
    transformation_id: int | None,
    data: RewardInput,
    result: RewardResult,
    level: str,
    created_by: str,
    created_at: str,
) -> int:
    inserted = conn.execute(
        sa.insert(_C).values(
            title=title,
            transformation_id=transformation_id,
            kind=data.kind,
            input=json.dumps(encode(data), ensure_ascii=False, sort_keys=True),
            result=json.dumps(encode(result), ensure_ascii=False, sort_keys=True),
            pool_fen=result.pool_fen,
            level=level,
            state="calculated",
            created_by=created_by,
            created_at=created_at,
            updated_at=created_at,
        )
    )
    calculation_id = int(inserted.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(
        sa.insert(reward_lines),
        [
            {
                "calculation_id": calculation_id,
                "person_id": line.person_id,
                "position": i,
                "amount_fen": line.amount_fen,
                "shares": line.shares,
                "percent": f"{line.percent:f}",
                "taxable_fen": line.taxable_fen,
            }
            for i, line in enumerate(result.lines)
        ],
    )
    return calculation_id


def set_fields(conn: Connection, calculation_id: int, *, updated_at: str, **values: Any) -> None:
    assert values.keys() <= {"state", "notice_start", "notice_end", "paid_on"}
    conn.execute(
        sa.update(_C).where(_C.c.id == calculation_id).values(**values, updated_at=updated_at)
    )


def get(conn: Connection, calculation_id: int) -> Row[Any] | None:
    return conn.execute(sa.select(_C).where(_C.c.id == calculation_id)).first()


def list_visible(conn: Connection, *, levels: tuple[str, ...]) -> list[Row[Any]]:
    return list(
        conn.execute(sa.select(_C).where(_C.c.level.in_(levels)).order_by(_C.c.id.desc())).all()
    )


def decoded(row: Row[Any]) -> tuple[RewardInput, RewardResult]:
    return decode_input(json.loads(row.input)), decode_result(json.loads(row.result))


def objections(conn: Connection, calculation_id: int) -> list[Row[Any]]:
    return list(
        conn.execute(
            sa.select(reward_objections)
            .where(reward_objections.c.calculation_id == calculation_id)
            .order_by(reward_objections.c.id)
        ).all()
    )


def add_objection(conn: Connection, calculation_id: int, *, received_on: str, content: str) -> int:
    result = conn.execute(
        sa.insert(reward_objections).values(
            calculation_id=calculation_id,
            received_on=received_on,
            content=content,
            resolved_on=None,
            resolution="",
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def objection_resolved(conn: Connection, objection_id: int) -> bool:
    row = conn.execute(
        sa.select(reward_objections.c.resolved_on).where(reward_objections.c.id == objection_id)
    ).first()
    return row is not None and row[0] is not None


def resolve_objection(
    conn: Connection, objection_id: int, *, on: str, resolution: str
) -> int | None:
    row = conn.execute(
        sa.select(reward_objections.c.calculation_id).where(reward_objections.c.id == objection_id)
    ).first()
    if row is None:
        return None
    conn.execute(
        sa.update(reward_objections)
        .where(reward_objections.c.id == objection_id)
        .values(resolved_on=on, resolution=resolution)
    )
    return int(row[0])


def percent(text: str) -> Decimal:
    return Decimal(text)

"""The unit profile (a single row) and its departments."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from db.schema import departments, unit_profile
from desktop.domain.unit import UnitProfile


def get(conn: Connection) -> UnitProfile | None:
    row = conn.execute(select(unit_profile)).first()
    if row is None:
        return None
    return UnitProfile(
        name=row.name,
        credit_code=row.credit_code,
        unit_type=row.unit_type,
        non_profit=row.non_profit,
        departments=tuple(d.name for d in list_departments(conn) if d.active),
    )


def save(conn: Connection, profile: UnitProfile, *, updated_at: str) -> None:
    values = {
        "name": profile.name,
        "credit_code": profile.credit_code,
        "unit_type": profile.unit_type,
        "non_profit": profile.non_profit,
        "updated_at": updated_at,
    }
    if conn.execute(select(unit_profile.c.id)).first() is None:
        conn.execute(insert(unit_profile).values(id=1, **values))
    else:
        conn.execute(update(unit_profile).values(**values))
    sync_departments(conn, profile.departments)


def list_departments(conn: Connection) -> list:
    return list(conn.execute(select(departments).order_by(departments.c.id)))


def sync_departments(conn: Connection, names: tuple[str, ...]) -> None:
    """Departments not named any more are deactivated, never deleted: people refer to them."""
    existing = {row.name: row for row in list_departments(conn)}
    for name in names:
        row = existing.get(name)
        if row is None:
            conn.execute(insert(departments).values(name=name, active=True))
        elif not row.active:
            conn.execute(update(departments).where(departments.c.id == row.id).values(active=True))
    for name, row in existing.items():
        if name not in names and row.active:
            conn.execute(update(departments).where(departments.c.id == row.id).values(active=False))


def department_choices(conn: Connection) -> list[tuple[int, str]]:
    return [(row.id, row.name) for row in list_departments(conn) if row.active]

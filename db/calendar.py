"""The holiday table, a year at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import Connection

from db.schema import calendar_days, calendar_years
from desktop.domain.calendar import HOLIDAY, WORKDAY, Calendar, HolidayNotice


def load(conn: Connection) -> Calendar:
    years = frozenset(int(r[0]) for r in conn.execute(sa.select(calendar_years.c.year)))
    days = {dt.date.fromisoformat(r.day): r.kind for r in conn.execute(sa.select(calendar_days))}
    return Calendar(days, years)


def notices(conn: Connection) -> list[HolidayNotice]:
    rows = conn.execute(sa.select(calendar_years).order_by(calendar_years.c.year)).all()
    days = conn.execute(sa.select(calendar_days).order_by(calendar_days.c.day)).all()
    found = []
    for year, source in rows:
        mine = [d for d in days if d.day.startswith(f"{year:04d}-")]
        found.append(
            HolidayNotice(
                year,
                source,
                tuple(dt.date.fromisoformat(d.day) for d in mine if d.kind == HOLIDAY),
                tuple(dt.date.fromisoformat(d.day) for d in mine if d.kind == WORKDAY),
            )
        )
    return found


def put(conn: Connection, notice: HolidayNotice) -> None:
    """Replace one year's notice."""
    conn.execute(sa.delete(calendar_years).where(calendar_years.c.year == notice.year))
    conn.execute(
        calendar_days.delete().where(calendar_days.c.day.startswith(f"{notice.year:04d}-"))
    )
    conn.execute(sa.insert(calendar_years).values(year=notice.year, source=notice.source))
    rows: Sequence[dict[str, str]] = [
        {"day": d.isoformat(), "kind": kind}
        for kind, ds in ((HOLIDAY, notice.holidays), (WORKDAY, notice.workdays))
        for d in ds
    ]
    if rows:
        conn.execute(sa.insert(calendar_days), list(rows))

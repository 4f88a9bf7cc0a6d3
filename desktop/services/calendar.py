"""The holiday table: read by every deadline, kept by the system administrator (one year's
State Council notice at a time)."""

from __future__ import annotations

import datetime as dt

from db import calendar
from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar, HolidayNotice
from desktop.domain.dates import parse_date
from desktop.errors import ValidationError
from desktop.services.base import Service


class CalendarService(Service):
    def notices(self, actor: User) -> list[HolidayNotice]:
        self._authorize(actor, "settings.read")
        with self._vault.read() as conn:
            return calendar.notices(conn)

    def calendar(self, actor: User) -> Calendar:
        self._authorize(actor, "settings.read")
        with self._vault.read() as conn:
            return calendar.load(conn)

    def put(self, actor: User, notice: HolidayNotice) -> None:
        """Enter or correct one year's notice."""
        self._authorize(actor, "settings.edit")
        notice = _checked(notice)
        with self._vault.transaction() as conn:
            before = next((n for n in calendar.notices(conn) if n.year == notice.year), None)
            calendar.put(conn, notice)
            self._audit(
                conn,
                actor,
                "calendar.updated",
                "calendar",
                notice.year,
                before=None if before is None else _snapshot(before),
                after=_snapshot(notice),
            )


def _checked(notice: HolidayNotice) -> HolidayNotice:
    if not 2000 <= notice.year <= 2100:
        raise ValidationError("year", "年份须在 2000–2100 之间。")
    source = notice.source.strip()
    if not source:
        raise ValidationError(
            "source", "请写明依据的通知（如“国务院办公厅关于2027年部分节假日安排的通知”）。"
        )
    days = [*notice.holidays, *notice.workdays]
    if any(d.year != notice.year for d in days):
        raise ValidationError("holidays", f"所列日期须都在{notice.year}年内。")
    if set(notice.holidays) & set(notice.workdays):
        raise ValidationError("workdays", "同一天不能既放假又上班。")
    if any(d.weekday() < 5 for d in notice.workdays):
        raise ValidationError("workdays", "调休上班日应是周六或周日。")
    return HolidayNotice(
        notice.year,
        source,
        tuple(sorted(set(notice.holidays))),
        tuple(sorted(set(notice.workdays))),
    )


def _snapshot(notice: HolidayNotice) -> dict[str, object]:
    return {
        "source": notice.source,
        "holidays": [d.isoformat() for d in notice.holidays],
        "workdays": [d.isoformat() for d in notice.workdays],
    }


def parse_days(text: str, year: int, field: str) -> tuple[dt.date, ...]:
    """Days typed one per line or separated by commas: 2027-01-01, 1月2日, 2027年2月6日-2月12日."""
    found: list[dt.date] = []
    for raw in text.replace("，", ",").replace("\n", ",").split(","):
        part = raw.strip()
        if not part:
            continue
        first, _, last = part.partition("至") if "至" in part else part.partition("~")
        try:
            start = _day(first, year)
            end = _day(last, year) if last.strip() else start
        except ValueError:
            raise ValidationError(field, f"“{part}”不是日期。") from None
        if end < start:
            raise ValidationError(field, f"“{part}”的结束日早于开始日。")
        found.extend(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
    return tuple(found)


def _day(text: str, year: int) -> dt.date:
    text = text.strip()
    if "年" not in text and text.count("-") < 2 and "月" in text:
        text = f"{year}年{text}"
    day = parse_date(text)
    if day is None:
        raise ValueError(text)
    return day

"""Deadlines counted as Chinese law counts them (legal-rules D1–D2), over a holiday table.

The table holds, per year, the days the State Council's notice (国务院办公厅关于部分节假日安排的
通知) makes holidays and the weekend days it makes working days (调休上班). A year missing from the
table stops the computation (E_CALENDAR_MISSING) rather than guessing. Every deadline comes back
with the steps that produced it, so the UI can say why the date is the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.domain.dates import format_cn_date
from desktop.errors import RuleViolation

HOLIDAY = "holiday"  # 放假
WORKDAY = "workday"  # 调休上班 (a weekend day worked)
DAY_KINDS = (HOLIDAY, WORKDAY)
D1_SOURCE = "《中华人民共和国民法典》第二百零一条、第二百零三条"
D2_SOURCE = "工作日按国务院办公厅节假日安排计算（参照《行政许可法》第八十二条）"
_WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class HolidayNotice:
    """One year's notice: its source and its days."""

    year: int
    source: str
    holidays: tuple[dt.date, ...]
    workdays: tuple[dt.date, ...]


def _span(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    return tuple(first + dt.timedelta(days=i) for i in range((last - first).days + 1))


D = dt.date
# Checked against the published notices (新华社 releases of 2024-11-12 and 2025-11-04).
SHIPPED: tuple[HolidayNotice, ...] = (
    HolidayNotice(
        2025,
        "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
        (
            D(2025, 1, 1),
            *_span(D(2025, 1, 28), D(2025, 2, 4)),
            *_span(D(2025, 4, 4), D(2025, 4, 6)),
            *_span(D(2025, 5, 1), D(2025, 5, 5)),
            *_span(D(2025, 5, 31), D(2025, 6, 2)),
            *_span(D(2025, 10, 1), D(2025, 10, 8)),
        ),
        (D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)),
    ),
    HolidayNotice(
        2026,
        "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
        (
            *_span(D(2026, 1, 1), D(2026, 1, 3)),
            *_span(D(2026, 2, 15), D(2026, 2, 23)),
            *_span(D(2026, 4, 4), D(2026, 4, 6)),
            *_span(D(2026, 5, 1), D(2026, 5, 5)),
            *_span(D(2026, 6, 19), D(2026, 6, 21)),
            *_span(D(2026, 9, 25), D(2026, 9, 27)),
            *_span(D(2026, 10, 1), D(2026, 10, 7)),
        ),
        (
            D(2026, 1, 4),
            D(2026, 2, 14),
            D(2026, 2, 28),
            D(2026, 5, 9),
            D(2026, 9, 20),
            D(2026, 10, 10),
        ),
    ),
)


class CalendarMissing(RuleViolation):
    def __init__(self, year: int) -> None:
        super().__init__(
            f"节假日表中没有{year}年的安排，无法计算期限。请在“设置 → 节假日”中按国务院办公厅"
            f"公布的{year}年节假日安排录入后再试。",
            "E_CALENDAR_MISSING",
            "legal-rules D1–D2：期限按国务院办公厅每年公布的节假日安排计算",
        )
        self.year = year


@dataclass(frozen=True)
class Calendar:
    days: Mapping[dt.date, str] = field(default_factory=dict)
    years: frozenset[int] = frozenset()

    @classmethod
    def of(cls, notices: Iterable[HolidayNotice]) -> Calendar:
        days: dict[dt.date, str] = {}
        years = set()
        for notice in notices:
            years.add(notice.year)
            days.update({d: HOLIDAY for d in notice.holidays})
            days.update({d: WORKDAY for d in notice.workdays})
        return cls(days, frozenset(years))

    def require(self, day: dt.date) -> None:
        if day.year not in self.years:
            raise CalendarMissing(day.year)

    def is_holiday(self, day: dt.date, *, weekends: bool = True) -> bool:
        """A rest day: a notice holiday or, with ``weekends``, a weekend day not worked."""
        self.require(day)
        kind = self.days.get(day)
        if kind == HOLIDAY:
            return True
        return weekends and day.weekday() >= 5 and kind != WORKDAY

    def is_working_day(self, day: dt.date) -> bool:
        return not self.is_holiday(day, weekends=True)


def describe(day: dt.date) -> str:
    return f"{format_cn_date(day)}（周{_WEEKDAYS[day.weekday()]}）"


@dataclass(frozen=True)
class Deadline:
    start: dt.date
    end: dt.date  # the last day; the period ends at 24:00 of it
    steps: tuple[str, ...]
    source: str

    def explain(self) -> str:
        return "；".join(self.steps) + f"（依据：{self.source}）"


def calendar_days(
    start: dt.date,
    days: int,
    calendar: Calendar,
    *,
    weekends_are_rest: bool = True,
    count_start_day: bool = False,
) -> Deadline:
    """D1: ``days`` calendar days from ``start``. The start day is not counted (民法典 第201条)
    unless ``count_start_day``; a last day falling on a rest day moves to the next working day
    (第203条). Weekends count as rest days unless ``weekends_are_rest`` is off (judicial
    practice, legal-rules D1 [U])."""
    if days < 1:
        raise ValueError("a period has at least one day")
    nominal = start + dt.timedelta(days=days - 1 if count_start_day else days)
    first = "起始当日计入" if count_start_day else "起始当日不计入"
    steps = [f"自{describe(start)}起算{days}日，{first}，期满日为{describe(nominal)}"]
    end = nominal
    while calendar.is_holiday(end, weekends=weekends_are_rest):
        end += dt.timedelta(days=1)
    if end != nominal:
        rest = "法定节假日或休息日" if weekends_are_rest else "法定节假日"
        steps.append(f"期满日为{rest}，顺延至{describe(end)}")
    steps.append(f"期间至{format_cn_date(end)}24时届满")
    return Deadline(start, end, tuple(steps), D1_SOURCE)


def working_days(start: dt.date, days: int, calendar: Calendar) -> Deadline:
    """D2: the ``days``-th working day after ``start`` (调休上班 weekends count, holidays not)."""
    if days < 1:
        raise ValueError("a period has at least one day")
    day, counted, skipped = start, 0, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
        else:
            skipped += 1
    steps = (
        f"自{describe(start)}次日起算{days}个工作日，跳过节假日及休息日{skipped}天",
        f"期间至{format_cn_date(day)}24时届满",
    )
    return Deadline(start, day, steps, D2_SOURCE)

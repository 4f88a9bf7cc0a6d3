"""Deadlines: D1 calendar days and D2 working days over the holiday table."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.calendar import (
    SHIPPED,
    Calendar,
    CalendarMissing,
    calendar_days,
    working_days,
)

CAL = Calendar.of(SHIPPED)
D = dt.date


def test_the_legal_rules_example() -> None:
    # 15 days from Mon 2025-03-03 end on Tue 2025-03-18 (legal-rules D1).
    deadline = calendar_days(D(2025, 3, 3), 15, CAL)
    assert deadline.end == D(2025, 3, 18)
    assert "起始当日不计入" in deadline.explain() and "民法典" in deadline.explain()


@pytest.mark.parametrize(
    ("start", "days", "end", "moved"),
    [
        (D(2025, 9, 16), 15, D(2025, 10, 9), True),  # 10-01: holidays to 10-08 → Thu 10-09
        (D(2026, 2, 1), 15, D(2026, 2, 24), True),  # 02-16 in the Spring Festival → 02-24
        (D(2026, 2, 13), 1, D(2026, 2, 14), False),  # Sat 02-14 is worked (调休上班)
        (D(2025, 3, 7), 15, D(2025, 3, 24), True),  # Sat 03-22 → Mon 03-24
    ],
)
def test_a_last_day_on_a_rest_day_moves_on(
    start: dt.date, days: int, end: dt.date, moved: bool
) -> None:
    deadline = calendar_days(start, days, CAL)
    assert deadline.end == end
    assert ("顺延" in deadline.explain()) is moved


def test_flags_count_the_start_day_and_weekends() -> None:
    assert calendar_days(D(2025, 3, 3), 15, CAL, count_start_day=True).end == D(2025, 3, 17)
    assert calendar_days(D(2025, 3, 7), 15, CAL, weekends_are_rest=False).end == D(2025, 3, 22)


def test_working_days_skip_weekends_and_holidays_but_count_swapped_days() -> None:
    # From Fri 2026-02-13: 02-14 (Sat, worked) is day 1; 02-15..23 holidays; 02-24 day 2.
    assert working_days(D(2026, 2, 13), 2, CAL).end == D(2026, 2, 24)
    assert working_days(D(2025, 3, 3), 15, CAL).end == D(2025, 3, 24)


def test_a_missing_year_stops_the_computation() -> None:
    with pytest.raises(CalendarMissing) as raised:
        calendar_days(D(2026, 12, 20), 15, CAL)
    assert raised.value.rule_id == "E_CALENDAR_MISSING" and "2027" in raised.value.message


def test_the_shipped_notices_match_their_totals() -> None:
    by_year = {n.year: n for n in SHIPPED}
    assert len(by_year[2025].holidays) == 1 + 8 + 3 + 5 + 3 + 8
    assert len(by_year[2026].holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    for notice in SHIPPED:
        assert all(d.weekday() >= 5 for d in notice.workdays)
        assert all(d.year == notice.year for d in (*notice.holidays, *notice.workdays))

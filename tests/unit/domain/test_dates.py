from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import (
    NoSuchDay,
    add_months,
    add_years,
    format_cn_date,
    format_cn_datetime,
    parse_date,
)


@pytest.mark.parametrize(
    "d, expected",
    [
        (date(2026, 1, 5), "2026年1月5日"),
        (date(2025, 12, 31), "2025年12月31日"),
        (date(2024, 2, 29), "2024年2月29日"),
        (date(999, 10, 1), "999年10月1日"),
    ],
)
def test_format_cn_date(d: date, expected: str) -> None:
    assert format_cn_date(d) == expected


@pytest.mark.parametrize(
    "dt, expected",
    [
        (datetime(2026, 1, 5, 8, 3), "2026年1月5日 08:03"),
        (datetime(2026, 1, 5, 0, 0, 59), "2026年1月5日 00:00"),
        (datetime(2025, 12, 31, 23, 59, tzinfo=UTC), "2025年12月31日 23:59"),
        (datetime(2026, 6, 1, 20, 30, tzinfo=timezone(timedelta(hours=8))), "2026年6月1日 20:30"),
    ],
)
def test_format_cn_datetime(dt: datetime, expected: str) -> None:
    assert format_cn_datetime(dt) == expected


def test_datetime_passed_as_date_drops_the_time() -> None:
    assert format_cn_date(datetime(2026, 1, 5, 8, 3)) == "2026年1月5日"


@given(st.dates())
def test_date_round_trips_through_its_parts(d: date) -> None:
    year, rest = format_cn_date(d).split("年")
    month, rest = rest.split("月")
    assert date(int(year), int(month), int(rest.removesuffix("日"))) == d


# --- month and year arithmetic (民法典 第202条, legal-rules D3) ------------------------


@pytest.mark.parametrize(
    "d, months, expected",
    [
        (date(2025, 1, 31), 36, date(2028, 1, 31)),  # legal-rules D3 example
        (date(2024, 2, 29), 36, date(2027, 2, 28)),  # legal-rules D3 example
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 1, 15), 11, date(2025, 12, 15)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
        (date(2025, 1, 15), 0, date(2025, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 1, 15), -1, date(2024, 12, 15)),
        (date(2025, 1, 15), -13, date(2023, 12, 15)),
    ],
)
def test_add_months(d: date, months: int, expected: date) -> None:
    assert add_months(d, months) == expected


@pytest.mark.parametrize(
    "d, years, expected",
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), 30, date(2054, 2, 28)),
        (date(2026, 1, 5), 10, date(2036, 1, 5)),
        (date(2026, 1, 5), -10, date(2016, 1, 5)),
        (date(2025, 12, 31), 0, date(2025, 12, 31)),
    ],
)
def test_add_years(d: date, years: int, expected: date) -> None:
    assert add_years(d, years) == expected


@pytest.mark.parametrize("d, months", [(date(9999, 12, 1), 1), (date(1, 1, 1), -1)])
def test_add_months_out_of_range(d: date, months: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        add_months(d, months)


def test_add_months_returns_a_date_for_a_datetime() -> None:
    result = add_months(datetime(2024, 1, 31, 8, 3), 1)
    assert type(result) is date
    assert result == date(2024, 2, 29)


_MONTHS = st.integers(min_value=-1200, max_value=1200)
_DATES = st.dates(min_value=date(200, 1, 1), max_value=date(9800, 12, 31))


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


@given(_DATES, _MONTHS)
def test_add_months_moves_exactly_that_many_calendar_months(d: date, months: int) -> None:
    result = add_months(d, months)
    assert _month_index(result) - _month_index(d) == months
    # the same day when the month has it, otherwise that month's last day
    if result.day != d.day:
        assert result.day < d.day
        assert (result + timedelta(days=1)).day == 1


@given(_DATES, _MONTHS, _MONTHS)
def test_add_months_is_monotonic_in_the_months(d: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert add_months(d, low) <= add_months(d, high)


@given(_DATES, _DATES, _MONTHS)
def test_add_months_is_monotonic_in_the_date(d1: date, d2: date, months: int) -> None:
    early, late = sorted((d1, d2))
    assert add_months(early, months) <= add_months(late, months)


@given(_DATES, st.integers(min_value=-100, max_value=100))
def test_add_years_is_twelve_months(d: date, years: int) -> None:
    assert add_years(d, years) == add_months(d, 12 * years)
    if not (d.month == 2 and d.day == 29):
        assert add_years(d, years) == d.replace(year=d.year + years)


@given(_DATES, st.integers(min_value=1, max_value=28), _MONTHS)
def test_add_months_round_trips_for_days_every_month_has(d: date, day: int, months: int) -> None:
    start = d.replace(day=day)
    assert add_months(add_months(start, months), -months) == start


@given(st.dates(min_value=date(1000, 1, 1)))
def test_a_typed_date_reads_back_in_every_spelling_people_use(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f" {day.year} 年 {day.month} 月 {day.day} 日 ",
        day.strftime("%Y%m%d"),
        to_full_width(day.isoformat()),
    ):
        assert parse_date(text) == day, text


def to_full_width(text: str) -> str:
    return text.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))


@pytest.mark.parametrize(
    "text", ["2024-13-01", "2024-02-30", "24-3-1", "明年", "2024-3", "2024-03-15日期", "2024315"]
)
def test_what_is_not_a_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize("text", ["2024-02-30", "2023年2月29日", "20241301"])
def test_a_day_that_does_not_exist_is_told_apart(text: str) -> None:
    with pytest.raises(NoSuchDay):
        parse_date(text)


def test_a_blank_date_is_none() -> None:
    assert parse_date("  ") is None

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import format_cn_date, format_cn_datetime


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

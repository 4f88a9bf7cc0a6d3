"""The pool rule: IP held for the rule's number of years, open, not negative-listed, publishable."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import add_years
from desktop.domain.pool import PoolFacts, candidate_reason, check_decision, cutoff
from desktop.domain.rules import rule
from desktop.errors import ValidationError

TODAY = dt.date(2026, 11, 28)
FACTS = PoolFacts(1, "镁合金", "registered", "public", False, "2023-11-28", "202310123456.6")


def test_exactly_three_years_is_enough_and_a_day_less_is_not() -> None:
    assert candidate_reason(FACTS, TODAY) is not None
    assert candidate_reason(replace(FACTS, first_grant="2023-11-29"), TODAY) is None


def test_the_reason_names_the_number_the_date_and_the_source() -> None:
    reason = candidate_reason(FACTS, TODAY)
    assert reason is not None
    assert "202310123456.6" in reason and "2023年11月28日" in reason
    assert rule("liaoning.pool.ip_held_years").source in reason


@pytest.mark.parametrize(
    "changes",
    [
        {"first_grant": None},
        {"negative_list": True},
        {"status": "transformed"},
        {"status": "terminated"},
        {"level": "secret"},
    ],
)
def test_what_keeps_a_record_out(changes: dict[str, object]) -> None:
    assert candidate_reason(replace(FACTS, **changes), TODAY) is None  # type: ignore[arg-type]


def test_a_leap_day_grant_is_held_three_years_on_28_february() -> None:
    facts = replace(FACTS, first_grant="2024-02-29")
    assert candidate_reason(facts, dt.date(2027, 2, 27)) is None
    assert candidate_reason(facts, dt.date(2027, 2, 28)) is not None


@given(
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2060, 12, 31)),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2060, 12, 31)),
)
def test_the_cutoff_is_exactly_the_rule(today: dt.date, granted: dt.date) -> None:
    facts = replace(FACTS, first_grant=granted.isoformat())
    assert (candidate_reason(facts, today) is not None) == (granted <= cutoff(today))
    assert (candidate_reason(facts, today) is not None) == (add_years(granted, 3) <= today)


def test_excluding_needs_a_reason() -> None:
    assert check_decision("confirmed", "") == ""
    with pytest.raises(ValidationError) as raised:
        check_decision("excluded", "  ")
    assert raised.value.field == "reason"
    with pytest.raises(ValidationError):
        check_decision("maybe", "x")

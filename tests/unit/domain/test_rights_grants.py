"""Rights grants: shares, the ten-year term, publicity, objections, amendments and filings."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.rights_grants import (
    Amendment,
    ChangeFiling,
    GrantDraft,
    Objection,
    RightsGrant,
    TeamShare,
    age_days,
    current,
    filings_needed,
    min_term_end,
    publicity_end,
    require_can_take_effect,
    validate_conversion,
    validate_extension,
    validate_filing_step,
    validate_grant,
    validate_objection,
    validate_shares,
)
from desktop.errors import RuleViolation, ValidationError

TODAY = dt.date(2026, 1, 5)
COMPLETERS = (1, 2, 3)
D = Decimal


def draft(**changes: object) -> GrantDraft:
    base = GrantDraft(
        achievement_id=7,
        kind="ownership",
        team=(TeamShare(1, D("33.34")), TeamShare(2, D("33.33")), TeamShare(3, D("33.33"))),
        unit_share=D(30),
        team_share=D(70),
        revenue_terms="按份额分配。",
        decision_terms="协商一致。",
        cost_terms="团队承担。",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def grant(**changes: object) -> RightsGrant:
    base = RightsGrant(
        id=1,
        doc_no="赋权〔2026〕1号",
        draft=draft(),
        status="publicity",
        level="public",
        secrecy_mark="",
        created_by="u",
        created_at="2025-12-01T09:00:00",
        updated_at="2025-12-01T09:00:00",
        publicity_start="2025-12-01",
        publicity_days=15,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def use_right(**changes: object) -> RightsGrant:
    return grant(
        draft=draft(
            kind="use_right",
            unit_share=None,
            team_share=None,
            term_start="2026-01-01",
            term_end="2036-01-01",
        ),
        status="effective",
        effective_on="2026-01-01",
        **changes,
    )


# -- shares -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("unit", "team", "field", "words"),
    [
        (D(30), D("69.99"), "team_share", "99.99%"),
        (D(30), D("70.01"), "team_share", "100.01%"),
        (D(100), D(0), "team_share", "大于 0"),
        (D("-1"), D(101), "unit_share", "0–100%"),
        (D("30.001"), D("69.999"), "unit_share", "两位小数"),
        (None, D(70), "unit_share", "请填写"),
    ],
)
def test_unit_and_team_shares_add_up_to_exactly_100(
    unit: Decimal | None, team: Decimal | None, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_shares(unit, team)
    assert raised.value.field == field and words in raised.value.message


def test_the_whole_ownership_may_go_to_the_team() -> None:
    assert validate_shares(D(0), D(100)) == (D("0.00"), D("100.00"))


@pytest.mark.parametrize(
    ("team", "words"),
    [
        ((TeamShare(1, D("50")), TeamShare(2, D("49.99"))), "99.99%"),
        ((TeamShare(1, D(50)), TeamShare(1, D(50))), "重复"),
        ((TeamShare(1, D(50)), TeamShare(9, D(50))), "完成人"),
        ((TeamShare(1, D(100)), TeamShare(2, D(0))), "大于 0"),
        ((), "至少"),
    ],
)
def test_the_team_split_adds_up_among_completers(team: tuple[TeamShare, ...], words: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_grant(draft(team=team), COMPLETERS)
    assert raised.value.field == "team" and words in raised.value.message


@given(st.lists(st.integers(min_value=1, max_value=2000), min_size=0, max_size=7))
def test_any_split_of_10000_basis_points_is_accepted(points: list[int]) -> None:
    last = 10000 - sum(points)
    if last <= 0:
        return
    team = tuple(TeamShare(i + 1, D(p) / 100) for i, p in enumerate([*points, last]))
    cleaned = validate_grant(draft(team=team), range(1, 9))
    assert sum(m.share for m in cleaned.team) == 100


# -- the use-right term ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [
        ("2026-01-01", "2036-01-01", True),  # ten years to the day (the start day not counted)
        ("2026-01-01", "2035-12-31", False),  # 9 years 364 days
        ("2026-01-01", "2045-06-30", True),
        ("2024-02-29", "2034-02-28", True),  # no 29 February in 2034
        ("2024-02-29", "2034-02-27", False),
    ],
)
def test_a_use_right_runs_at_least_ten_years(start: str, end: str, ok: bool) -> None:
    d = draft(kind="use_right", unit_share=None, team_share=None, term_start=start, term_end=end)
    if ok:
        assert validate_grant(d, COMPLETERS).term_end == end
        return
    with pytest.raises(ValidationError) as raised:
        validate_grant(d, COMPLETERS)
    earliest = min_term_end(dt.date.fromisoformat(start))
    assert raised.value.field == "term_end"
    assert f"{earliest.year}年{earliest.month}月{earliest.day}日" in raised.value.message
    assert "第（一）条" in raised.value.message


def test_terms_of_the_agreement_are_required() -> None:
    with pytest.raises(ValidationError) as raised:
        validate_grant(draft(cost_terms="  "), COMPLETERS)
    assert raised.value.field == "cost_terms"


def test_ownership_does_not_keep_a_term_nor_a_use_right_shares() -> None:
    cleaned = validate_grant(draft(term_start="2026-01-01", term_end="2027-01-01"), COMPLETERS)
    assert (cleaned.term_start, cleaned.term_end) == (None, None)
    d = draft(kind="use_right", term_start="2026-01-01", term_end="2036-01-01")
    cleaned = validate_grant(d, COMPLETERS)
    assert (cleaned.unit_share, cleaned.team_share) == (None, None)


# -- publicity and taking effect ------------------------------------------------------------
def test_the_notice_does_not_count_its_first_day() -> None:
    assert publicity_end(dt.date(2025, 3, 3), 15) == dt.date(2025, 3, 18)  # legal-rules D1


@pytest.mark.parametrize(
    ("on", "ok"),
    [
        (dt.date(2025, 12, 16), False),  # the last day of the notice
        (dt.date(2025, 12, 15), False),  # ends tomorrow
        (dt.date(2025, 12, 17), True),
    ],
)
def test_a_grant_takes_effect_only_after_the_notice(on: dt.date, ok: bool) -> None:
    if ok:
        require_can_take_effect(grant(), on)
        return
    with pytest.raises(RuleViolation) as raised:
        require_can_take_effect(grant(), on)
    assert raised.value.rule_id == "E_GRANT_PUBLICITY_RUNNING"
    assert "2025年12月16日24时" in raised.value.message and raised.value.source


@pytest.mark.parametrize(
    ("statuses", "rule"),
    [
        (("open",), "E_GRANT_OBJECTION_OPEN"),
        (("dismissed", "open"), "E_GRANT_OBJECTION_OPEN"),
        (("upheld",), "E_GRANT_OBJECTION_UPHELD"),
        (("dismissed",), None),
    ],
)
def test_objections(statuses: tuple[str, ...], rule: str | None) -> None:
    objections = tuple(
        Objection(i, "2025-12-02", "王五", "异议", status) for i, status in enumerate(statuses)
    )
    g = grant(objections=objections)
    if rule is None:
        require_can_take_effect(g, dt.date(2026, 1, 5))
        return
    with pytest.raises(RuleViolation) as raised:
        require_can_take_effect(g, dt.date(2026, 1, 5))
    assert raised.value.rule_id == rule


def test_a_draft_cannot_take_effect() -> None:
    with pytest.raises(RuleViolation) as raised:
        require_can_take_effect(grant(status="draft"), TODAY)
    assert raised.value.rule_id == "E_GRANT_NOT_PUBLICISED"


@pytest.mark.parametrize(
    ("received", "field"),
    [("2025-11-30", "received_on"), ("2026-01-06", "received_on"), ("", "received_on")],
)
def test_an_objection_arrives_during_or_after_the_notice(received: str, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_objection(received, "王五", "异议", grant(), today=TODAY)
    assert raised.value.field == field


# -- amendments ------------------------------------------------------------------------------
def test_an_extension_pushes_the_end_later() -> None:
    g = use_right()
    assert validate_extension(g, "2040-01-01", "2026-01-05", today=TODAY) == (
        "2040-01-01",
        "2026-01-05",
    )
    with pytest.raises(ValidationError) as raised:
        validate_extension(g, "2036-01-01", "2026-01-05", today=TODAY)
    assert raised.value.field == "new_term_end"
    with pytest.raises(ValidationError) as raised:
        validate_extension(
            grant(status="effective", effective_on="2026-01-01"),
            "2040-01-01",
            "2026-01-05",
            today=TODAY,
        )
    assert "长期使用权" in raised.value.message


def test_a_conversion_happens_during_the_term() -> None:
    g = use_right()
    assert validate_conversion(g, D(20), D(80), "2026-01-05", today=TODAY)[2] == "2026-01-05"
    ended = use_right(
        amendments=(Amendment(1, 1, "extension", "x补1", "2026-01-02", new_term_end="2036-01-02"),)
    )
    later = dt.date(2036, 1, 3)
    with pytest.raises(RuleViolation) as raised:
        validate_conversion(ended, D(20), D(80), "2036-01-03", today=later)
    assert raised.value.rule_id == "E_CONVERSION_OUTSIDE_TERM"
    with pytest.raises(ValidationError) as raised:
        validate_conversion(g, D(20), D("79.99"), "2026-01-05", today=TODAY)
    assert raised.value.field == "team_share"


def test_current_applies_the_amendments_in_order_and_keeps_the_original() -> None:
    g = use_right(
        amendments=(
            Amendment(2, 2, "conversion", "x补2", "2027-01-01", unit_share=D(10), team_share=D(90)),
            Amendment(1, 1, "extension", "x补1", "2026-06-01", new_term_end="2040-01-01"),
        )
    )
    terms = current(g)
    assert (terms.kind, terms.unit_share, terms.term_end, terms.converted_on) == (
        "ownership",
        D(10),
        "2040-01-01",
        "2027-01-01",
    )
    assert g.draft.kind == "use_right"


# -- change filings --------------------------------------------------------------------------------
def test_filings_follow_the_kind_of_right() -> None:
    rights = [("201910123456.0", "2021-01-01"), ("202310654321.5", None)]
    assert filings_needed("invention_patent", rights) == [
        ("patent_right", "201910123456.0"),
        ("application_right", "202310654321.5"),
    ]
    assert filings_needed("software_copyright", [("2023SR0123456", "2023-01-01")]) == [
        ("other_registration", "2023SR0123456")
    ]
    assert filings_needed("know_how", []) == []


def test_a_filing_step_is_checked_and_aged() -> None:
    filing = ChangeFiling(1, "patent_right", "201910123456.0", "2026-01-01")
    assert age_days(filing, TODAY) == 4
    assert validate_filing_step(filing, "2026-01-02", "", None, today=TODAY) == (
        "2026-01-02",
        "",
        None,
    )
    for args, field in (
        (("2025-12-31", "", None), "filed_on"),
        ((None, "N1", "2026-01-03"), "filed_on"),
        (("2026-01-03", "N1", "2026-01-02"), "completed_on"),
        (("2026-01-02", "", "2026-01-03"), "notice_no"),
        (("2026-01-06", "", None), "filed_on"),
    ):
        with pytest.raises(ValidationError) as raised:
            validate_filing_step(filing, *args, today=TODAY)
        assert raised.value.field == field, args


def test_a_start_too_late_for_ten_more_years_is_a_field_error() -> None:
    d = draft(kind="use_right", term_start="9995-01-01", term_end="9999-12-31")
    with pytest.raises(ValidationError) as raised:
        validate_grant(d, COMPLETERS)
    assert raised.value.field == "term_start"

"""The pricing procedure of measure 四 as a state machine: every allowed and refused step."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.pricing import (
    EVENTS,
    STATES,
    TRANSITIONS,
    Procedure,
    allowed_events,
    apply,
    check_appraisal,
    next_step,
    path,
)
from desktop.errors import RuleViolation, ValidationError

TODAY = dt.date(2026, 3, 10)
METHODS = ("negotiated", "listing", "auction", None)

# (state, method) -> the events allowed
EXPECTED = {
    ("appraisal", "negotiated"): {"record_appraisal", "terminate"},
    ("priced", "negotiated"): {"start_notice", "terminate"},
    ("priced", "listing"): {"start_listing", "terminate"},
    ("priced", "auction"): {"record_auction", "terminate"},
    ("priced", None): {"sign", "terminate"},
    ("notice", "negotiated"): {"close_notice", "object", "terminate"},
    ("objected", "negotiated"): {"start_listing", "terminate"},
    ("listing", "negotiated"): {"listing_taken", "listing_lapsed", "terminate"},
    ("listing", "listing"): {"listing_taken", "listing_lapsed", "terminate"},
    ("cleared", "auction"): {"sign", "terminate"},
    ("signed", "listing"): {"complete", "terminate"},
    ("completed", "negotiated"): set(),
    ("terminated", None): set(),
}


@pytest.mark.parametrize(("state", "method"), list(EXPECTED))
def test_allowed_events(state: str, method: str | None) -> None:
    assert set(allowed_events(Procedure(state, method))) == EXPECTED[(state, method)]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("event", EVENTS)
def test_every_refused_event_is_refused(state: str, method: str | None, event: str) -> None:
    notice_end = "2026-12-31" if event == "object" else "2026-01-01"  # objections come in time
    procedure = Procedure(state, method, notice_end, "2026-01-01", objected=True)
    if event in allowed_events(procedure):
        assert apply(procedure, event, on=TODAY) in STATES
        return
    with pytest.raises((ValidationError, RuleViolation)):
        apply(procedure, event, on=TODAY)


@pytest.mark.parametrize(
    ("state", "method"),
    [
        ("appraisal", "negotiated"),
        ("priced", "negotiated"),
        ("notice", "negotiated"),
        ("objected", "negotiated"),
        ("listing", "listing"),
        ("priced", "auction"),
    ],
)
def test_signing_before_the_procedure_ends_names_measure_4(state: str, method: str) -> None:
    with pytest.raises(RuleViolation) as raised:
        apply(Procedure(state, method, "2026-01-01", "2026-01-01"), "sign", on=TODAY)
    assert raised.value.rule_id == "E_PRICING_NOT_DONE" and "第（四）条" in raised.value.source


@pytest.mark.parametrize(
    ("end", "ok"), [("2026-03-10", False), ("2026-03-11", False), ("2026-03-09", True)]
)
def test_the_notice_closes_only_after_its_last_day(end: str, ok: bool) -> None:
    procedure = Procedure("notice", "negotiated", notice_end=end)
    if ok:
        assert apply(procedure, "close_notice", on=TODAY) == "cleared"
    else:
        with pytest.raises(RuleViolation) as raised:
            apply(procedure, "close_notice", on=TODAY)
        assert raised.value.rule_id == "E_NOTICE_RUNNING"


def test_an_objection_during_the_notice_leads_to_a_listing() -> None:
    procedure = Procedure("notice", "negotiated", notice_end="2026-03-20")
    assert apply(procedure, "object", on=TODAY) == "objected"
    assert apply(Procedure("objected", "negotiated"), "start_listing", on=TODAY) == "listing"
    with pytest.raises(ValidationError):
        apply(Procedure("notice", "negotiated", notice_end="2026-03-01"), "object", on=TODAY)


@pytest.mark.parametrize(("objected", "after"), [(True, "cleared"), (False, "priced")])
def test_a_lapsed_listing(objected: bool, after: str) -> None:
    procedure = Procedure(
        "listing",
        "negotiated" if objected else "listing",
        listing_end="2026-03-09",
        objected=objected,
    )
    assert apply(procedure, "listing_lapsed", on=TODAY) == after
    with pytest.raises(RuleViolation) as raised:
        apply(
            Procedure("listing", "negotiated", listing_end="2026-03-10", objected=True),
            "listing_lapsed",
            on=TODAY,
        )
    assert raised.value.rule_id == "E_LISTING_RUNNING"


def test_a_taken_listing_clears_at_once() -> None:
    procedure = Procedure("listing", "negotiated", listing_end="2026-03-20", objected=True)
    assert apply(procedure, "listing_taken", on=TODAY) == "cleared"


@pytest.mark.parametrize(
    ("decision", "state_owned", "value", "error"),
    [
        ("not_required", True, None, None),
        ("not_required", False, None, RuleViolation),
        ("waived", False, None, None),
        ("appraised", False, 100, None),
        ("appraised", False, None, ValidationError),
        ("guessed", False, None, ValidationError),
    ],
)
def test_appraisal(decision: str, state_owned: bool, value: int | None, error: type | None) -> None:
    if error is None:
        check_appraisal(decision, "校长办公会决定", state_owned_buyer=state_owned, value_fen=value)
        return
    with pytest.raises(error):
        check_appraisal(decision, "依据", state_owned_buyer=state_owned, value_fen=value)


def test_paths_and_next_steps_cover_the_states() -> None:
    assert set().union(*(path(m) for m in METHODS)) == set(STATES) - {"terminated"}
    assert "2026年3月21日起" in next_step(Procedure("notice", "negotiated", "2026-03-20"), TODAY)
    assert next_step(Procedure("notice", "negotiated", "2026-03-01"), TODAY).startswith("公示期满")
    assert next_step(Procedure("cleared", "auction"), TODAY) == "签订合同"
    assert all(TRANSITIONS[s] is not None for s in STATES)

"""Transformations: forms and their terms, allocations, the surplus rule, pay-later dues."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.counterparties import Counterparty, CounterpartyDraft, validate_counterparty
from desktop.domain.transformations import (
    Allocation,
    EquityTerms,
    Installment,
    InvestTerms,
    LicenceTerms,
    PayLaterTerms,
    ShareTransferTerms,
    Stage,
    SurplusTerms,
    TransformationDraft,
    check_pay_later_party,
    check_surplus,
    installment_dues,
    parse_yuan,
    validate_transformation,
    yuan,
)
from desktop.errors import RuleViolation, ValidationError

D = Decimal
LICENCE = LicenceTerms("ordinary", "2026-01-01", "2030-12-31", "中国境内")


def draft(**changes: object) -> TransformationDraft:
    base = TransformationDraft(
        form="transfer",
        title="一种镁合金专利转让合同",
        counterparty_id=1,
        allocations=(Allocation(1, D(60)), Allocation(2, D(40))),
        price_fen=1_000_000_00,
        method="negotiated",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_transfer() -> None:
    cleaned = validate_transformation(draft(licence=LICENCE))
    assert cleaned.licence is None and cleaned.method == "negotiated"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"form": "gift"}, "form"),
        ({"title": " "}, "title"),
        ({"counterparty_id": None}, "counterparty"),
        ({"allocations": (Allocation(1, D(60)), Allocation(2, D("39.99")))}, "allocations"),
        ({"allocations": (Allocation(1, D(50)), Allocation(1, D(50)))}, "allocations"),
        ({"allocations": ()}, "allocations"),
        ({"price_fen": 0}, "price"),
        ({"method": None}, "method"),
        ({"form": "licence"}, "licence_scope"),
        ({"form": "licence", "licence": replace(LICENCE, term_end="2025-01-01")}, "licence_end"),
        ({"form": "equity"}, "company"),
        ({"form": "equity", "equity": EquityTerms("某公司", 100, D(5))}, "shares"),
        ({"form": "pay_later", "licence": LICENCE}, "installments"),
        ({"form": "share_transfer"}, "share_transfer_mode"),
        ({"form": "invest_then_equity"}, "stages"),
        ({"contract_registration_no": "2026210100000123"}, "contract_registration_date"),
        ({"contract_registration_date": "2026-01-05"}, "contract_registration_no"),
    ],
)
def test_each_wrong_field_is_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        validate_transformation(draft(**changes))
    assert raised.value.field == field


def test_a_pay_later_licence_adds_its_instalments_up_to_the_fee() -> None:
    terms = PayLaterTerms(
        12,
        (
            Installment(30_000_00, "after_effect", months=12),
            Installment(70_000_00, "after_revenue", months=6),
        ),
    )
    cleaned = validate_transformation(
        draft(form="pay_later", licence=LICENCE, pay_later=terms, price_fen=100_000_00)
    )
    assert cleaned.pay_later == terms
    with pytest.raises(ValidationError) as raised:
        validate_transformation(
            draft(form="pay_later", licence=LICENCE, pay_later=terms, price_fen=100_000_01)
        )
    assert "1,000,000.01" not in raised.value.message and "100,000.01" in raised.value.message


def test_pay_later_dues_wait_for_their_conditions() -> None:
    terms = PayLaterTerms(
        0,
        (
            Installment(10_00, "on_date", due_on="2027-01-31"),
            Installment(20_00, "after_effect", months=12),
            Installment(30_00, "after_revenue", months=1),
        ),
    )
    first, second, third = installment_dues(terms, effective_on=None, revenue_from=None)
    assert first.due_on == dt.date(2027, 1, 31)
    assert second.due_on is None and "条件尚未成就" in second.why
    assert third.due_on is None
    _, second, third = installment_dues(
        terms, effective_on=dt.date(2026, 2, 28), revenue_from=dt.date(2026, 1, 31)
    )
    assert second.due_on == dt.date(2027, 2, 28)
    assert third.due_on == dt.date(2026, 2, 28)  # D3: no 31 February


@pytest.mark.parametrize(
    ("size", "refused"), [("large", True), ("medium", False), ("micro", False)]
)
def test_pay_later_is_for_small_medium_and_micro_enterprises(size: str, refused: bool) -> None:
    party = Counterparty(1, CounterpartyDraft("某公司", "", "non_state", size), "t", "t")
    if not refused:
        check_pay_later_party(party)
        return
    with pytest.raises(RuleViolation) as raised:
        check_pay_later_party(party)
    assert raised.value.rule_id == "E_PAY_LATER_SIZE" and "第（五）条" in raised.value.source


@pytest.mark.parametrize(
    ("share", "reason", "ok"),
    [
        (D(90), "", True),
        (D("89.99"), "", False),
        (D("89.99"), "单位追加现金出资", True),
        (D(100), "不需要的理由", True),
    ],
)
def test_the_surplus_rule(share: Decimal, reason: str, ok: bool) -> None:
    terms = SurplusTerms("HX-2024-017", share, reason)
    if ok:
        kept = check_surplus(terms)
        assert kept.exception_reason == ("" if share >= 90 else reason)
        return
    with pytest.raises(RuleViolation) as raised:
        check_surplus(terms)
    assert (
        raised.value.rule_id == "E_SURPLUS_SHARE_BELOW_90" and "第（三）条" in raised.value.source
    )


def test_share_transfer_and_invest_then_equity() -> None:
    transfer = validate_transformation(
        draft(
            form="share_transfer",
            counterparty_id=None,
            method="negotiated",
            share_transfer=ShareTransferTerms("agreed_return", "公司上市或股权转让", D(10)),
        )
    )
    assert transfer.method is None and transfer.counterparty_id is None
    invest = InvestTerms(
        (Stage("pilot", 600_000_00), Stage("proof_of_concept", 400_000_00)),
        "完成中试",
        "分三年退出",
    )
    cleaned = validate_transformation(draft(form="invest_then_equity", invest=invest))
    assert [s.stage for s in cleaned.invest.stages] == ["proof_of_concept", "pilot"]  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        validate_transformation(draft(form="invest_then_equity", invest=invest, price_fen=1))


@pytest.mark.parametrize(
    ("text", "fen"),
    [("12,345.6", 1234560), ("１２３４５", 1234500), ("0.01元", 1), ("100", 10000)],
)
def test_amounts_are_read_exactly(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["abc", "1.001", "NaN", ""])
def test_bad_amounts(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_yuan(text)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_yuan_and_parse_yuan_round_trip(fen: int) -> None:
    assert parse_yuan(yuan(fen)) == fen


def test_counterparties() -> None:
    good = CounterpartyDraft(" 沈阳某科技有限公司 ", "91350100m000100y43", "non_state", "small")
    assert validate_counterparty(good).credit_code == "91350100M000100Y43"
    with pytest.raises(ValidationError) as raised:
        validate_counterparty(replace(good, credit_code="91350100M000100Y44"))
    assert raised.value.field == "credit_code"
    abroad = validate_counterparty(replace(good, credit_code="hrb 1234", region="overseas"))
    assert abroad.credit_code == "HRB 1234"
    for field, changes in (("ownership", {"ownership": "x"}), ("size", {"size": "x"})):
        with pytest.raises(ValidationError) as raised:
            validate_counterparty(replace(good, **changes))  # type: ignore[arg-type]
        assert raised.value.field == field

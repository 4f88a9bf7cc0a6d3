"""Rewards: golden cases worked by hand (the arithmetic is in the comments), and properties."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.rewards import (
    Deduction,
    Receipt,
    Recipient,
    RewardInput,
    UnitPolicy,
    calculate,
    split,
)
from desktop.errors import RuleViolation, ValidationError

D = Decimal
POLICY = UnitPolicy(
    allowed_deductions=frozenset({"评估费", "专利维持费"}), source="校字〔2024〕8号"
)
ZHANG = Recipient(1, "张三", D(5), main=True)
LI = Recipient(2, "李四", D(3), main=True)
WANG = Recipient(3, "王五", D(2))


def transfer(**changes: object) -> RewardInput:
    base = RewardInput(
        kind="transfer",
        recipients=(ZHANG, LI, WANG),
        policy=POLICY,
        on="2026-01-05",
        receipts=(Receipt("2025-12-01", 1_000_000_00),),
        deductions=(Deduction("评估费", 20_000_00),),
        contract_registered=True,
        pay_on="2026-02-01",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def amounts(result) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return {line.person_id: line.amount_fen for line in result.lines}


def test_a_transfer_with_no_unit_rule() -> None:
    # NI = 1,000,000.00 − 20,000.00 = 980,000.00; pool = 980,000.00 × 50% = 490,000.00.
    # Weights 5 : 3 : 2 of 10 → 245,000.00, 147,000.00, 98,000.00.
    result = calculate(transfer())
    assert (result.net_income_fen, result.rate, result.pool_fen) == (
        980_000_00,
        D("0.50"),
        490_000_00,
    )
    assert amounts(result) == {1: 245_000_00, 2: 147_000_00, 3: 98_000_00}
    assert [s.rule_id for s in result.steps][:3] == [
        "C1",
        "national.reward.transfer_min_rate",
        "C2",
    ]
    assert ("national.reward.transfer_min_rate", "2015-10-01", "0.50") in result.rules_used


def test_a_unit_rate_rounds_the_pool_half_up_once() -> None:
    # NI = 333,333.33; × 60% = 199,999.998 → 200,000.00 (half up, to the fen).
    policy = replace(POLICY, rate_transfer=D("0.60"))
    result = calculate(
        transfer(policy=policy, receipts=(Receipt("2025-12-01", 333_333_33),), deductions=())
    )
    assert result.pool_fen == 200_000_00
    # 5 : 3 : 2 → 100,000.00 / 60,000.00 / 40,000.00
    assert amounts(result) == {1: 100_000_00, 2: 60_000_00, 3: 40_000_00}


def test_a_pool_of_one_fen_among_three_goes_to_the_lowest_number() -> None:
    # NI 0.02 × 50% = 0.01; 1 fen / 3 equal shares: floors 0, 0, 0, one fen left; the
    # remainders tie (1/3 each), so person 1 gets it, whatever the order they were typed in.
    people = (
        Recipient(3, "丙", D(1), main=True),
        Recipient(1, "甲", D(1), main=True),
        Recipient(2, "乙", D(1), main=True),
    )
    result = calculate(
        transfer(recipients=people, receipts=(Receipt("2025-12-01", 2),), deductions=())
    )
    assert result.pool_fen == 1
    assert amounts(result) == {3: 0, 1: 1, 2: 0}


def test_ties_in_a_larger_pool() -> None:
    # NI 2.00 → pool 1.00 = 100 fen; thirds: 33 each, one left → person 1: 34, 33, 33.
    people = tuple(Recipient(i, f"人{i}", D(1), main=True) for i in (2, 1, 3))
    result = calculate(
        transfer(recipients=people, receipts=(Receipt("2025-12-01", 200),), deductions=())
    )
    assert amounts(result) == {2: 33, 1: 34, 3: 33}


def test_a_negative_net_income_gives_a_pool_of_zero_and_a_warning() -> None:
    # 100.00 − 200.00 = −100.00 → pool 0, still saved.
    result = calculate(
        transfer(
            receipts=(Receipt("2025-12-01", 100_00),), deductions=(Deduction("评估费", 200_00),)
        )
    )
    assert (result.net_income_fen, result.pool_fen) == (-100_00, 0)
    assert [w.rule_id for w in result.warnings] == ["E_NET_INCOME_NEGATIVE"]
    assert set(amounts(result).values()) == {0}


@pytest.mark.parametrize(("state_established", "refused"), [(True, True), (False, False)])
def test_a_unit_rate_below_the_floor(state_established: bool, refused: bool) -> None:
    policy = replace(POLICY, rate_transfer=D("0.40"), state_established=state_established)
    if not refused:
        assert calculate(transfer(policy=policy)).pool_fen == 392_000_00  # 980,000.00 × 40%
        return
    with pytest.raises(RuleViolation) as raised:
        calculate(transfer(policy=policy))
    assert raised.value.rule_id == "E_RATE_BELOW_MIN" and "第四十五条" in raised.value.source


def test_a_deduction_the_unit_does_not_allow() -> None:
    with pytest.raises(RuleViolation) as raised:
        calculate(transfer(deductions=(Deduction("前期研发投入", 1),)))
    assert raised.value.rule_id == "E_DEDUCTION_TYPE_NOT_ALLOWED"


def test_main_contributors_take_at_least_half() -> None:
    # main weights 1 of 1 + 2 = 1/3 < 50%
    people = (Recipient(1, "甲", D(1), main=True), Recipient(2, "乙", D(2)))
    with pytest.raises(RuleViolation) as raised:
        calculate(transfer(recipients=people))
    assert raised.value.rule_id == "E_MAIN_CONTRIBUTOR_SHARE"
    # exactly half is enough
    people = (Recipient(1, "甲", D(1), main=True), Recipient(2, "乙", D(1)))
    calculate(transfer(recipients=people))


def test_someone_who_did_not_contribute_is_refused() -> None:
    with pytest.raises(RuleViolation) as raised:
        calculate(transfer(recipients=(ZHANG, replace(WANG, contributor=False))))
    assert raised.value.rule_id == "E_NOT_CONTRIBUTOR"


def test_equity_shares_are_rounded_down_with_a_warning() -> None:
    # 1,000,001 shares × 50% = 500,000.5 → 500,000; thirds: 166,666.67 each → floors
    # 166,666 × 3 = 499,998, two left → persons 1 and 2: 166,667, 166,667, 166,666.
    people = tuple(Recipient(i, f"人{i}", D(1), main=True) for i in (1, 2, 3))
    result = calculate(RewardInput("equity", people, POLICY, "2026-01-05", equity_shares=1_000_001))
    assert result.pool_shares == 500_000
    assert [line.shares for line in result.lines] == [166_667, 166_667, 166_666]
    assert [w.rule_id for w in result.warnings] == ["W_EQUITY_ROUNDING"]
    assert all(any(n.rule_id == "W_EQUITY_TAX_REVIEW" for n in line.notes) for line in result.lines)


def test_equity_as_a_capital_percentage() -> None:
    # 15% × 50% = 7.5%, split 5 : 3 : 2 → 3.75%, 2.25%, 1.5%
    result = calculate(
        RewardInput("equity", (ZHANG, LI, WANG), POLICY, "2026-01-05", equity_percent=D(15))
    )
    assert result.pool_percent == D("7.5000")
    assert [line.percent for line in result.lines] == [D("3.75"), D("2.25"), D("1.5")]


@pytest.mark.parametrize(("approval", "refused"), [("", True), ("党委会决议〔2026〕3号", False)])
def test_a_principal_leader_and_equity(approval: str, refused: bool) -> None:
    leader = replace(ZHANG, leader_type="principal")
    data = RewardInput(
        "equity",
        (leader, LI, WANG),
        POLICY,
        "2026-01-05",
        equity_shares=1000,
        principal_equity_approval=approval,
    )
    if refused:
        with pytest.raises(RuleViolation) as raised:
            calculate(data)
        assert raised.value.rule_id == "E_PRINCIPAL_LEADER_EQUITY"
        return
    (first, *_rest) = calculate(data).lines
    assert any(approval in n.text for n in first.notes)


def test_a_principal_leader_may_take_cash_after_the_notice() -> None:
    leader = replace(ZHANG, leader_type="principal")
    (first, *_rest) = calculate(transfer(recipients=(leader, LI, WANG))).lines
    assert "E_LEADER_PUBLICITY_MISSING" in [n.rule_id for n in first.notes]


def test_self_implementation_over_three_to_five_years() -> None:
    # 1,000,000.00 × 5% = 50,000.00; −50,000.00 → 0; 200,000.00 × 5% = 10,000.00 → 60,000.00
    data = RewardInput(
        "implementation",
        (ZHANG, LI, WANG),
        POLICY,
        "2026-01-05",
        profits_fen=(1_000_000_00, -50_000_00, 200_000_00),
    )
    assert calculate(data).pool_fen == 60_000_00
    for years in (2, 6):
        with pytest.raises(RuleViolation) as raised:
            calculate(replace(data, profits_fen=(100,) * years))
        assert raised.value.rule_id == "E_IMPL_YEARS_OUT_OF_RANGE"


def test_surplus_funded_returns() -> None:
    # 1,234,567.89 × 90% = 1,111,111.101 → 1,111,111.10
    data = RewardInput(
        "surplus",
        (ZHANG, LI, WANG),
        POLICY,
        "2026-01-05",
        surplus_returns_fen=1_234_567_89,
        surplus_share=D(90),
    )
    assert calculate(data).pool_fen == 1_111_111_10


def test_cash_counted_at_half_under_58_when_every_condition_holds() -> None:
    # 245,000.00 × 50% = 122,500.00 counted into the month's wages
    (first, *_rest) = calculate(transfer()).lines
    assert first.taxable_fen == 122_500_00
    assert any(n.rule_id == "tax.iit.cash_reward_share" for n in first.notes)
    assert any(n.rule_id == "C10" for n in first.notes)


def test_a_receipt_outside_the_36_month_window() -> None:
    # Receipts of 100,000.00 on 2022-01-10 and on 2024-06-01; paid 2025-02-01. The first
    # window ends 2025-01-10 (D3), so its half of the pool (pool = 200,000.00 × 50% =
    # 100,000.00; 50,000.00 each) is not eligible. One person takes 100,000.00: 50,000.00 in
    # the window counts at half (25,000.00) and 50,000.00 in full → 75,000.00.
    result = calculate(
        transfer(
            recipients=(ZHANG,),
            receipts=(Receipt("2022-01-10", 100_000_00), Receipt("2024-06-01", 100_000_00)),
            deductions=(),
            pay_on="2025-02-01",
            on="2025-01-20",
        )
    )
    (line,) = result.lines
    assert (line.amount_fen, line.taxable_fen) == (100_000_00, 75_000_00)
    assert any("2025年1月10日" in w.text for w in result.warnings)


def test_no_relief_without_a_registered_contract() -> None:
    (first, *_rest) = calculate(transfer(contract_registered=False)).lines
    assert first.taxable_fen == first.amount_fen
    assert any(n.rule_id == "W_IIT_RELIEF_CONTRACT_NOT_REGISTERED" for n in first.notes)


def test_bad_input_is_named() -> None:
    for data, field in (
        (transfer(kind="gift"), "kind"),
        (transfer(recipients=()), "recipients"),
        (transfer(recipients=(replace(ZHANG, weight=D(0)),)), "recipients"),
        (transfer(recipients=(ZHANG, ZHANG)), "recipients"),
    ):
        with pytest.raises(ValidationError) as raised:
            calculate(data)
        assert raised.value.field == field


@st.composite
def people(draw: st.DrawFn) -> list[Recipient]:
    count = draw(st.integers(min_value=1, max_value=20))
    ids = draw(st.lists(st.integers(1, 10_000), min_size=count, max_size=count, unique=True))
    weights = draw(st.lists(st.integers(1, 10_000), min_size=count, max_size=count))
    return [Recipient(i, f"人{i}", D(w) / 100) for i, w in zip(ids, weights, strict=True)]


@given(people(), st.integers(min_value=0, max_value=10**13), st.randoms())
def test_the_parts_add_up_none_negative_and_the_order_does_not_matter(
    recipients: list[Recipient], pool: int, random: object
) -> None:
    parts = split(pool, recipients)
    assert sum(parts) == pool and min(parts) >= 0
    shuffled = list(recipients)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    again = dict(zip((r.person_id for r in shuffled), split(pool, shuffled), strict=True))
    assert again == dict(zip((r.person_id for r in recipients), parts, strict=True))


def test_a_stored_calculation_reads_back_exactly() -> None:
    import json

    from desktop.domain.rewards import decode_input, decode_result, encode

    data = transfer(policy=replace(POLICY, rate_transfer=D("0.655")))
    result = calculate(data)
    assert decode_input(json.loads(json.dumps(encode(data)))) == data
    assert decode_result(json.loads(json.dumps(encode(result)))) == result

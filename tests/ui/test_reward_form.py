"""The reward form and the breakdown, in Chinese, without a vault: what is typed becomes the
draft the service calculates (amounts in fen, dates in ISO), what cannot be read is reported at
its field, the inputs follow the kind of reward, and a result is explained line by line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
import shiboken6
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.people import Person
from desktop.domain.rewards import (
    Deduction,
    Receipt,
    Recipient,
    RewardDraft,
    RewardInput,
    Share,
    UnitPolicy,
    calculate,
)
from desktop.domain.transformations import Transformation, TransformationDraft
from desktop.errors import ValidationError
from desktop.ui.forms.reward_form import RewardBreakdown, RewardForm, pool_summary

D = Decimal
TODAY = dt.date(2026, 1, 5)
ZHANG = Person(1, "张三", 1, "化学学院", "研究员", "none", True)
LI = Person(2, "李四", 1, "化学学院", "副研究员", "none", True)
WANG = Person(3, "王五", None, "", "", "none", True)
ZHAO = Person(4, "赵校长", None, "", "教授", "principal", True)
POLICY = UnitPolicy(
    rate_transfer=D("0.7"),
    allowed_deductions=frozenset({"评估费", "专利维持费"}),
    source="校字〔2024〕8号",
)


@pytest.fixture
def form(zh_app, qtbot) -> Iterator[RewardForm]:  # type: ignore[no-untyped-def]
    form = RewardForm(TODAY)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    form.show()
    yield form
    if shiboken6.isValid(form):
        shiboken6.delete(form)


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def three(form: RewardForm) -> None:
    form.add_person(ZHANG, D(5), main=True)
    form.add_person(LI, D(3), main=True)
    form.add_person(WANG, D(2))


def deal(tid: int, form: str, title: str) -> Transformation:
    return Transformation(
        id=tid,
        draft=TransformationDraft(form, title, 9, (), 500_000_00, None),
        state="signed",
        level="public",
        created_by="u",
        created_at="t",
        updated_at="t",
        counterparty_name="沈阳第1科技有限公司",
    )


def error_at(form: RewardForm, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        form.value()
    assert caught.value.field == field
    assert form.show_error(caught.value)
    assert form.error_text(field) == caught.value.message
    return caught.value.message


# -- what is typed -------------------------------------------------------------------------------
def test_a_transfer_as_typed_becomes_the_draft(form) -> None:  # type: ignore[no-untyped-def]
    form.set_policy(POLICY)
    form.set_transformations([deal(7, "transfer", "镁合金专利转让合同")])
    form.title_edit.setText("  镁合金专利转让奖励 ")
    choose(form.transformation_combo, 7)
    assert form.kind == "transfer"  # suggested by the contract's form
    three(form)
    form.set_reward_form(2, "equity")
    form.add_receipt("2025年12月1日", "1,000,000")
    form.add_receipt("2026-01-02", "２００００.5")  # full-width digits, as some input methods type
    form.add_receipt()  # an empty row is left out
    form.add_deduction("评估费", "20000")
    form.contract_registered_check.setChecked(True)
    form.on_edit.setText("2026/1/5")
    form.pay_on_edit.setText("2026年2月10日")
    assert form.receipts_table.item(0, 0).text() == "2025年12月1日"
    assert form.receipts_table.item(1, 1).text() == "20,000.50"
    assert form.receipts_total_label.text() == "合计：1,020,000.50 元"
    assert form.value() == RewardDraft(
        title="  镁合金专利转让奖励 ",  # the service trims it
        kind="transfer",
        on="2026-01-05",
        people=(
            Share(1, D(5), True, "cash"),
            Share(2, D(3), True, "cash"),
            Share(3, D(2), False, "equity"),
        ),
        transformation_id=7,
        receipts=(Receipt("2025-12-01", 1_000_000_00), Receipt("2026-01-02", 20_000_50)),
        deductions=(Deduction("评估费", 20_000_00),),
        contract_registered=True,
        pay_on="2026-02-10",
    )


def test_each_kind_asks_for_its_own_figures(form) -> None:  # type: ignore[no-untyped-def]
    boxes = {
        "income": form.income_box,
        "equity": form.equity_box,
        "profits": form.profits_box,
        "surplus": form.surplus_box,
    }
    expected = {
        "transfer": {"income"},
        "licence": {"income"},
        "equity": {"equity"},
        "implementation": {"profits"},
        "surplus": {"surplus"},
    }
    assert [form.kind_combo.itemText(i) for i in range(form.kind_combo.count())] == [
        "转让",
        "许可",
        "作价投资",
        "自行实施或合作实施",
        "横向结余经费出资转化",
    ]
    for kind, shown in expected.items():
        choose(form.kind_combo, kind)
        assert {name for name, box in boxes.items() if box.isVisibleTo(form)} == shown, kind


def test_equity_as_shares_or_as_a_capital_percentage(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.kind_combo, "equity")
    form.add_person(ZHANG, main=True)
    assert form.shares_edit.isEnabled() and not form.capital_percent_edit.isEnabled()
    form.shares_edit.setText("1,000,000")
    draft = form.value()
    assert (draft.equity_shares, draft.equity_percent, draft.receipts) == (1_000_000, None, ())
    form.percent_radio.setChecked(True)
    assert form.capital_percent_edit.isEnabled() and not form.shares_edit.isEnabled()
    form.capital_percent_edit.setText("12.5%")
    draft = form.value()
    assert (draft.equity_shares, draft.equity_percent) == (None, D("12.5"))


def test_implementation_takes_three_to_five_years(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.kind_combo, "implementation")
    form.add_person(ZHANG, main=True)
    assert form.profits_table.rowCount() == 3
    assert form.profits_hint_label.text() == "连续3至5年"
    assert [form.profits_table.item(r, 0).text() for r in range(3)] == ["第1年", "第2年", "第3年"]
    form.set_profit(0, "200000")
    form.set_profit(1, "-50,000")
    form.set_profit(2, "0")
    assert form.value().profits_fen == (200_000_00, -50_000_00, 0)
    form.add_year_button.click()
    form.add_year_button.click()
    assert form.profits_table.rowCount() == 5 and not form.add_year_button.isEnabled()
    assert form.error_text("profits") == ""
    message = error_at(form, "profits")
    assert message == "请填写第4年的营业利润（没有利润的填 0 或负数）。"
    form.remove_year_button.click()
    form.remove_year_button.click()
    assert form.profits_table.rowCount() == 3 and form.add_year_button.isEnabled()
    assert len(form.value().profits_fen) == 3


def test_surplus_returns_and_the_researchers_share(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.kind_combo, "surplus")
    form.add_person(ZHANG, main=True)
    assert form.surplus_share_edit.text() == "90"
    assert error_at(form, "surplus_returns") == "请以元为单位填写收益。"
    form.surplus_returns_edit.setText("300000")
    form.surplus_share_edit.setText("92.5")
    draft = form.value()
    assert (draft.surplus_returns_fen, draft.surplus_share) == (300_000_00, D("92.5"))


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda f: f.set_weight(0, "五"), "recipients", "张三的贡献份额不是数字。"),
        (
            lambda f: f.add_receipt("2025-12-01", "一百万"),
            "receipts",
            "金额“一百万”不是数字。",
        ),
        (lambda f: f.add_receipt("", "100"), "receipts", "请填写第1笔收入的收到日期。"),
        (lambda f: f.add_receipt("2025-12-01", ""), "receipts", "请填写第1笔收入的金额。"),
        (
            lambda f: f.add_receipt("上个月", "100"),
            "receipts",
            "“上个月”不是有效日期，请按 2026-01-05 或 2026年1月5日 填写。",
        ),
        (lambda f: f.add_deduction("评估费", ""), "deductions", "请填写第1项扣除的金额。"),
        (
            lambda f: f.add_receipt("2025-12-01", "0.001"),
            "receipts",
            "金额最多保留到分（两位小数）。",
        ),
        (
            lambda f: f.on_edit.setText("2026-13-01"),
            "on",
            "“2026-13-01”不是有效日期，请按 2026-01-05 或 2026年1月5日 填写。",
        ),
        (
            lambda f: f.pay_on_edit.setText("下个月"),
            "pay_on",
            "“下个月”不是有效日期，请按 2026-01-05 或 2026年1月5日 填写。",
        ),
    ],
)
def test_what_cannot_be_read_is_reported_at_its_field(  # type: ignore[no-untyped-def]
    form, change, field, message
) -> None:
    form.set_policy(POLICY)
    three(form)
    change(form)
    assert error_at(form, field) == message
    form.clear_errors()
    assert form.error_text(field) == ""


def test_equity_needs_its_figure(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.kind_combo, "equity")
    form.add_person(ZHANG, main=True)
    assert error_at(form, "equity") == "请填写形成的股份数。"
    form.shares_edit.setText("1.5")
    assert error_at(form, "equity") == "“1.5”不是整数。"
    form.percent_radio.setChecked(True)
    assert error_at(form, "equity") == "请填写形成的出资比例。"


def test_a_principal_leader_brings_the_approval_field(form) -> None:  # type: ignore[no-untyped-def]
    row = form._approval_row
    three(form)
    assert not form.fields.layout_.isRowVisible(row)
    form.approval_edit.setText("省委组织部批复〔2026〕3号")
    assert form.value().principal_equity_approval == ""  # not asked, not sent
    form.add_person(ZHAO, D(1))
    assert form.fields.layout_.isRowVisible(row)
    assert form.value().principal_equity_approval == "省委组织部批复〔2026〕3号"
    form.people_table.selectRow(3)
    form.remove_person_button.click()
    assert not form.fields.layout_.isRowVisible(row)


def test_a_person_is_listed_once(form) -> None:  # type: ignore[no-untyped-def]
    form.set_people([ZHANG, LI])
    assert [form.person_combo.itemText(i) for i in range(2)] == [
        "张三（化学学院 · 研究员）",
        "李四（化学学院 · 副研究员）",
    ]
    assert form.add_person_button.isEnabled()
    form.add_person_button.click()
    form.add_person_button.click()
    assert form.people_table.rowCount() == 1
    assert form.people_table.item(0, 1).text() == "非领导"
    assert form.people_table.item(0, 2).text() == "1"  # equal shares until changed
    form.set_people([])
    assert not form.add_person_button.isEnabled()


def test_the_main_contributors_share_is_shown_as_typed(form) -> None:  # type: ignore[no-untyped-def]
    three(form)
    label = form.people_total_label
    assert label.text() == "主要贡献人员占贡献份额 80%（不低于 50%）"
    assert "#1e7b34" in label.styleSheet()
    form.set_main(1, False)
    assert label.text() == "主要贡献人员占贡献份额 50%（不低于 50%）"
    form.set_main(0, False)
    assert label.text() == "主要贡献人员占贡献份额 0%（不低于 50%）"
    assert "#b3261e" in label.styleSheet()
    form.set_weight(2, "x")
    assert label.text() == "有贡献份额不是数字。"


def test_deductions_are_the_units_costs(form) -> None:  # type: ignore[no-untyped-def]
    assert not form.add_deduction_button.isEnabled()
    assert form.deductions_hint_label.text() == ""
    form.set_policy(UnitPolicy())
    assert form.deductions_hint_label.text() == "本单位未规定可扣除的费用项目。"
    assert not form.add_deduction_button.isEnabled()
    assert form.policy_label.text() == "本单位未规定比例，按法定比例计算。"
    form.set_policy(POLICY)
    assert form.deductions_hint_label.text() == "本单位规定可扣除：专利维持费、评估费"
    assert form.policy_label.text() == "本单位规定的比例：70%（校字〔2024〕8号）"
    form.add_deduction_button.click()
    combo = form.deductions_table.cellWidget(0, 0)
    assert [combo.itemText(i) for i in range(combo.count())] == ["专利维持费", "评估费"]
    combo.setCurrentIndex(1)
    # A later policy that no longer allows it keeps it listed: the rule then says why.
    form.set_policy(UnitPolicy(allowed_deductions=frozenset({"专利维持费"})))
    assert combo.currentText() == "评估费"
    form.deductions_table.item(0, 1).setText("1000")
    three(form)
    assert form.value().deductions == (Deduction("评估费", 1_000_00),)
    choose(form.kind_combo, "surplus")
    assert form.policy_label.text() == "科研人员收益比例在下方填写（原则上不低于90%）。"


def test_a_new_calculation_date_asks_for_that_days_policy(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(form.calculation_date_changed) as changed:
        form.on_edit.setText("2025-06-30")
        form.on_edit.editingFinished.emit()
    assert changed.args == ["2025-06-30"]
    assert form.on_edit.text() == "2025年6月30日"
    with qtbot.assertNotEmitted(form.calculation_date_changed):
        form.on_edit.editingFinished.emit()  # the same day again
        form.on_edit.setText("不是日期")
        form.on_edit.editingFinished.emit()


# -- the breakdown -------------------------------------------------------------------------------
def transfer(**changes: object) -> RewardInput:
    from dataclasses import replace

    base = RewardInput(
        kind="transfer",
        recipients=(
            Recipient(1, "张三", D(5), main=True),
            Recipient(2, "李四", D(3), main=True),
            Recipient(3, "王五", D(2), leader_type="deputy"),
        ),
        policy=POLICY,
        on="2026-01-05",
        receipts=(Receipt("2025-12-01", 1_000_000_00),),
        deductions=(Deduction("评估费", 20_000_00),),
        contract_registered=True,
        pay_on="2026-02-10",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_preview_shows_the_result_and_notices_changes(form) -> None:  # type: ignore[no-untyped-def]
    assert form.preview_status_label.text() == "保存前请按“预览”查看计算结果。"
    three(form)
    form.title_edit.textEdited.emit("x")  # before a preview, nothing is stale
    assert form.preview_status_label.text() == "保存前请按“预览”查看计算结果。"
    form.show_result(calculate(transfer()))
    assert form.preview_status_label.text() == "按当前填写的内容计算，尚未保存。"
    form.set_reward_form(0, "equity")
    assert form.preview_status_label.text() == ("预览后已修改：请再次按“预览”查看新的计算结果。")


def test_the_breakdown_explains_every_figure(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    breakdown = RewardBreakdown()
    qtbot.addWidget(breakdown)
    assert breakdown.lines() == []
    result = calculate(transfer())
    breakdown.show_result(result)
    assert breakdown.pool_label.text() == ("奖励总额：686,000.00 元（净收入 980,000.00 元 × 70%）")
    assert breakdown.lines() == [
        ["张三", "是", "非领导", "343,000.00", "171,500.00"],
        ["李四", "是", "非领导", "205,800.00", "102,900.00"],
        ["王五", "否", "副职领导", "137,200.00", "68,600.00"],
        ["合计", "", "", "686,000.00", "343,000.00"],
    ]
    # Each person's notes are on their row too.
    assert "领导人员的奖励须公示完毕后方可发放" in breakdown.lines_table.item(2, 0).toolTip()
    text = breakdown.explanation_browser.toPlainText()
    # Verified sources are not marked; the unit's net-income rule (C1) is, as not verified.
    assert "规则 C1 · 依据：法律未统一规定净收入口径" in text
    assert "（legal-rules 1.9） · 【未经核实】" in text
    assert "规则 C2 · 依据：校字〔2024〕8号\n" in text
    assert "依据：国发〔2016〕16号 二（五） · 【二手来源】" in text
    assert "规则 E_LEADER_PUBLICITY_MISSING · 依据：国发〔2016〕16号 二（七）" in text
    assert "提示" not in text.split("每人说明")[0]  # no warnings for this one


def test_warnings_are_listed_with_their_rule(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    breakdown = RewardBreakdown()
    qtbot.addWidget(breakdown)
    result = calculate(transfer(deductions=(Deduction("评估费", 1_200_000_00),)))
    breakdown.show_result(result)
    assert breakdown.pool_label.text() == "奖励总额：0.00 元（净收入 0.00 元 × 70%）"
    text = breakdown.explanation_browser.toPlainText()
    assert "提示\n" in text
    assert (
        "净收入为负数，本次奖励总额为 0；计算结果仍可保存备查。\n规则 E_NET_INCOME_NEGATIVE" in text
    )


def test_equity_is_counted_in_shares_or_capital(zh_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    breakdown = RewardBreakdown()
    qtbot.addWidget(breakdown)
    shares = calculate(transfer(kind="equity", receipts=(), deductions=(), equity_shares=10_001))
    breakdown.show_result(shares)
    assert breakdown.lines_table.horizontalHeaderItem(3).text() == "奖励（股）"
    assert breakdown.pool_label.text() == "奖励总额：5000 股（形成股份的 50%）"
    assert pool_summary(shares) == "5000 股"
    assert breakdown.lines()[-1] == ["合计", "", "", "5000", "—"]
    assert "股份数不足一股的部分已舍去。" in breakdown.explanation_browser.toPlainText()
    capital = calculate(transfer(kind="equity", receipts=(), deductions=(), equity_percent=D(25)))
    breakdown.show_result(capital)
    assert breakdown.lines_table.horizontalHeaderItem(3).text() == "奖励（出资比例 %）"
    assert breakdown.pool_label.text() == "奖励总额：出资比例 12.5%（形成出资比例的 50%）"
    assert pool_summary(capital) == "12.5%"
    assert breakdown.lines()[-1][3] == "12.5"
    breakdown.show_result(None, "—")
    assert breakdown.lines() == [] and breakdown.pool_label.text() == "—"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(
    weights=st.lists(st.integers(1, 1000), min_size=1, max_size=6),
    received=st.integers(0, 10**11),
    rate=st.integers(50, 100),
)
def test_the_total_row_is_always_the_pool(zh_app, qtbot, weights, received, rate) -> None:  # type: ignore[no-untyped-def]
    people = tuple(Recipient(i + 1, f"人员{i + 1}", D(w), main=True) for i, w in enumerate(weights))
    policy = UnitPolicy(rate_transfer=D(rate) / 100)
    result = calculate(
        transfer(
            recipients=people,
            policy=policy,
            deductions=(),
            receipts=(Receipt("2025-12-01", received),),
        )
    )
    breakdown = RewardBreakdown()
    try:
        breakdown.show_result(result)
        rows = breakdown.lines()
        amounts = [int(r[3].replace(",", "").replace(".", "")) for r in rows[:-1]]
        assert sum(amounts) == int(rows[-1][3].replace(",", "").replace(".", "")) == result.pool_fen
        assert len(rows) == len(weights) + 1
    finally:
        shiboken6.delete(breakdown)

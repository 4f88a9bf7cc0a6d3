"""The contract editor on its own: the stacked terms follow the form, the running totals and the
90% rule of measure 三 are shown as typed, amounts read in yuan and shown with separators, what is
typed comes back as the draft (and a saved draft comes back as typed), errors land at their
field; and, in the dialog that holds it, a counterparty registered on the spot is chosen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementRow
from desktop.domain.counterparties import Counterparty, CounterpartyDraft
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
)
from desktop.errors import ValidationError
from desktop.ui.forms.transformation_form import TransformationForm
from desktop.ui.pages.counterparties_page import CounterpartyDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.transformation_dialogs import TransformationDialog
from tests.support import FixedClock
from tests.ui.grants_world import delete_later
from tests.ui.transformations_world import TransformWorld, credit_code

D = Decimal
TODAY = dt.date(2026, 1, 5)
LEFT = Qt.MouseButton.LeftButton


def row(achievement_id: int, title: str) -> AchievementRow:
    return AchievementRow(
        achievement_id, title, "invention_patent", "registered", "public", "", 2026, "张三", ""
    )


def party(
    counterparty_id: int, size: str = "small", name: str = "沈阳新禾科技有限公司"
) -> Counterparty:
    draft = CounterpartyDraft(name, credit_code(counterparty_id), "non_state", size)
    return Counterparty(counterparty_id, draft, "t", "t")


@pytest.fixture
def form(zh_app, qtbot) -> TransformationForm:  # type: ignore[no-untyped-def]
    form = TransformationForm(TODAY)
    qtbot.addWidget(form)
    form.resize(820, 1400)
    form.show()
    return form


def choose(combo, code: object) -> None:  # type: ignore[no-untyped-def]
    at = combo.findData(code)
    assert at >= 0, code
    combo.setCurrentIndex(at)


def add_achievements(form: TransformationForm, qtbot, *rows: AchievementRow) -> None:  # type: ignore[no-untyped-def]
    form.set_achievements(list(rows))
    for r in rows:
        choose(form.achievement_combo, r.id)
        qtbot.mouseClick(form.add_achievement_button, LEFT)


def visible_page(form: TransformationForm) -> str:
    return form.terms_stack.currentWidget().objectName() if form.terms_stack.isVisible() else ""


# -- the form switches what it asks ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("code", "page", "licence", "method", "counterparty"),
    [
        ("transfer", "no_terms_page", False, True, True),
        ("licence", "", True, True, True),
        ("equity", "equity_page", False, True, True),
        ("pay_later", "pay_later_page", True, True, True),
        ("share_transfer", "share_transfer_page", False, False, False),
        ("invest_then_equity", "invest_page", False, False, True),
    ],
)
def test_each_form_shows_its_own_terms(  # type: ignore[no-untyped-def]
    form, code, page, licence, method, counterparty
) -> None:
    choose(form.form_combo, code)
    assert visible_page(form) == page
    assert form.licence_box.isVisible() is licence
    assert form.method_combo.isVisibleTo(form) is method
    assert form.counterparty_combo.isVisibleTo(form) is counterparty
    due = code in ("transfer", "licence", "share_transfer")  # one receivable, due on a day
    assert form.price_due_edit.isVisibleTo(form) is due


def test_the_price_label_says_what_the_amount_is(form) -> None:  # type: ignore[no-untyped-def]
    assert form.price_label.text() == "合同金额"
    choose(form.form_combo, "pay_later")
    assert form.price_label.text() == "许可费"
    assert form.price_hint_label.text() == "各期金额之和"
    choose(form.form_combo, "invest_then_equity")
    assert form.price_label.text() == "投入金额"


# -- running totals and live checks ---------------------------------------------------------------
def test_income_shares_must_add_up_to_exactly_100(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_achievements(form, qtbot, row(1, "一种镁合金"))
    assert form.allocations_table.item(0, 1).text() == "100"  # the first takes all
    add_achievements(form, qtbot, row(2, "一种涂层"))
    assert form.allocations_table.item(1, 1).text() == ""  # nothing left for the second
    assert form.allocations_total_label.text() == "合计：100.00%"
    form.allocations_table.item(0, 1).setText("66.66")
    form.allocations_table.item(1, 1).setText("33.33")
    assert form.allocations_total_label.text() == "合计：99.99%"
    assert "color" in form.allocations_total_label.styleSheet()
    form.allocations_table.item(1, 1).setText("33.34")
    assert form.allocations_total_label.text() == "合计：100.00%"
    assert "color" not in form.allocations_total_label.styleSheet()
    form.allocations_table.selectRow(0)
    qtbot.mouseClick(form.remove_achievement_button, LEFT)
    assert form.allocations_total_label.text() == "合计：33.34%"


def test_amounts_are_read_in_yuan_and_shown_with_separators(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.price_edit.setText("１２３４５６７.8元")
    form.price_edit.editingFinished.emit()
    assert form.price_edit.text() == "1,234,567.80"
    form.price_edit.setText("12.345")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.field == "price"


def test_instalments_are_totalled_against_the_fee(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose(form.form_combo, "pay_later")
    assert form.installments_table.rowCount() == 1  # one to start with
    form.price_edit.setText("500,000")
    form.installments_table.item(0, 0).setText("200000")
    assert form.installments_table.item(0, 0).text() == "200,000.00"
    assert form.installments_total_label.text() == "合计：200,000.00 元，应为 500,000.00 元"
    qtbot.mouseClick(form.add_installment_button, LEFT)
    form.installments_table.item(1, 0).setText("300000")
    assert form.installments_total_label.text() == "合计：500,000.00 元，应为 500,000.00 元"
    assert "color" not in form.installments_total_label.styleSheet()


def test_an_instalment_on_a_date_asks_for_the_date_the_others_for_months(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.form_combo, "pay_later")
    table = form.installments_table
    due, months = table.item(0, 2), table.item(0, 3)
    assert not due.flags() & Qt.ItemFlag.ItemIsEditable
    assert months.flags() & Qt.ItemFlag.ItemIsEditable
    choose(table.cellWidget(0, 1), "on_date")
    assert due.flags() & Qt.ItemFlag.ItemIsEditable
    assert not months.flags() & Qt.ItemFlag.ItemIsEditable


def test_a_large_enterprise_is_flagged_for_a_pay_later_licence(form) -> None:  # type: ignore[no-untyped-def]
    form.set_counterparties([party(1), party(2, "large", "鞍山重型机械集团有限公司")])
    choose(form.counterparty_combo, 2)
    assert not form.pay_later_party_label.isVisible()  # a transfer: size does not matter
    choose(form.form_combo, "pay_later")
    assert form.pay_later_party_label.isVisible()
    assert "鞍山重型机械集团有限公司" in form.pay_later_party_label.text()
    assert "第（五）条" in form.pay_later_party_label.text()
    choose(form.counterparty_combo, 1)
    assert not form.pay_later_party_label.isVisible()
    assert "小型企业" in form.counterparty_label.text()


def test_the_researchers_share_is_checked_against_90_percent_as_typed(form) -> None:  # type: ignore[no-untyped-def]
    form.surplus_box.setChecked(True)
    reason_row = form.surplus_reason_edit
    form.researcher_share_edit.setText("85")
    assert form.surplus_check_label.text() == "低于 90%：须写明理由（辽科发〔2025〕6号 第（三）条）"
    assert reason_row.isVisible()
    form.researcher_share_edit.setText("92.5")
    assert form.surplus_check_label.text() == "不低于 90%：符合辽科发〔2025〕6号 第（三）条"
    assert not reason_row.isVisible()


# -- the draft ------------------------------------------------------------------------------------
def test_a_pay_later_licence_as_typed(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.set_counterparties([party(7)])
    choose(form.form_combo, "pay_later")
    form.title_edit.setText("镁合金专利先使用后付费许可合同")
    choose(form.counterparty_combo, 7)
    add_achievements(form, qtbot, row(1, "一种镁合金"))
    form.price_edit.setText("500000")
    choose(form.licence_scope_combo, "ordinary")
    form.licence_end_edit.setText("2031年1月4日")
    form.territory_edit.setText("辽宁省")
    form.free_months_spin.setValue(12)
    form.installments_table.item(0, 0).setText("200000")
    form.installments_table.item(0, 3).setText("12")
    form.add_installment()
    form.installments_table.item(1, 0).setText("300000")
    choose(form.installments_table.cellWidget(1, 1), "on_date")
    form.installments_table.item(1, 2).setText("2027-06-30")
    assert form.value() == TransformationDraft(
        form="pay_later",
        title="镁合金专利先使用后付费许可合同",
        counterparty_id=7,
        allocations=(Allocation(1, D(100)),),
        price_fen=500_000_00,
        method="negotiated",
        licence=LicenceTerms("ordinary", "2026-01-05", "2031-01-04", "辽宁省"),
        pay_later=PayLaterTerms(
            12,
            (
                Installment(200_000_00, "after_effect", None, 12),
                Installment(300_000_00, "on_date", "2027-06-30", None),
            ),
        ),
        contract_registration_no="",
        contract_registration_date=None,
    )


BASE = TransformationDraft(
    form="transfer",
    title="一种镁合金专利转让合同",
    counterparty_id=3,
    allocations=(Allocation(1, D("60.5")), Allocation(2, D("39.5"))),
    price_fen=1_234_567_89,
    method="auction",
    contract_registration_no="2026210100000123",
    contract_registration_date="2026-01-05",
    price_due_on="2026-03-31",
)


@pytest.mark.parametrize(
    "draft",
    [
        BASE,
        replace(
            BASE,
            form="licence",
            licence=LicenceTerms("exclusive", "2026-02-01", "2030-01-31", "东北三省"),
        ),
        replace(
            BASE,
            form="equity",
            price_due_on=None,
            equity=EquityTerms("辽宁新材料有限公司", 1_000_000, None),
        ),
        replace(
            BASE,
            form="equity",
            price_due_on=None,
            equity=EquityTerms("辽宁新材料有限公司", None, D("12.5")),
        ),
        replace(
            BASE,
            form="share_transfer",
            counterparty_id=None,
            method=None,
            share_transfer=ShareTransferTerms("agreed_return", "公司上市", D(20)),
        ),
        replace(
            BASE,
            form="invest_then_equity",
            method=None,
            price_due_on=None,
            price_fen=300_000_00,
            invest=InvestTerms(
                (Stage("proof_of_concept", 100_000_00), Stage("pilot", 200_000_00)),
                "完成首轮融资",
                "五年内分两次退出",
            ),
            surplus=SurplusTerms("HX-2024-018", D(85), "团队同意让渡部分收益"),
        ),
    ],
    ids=["transfer", "licence", "shares", "capital", "share_transfer", "invest"],
)
def test_a_saved_draft_comes_back_as_it_was(form, draft: TransformationDraft) -> None:  # type: ignore[no-untyped-def]
    form.set_value(draft, counterparty_name="沈阳新禾科技有限公司", achievement_titles=("甲", "乙"))
    assert not form.form_combo.isEnabled()  # the service refuses a change of form
    assert form.value() == draft
    assert form.counterparty_combo.currentText() == (
        "沈阳新禾科技有限公司" if draft.counterparty_id else form.counterparty_combo.currentText()
    )
    assert form.price_edit.text() == f"{draft.price_fen // 100:,}.{draft.price_fen % 100:02d}"


@pytest.mark.parametrize(
    ("setup", "field"),
    [
        (lambda f: f.price_edit.setText("abc"), "price"),
        (lambda f: f.registration_date_edit.setText("2026-02-30"), "contract_registration_date"),
        (lambda f: f.licence_end_edit.setText("明年"), "licence_end"),
    ],
)
def test_unreadable_input_is_reported_at_its_field(form, qtbot, setup, field) -> None:  # type: ignore[no-untyped-def]
    choose(form.form_combo, "licence")
    setup(form)
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.field == field
    assert form.show_error(raised.value)
    assert form.error_text(field) == raised.value.message


def test_a_trigger_error_lands_on_the_form_in_use(form) -> None:  # type: ignore[no-untyped-def]
    choose(form.form_combo, "invest_then_equity")
    assert form.show_error(ValidationError("trigger", "请填写转为股权的触发条件。"))
    assert form.invest_fields.error_text("trigger") == "请填写转为股权的触发条件。"
    assert form.share_transfer_fields.error_text("trigger") == ""
    form.clear_errors()
    choose(form.form_combo, "share_transfer")
    choose(form.share_transfer_mode_combo, "agreed_return")
    assert form.show_error(ValidationError("trigger", "请填写约定收益的触发条件。"))
    assert form.share_transfer_fields.error_text("trigger") == "请填写约定收益的触发条件。"


def test_a_missing_share_is_named(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_achievements(form, qtbot, row(1, "一种镁合金"), row(2, "一种涂层"))
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert (raised.value.field, raised.value.message) == (
        "allocations",
        "请填写“一种涂层”的收入分配比例。",
    )


# -- in its dialog, with the vault ----------------------------------------------------------------
@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> TransformWorld:
    return TransformWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def host(zh_app, runner: TaskRunner, qtbot) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait()
    delete_later([widget])


def test_a_counterparty_registered_from_the_form_is_chosen(  # type: ignore[no-untyped-def]
    world, runner, host, qtbot
) -> None:
    dialog = TransformationDialog(world.services, runner, world.officer, None, TODAY, host)
    dialog.open()
    qtbot.mouseClick(dialog.form.new_counterparty_button, LEFT)
    new = dialog.counterparty_dialog
    assert isinstance(new, CounterpartyDialog)
    new.form.name_edit.setText("营口海工装备有限公司")
    new.form.credit_code_edit.setText(credit_code(41))
    choose(new.form.size_combo, "medium")
    new.save()
    qtbot.waitUntil(lambda: dialog.form.counterparty_id is not None, timeout=5000)
    assert dialog.form.counterparty_combo.currentText() == "营口海工装备有限公司"
    assert "中型企业" in dialog.form.counterparty_label.text()


def test_a_transfer_is_saved_through_the_dialog(world, runner, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    cp = world.party()
    achievement = world.achievement(ip_rights=())
    dialog = TransformationDialog(world.services, runner, world.officer, None, TODAY, host)
    dialog.open()
    form = dialog.form
    qtbot.waitUntil(lambda: form.counterparty_combo.findData(cp) >= 0, timeout=5000)
    qtbot.waitUntil(lambda: form.achievement_combo.findData(achievement) >= 0, timeout=5000)
    form.title_edit.setText("一种高强度镁合金专利转让合同")
    choose(form.counterparty_combo, cp)
    choose(form.achievement_combo, achievement)
    qtbot.mouseClick(form.add_achievement_button, LEFT)
    # Nothing typed for the price: the domain's message appears at the field.
    dialog.save()
    qtbot.waitUntil(lambda: form.error_text("price") != "", timeout=5000)
    assert form.error_text("price") == "合同金额须大于 0。"
    form.price_edit.setText("500,000")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    (t,) = world.transformations.visible(world.officer)
    assert saved.args == [t.id]
    assert (t.draft.price_fen, t.state, t.achievement_titles) == (
        500_000_00,
        "appraisal",
        ("一种高强度镁合金",),
    )

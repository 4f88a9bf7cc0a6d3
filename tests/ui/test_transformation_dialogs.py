"""The step dialogs of a transformation over a real vault: each calls its service method and
closes once it has accepted; a refusal by a rule is shown with the rule and its source; a
refusal of what was typed appears at its field; the notice and the listing show their end and
why before anything is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar
from desktop.domain.gates import ExportCheck
from desktop.domain.transformations import EquityTerms, Transformation
from desktop.errors import ValidationError
from desktop.ui.tasks import TaskRunner
from desktop.ui.transformation_dialogs import (
    AppraisalDialog,
    ExportCheckDialog,
    ListingDialog,
    MoneyDialog,
    NoticeDialog,
    RegistrationDialog,
    RevenueStartDialog,
    SecrecyApprovalDialog,
    SignDialog,
    TerminateDialog,
    WinnerDialog,
)
from desktop.ui.widgets.reason_dialog import ServiceDialog
from tests.support import FixedClock
from tests.ui.grants_world import delete_later
from tests.ui.transformations_world import TransformWorld

TODAY = dt.date(2026, 1, 5)
D = TypeVar("D", bound=ServiceDialog)


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
    """The dialogs' parent: they are deleted with it (and on closing)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait()
    delete_later([widget])


@pytest.fixture
def opened(host: QWidget) -> Callable[[D], D]:
    def open_(dialog: D) -> D:
        dialog.setParent(host, Qt.WindowType.Dialog)
        dialog.open()
        return dialog

    return open_


def get(world: TransformWorld, tid: int) -> Transformation:
    return world.transformations.get(world.officer, tid).transformation


def calendar(world: TransformWorld) -> Calendar:
    return world.services.calendar.calendar(world.officer)


def saved(dialog: ServiceDialog, qtbot):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.saved, timeout=5000) as signal:
        dialog.save()
    return signal.args[0]


def rule_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "rule_box")
    assert box is not None
    return box


def field_error(dialog: ServiceDialog, field: str, qtbot) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.fields.error_text(field) != "", timeout=5000)
    return dialog.fields.error_text(field)


def signed(world: TransformWorld, draft=None) -> int:  # type: ignore[no-untyped-def]
    t = world.transformations
    tid = world.create(draft, appraised=True)
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    return tid


# -- the appraisal --------------------------------------------------------------------------------
def test_an_appraisal_records_its_value_only_when_appraised(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create()
    dialog = opened(
        AppraisalDialog(world.transformations, runner, world.officer, get(world, tid), None, TODAY)
    )
    assert "不是国有全资企业" in dialog.intro_label.text()
    assert not dialog.value_edit.isVisible()
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("appraised"))
    assert dialog.value_edit.isVisible()
    dialog.basis_edit.setPlainText("委托辽宁某评估公司评估")
    dialog.save()
    assert field_error(dialog, "appraised_value", qtbot) == "请填写评估值。"
    dialog.value_edit.setText("480000")
    saved(dialog, qtbot)
    t = get(world, tid)
    assert (t.state, t.appraisal, t.appraised_value_fen) == ("priced", "appraised", 480_000_00)


def test_an_exemption_for_a_buyer_not_wholly_state_owned_is_refused(  # type: ignore[no-untyped-def]
    opened, world, runner, qtbot
) -> None:
    tid = world.create()
    dialog = opened(
        AppraisalDialog(world.transformations, runner, world.officer, get(world, tid), None, TODAY)
    )
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("not_required"))
    dialog.basis_edit.setPlainText("受让方为国有企业")
    dialog.save()
    box = rule_box(dialog, qtbot)
    assert "E_APPRAISAL_NOT_EXEMPT" in box.text() and "财政部令第100号" in box.text()
    assert dialog.isVisible() and world.state(tid) == "appraisal"


# -- periods shown before they start --------------------------------------------------------------
def test_the_notice_shows_its_end_and_why_as_the_start_is_typed(  # type: ignore[no-untyped-def]
    opened, world, runner, qtbot
) -> None:
    tid = world.create(appraised=True)
    t = get(world, tid)
    dialog = opened(
        NoticeDialog(world.transformations, runner, world.officer, t, calendar(world), 15, TODAY)
    )
    assert "一种高强度镁合金" in dialog.intro_label.text()
    assert "500,000.00 元" in dialog.intro_label.text()
    assert dialog.period_label.text() == "15 日（单位设置，未经核实）；起始当日不计入"
    dialog.start_edit.setText("2026-02-01")  # runs into the Spring Festival
    assert dialog.end_label.text() == "2026年2月24日 24时"
    assert "顺延至2026年2月24日（周二）" in dialog.explanation_label.text()
    dialog.start_edit.setText("2026-12-25")  # ends in 2027, which the table does not hold
    assert dialog.end_label.text() == "—"
    assert "没有2027年的安排" in dialog.explanation_label.text()
    assert dialog.deadline is None
    dialog.start_edit.setText("2026年2月1日")
    deadline = saved(dialog, qtbot)
    assert deadline.end == dt.date(2026, 2, 24)
    assert get(world, tid).notice_end == "2026-02-24"


def test_a_listing_lasts_half_a_month_by_d1(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(world.contract(method="listing"), appraised=True)
    t = get(world, tid)
    dialog = opened(
        ListingDialog(world.transformations, runner, world.officer, t, calendar(world), TODAY)
    )
    assert dialog.period_label.text() == "半个月，按 15 日计算；起始当日不计入"
    assert dialog.end_label.text() == "2026年1月20日 24时"
    saved(dialog, qtbot)
    assert get(world, tid).listing_end == "2026-01-20"


# -- the winner of a listing or an auction ---------------------------------------------------------
def test_a_taken_listing_changes_the_party_and_the_price(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(world.contract(method="listing"), appraised=True)
    world.transformations.start_listing(world.officer, tid, "2026-01-05")
    taker = world.party(name="大连摘牌科技有限公司")
    dialog = opened(
        WinnerDialog(
            world.transformations,
            world.parties,
            runner,
            world.officer,
            get(world, tid),
            "listing_taken",
            TODAY,
        )
    )
    qtbot.waitUntil(lambda: dialog.counterparty_combo.findData(taker) >= 0, timeout=5000)
    assert dialog.price_edit.text() == "500,000.00"
    dialog.counterparty_combo.setCurrentIndex(dialog.counterparty_combo.findData(taker))
    dialog.price_edit.setText("620000")
    saved(dialog, qtbot)
    t = get(world, tid)
    assert (t.state, t.counterparty_name, t.draft.price_fen) == (
        "cleared",
        "大连摘牌科技有限公司",
        620_000_00,
    )


def test_an_auction_needs_its_winner(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(world.contract(method="auction"), appraised=True)
    t = get(world, tid)
    dialog = opened(
        WinnerDialog(
            world.transformations, world.parties, runner, world.officer, t, "record_auction", TODAY
        )
    )
    qtbot.waitUntil(lambda: dialog.counterparty_combo.count() > 0, timeout=5000)
    dialog.counterparty_combo.setCurrentIndex(-1)
    dialog.save()
    assert field_error(dialog, "counterparty", qtbot) == "请选择合作方。"
    assert world.state(tid) == "priced"


# -- signing and after -----------------------------------------------------------------------------
def test_signing_before_the_procedure_allows_it_is_refused(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(appraised=True)
    dialog = opened(
        SignDialog(world.transformations, runner, world.officer, get(world, tid), TODAY)
    )
    dialog.save()
    box = rule_box(dialog, qtbot)
    assert "E_PRICING_NOT_DONE" in box.text() and "第（四）条" in box.text()
    assert world.state(tid) == "priced"


def test_a_receipt_is_booked_and_a_future_one_refused(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = signed(world)
    dialog = opened(
        MoneyDialog(world.transformations, runner, world.officer, get(world, tid), "receipt", TODAY)
    )
    assert dialog.windowTitle() == "登记收款"
    dialog.amount_edit.setText("一万")
    dialog.save()
    assert "不是数字" in field_error(dialog, "amount", qtbot)
    dialog.amount_edit.setText("10000")
    dialog.on_edit.setText("2026-03-01")
    dialog.save()
    assert field_error(dialog, "on_date", qtbot) == "收付日期不能晚于今天。"
    dialog.on_edit.setText("2026-01-21")
    entry = saved(dialog, qtbot)
    (receipt,) = [e for e in world.transformations.get(world.officer, tid).entries if e.id == entry]
    assert (receipt.kind, receipt.amount_fen) == ("receipt", 10_000_00)


def test_revenue_start_gives_the_pay_later_instalment_its_date(  # type: ignore[no-untyped-def]
    opened, world, runner, qtbot
) -> None:
    tid = signed(world, world.pay_later())
    dialog = opened(
        RevenueStartDialog(world.transformations, runner, world.officer, get(world, tid), TODAY)
    )
    dialog.on_edit.setText("2026-01-21")
    saved(dialog, qtbot)
    dues = world.transformations.get(world.officer, tid).dues
    assert [d.due_on for d in dues] == [dt.date(2027, 1, 21), dt.date(2026, 7, 21)]


def test_the_contract_registration_is_recorded(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create()
    dialog = opened(
        RegistrationDialog(world.transformations, runner, world.officer, get(world, tid), TODAY)
    )
    dialog.save()
    assert field_error(dialog, "contract_registration_no", qtbot) == "请填写技术合同登记号。"
    dialog.number_edit.setText("2026210100000123")
    saved(dialog, qtbot)
    d = get(world, tid).draft
    assert (d.contract_registration_no, d.contract_registration_date) == (
        "2026210100000123",
        "2026-01-05",
    )


def test_termination_needs_a_reason(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create()
    dialog = opened(
        TerminateDialog(world.transformations, runner, world.officer, get(world, tid), TODAY)
    )
    dialog.save()
    assert field_error(dialog, "reason", qtbot) == "请填写理由。"
    dialog.reason_edit.setText("受让方退出谈判")
    saved(dialog, qtbot)
    assert world.state(tid) == "terminated"


# -- the gates ------------------------------------------------------------------------------------
def test_a_classified_transfer_abroad_asks_for_approval_and_the_export_check(  # type: ignore[no-untyped-def]
    opened, world, runner, qtbot
) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年", ip_rights=())
    abroad = world.party(region="overseas", credit_code="HRB 12345", name="Foreign GmbH")
    tid = world.create(world.contract(achievement, counterparty_id=abroad))
    t = get(world, tid)
    secrecy = opened(SecrecyApprovalDialog(world.transformations, runner, world.officer, t))
    assert "秘密" in secrecy.intro_label.text()
    secrecy.reason_edit.setPlainText("受让方在境外实施产业化")
    request = saved(secrecy, qtbot)
    assert request.status == "pending"
    export = opened(ExportCheckDialog(world.transformations, runner, world.officer, t, None, TODAY))
    export.category_combo.setCurrentIndex(export.category_combo.findData("restricted"))
    assert export.licence_no_edit.isVisible()
    assert not export.contract_registration_no_edit.isVisible()
    export.catalogue_version_edit.setText("2023年版")
    export.licence_no_edit.setText("01XK2026")
    saved(export, qtbot)
    view = world.transformations.get(world.officer, tid)
    assert view.export_check == ExportCheck("restricted", "2023年版", "2026-01-05", "01XK2026")
    assert {f.rule_id for f in view.findings} == {
        "E_EXPORT_SECRET_REVIEW",
        "E_CONFIDENTIALITY_AGREEMENT",
    }


def test_invest_then_equity_converts_into_equity_once(opened, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.transformations import InvestTerms, Stage
    from desktop.ui.transformation_dialogs import ConvertDialog

    draft = world.contract(
        form="invest_then_equity",
        title="先投后股：新型电池隔膜中试项目",
        method=None,
        price_fen=1_000_000_00,
        invest=InvestTerms(
            (Stage("proof_of_concept", 300_000_00), Stage("pilot", 700_000_00)),
            "中试完成并取得首笔订单",
            "五年内分三次退出",
        ),
    )
    t = world.transformations
    tid = world.create(draft, appraised=True)
    t.sign(world.officer, tid, "2026-01-05")
    dialog = opened(ConvertDialog(t, runner, world.officer, get(world, tid), TODAY))
    assert "中试完成并取得首笔订单" in dialog.intro_label.text()
    dialog.company_edit.setText("沈阳隔膜科技有限公司")
    dialog.shares_edit.setText("100万")
    dialog.save()
    assert "数字" in field_error(dialog, "shares", qtbot)
    dialog.shares_edit.setText("")
    dialog.percent_edit.setText("12.5%")
    entry = saved(dialog, qtbot)
    (equity,) = [e for e in t.get(world.officer, tid).entries if e.id == entry]
    assert (equity.kind, equity.amount_fen) == ("equity", 1_000_000_00)
    assert "沈阳隔膜科技有限公司" in equity.note and "12.50%出资" in equity.note
    with pytest.raises(ValidationError):
        t.convert_to_equity(
            world.officer,
            tid,
            on="2026-01-05",
            equity=EquityTerms("沈阳隔膜科技有限公司", 10, None),
            value_fen=1,
        )
    ((deal, held),) = t.equity_register(world.officer)
    assert deal.id == tid and held.id == entry

"""The transformations page in Chinese over a real vault and real services, with a clock the
tests move: the list, the detail with its state diagram, and the proofs issue 6 asks for,
driven through the page's own buttons and dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.pricing import STATE_NAMES
from desktop.ui.pages.transformations_page import TransformationsPage
from desktop.ui.tasks import TaskRunner
from desktop.ui.transformation_dialogs import (
    AppraisalDialog,
    ListingDialog,
    MoneyDialog,
    NoticeDialog,
    ObjectionDialog,
    OnDateDialog,
    SignDialog,
    TransformationDialog,
)
from desktop.ui.widgets.reason_dialog import ServiceDialog
from tests.support import FixedClock
from tests.ui.grants_world import delete_later
from tests.ui.transformations_world import TransformWorld

LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=ServiceDialog)


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> TransformWorld:
    return TransformWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(  # type: ignore[no-untyped-def]
    zh_app, world: TransformWorld, runner: TaskRunner, qtbot
) -> Iterator[Callable[..., TransformationsPage]]:
    made: list[TransformationsPage] = []

    def make(actor: User | None = None) -> TransformationsPage:
        page = TransformationsPage(
            world.services, runner, actor or world.officer, today=world.today
        )
        qtbot.addWidget(page)
        page.resize(1280, 900)
        page.show()
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    delete_later(made)


def show(page: TransformationsPage, tid: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.select_transformation(tid)


def click_event(page: TransformationsPage, event: str, kind: type[W], qtbot) -> W:  # type: ignore[no-untyped-def]
    button = page.detail.event_buttons[event]
    assert button.isVisible(), event
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind), timeout=5000)
    dialog = page.dialog
    assert isinstance(dialog, kind)
    return dialog


def save(page: TransformationsPage, dialog: ServiceDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Save the dialog; the page reloads and shows the transformation again."""
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        dialog.save()
    assert page.dialog is None


def rule_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "rule_box")
    assert box is not None
    return box


def visible_events(page: TransformationsPage) -> set[str]:
    return {e for e, b in page.detail.event_buttons.items() if b.isVisible()}


def table_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def row_texts(page: TransformationsPage, row: int = 0) -> list[str]:
    return [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]


def reload_and_show(page: TransformationsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.reload()


# -- the proofs of issue 6 ------------------------------------------------------------------------
def test_a_negotiated_price_from_notice_to_signed(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(world.contract(price_due_on="2026-03-31"))
    page = make_page()
    show(page, tid, qtbot)
    detail = page.detail
    assert detail.price_label.text() == "500,000.00 元，2026年3月31日前支付"
    assert visible_events(page) == {"record_appraisal", "terminate"}
    assert detail.diagram.current == "appraisal"
    assert detail.diagram.states == (
        "appraisal",
        "priced",
        "notice",
        "objected",
        "listing",
        "cleared",
        "signed",
        "completed",
    )

    appraisal = click_event(page, "record_appraisal", AppraisalDialog, qtbot)
    appraisal.decision_combo.setCurrentIndex(appraisal.decision_combo.findData("waived"))
    appraisal.basis_edit.setPlainText("校长办公会决定不评估")
    save(page, appraisal, qtbot)
    assert page.current is not None and page.current.state == "priced"
    assert visible_events(page) == {"start_notice", "terminate"}  # not sign: the price first

    notice = click_event(page, "start_notice", NoticeDialog, qtbot)
    # The end and its explanation are shown before anything is saved.
    assert notice.end_label.text() == "2026年1月20日 24时"
    assert "起始当日不计入" in notice.explanation_label.text()
    assert "民法典" in notice.explanation_label.text()
    save(page, notice, qtbot)
    assert page.current.state == "notice"
    assert detail.diagram.current == "notice"
    assert detail.diagram.done_states() == {"appraisal", "priced"}
    assert "2026年1月21日起可结束公示" in detail.next_step_label.text()
    assert "2026年1月20日 24时" in detail.periods_label.text()
    steps = table_rows(detail.steps_table)
    assert [s[1] for s in steps] == ["记录资产评估决定", "开始协议定价公示"]
    assert "起始当日不计入" in steps[1][3] and "2026年1月20日" in steps[1][3]
    assert row_texts(page)[4:] == [
        "协议定价公示",
        "公示中，2026年1月21日起可结束公示（期间收到异议的转入挂牌）",
        "2026年1月21日",
    ]

    # Closing the notice before it has run out is refused, with the rule and its source.
    early = click_event(page, "close_notice", OnDateDialog, qtbot)
    early.save()
    box = rule_box(early, qtbot)
    assert "届满前不能结束公示" in box.text()
    assert "E_NOTICE_RUNNING" in box.text() and "第（四）条" in box.text()
    box.close()
    early.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert world.state(tid) == "notice"

    world.go("2026-01-21")
    reload_and_show(page, qtbot)
    assert "公示期满无异议" in detail.next_step_label.text()
    close = click_event(page, "close_notice", OnDateDialog, qtbot)
    assert close.on_edit.text() == "2026年1月21日"
    save(page, close, qtbot)
    assert page.current.state == "cleared"
    assert visible_events(page) == {"sign", "terminate"}

    sign = click_event(page, "sign", SignDialog, qtbot)
    save(page, sign, qtbot)
    assert page.current.state == "signed"
    assert detail.diagram.current == "signed"
    assert detail.diagram.skipped_states() == {"objected", "listing"}
    assert detail.diagram.done_states() == {"appraisal", "priced", "notice", "cleared"}
    assert table_rows(detail.receivables_table) == [
        ["500,000.00 元", "0.00 元", "500,000.00 元", "2026年3月31日", "未结清"]
    ]
    assert table_rows(detail.entries_table)[0][:4] == [
        "2026年1月21日",
        "应收",
        "500,000.00 元",
        "2026年3月31日",
    ]
    assert page.findChild(QMessageBox, "warnings_box") is None


def test_an_objection_leads_to_a_listing_that_lapses(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(appraised=True)
    page = make_page()
    show(page, tid, qtbot)
    save(page, click_event(page, "start_notice", NoticeDialog, qtbot), qtbot)

    world.go("2026-01-08")
    reload_and_show(page, qtbot)
    objection = click_event(page, "object", ObjectionDialog, qtbot)
    objection.content_edit.setPlainText("拟交易价格明显偏低")
    save(page, objection, qtbot)
    detail = page.detail
    assert page.current is not None and page.current.state == "objected"
    assert detail.diagram.current == "objected"
    assert visible_events(page) == {"start_listing", "terminate"}

    listing = click_event(page, "start_listing", ListingDialog, qtbot)
    listing.start_edit.setText("2026-01-08")
    # Half a month by D1: the start day is not counted, 15 days later is Friday 23 January.
    assert listing.end_label.text() == "2026年1月23日 24时"
    assert "自2026年1月8日（周四）起算15日" in listing.explanation_label.text()
    save(page, listing, qtbot)
    assert page.current.state == "listing"
    assert "2026年1月23日 24时" in detail.periods_label.text()

    world.go("2026-01-23")
    reload_and_show(page, qtbot)
    early = click_event(page, "listing_lapsed", OnDateDialog, qtbot)
    early.save()
    box = rule_box(early, qtbot)
    assert "E_LISTING_RUNNING" in box.text()
    box.close()
    early.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)

    world.go("2026-01-24")
    reload_and_show(page, qtbot)
    assert "挂牌期满无人摘牌，可按协议定价交易" in detail.next_step_label.text()
    lapsed = click_event(page, "listing_lapsed", OnDateDialog, qtbot)
    assert "按协议定价交易" in lapsed.intro_label.text()
    save(page, lapsed, qtbot)
    assert page.current.state == "cleared"
    save(page, click_event(page, "sign", SignDialog, qtbot), qtbot)
    assert page.current.state == "signed"
    assert [r[1] for r in table_rows(detail.steps_table)] == [
        "记录资产评估决定",
        "开始协议定价公示",
        "登记异议",
        "在技术市场挂牌",
        "挂牌期满无人摘牌",
        "标记合同已签订",
    ]
    assert detail.diagram.done_states() == {
        "appraisal",
        "priced",
        "notice",
        "objected",
        "listing",
        "cleared",
    }
    assert detail.diagram.skipped_states() == set()


def test_a_pay_later_licence_for_a_large_enterprise_is_refused_with_its_rule(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    large = world.party(name="鞍山重型机械集团有限公司", size="large")
    achievement = world.achievement(ip_rights=())
    page = make_page()
    qtbot.mouseClick(page.new_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, TransformationDialog), timeout=5000)
    dialog = page.dialog
    assert isinstance(dialog, TransformationDialog)
    form = dialog.form
    qtbot.waitUntil(lambda: form.counterparty_combo.findData(large) >= 0, timeout=5000)
    qtbot.waitUntil(lambda: form.achievement_combo.findData(achievement) >= 0, timeout=5000)
    form.form_combo.setCurrentIndex(form.form_combo.findData("pay_later"))
    form.title_edit.setText("镁合金专利先使用后付费许可合同")
    form.counterparty_combo.setCurrentIndex(form.counterparty_combo.findData(large))
    # The form says so at once …
    assert form.pay_later_party_label.isVisible()
    assert "大型企业" in form.pay_later_party_label.text()
    form.achievement_combo.setCurrentIndex(form.achievement_combo.findData(achievement))
    qtbot.mouseClick(form.add_achievement_button, LEFT)
    form.price_edit.setText("500000")
    form.licence_scope_combo.setCurrentIndex(form.licence_scope_combo.findData("ordinary"))
    form.licence_end_edit.setText("2031-01-04")
    form.territory_edit.setText("辽宁省")
    form.installments_table.item(0, 0).setText("500000")
    form.installments_table.item(0, 3).setText("6")
    # … and saving is refused by the rule, which the box names with its source.
    dialog.save()
    box = rule_box(dialog, qtbot)
    assert "E_PAY_LATER_SIZE" in box.text()
    assert "第（五）条" in box.text()
    assert "鞍山重型机械集团有限公司" in box.text()
    box.close()
    assert dialog.isVisible() and world.transformations.visible(world.officer) == []
    dialog.reject()


# -- the list and the detail ----------------------------------------------------------------------
def test_the_list_shows_each_contract_with_its_state_and_next_step(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.create()
    licence = world.pay_later(price_fen=500_000_00)
    world.create(licence)
    page = make_page()
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "共 2 项转化"
    rows = {row_texts(page, r)[0]: row_texts(page, r) for r in range(2)}
    assert rows["一种高强度镁合金专利转让合同"] == [
        "一种高强度镁合金专利转让合同",
        "转让",
        "沈阳第1科技有限公司",
        "500,000.00",
        STATE_NAMES["appraisal"],
        "记录资产评估决定及依据",
        "",
    ]
    assert rows["镁合金专利先使用后付费许可合同"][1] == "先使用后付费许可"


def test_the_contract_tab_shows_the_terms(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(world.pay_later())
    page = make_page()
    show(page, tid, qtbot)
    d = page.detail
    assert d.form_label.text() == "先使用后付费许可"
    assert d.counterparty_label.text().startswith("沈阳第1科技有限公司\n")
    assert "小型企业" in d.counterparty_label.text()
    assert d.achievements_label.text() == "一种高强度镁合金　100%"
    assert d.price_label.text() == "500,000.00 元"
    assert d.method_label.text() == "协议定价"
    assert d.terms_label.text().splitlines() == [
        "普通许可，2026年2月1日至2031年1月31日，地域：辽宁省",
        "免费使用 12 个月",
        "第 1 期：200,000.00 元，合同生效后 12 个月",
        "第 2 期：300,000.00 元，产生收入后 6 个月",
    ]
    assert d.registration_label.text() == "尚未登记"


def test_a_reader_sees_the_procedure_but_no_buttons(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.create(appraised=True)
    page = make_page(world.reader)
    show(page, tid, qtbot)
    assert not page.new_button.isVisible()
    assert visible_events(page) == set()
    assert not page.detail.edit_button.isVisible()
    assert not page.detail.receipt_button.isVisible()
    assert page.detail.diagram.current == "priced"


def test_receipts_settle_the_receivable_in_the_ledger_tab(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    t = world.transformations
    tid = world.create(world.contract(price_due_on="2026-03-31"), appraised=True)
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    page = make_page()
    show(page, tid, qtbot)
    d = page.detail
    assert d.receipt_button.isEnabled()
    qtbot.mouseClick(d.receipt_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, MoneyDialog), timeout=5000)
    dialog = page.dialog
    assert isinstance(dialog, MoneyDialog)
    dialog.amount_edit.setText("200000")
    dialog.note_edit.setText("第一笔")
    save(page, dialog, qtbot)
    assert table_rows(d.receivables_table) == [
        ["500,000.00 元", "200,000.00 元", "300,000.00 元", "2026年3月31日", "未结清"]
    ]
    assert "已收 200,000.00 元" in d.ledger_label.text()
    world.go("2026-04-01")
    reload_and_show(page, qtbot)
    assert table_rows(d.receivables_table)[0][4] == "逾期"


def test_a_new_contract_is_registered_then_corrected_and_shown(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    cp = world.party()
    achievement = world.achievement(ip_rights=())
    page = make_page()
    dialog = page.open_new()
    form = dialog.form
    qtbot.waitUntil(lambda: form.counterparty_combo.findData(cp) >= 0, timeout=5000)
    qtbot.waitUntil(lambda: form.achievement_combo.findData(achievement) >= 0, timeout=5000)
    form.title_edit.setText("一种高强度镁合金专利转让合同")
    form.counterparty_combo.setCurrentIndex(form.counterparty_combo.findData(cp))
    form.achievement_combo.setCurrentIndex(form.achievement_combo.findData(achievement))
    qtbot.mouseClick(form.add_achievement_button, LEFT)
    form.price_edit.setText("500000")
    save(page, dialog, qtbot)
    (t,) = world.transformations.visible(world.officer)
    assert page.current is not None and page.current.id == t.id  # the new one is shown
    assert page.detail.diagram.current == "appraisal"

    assert page.detail.edit_button.isEnabled()
    qtbot.mouseClick(page.detail.edit_button, LEFT)
    edit = page.dialog
    assert isinstance(edit, TransformationDialog)
    assert edit.form.title_edit.text() == "一种高强度镁合金专利转让合同"
    assert edit.form.price_edit.text() == "500,000.00"
    edit.form.price_edit.setText("520,000")
    save(page, edit, qtbot)
    assert page.detail.price_label.text() == "520,000.00 元"
    assert row_texts(page)[3] == "520,000.00"

"""The rewards page in Chinese over a real vault and real services, with a clock the tests move:
the list, the detail with its breakdown ("为什么是这个数？"), and the proofs issue 7 asks for,
driven through the page's own buttons and dialogs.

The world (``RewardWorld``) is shared with tests/ui/test_reward_dialogs.py: the transformations
world (an officer, a reader, 张三 and 李四) plus 王五 and a principal leader, 赵校长. The clock
says 2026-01-05, a Monday; the unit's notice period is 15 working days, so a notice started
that day ends on 2026-01-26.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from db import audit, people
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft
from desktop.domain.rewards import Deduction, Receipt, RewardDraft, Share
from desktop.ui.pages.rewards_page import RewardsPage, suggested_name
from desktop.ui.reward_dialogs import (
    CancelDialog,
    NoticeDialog,
    ObjectionDialog,
    PayDialog,
    PolicyDialog,
    RewardDialog,
    SettleObjectionDialog,
)
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ServiceDialog
from tests.support import FixedClock
from tests.ui.grants_world import delete_later, id_number
from tests.ui.transformations_world import TransformWorld

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")  # a folder to keep the screenshots in
W = TypeVar("W", bound=ServiceDialog)
D = Decimal
POLICY_SOURCE = "校字〔2024〕8号"


class RewardWorld(TransformWorld):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.rewards = self.services.rewards
        self.people_service = self.services.people
        with vault.transaction() as conn:
            self.wang = people.insert_person(
                conn, PersonDraft("王五", None, "助理研究员", "none", id_number(3))
            )
            self.zhao = people.insert_person(
                conn, PersonDraft("赵校长", None, "教授", "principal", id_number(4))
            )

    def policy(self, *, rate: str | None = "0.7") -> None:
        """The unit's policy from 2025-01-01: the costs it deducts and (unless None) its rate
        for transfers and licences."""
        self.rewards.set_policy(
            self.officer,
            "unit.deductions",
            ["评估费", "专利维持费"],
            effective_from="2025-01-01",
            source=POLICY_SOURCE,
        )
        if rate is not None:
            self.rewards.set_policy(
                self.officer,
                "unit.rate.transfer",
                rate,
                effective_from="2025-01-01",
                source=POLICY_SOURCE,
            )

    def draft(self, **changes: object) -> RewardDraft:
        draft = RewardDraft(
            title="镁合金专利转让奖励",
            kind="transfer",
            on="2026-01-05",
            people=(
                Share(self.zhang, D(5), main=True),
                Share(self.li, D(3), main=True),
                Share(self.wang, D(2)),
            ),
            receipts=(Receipt("2025-12-01", 1_000_000_00),),
            deductions=(Deduction("评估费", 20_000_00),),
            contract_registered=True,
            pay_on="2026-02-10",
        )
        return replace(draft, **changes)  # type: ignore[arg-type]

    def calculation(self, **changes: object) -> int:
        return self.rewards.save(self.officer, self.draft(**changes))


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> RewardWorld:
    return RewardWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


class Paths:
    """Stands in for the save dialog: answers with a path in tmp_path and remembers what
    was suggested."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent: QWidget, suggested: str, which: str) -> Path | None:
        self.asked.append((suggested, which))
        return self.folder / suggested


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path)


@pytest.fixture
def make_page(  # type: ignore[no-untyped-def]
    zh_app, world: RewardWorld, runner: TaskRunner, paths: Paths, qtbot
) -> Iterator[Callable[..., RewardsPage]]:
    made: list[RewardsPage] = []

    def make(actor: User | None = None) -> RewardsPage:
        page = RewardsPage(
            world.services, runner, actor or world.officer, today=world.today, choose_path=paths
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


# -- helpers --------------------------------------------------------------------------------------
def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))


def show(page: RewardsPage, calculation_id: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.select_calculation(calculation_id)


def click(page: RewardsPage, button, kind: type[W], qtbot) -> W:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind), timeout=5000)
    dialog = page.dialog
    assert isinstance(dialog, kind)
    return dialog


def save(page: RewardsPage, dialog: ServiceDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Save the dialog; the page reloads and shows the calculation again."""
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)


def rule_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "rule_box")
    assert box is not None
    return box


def type_text(edit: QLineEdit, text: str) -> None:
    """Chinese as an input method enters it (QTest types ASCII only): the text and the
    textEdited signal the widget gives for typing."""
    edit.setText(text)
    edit.textEdited.emit(text)


def row_texts(page: RewardsPage, row: int = 0) -> list[str]:
    return [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]


def actions(vault: Vault) -> list[str]:
    with vault.read() as conn:
        return [e.action for e in audit.list_page(conn, offset=0, limit=200)]


def fen(text: str) -> int:
    """343,000.00 -> 34300000"""
    return int(text.replace(",", "").replace(".", ""))


def fill_transfer(dialog: RewardDialog, world: RewardWorld, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Type a transfer of 1,000,000.00 received, 20,000.00 of appraisal costs deducted, for
    张三 (5, main), 李四 (3, main) and 王五 (2)."""
    form = dialog.form
    qtbot.waitUntil(lambda: form.person_combo.count() > 0, timeout=5000)
    qtbot.waitUntil(lambda: form.add_deduction_button.isEnabled(), timeout=5000)
    type_text(form.title_edit, "镁合金专利转让奖励")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("transfer"))
    # Find 张三 in the register as a user would: type, wait for the search, add.
    type_text(form.people_search_edit, "张三")
    qtbot.waitUntil(
        lambda: (
            form.person_combo.count() == 1 and form.person_combo.currentText().startswith("张三")
        ),
        timeout=5000,
    )
    qtbot.mouseClick(form.add_person_button, LEFT)
    for person in (world.li, world.wang):
        form.add_person(world.people_service.get(world.officer, person))
    form.set_weight(0, "5")
    form.set_weight(1, "3")
    form.set_weight(2, "2")
    form.set_main(0, True)
    form.set_main(1, True)
    form.add_receipt("2025-12-01", "1000000")
    form.add_deduction("评估费", "20000")
    form.contract_registered_check.setChecked(True)
    form.pay_on_edit.setText("2026-02-10")


# -- the proofs of issue 7 ------------------------------------------------------------------------
def test_enter_a_transfer_preview_the_breakdown_and_save_it(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, tmp_path
) -> None:
    world.policy()
    page = make_page()
    assert page.count_label.text() == "0 项奖励计算"
    dialog = click(page, page.new_button, RewardDialog, qtbot)
    fill_transfer(dialog, world, qtbot)
    form = dialog.form
    assert form.people_total_label.text() == "主要贡献人员占贡献份额 80%（不低于 50%）"
    assert form.receipts_total_label.text() == "合计：1,000,000.00 元"
    assert "本单位规定的比例：70%" in form.policy_label.text()
    assert POLICY_SOURCE in form.policy_label.text()

    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        qtbot.mouseClick(form.preview_button, LEFT)
    breakdown = form.breakdown
    assert breakdown.title_label.text() == "为什么是这个数？"
    # 1,000,000.00 − 20,000.00 = 980,000.00; × 70% = 686,000.00; 5 : 3 : 2.
    assert breakdown.pool_label.text() == ("奖励总额：686,000.00 元（净收入 980,000.00 元 × 70%）")
    lines = breakdown.lines()
    assert [r[0] for r in lines] == ["张三", "李四", "王五", "合计"]
    assert [r[3] for r in lines] == ["343,000.00", "205,800.00", "137,200.00", "686,000.00"]
    assert [r[1] for r in lines[:3]] == ["是", "是", "否"]
    text = breakdown.explanation_browser.toPlainText()
    assert "计算步骤" in text
    assert "净收入 = 收入合计 1,000,000.00 元 − 可扣除费用 20,000.00 元 = 980,000.00 元" in text
    assert "规则 C1" in text and "【未经核实】" in text  # the net-income rule is the unit's
    assert "规则 C2" in text and f"依据：{POLICY_SOURCE}" in text
    assert "规则 national.reward.main_contributor_min" in text
    assert "依据：国发〔2016〕16号 二（五）" in text and "【二手来源】" in text
    assert "每人说明" in text and "财税〔2018〕58号" in text
    assert "适用的规则版本" in text
    assert "national.reward.transfer_min_rate = 0.50（2015年10月1日起施行的版本）" in text
    assert form.preview_status_label.text() == "按当前填写的内容计算，尚未保存。"
    assert actions(world.vault).count("reward.calculated") == 0  # a preview keeps nothing
    shot(dialog, tmp_path, "rw-form.png")

    # A change after the preview says the figures are stale.
    form.set_weight(2, "3")
    assert "已修改" in form.preview_status_label.text()
    form.set_weight(2, "2")

    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        dialog.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    c = page.current
    assert c is not None and c.title == "镁合金专利转让奖励"
    assert row_texts(page) == [
        "镁合金专利转让奖励",
        "转让",
        "686,000.00 元",
        "已计算",
        "",
    ]
    detail = page.detail
    assert detail.header_label.text() == "镁合金专利转让奖励　·　已计算"
    assert detail.kind_label.text() == "转让"
    assert detail.dates_label.text() == "2026年1月5日（按当日有效的规则）；计划于2026年2月10日发放"
    assert detail.notice_label.text() == "尚未公示。"
    rows = detail.breakdown.lines()
    assert sum(fen(r[3]) for r in rows[:-1]) == fen(rows[-1][3]) == c.result.pool_fen == 686_000_00
    assert detail.breakdown.title_label.text() == "为什么是这个数？"
    assert "规则 C2" in detail.breakdown.explanation_browser.toPlainText()
    assert actions(world.vault).count("reward.calculated") == 1
    shot(page, tmp_path, "rw-page.png")


def test_a_unit_rate_below_the_floor_is_refused_with_the_law(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, tmp_path
) -> None:
    world.policy(rate=None)
    page = make_page()
    # The unit records a rate of 40% through the policy dialog (state-established by default).
    policy = click(page, page.policy_button, PolicyDialog, qtbot)
    qtbot.waitUntil(lambda: policy.history_table.rowCount() == 1, timeout=5000)
    policy.choose_rule("unit.rate.transfer")
    qtbot.keyClicks(policy.rate_edit, "40")
    policy.effective_from_edit.setText("2025-06-01")
    type_text(policy.source_edit, "校字〔2025〕3号")
    with qtbot.waitSignal(policy.saved, timeout=5000):
        policy.save()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert page.status_label.text() == "单位规则的新版本已保存。"
    assert ("unit.rate.transfer", "0.4", "2025-06-01", "校字〔2025〕3号") in (
        world.rewards.policy_history(world.officer)
    )

    dialog = click(page, page.new_button, RewardDialog, qtbot)
    fill_transfer(dialog, world, qtbot)
    qtbot.waitUntil(lambda: "40%" in dialog.form.policy_label.text(), timeout=5000)
    qtbot.mouseClick(dialog.form.preview_button, LEFT)
    box = rule_box(dialog, qtbot)
    assert "单位规定的奖励比例 40% 低于" in box.text()
    assert "必须执行的下限 50%" in box.text()
    assert "E_RATE_BELOW_MIN" in box.text()
    assert "第四十五条" in box.text()
    assert dialog.form.preview_status_label.text() == "未能计算：请看提示。"
    assert dialog.form.breakdown.result is None
    box.close()
    # Saving is refused the same way; nothing is kept and the dialog stays open.
    dialog.save()
    box = rule_box(dialog, qtbot)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert "E_RATE_BELOW_MIN" in box.text()
    box.close()
    assert dialog.isVisible()
    assert world.rewards.visible(world.officer) == []


def test_notice_then_payment_only_after_it_ends(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation()
    page = make_page()
    show(page, cid, qtbot)
    detail = page.detail
    assert detail.notice_button.isEnabled()
    assert not detail.pay_button.isEnabled()  # nothing to pay before the notice

    notice = click(page, detail.notice_button, NoticeDialog, qtbot)
    assert notice.period_label.text() == "15个工作日（单位设定，未经核实）"
    assert notice.end_label.text() == "2026年1月26日 24时"
    assert "跳过节假日及休息日6天" in notice.explanation_label.text()
    save(page, notice, qtbot)
    assert page.current is not None and page.current.state == "notice"
    assert detail.notice_label.text() == "2026年1月5日起，至2026年1月26日24时届满"
    assert row_texts(page)[3:] == ["公示中", "2026年1月26日"]
    assert not detail.notice_button.isEnabled()

    # Paying during the notice is refused, with the rule and its source.
    pay = click(page, detail.pay_button, PayDialog, qtbot)
    assert "公示期至2026年1月26日24时" in pay.intro_label.text()
    assert pay.paid_on_edit.text() == "2026年1月5日"
    pay.save()
    box = rule_box(pay, qtbot)
    assert "届满前不能发放" in box.text()
    assert "E_REWARD_NOTICE_RUNNING" in box.text()
    assert "103号" in box.text()
    box.close()
    pay.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert world.rewards.get(world.officer, cid).state == "notice"

    world.go("2026-01-27")
    pay = click(page, detail.pay_button, PayDialog, qtbot)
    assert pay.paid_on_edit.text() == "2026年1月27日"
    save(page, pay, qtbot)
    assert page.current.state == "paid"
    assert detail.state_label.text() == "已发放（2026年1月27日）"
    assert row_texts(page)[3] == "已发放"
    assert not any(
        b.isEnabled() for b in (detail.notice_button, detail.pay_button, detail.cancel_button)
    )
    assert actions(world.vault)[:3] == ["reward.paid", "reward.notice_started", "reward.calculated"]


def test_an_open_objection_holds_the_payment_until_settled(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation()
    world.rewards.start_notice(world.officer, cid, "2026-01-05")
    page = make_page()
    show(page, cid, qtbot)
    detail = page.detail
    objection = click(page, detail.objection_button, ObjectionDialog, qtbot)
    objection.content_edit.setPlainText("王五的贡献份额偏低。")
    save(page, objection, qtbot)
    assert detail.tabs.tabText(1) == "异议（1）"
    assert detail.objections_table.item(0, 1).text() == "王五的贡献份额偏低。"
    assert detail.objections_table.item(0, 2).text() == "待处理"
    assert not detail.settle_button.isEnabled()  # choose the objection first
    detail.objections_table.selectRow(0)
    assert detail.settle_button.isEnabled()

    world.go("2026-01-27")
    page_pay = click(page, detail.pay_button, PayDialog, qtbot)
    page_pay.save()
    box = rule_box(page_pay, qtbot)
    assert "E_REWARD_OBJECTION_OPEN" in box.text()
    box.close()
    page_pay.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)

    detail.objections_table.selectRow(0)
    settle = click(page, detail.settle_button, SettleObjectionDialog, qtbot)
    assert "王五的贡献份额偏低。" in settle.objection_label.text()
    settle.resolution_edit.setPlainText("经核实，份额按课题组协议确定，维持原分配。")
    save(page, settle, qtbot)
    assert detail.objections_table.item(0, 2).text() == "2026年1月27日"
    assert detail.objections_table.item(0, 3).text() == "经核实，份额按课题组协议确定，维持原分配。"

    pay = click(page, detail.pay_button, PayDialog, qtbot)
    save(page, pay, qtbot)
    assert page.current is not None and page.current.state == "paid"


def test_cancel_needs_a_reason_and_keeps_the_record(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation()
    page = make_page()
    show(page, cid, qtbot)
    cancel = click(page, page.detail.cancel_button, CancelDialog, qtbot)
    cancel.save()
    qtbot.waitUntil(lambda: cancel.fields.error_text("reason") != "", timeout=5000)
    assert cancel.fields.error_text("reason") == "请填写理由。"
    type_text(cancel.reason_edit, "贡献份额登记有误，重新计算")
    save(page, cancel, qtbot)
    assert page.current is not None and page.current.state == "cancelled"
    assert row_texts(page)[3] == "已作废"
    assert not page.detail.notice_button.isEnabled()
    assert not page.detail.notice_pdf_button.isEnabled()
    assert page.detail.statement_button.isEnabled()  # the record can still be printed


def test_a_reader_sees_the_breakdown_but_no_steps(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    tid = world.create()
    cid = world.calculation(transformation_id=tid)
    page = make_page(world.reader)
    show(page, cid, qtbot)
    detail = page.detail
    assert not page.new_button.isVisible() and not page.policy_button.isVisible()
    for button in (
        detail.notice_button,
        detail.objection_button,
        detail.settle_button,
        detail.pay_button,
        detail.cancel_button,
    ):
        assert not button.isVisible()
    assert detail.statement_button.isVisible() and detail.xlsx_button.isVisible()
    assert detail.transformation_label.text() == "一种高强度镁合金专利转让合同"
    assert detail.breakdown.lines()[-1][3] == "686,000.00"


def test_the_documents_get_names_from_the_title(zh_app, world) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation(title="镁合金/专利 转让奖励")
    c = world.rewards.get(world.officer, cid)
    assert suggested_name(c, "statement") == "奖励计算表-镁合金_专利_转让奖励.pdf"
    assert suggested_name(c, "notice") == "奖励公示-镁合金_专利_转让奖励.pdf"
    assert suggested_name(c, "xlsx") == "奖励分配表-镁合金_专利_转让奖励.xlsx"


def test_the_statement_pdf_totals_the_pool(make_page, world, paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    world.policy()
    cid = world.calculation()
    page = make_page()
    show(page, cid, qtbot)
    with qtbot.waitSignal(page.document_saved, timeout=10000) as saved:
        qtbot.mouseClick(page.detail.statement_button, LEFT)
    path = saved.args[0]
    assert paths.asked == [("奖励计算表-镁合金专利转让奖励.pdf", "statement")]
    assert page.status_label.text() == f"已保存到 {path}"
    text = "".join(p.extract_text() for p in PdfReader(str(path)).pages)
    # The allocation: each person's part, and the total row, which is the pool.
    allocation = text.split("二、奖励分配")[1].split("三、")[0]
    parts = re.findall(r"(张三|李四|王五)\D*?([\d,]+\.\d{2})", allocation)
    assert [(name, amount) for name, amount in parts] == [
        ("张三", "343,000.00"),
        ("李四", "205,800.00"),
        ("王五", "137,200.00"),
    ]
    total = re.search(r"合计\s+([\d,]+\.\d{2})", allocation)
    assert total is not None
    assert fen(total.group(1)) == sum(fen(a) for _, a in parts) == page.current.result.pool_fen
    assert "奖励总额\n686,000.00 元" in text
    assert "reward.document_exported" in actions(world.vault)

    with qtbot.waitSignal(page.document_saved, timeout=10000) as saved:
        qtbot.mouseClick(page.detail.xlsx_button, LEFT)
    assert Path(saved.args[0]).suffix == ".xlsx" and Path(saved.args[0]).stat().st_size > 0
    with qtbot.waitSignal(page.document_saved, timeout=10000) as saved:
        qtbot.mouseClick(page.detail.notice_pdf_button, LEFT)
    notice = "".join(p.extract_text() for p in PdfReader(str(saved.args[0])).pages)
    assert all(name in notice for name in ("张三", "李四", "王五"))
    assert [which for _, which in paths.asked] == ["statement", "xlsx", "notice"]
    assert actions(world.vault).count("reward.document_exported") == 3


def test_a_new_calculation_dialog_opens_once(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = click(page, page.new_button, RewardDialog, qtbot)
    qtbot.mouseClick(page.new_button, LEFT)
    assert page.dialog is dialog
    dialog.reject()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)

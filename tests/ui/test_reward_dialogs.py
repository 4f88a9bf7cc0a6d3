"""The reward dialogs in Chinese over a real vault and real services: each calls its service
method off the UI thread, shows a ValidationError at its field and a refusal by a rule in a box
with the rule and its source, and closes only once the service has accepted."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.calendar import Deadline
from desktop.domain.rewards import Receipt
from desktop.ui.reward_dialogs import (
    NoticeDialog,
    ObjectionDialog,
    PayDialog,
    PolicyDialog,
    RewardDialog,
    SettleObjectionDialog,
    policy_value_text,
)
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock
from tests.ui.test_rewards_page import POLICY_SOURCE, RewardWorld

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")
D = Decimal


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> RewardWorld:
    return RewardWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def opened(zh_app, runner, qtbot) -> Iterator[list[QWidget]]:  # type: ignore[no-untyped-def]
    made: list[QWidget] = []
    yield made
    runner.wait()
    for widget in made:
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


def keep(opened: list[QWidget], dialog, qtbot):  # type: ignore[no-untyped-def]
    opened.append(dialog)
    dialog.show()
    return dialog


def type_text(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def rule_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "rule_box")
    assert box is not None
    return box


def new_dialog(world: RewardWorld, runner, opened, qtbot) -> RewardDialog:  # type: ignore[no-untyped-def]
    dialog = keep(opened, RewardDialog(world.services, runner, world.officer, world.today()), qtbot)
    form = dialog.form
    qtbot.waitUntil(lambda: form.person_combo.count() == 4, timeout=5000)
    qtbot.waitUntil(lambda: form.policy_label.text() != "", timeout=5000)
    return dialog


def fill(dialog: RewardDialog, world: RewardWorld) -> None:
    form = dialog.form
    for person in (world.zhang, world.li, world.wang):
        form.add_person(world.people_service.get(world.officer, person))
    for row, weight in enumerate(("5", "3", "2")):
        form.set_weight(row, weight)
    form.set_main(0, True)
    form.set_main(1, True)
    form.add_receipt("2025-12-01", "1,000,000")
    form.add_deduction("评估费", "20,000")


def preview(dialog: RewardDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        qtbot.mouseClick(dialog.form.preview_button, LEFT)


def refused(dialog: QWidget, qtbot) -> str:  # type: ignore[no-untyped-def]
    """Press Preview; the rule's box comes up instead of a result: its text."""
    assert isinstance(dialog, RewardDialog)
    qtbot.mouseClick(dialog.form.preview_button, LEFT)
    box = rule_box(dialog, qtbot)
    text = box.text()
    qtbot.waitUntil(lambda: not dialog.previewing, timeout=5000)
    shiboken6.delete(box)
    return text


# -- the calculation -----------------------------------------------------------------------------
def test_the_dialog_lists_the_register_the_contracts_and_the_policy(  # type: ignore[no-untyped-def]
    world, runner, opened, qtbot
) -> None:
    world.policy()
    tid = world.create()
    dialog = new_dialog(world, runner, opened, qtbot)
    form = dialog.form
    assert dialog.windowTitle() == "新建奖励计算"
    assert [form.person_combo.itemText(i) for i in range(4)] == [
        "张三（研究员）",
        "李四（副研究员）",
        "王五（助理研究员）",
        "赵校长（教授）",
    ]
    qtbot.waitUntil(lambda: form.transformation_combo.count() == 2, timeout=5000)
    assert form.transformation_combo.itemText(0) == "不关联成果转化项目"
    assert form.transformation_combo.itemData(1) == tid
    assert form.policy_label.text() == "本单位规定的比例：70%（校字〔2024〕8号）"
    assert form.deductions_hint_label.text() == "本单位规定可扣除：专利维持费、评估费"
    # The people search runs on the worker, after a pause in the typing.
    type_text(form.people_search_edit, "李")
    assert dialog.people_timer.isActive()
    qtbot.waitUntil(lambda: form.person_combo.count() == 1, timeout=5000)
    assert form.person_combo.currentText() == "李四（副研究员）"


def test_preview_then_save_keeps_what_was_shown(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    tid = world.create()
    dialog = new_dialog(world, runner, opened, qtbot)
    fill(dialog, world)
    form = dialog.form
    qtbot.waitUntil(lambda: form.transformation_combo.count() == 2, timeout=5000)
    form.transformation_combo.setCurrentIndex(1)
    preview(dialog, qtbot)
    shown = form.breakdown.result
    assert shown is not None and shown.pool_fen == 686_000_00
    # The title is the service's to require: saving without it is refused at the field.
    dialog.save()
    qtbot.waitUntil(lambda: form.error_text("title") != "", timeout=5000)
    assert form.error_text("title") == "请填写奖励事项名称。"
    assert dialog.isVisible()
    form.title_edit.setText("镁合金专利转让奖励")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    c = world.rewards.get(world.officer, saved.args[0])
    assert c.result == shown
    assert c.transformation_id == tid
    assert c.state == "calculated"


def test_what_the_service_refuses_is_shown_at_its_field(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    dialog = new_dialog(world, runner, opened, qtbot)
    form = dialog.form
    qtbot.mouseClick(form.preview_button, LEFT)
    qtbot.waitUntil(lambda: form.error_text("recipients") != "", timeout=5000)
    assert form.error_text("recipients") == "请至少填写一名获奖人员。"
    assert form.preview_status_label.text() == "未能计算：请看标红的栏目。"
    # What the form itself cannot read goes the same way, without a trip to the worker.
    fill(dialog, world)
    form.set_weight(2, "二")
    qtbot.mouseClick(form.preview_button, LEFT)
    assert form.error_text("recipients") == "王五的贡献份额不是数字。"
    form.set_weight(2, "2")
    preview(dialog, qtbot)
    assert form.error_text("recipients") == ""


def test_each_rule_refuses_with_its_source(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    dialog = new_dialog(world, runner, opened, qtbot)
    fill(dialog, world)
    form = dialog.form

    form.set_main(1, False)  # main contributors 5 of 10: still enough
    preview(dialog, qtbot)
    form.set_main(0, False)
    text = refused(dialog, qtbot)
    assert "主要贡献人员的奖励份额合计为 0%，低于奖励总额的 50%" in text
    assert "E_MAIN_CONTRIBUTOR_SHARE" in text and "国发〔2016〕16号" in text
    form.set_main(0, True)
    form.set_main(1, True)

    # A principal leader's equity needs the approval, which is then cited in their notes.
    form.add_person(world.people_service.get(world.officer, world.zhao))
    form.set_reward_form(3, "equity")
    text = refused(dialog, qtbot)
    assert "E_PRINCIPAL_LEADER_EQUITY" in text and "国发〔2016〕16号 二（七）" in text
    form.approval_edit.setText("省委组织部批复〔2026〕3号")
    preview(dialog, qtbot)
    assert "正职领导获得股权：依据审批文件 省委组织部批复〔2026〕3号" in (
        form.breakdown.explanation_browser.toPlainText()
    )
    form.people_table.selectRow(3)
    form.remove_person_button.click()

    # Back to a day before the unit's policy: its costs were not deductible then.
    form.on_edit.setText("2024-12-31")
    form.on_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "未规定比例" in form.policy_label.text(), timeout=5000)
    assert form.deductions_hint_label.text() == "本单位未规定可扣除的费用项目。"
    text = refused(dialog, qtbot)
    assert "扣除项目“评估费”不在本单位规定可扣除的项目之内" in text
    assert "E_DEDUCTION_TYPE_NOT_ALLOWED" in text


# -- the unit's policy ---------------------------------------------------------------------------
def test_the_policy_dialog_adds_a_dated_version(world, runner, opened, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    dialog = keep(opened, PolicyDialog(world.rewards, runner, world.officer, world.today()), qtbot)
    qtbot.waitUntil(lambda: dialog.history_table.rowCount() == 2, timeout=5000)
    rows = [
        [dialog.history_table.item(r, c).text() for c in range(4)]
        for r in range(dialog.history_table.rowCount())
    ]
    assert rows == [
        ["计算净收入时可扣除的费用项目", "专利维持费、评估费", "2025年1月1日", POLICY_SOURCE],
        ["转让、许可的奖励比例", "70%", "2025年1月1日", POLICY_SOURCE],
    ]
    assert dialog.rule_combo.count() == 5
    assert dialog.value_stack.currentWidget() is dialog.rate_page
    assert dialog.effective_from_edit.text() == "2026年1月5日"

    dialog.rate_edit.setText("150")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("value") != "", timeout=5000)
    assert dialog.fields.error_text("value") == "请以百分比填写比例，须大于 0、不超过 100。"
    dialog.rate_edit.setText("75")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("source") != "", timeout=5000)
    assert dialog.fields.error_text("source") == "请写明依据的单位文件（如“校字〔2024〕8号”）。"
    type_text(dialog.source_edit, "校字〔2026〕1号")
    folder = Path(SHOTS) if SHOTS else tmp_path
    assert dialog.grab().save(str(folder / "rw-policy.png"))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ("unit.rate.transfer", "0.75", "2026-01-05", "校字〔2026〕1号") in (
        world.rewards.policy_history(world.officer)
    )
    assert world.rewards.policy(world.officer, "2026-01-05").rate_transfer == D("0.75")
    assert world.rewards.policy(world.officer, "2026-01-04").rate_transfer == D("0.7")


def test_deductible_costs_and_the_state_established_flag(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = keep(opened, PolicyDialog(world.rewards, runner, world.officer, world.today()), qtbot)
    with qtbot.waitSignal(dialog.history_loaded, timeout=5000):
        pass  # the history is read on the worker; it arrives through the event loop
    assert dialog.history_table.rowCount() == 0
    dialog.choose_rule("unit.deductions")
    assert dialog.value_stack.currentWidget() is dialog.deductions_edit
    dialog.deductions_edit.setPlainText("评估费\n\n  律师费 \n")
    type_text(dialog.source_edit, "校字〔2024〕8号")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert world.rewards.policy(world.officer, "2026-01-05").allowed_deductions == {
        "评估费",
        "律师费",
    }

    # A unit not established by the state is not bound by the statutory floor.
    dialog = keep(opened, PolicyDialog(world.rewards, runner, world.officer, world.today()), qtbot)
    dialog.choose_rule("unit.state_established")
    assert dialog.value_stack.currentWidget() is dialog.state_check
    assert dialog.state_check.isChecked()
    dialog.state_check.setChecked(False)
    type_text(dialog.source_edit, "民办非企业单位章程")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    world.rewards.set_policy(
        world.officer, "unit.rate.transfer", "0.4", effective_from="2026-01-01", source="章程"
    )
    result = world.rewards.preview(
        world.officer,
        world.draft(receipts=(Receipt("2025-12-01", 100_00),), deductions=()),
    )
    assert result.pool_fen == 40_00
    assert policy_value_text("unit.state_established", False) == "否"
    assert policy_value_text("unit.deductions", []) == "—"


# -- the steps -----------------------------------------------------------------------------------
def test_the_notice_shows_its_end_before_it_starts(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    c = world.rewards.get(world.officer, world.calculation())
    calendar = world.services.calendar.calendar(world.officer)
    dialog = keep(
        opened,
        NoticeDialog(world.rewards, runner, world.officer, c, calendar, 15, world.today()),
        qtbot,
    )
    assert dialog.header_label.text() == "镁合金专利转让奖励　转让　686,000.00 元"
    assert dialog.end_label.text() == "2026年1月26日 24时"
    assert dialog.deadline is not None and dialog.deadline.end.isoformat() == "2026-01-26"
    dialog.start_edit.setText("2026-02-30")
    assert dialog.end_label.text() == "—"
    assert "不是有效日期" in dialog.explanation_label.text()
    assert dialog.deadline is None
    dialog.start_edit.setText("2030-01-05")  # no holiday table for 2030 yet
    assert dialog.end_label.text() == "—"
    assert "2030" in dialog.explanation_label.text()
    dialog.start_edit.setText("")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("notice_start") != "", timeout=5000)
    assert dialog.fields.error_text("notice_start") == "请填写公示开始日期。"
    dialog.start_edit.setText("2026年1月6日")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert isinstance(saved.args[0], Deadline)
    c = world.rewards.get(world.officer, c.id)
    assert (c.state, c.notice_start, c.notice_end) == ("notice", "2026-01-06", "2026-01-27")


def test_objections_are_recorded_and_settled(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation()
    world.rewards.start_notice(world.officer, cid, "2026-01-05")
    c = world.rewards.get(world.officer, cid)
    dialog = keep(
        opened, ObjectionDialog(world.rewards, runner, world.officer, c, world.today()), qtbot
    )
    dialog.received_on_edit.setText("")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("received_on") != "", timeout=5000)
    assert dialog.fields.error_text("received_on") == "请填写收到日期。"
    dialog.received_on_edit.setText("2026年1月6日")  # tomorrow: not received yet
    dialog.save()
    qtbot.waitUntil(
        lambda: dialog.fields.error_text("received_on") == "收到日期不能晚于今天。", timeout=5000
    )
    world.clock.advance(dt.timedelta(days=1))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("content") != "", timeout=5000)
    dialog.content_edit.setPlainText("王五的贡献份额偏低。")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    objection = world.rewards.get(world.officer, cid).objections[0]
    assert (objection.received_on, objection.content, objection.resolved_on) == (
        "2026-01-06",
        "王五的贡献份额偏低。",
        None,
    )

    settle = keep(
        opened,
        SettleObjectionDialog(world.rewards, runner, world.officer, c, objection),
        qtbot,
    )
    assert settle.objection_label.text() == "2026年1月6日\n王五的贡献份额偏低。"
    settle.save()
    qtbot.waitUntil(lambda: settle.fields.error_text("resolution") != "", timeout=5000)
    settle.resolution_edit.setPlainText("经核实，维持原分配。")
    with qtbot.waitSignal(settle.saved, timeout=5000):
        settle.save()
    objection = world.rewards.get(world.officer, cid).objections[0]
    assert (objection.resolved_on, objection.resolution) == ("2026-01-06", "经核实，维持原分配。")


def test_payment_dates_are_checked(world, runner, opened, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.policy()
    cid = world.calculation()
    c = world.rewards.get(world.officer, cid)
    dialog = keep(opened, PayDialog(world.rewards, runner, world.officer, c, world.today()), qtbot)
    assert dialog.intro_label.text() == "该奖励尚未公示。"
    dialog.save()
    box = rule_box(dialog, qtbot)
    assert "奖励须先公示，公示期满后方可发放。" in box.text()
    assert "E_REWARD_NOT_PUBLICISED" in box.text()
    shiboken6.delete(box)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    dialog.paid_on_edit.setText("2026-01-06")  # tomorrow
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("paid_on") != "", timeout=5000)
    assert dialog.fields.error_text("paid_on") == "发放日期不能晚于今天。"
    dialog.paid_on_edit.setText("")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text("paid_on") == "请填写发放日期。", timeout=5000)
    assert world.rewards.get(world.officer, cid).state == "calculated"

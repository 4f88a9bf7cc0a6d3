"""The dialogs of a rights grant up to its taking effect, in Chinese, over a real vault: each
saves through the service, shows what the service refuses at its field (or the rule that
refuses it), and keeps what was typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.errors import RuleViolation
from desktop.ui.errors import show_rule_violation
from desktop.ui.grant_dialogs import (
    GrantDialog,
    GrantStepDialog,
    ObjectionDialog,
    PublicityDialog,
    SettleObjectionDialog,
    WithdrawDialog,
)
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock
from tests.ui.grants_world import GrantWorld, delete_later

LEFT = Qt.MouseButton.LeftButton
D = TypeVar("D", bound=QWidget)


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> GrantWorld:
    return GrantWorld(unlocked[0], clock)


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
def step(world: GrantWorld, runner: TaskRunner, host: QWidget) -> Callable[..., Any]:
    """Open a step dialog on grant ``grant_id`` as the officer."""

    def open_step(kind: type[D], grant_id: int, *args: object) -> D:
        grant = world.grants.get(world.officer, grant_id).grant
        dialog = kind(world.grants, runner, world.officer, grant, *args, host)  # type: ignore[call-arg]
        dialog.open()
        return dialog

    return open_step


def error_at(dialog: Any, field: str, qtbot) -> str:  # type: ignore[no-untyped-def]
    fields = dialog.form.fields if isinstance(dialog, GrantDialog) else dialog.fields
    qtbot.waitUntil(lambda: bool(fields.error_text(field)), timeout=5000)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    return str(fields.error_text(field))


def saved(dialog: Any, qtbot) -> Any:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.saved, timeout=5000) as signal:
        qtbot.mouseClick(dialog.save_button, LEFT)
    return signal.args[0]


# -- the rule box -------------------------------------------------------------------------------
def test_a_refusal_shows_its_message_source_and_rule_once(host) -> None:  # type: ignore[no-untyped-def]
    source = "辽科发〔2025〕6号 第（十五）条"
    box = show_rule_violation(
        host, RuleViolation(f"该成果已列入负面清单。（依据：{source}）", "E_NEGATIVE_LIST", source)
    )
    assert box.text() == (
        f"该成果已列入负面清单。\n\n依据：{source}\n规则编号：E_NEGATIVE_LIST（负面清单）"
    )
    assert box.windowTitle() == "不得办理"
    box.close()
    plain = show_rule_violation(host, RuleViolation("不行。"))
    assert plain.text() == "不行。"
    plain.close()


# -- drafting -----------------------------------------------------------------------------------
def open_grant_dialog(world, runner, host, grant_id=None) -> GrantDialog:  # type: ignore[no-untyped-def]
    grant = world.grants.get(world.officer, grant_id).grant if grant_id else None
    dialog = GrantDialog(
        world.grants, world.services.achievements, runner, world.officer, grant, world.today(), host
    )
    dialog.open()
    return dialog


def test_an_achievement_found_by_title_is_granted(world, runner, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.achievement()
    coating = world.achievement(title="一种抗菌涂层")
    dialog = open_grant_dialog(world, runner, host)
    form = dialog.form
    qtbot.waitUntil(lambda: form.achievement_combo.count() == 2, timeout=5000)
    assert form.achievement_id is None  # two found: the officer chooses
    form.search_edit.setText("抗菌")
    form.search_edit.textEdited.emit("抗菌")  # QTest types only Latin-1
    assert dialog.search_timer.isActive()
    qtbot.waitUntil(lambda: form.achievement_combo.count() == 1, timeout=5000)
    assert form.achievement_id == coating  # the one found is chosen
    qtbot.waitUntil(lambda: form.team_table.rowCount() == 2, timeout=5000)
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("70")
    grant_id = saved(dialog, qtbot)
    grant = world.grants.get(world.officer, grant_id).grant
    assert grant.doc_no == "赋权〔2026〕1号" and grant.status == "draft"
    assert grant.achievement_title == "一种抗菌涂层"
    assert [(m.person_id, m.share) for m in grant.draft.team] == [
        (world.zhang, Decimal("60.00")),
        (world.li, Decimal("40.00")),
    ]
    assert grant.draft.revenue_terms.startswith("转化收益在扣除相关费用后")


def test_a_draft_is_edited(world, runner, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    dialog = open_grant_dialog(world, runner, host, grant_id)
    form = dialog.form
    assert dialog.windowTitle() == "修改赋权"
    assert form.unit_share_edit.text() == "30" and form.team_share_edit.text() == "70"
    qtbot.waitUntil(lambda: form.team_table.item(0, 1).text() == "60", timeout=5000)
    form.unit_share_edit.setText("40")
    form.team_share_edit.setText("60")
    assert saved(dialog, qtbot) == grant_id
    draft = world.grants.get(world.officer, grant_id).grant.draft
    assert (draft.unit_share, draft.team_share) == (Decimal("40.00"), Decimal("60.00"))


def test_a_share_that_is_not_a_number_is_shown_at_its_field(world, runner, host, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    dialog = open_grant_dialog(world, runner, host, grant_id)
    dialog.form.unit_share_edit.setText("三十")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "unit_share", qtbot) == "比例“三十”不是数字。"
    assert world.grants.get(world.officer, grant_id).grant.draft.unit_share == Decimal(30)


def test_a_second_grant_of_the_same_achievement_is_refused_at_the_achievement(  # type: ignore[no-untyped-def]
    world, runner, host, qtbot
) -> None:
    achievement = world.achievement()
    world.grant(world.draft(achievement))
    dialog = open_grant_dialog(world, runner, host)
    form = dialog.form
    qtbot.waitUntil(lambda: form.achievement_id == achievement, timeout=5000)
    qtbot.waitUntil(lambda: form.team_table.rowCount() == 2, timeout=5000)
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("70")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "赋权〔2026〕1号" in error_at(dialog, "achievement", qtbot)
    assert len(world.grants.visible(world.officer)) == 1


# -- publicity and objections -------------------------------------------------------------------
def test_the_publicity_shows_the_units_period_and_its_end(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    dialog = step(PublicityDialog, grant_id, 15, world.today())
    assert dialog.grant_label.text() == "赋权〔2026〕1号　一种高强度镁合金"
    assert dialog.period_label.text() == "15 日（单位设置，未经核实）"
    assert dialog.start_edit.text() == "2026年1月5日"
    assert dialog.end_label.text() == "2026年1月20日 24时"
    dialog.start_edit.setText("2025-12-01")
    assert dialog.end_label.text() == "2025年12月16日 24时"
    dialog.start_edit.setText("12月1日")
    assert dialog.end_label.text() == "—"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "publicity_start", qtbot).startswith("“12月1日”不是有效日期")
    dialog.start_edit.setText("2025-12-01")
    assert saved(dialog, qtbot) == dt.date(2025, 12, 16)
    grant = world.grants.get(world.officer, grant_id).grant
    assert (grant.status, grant.publicity_start) == ("publicity", "2025-12-01")


def test_an_objection_is_recorded_within_the_publicity(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(publicity="2025-12-20")
    dialog = step(ObjectionDialog, grant_id, world.today())
    dialog.received_on_edit.setText("2025-12-19")
    dialog.content_edit.setPlainText("团队份额分配不合理")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "received_on", qtbot) == "收到异议的日期不能早于公示开始日期。"
    dialog.received_on_edit.setText("2025年12月28日")
    dialog.objector_edit.setText("王五")
    objection_id = saved(dialog, qtbot)
    (objection,) = world.grants.get(world.officer, grant_id).grant.objections
    assert (objection.id, objection.received_on, objection.objector, objection.content) == (
        objection_id,
        "2025-12-28",
        "王五",
        "团队份额分配不合理",
    )


def test_settling_an_objection_asks_for_the_finding_and_the_reasons(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(publicity="2025-12-20")
    objection_id = world.grants.add_objection(
        world.officer, grant_id, received_on="2025-12-28", objector="", content="份额不合理"
    )
    objection = world.grants.get(world.officer, grant_id).grant.objections[0]
    dialog = step(SettleObjectionDialog, grant_id, objection)
    assert dialog.objection_label.text() == "2025年12月28日　（匿名）\n份额不合理"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "upheld", qtbot) == "请选择异议是否成立。"
    dialog.dismissed_radio.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "resolution", qtbot) == "请填写理由。"
    dialog.resolution_edit.setPlainText("份额经团队全体成员签字确认")
    saved(dialog, qtbot)
    (settled,) = world.grants.get(world.officer, grant_id).grant.objections
    assert (settled.id, settled.status, settled.resolution) == (
        objection_id,
        "dismissed",
        "份额经团队全体成员签字确认",
    )


def test_a_grant_is_withdrawn_with_a_reason(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(publicity="2025-12-20")
    dialog = step(WithdrawDialog, grant_id)
    assert "撤回赋权〔2026〕1号？" in dialog.question_label.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "reason", qtbot) == "请填写理由。"
    dialog.reason_edit.setText("份额需重新商定")
    saved(dialog, qtbot)
    grant = world.grants.get(world.officer, grant_id).grant
    assert (grant.status, grant.withdrawn_reason) == ("withdrawn", "份额需重新商定")


def test_a_step_refused_by_a_rule_stays_open(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The base of the step dialogs: a RuleViolation is shown with its rule, not at a field."""
    achievement = world.achievement()
    grant_id = world.grant(world.draft(achievement))
    world.put_on_negative_list(achievement, "涉及国防安全")
    dialog: GrantStepDialog = step(PublicityDialog, grant_id, 15, world.today())
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = dialog.findChild(QMessageBox, "rule_box")
    assert "规则编号：E_NEGATIVE_LIST" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert world.grants.get(world.officer, grant_id).grant.status == "draft"

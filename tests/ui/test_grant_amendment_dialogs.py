"""The dialogs of a rights grant from its taking effect on, in Chinese, over a real vault:
taking effect, the supplementary agreements (extension, conversion) and the steps of an
ownership-change filing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.rights_grants import current
from desktop.ui.grant_amendment_dialogs import (
    ConversionDialog,
    ExtensionDialog,
    FilingStepDialog,
    TakeEffectDialog,
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
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait()
    delete_later([widget])


@pytest.fixture
def step(world: GrantWorld, runner: TaskRunner, host: QWidget) -> Callable[..., Any]:
    def open_step(kind: type[D], grant_id: int, *args: object) -> D:
        grant = world.grants.get(world.officer, grant_id).grant
        dialog = kind(world.grants, runner, world.officer, grant, *args, host)  # type: ignore[call-arg]
        dialog.open()
        return dialog

    return open_step


def error_at(dialog: Any, field: str, qtbot) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text(field)), timeout=5000)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    return str(dialog.fields.error_text(field))


def saved(dialog: Any, qtbot) -> Any:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.saved, timeout=5000) as signal:
        qtbot.mouseClick(dialog.save_button, LEFT)
    return signal.args[0]


# -- taking effect ------------------------------------------------------------------------------
def test_taking_effect_says_when_the_notice_ends_and_opens_the_filings(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(publicity="2025-12-01")
    dialog = step(TakeEffectDialog, grant_id, world.today())
    intro = dialog.intro_label.text()
    assert "公示期至2025年12月16日 24时届满。" in intro
    assert "生效当日起开始办理国家知识产权局权属变更手续。" in intro
    dialog.effective_on_edit.setText("2026-01-06")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "effective_on", qtbot) == "生效日期不能晚于今天。"
    dialog.effective_on_edit.setText("2026年1月4日")
    assert saved(dialog, qtbot) == []
    grant = world.grants.get(world.officer, grant_id).grant
    assert (grant.status, grant.effective_on, len(grant.filings)) == ("effective", "2026-01-04", 2)


def test_an_open_objection_holds_the_grant_with_its_rule(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(world.use_right(world.achievement()), publicity="2025-12-01")
    world.grants.add_objection(
        world.officer, grant_id, received_on="2025-12-03", objector="王五", content="份额不合理"
    )
    dialog = step(TakeEffectDialog, grant_id, world.today())
    assert "权属变更" not in dialog.intro_label.text()  # a use right changes no registration
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = dialog.findChild(QMessageBox, "rule_box")
    assert box.text().startswith("公示期间收到的异议尚有 1 项未处理，处理完毕前赋权不能生效。")
    assert "规则编号：E_GRANT_OBJECTION_OPEN" in box.text()
    assert "依据：单位赋权管理制度" in box.text()
    box.close()
    assert dialog.isVisible()
    assert world.grants.get(world.officer, grant_id).grant.status == "publicity"


# -- supplementary agreements -------------------------------------------------------------------
def test_an_extension_must_end_later_and_is_saved_as_an_amendment(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective(world.use_right(world.achievement()))
    dialog = step(ExtensionDialog, grant_id, world.today())
    assert dialog.term_label.text() == "2025年12月1日至2035年12月1日"
    assert dialog.signed_on_edit.text() == "2026年1月5日"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "new_term_end", qtbot) == "请填写延长后的终止日。"
    dialog.new_term_end_edit.setText("2035-12-01")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "new_term_end", qtbot).startswith("延长后的终止日须晚于现有终止日")
    dialog.new_term_end_edit.setText("2040-12-01")
    dialog.signed_on_edit.setText("2026-01-04")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "signed_on", qtbot) == "补充协议的签订日期不能早于赋权生效日期。"
    dialog.signed_on_edit.setText("2026-01-05")
    dialog.note_edit.setText("双方同意续期")
    amendment_id = saved(dialog, qtbot)
    grant = world.grants.get(world.officer, grant_id).grant
    (amendment,) = grant.amendments
    assert (amendment.id, amendment.doc_no, amendment.note) == (
        amendment_id,
        "赋权〔2026〕1号补1",
        "双方同意续期",
    )
    assert current(grant).term_end == "2040-12-01"


def test_a_conversion_shows_the_running_total_and_opens_the_filings(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective(world.use_right(world.achievement()))
    dialog = step(ConversionDialog, grant_id, world.today())
    assert "（2025年12月1日至2035年12月1日）" in dialog.intro_label.text()
    dialog.unit_share_edit.setText("30")
    dialog.team_share_edit.setText("60")
    assert dialog.shares_total_label.text() == "单位 + 团队：90.00%"
    assert "#b3261e" in dialog.shares_total_label.styleSheet()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "team_share", qtbot) == (
        "单位份额与团队份额合计须恰好为 100%，现为 90%。"
    )
    dialog.team_share_edit.setText("70")
    assert dialog.shares_total_label.text() == "单位 + 团队：100.00%"
    saved(dialog, qtbot)
    grant = world.grants.get(world.officer, grant_id).grant
    terms = current(grant)
    assert (terms.kind, terms.unit_share, terms.team_share) == (
        "ownership",
        Decimal("30.00"),
        Decimal("70.00"),
    )
    assert [f.ip_number for f in grant.filings] == ["201910123456.0", "202310654321.5"]


# -- change filings -----------------------------------------------------------------------------
def test_a_filing_is_completed_only_with_the_cnipa_notice(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective()
    filing = world.grants.get(world.officer, grant_id).grant.filings[0]
    dialog = step(FilingStepDialog, grant_id, filing, world.today())
    assert dialog.filing_label.text() == "专利权属变更　201910123456.0"
    assert dialog.opened_label.text() == "2026年1月5日"
    dialog.completed_on_edit.setText("2026-01-05")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "notice_no", qtbot) == "办结时请填写国家知识产权局通知书编号。"
    dialog.filed_on_edit.setText("2026-01-04")
    dialog.notice_no_edit.setText("2026010500001")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "filed_on", qtbot) == "提交日期不能早于赋权生效日期。"
    dialog.filed_on_edit.setText("2026-01-05")
    saved(dialog, qtbot)
    done = world.grants.get(world.officer, grant_id).grant.filings[0]
    assert (done.filed_on, done.notice_no, done.completed_on) == (
        "2026-01-05",
        "2026010500001",
        "2026-01-05",
    )

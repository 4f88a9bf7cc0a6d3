"""The dialogs of the checks a rights grant needs recorded (secrecy approval, export check), in
Chinese, over a real vault."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.gates import ExportCheck
from desktop.ui.grant_dialogs import GrantDialog
from desktop.ui.grant_gate_dialogs import ExportCheckDialog, SecrecyApprovalDialog
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


# -- the gates ----------------------------------------------------------------------------------
def test_the_secrecy_approval_is_asked_with_a_reason(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grant(world.draft(achievement))
    dialog = step(SecrecyApprovalDialog, grant_id)
    assert "秘密" in dialog.intro_label.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "reason", qtbot) == "请填写理由。"
    dialog.reason_edit.setPlainText("团队在本单位继续转化")
    request = saved(dialog, qtbot)
    assert (request.status, request.reason) == ("pending", "团队在本单位继续转化")
    assert world.grants.get(world.officer, grant_id).secrecy_approval == request


def test_the_export_check_asks_for_the_number_its_finding_needs(world, step, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(world.draft(world.achievement(), overseas=True))
    dialog = step(ExportCheckDialog, grant_id, None, world.today())
    assert dialog.category_combo.currentIndex() == -1
    assert not dialog.licence_no_edit.isVisibleTo(dialog)
    assert not dialog.contract_registration_no_edit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "category", qtbot) == "请选择目录核查结论（禁止、限制或自由出口）。"
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("restricted"))
    assert dialog.fields.error_text("category") == ""
    assert dialog.licence_no_edit.isVisibleTo(dialog)
    assert not dialog.contract_registration_no_edit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert error_at(dialog, "catalogue_version", qtbot).startswith("请填写所对照的目录版本")
    dialog.catalogue_version_edit.setText("2023年版")
    dialog.licence_no_edit.setText("TE2026-001")
    saved(dialog, qtbot)
    check = world.grants.get(world.officer, grant_id).export_check
    assert check == ExportCheck("restricted", "2023年版", "2026-01-05", "TE2026-001", "")

    again = step(ExportCheckDialog, grant_id, check, world.today())
    assert again.category_combo.currentData() == "restricted"
    assert again.licence_no_edit.text() == "TE2026-001"
    again.category_combo.setCurrentIndex(again.category_combo.findData("free"))
    assert again.contract_registration_no_edit.isVisibleTo(again)
    again.checked_on_edit.setText("2026-01-06")
    qtbot.mouseClick(again.save_button, LEFT)
    assert error_at(again, "checked_on", qtbot) == "核查日期不能晚于今天。"

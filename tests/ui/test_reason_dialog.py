"""The one dialog for "confirm, usually with a reason": its behaviour on a job of the test's own,
and the texts of every dialog built on it, in Chinese."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QMessageBox, QWidget

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementRow
from desktop.domain.approvals import ApprovalRequest
from desktop.domain.people import Person
from desktop.domain.pool import Candidate, PoolFacts
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.bundle import Services
from desktop.ui.approval_dialogs import ClearanceRequestDialog, DecideDialog
from desktop.ui.pages.accounts_page import (
    ClearanceDialog,
    DisableDialog,
    NewAccountDialog,
    RolesDialog,
)
from desktop.ui.pages.decisions_page import DecisionDialog
from desktop.ui.pages.people_page import LeaveDialog, PersonDialog
from desktop.ui.pages.pool_page import ExcludeDialog, PublishDialog
from desktop.ui.status_dialog import StatusDialog
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.attachment_list import RemoveFileDialog
from desktop.ui.widgets.reason_dialog import ReasonDialog, ServiceDialog

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")  # a folder to keep the screenshots in
ADMIN = User("u1", "admin", "系统管理员", ("system_admin",), "internal", True)
SECRECY = User("u2", "baomi", "李保密", ("secrecy_admin",), "secret", True)
ZHANG = User("u3", "zhang", "张三", ("researcher",), "internal", True)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    with qtbot.assertNotEmitted(runner.crashed):  # a job that raised anything but an AppError
        yield runner
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


class Held:
    """A job that waits until the test lets it go, then returns or raises what it was given."""

    def __init__(self) -> None:
        self.started = 0
        self.release = threading.Event()
        self.outcome: object = "saved"

    def __call__(self) -> object:
        self.started += 1
        assert self.release.wait(5)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


class NoteDialog(ReasonDialog):
    """The smallest use of the base: a question, a reason, a job."""

    def __init__(self, job: Held, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.setObjectName("note_dialog")
        self._held = job
        self.results: list[object] = []
        self.question_label = self._question("Remove it?")
        self.reason_edit = self._reason("Reason", "why")
        self.confirm_button.setText("Remove")
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], object]:
        return self._held

    def _succeeded(self, result: Any) -> None:
        self.results.append(result)


@pytest.fixture
def held(runner: TaskRunner) -> Iterator[Held]:
    job = Held()
    yield job
    job.release.set()  # never leave the worker waiting


@pytest.fixture
def note_dialog(zh_app, qtbot, held: Held, runner: TaskRunner) -> NoteDialog:  # type: ignore[no-untyped-def]
    dialog = NoteDialog(held, runner)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


# -- behaviour --------------------------------------------------------------------------------
def test_the_widgets_carry_the_names_callers_and_tests_know(note_dialog: NoteDialog) -> None:
    for name in ("question_label", "fields", "reason_edit", "buttons", "cancel_button"):
        assert note_dialog.findChild(QWidget, name) is not None
    assert note_dialog.confirm_button.objectName() == "confirm_button"
    assert note_dialog.reason_edit.placeholderText() == "why"
    assert note_dialog.cancel_button.text() == "取消"


def test_while_the_service_works_the_dialog_can_be_neither_cancelled_nor_confirmed_again(
    note_dialog: NoteDialog, held: Held, qtbot
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(note_dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: held.started == 1, timeout=5000)
    assert note_dialog.busy
    assert not note_dialog.confirm_button.isEnabled()
    assert not note_dialog.cancel_button.isEnabled()
    note_dialog.reject()  # Esc or the window's close button
    note_dialog.confirm()  # Enter again
    assert note_dialog.isVisible()
    with qtbot.waitSignal(note_dialog.accepted, timeout=5000):
        held.release.set()
    assert held.started == 1
    assert note_dialog.results == ["saved"]
    assert not note_dialog.busy and not note_dialog.isVisible()


def test_a_refusal_about_a_field_is_shown_at_the_field_and_the_dialog_stays(
    note_dialog: NoteDialog, held: Held, qtbot
) -> None:  # type: ignore[no-untyped-def]
    held.outcome = ValidationError("reason", "请填写理由。")
    held.release.set()
    note_dialog.reason_edit.setText("  ")
    qtbot.mouseClick(note_dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: bool(note_dialog.fields.error_text("reason")), timeout=5000)
    assert note_dialog.fields.error_text("reason") == "请填写理由。"
    assert note_dialog.isVisible() and note_dialog.confirm_button.isEnabled()
    assert note_dialog.cancel_button.isEnabled()
    assert note_dialog.results == []

    held.outcome = 7
    with qtbot.waitSignal(note_dialog.accepted, timeout=5000):
        qtbot.mouseClick(note_dialog.confirm_button, LEFT)
    assert note_dialog.fields.error_text("reason") == ""  # cleared before the second try
    assert note_dialog.results == [7]


@pytest.mark.parametrize(
    "error",
    [
        PermissionDenied("只有保密管理员可以这样做。"),
        ValidationError("other", "只有保密管理员可以这样做。"),
    ],
)
def test_any_other_refusal_is_a_message_over_the_dialog(  # type: ignore[no-untyped-def]
    note_dialog: NoteDialog, held: Held, qtbot, error
) -> None:
    held.outcome = error
    held.release.set()
    note_dialog.reason_edit.setText("上传错了")
    qtbot.mouseClick(note_dialog.confirm_button, LEFT)
    qtbot.waitUntil(
        lambda: note_dialog.findChild(QMessageBox, "error_box") is not None, timeout=5000
    )
    box = note_dialog.findChild(QMessageBox, "error_box")
    assert box.text() == "只有保密管理员可以这样做。"
    box.close()
    assert note_dialog.isVisible() and note_dialog.confirm_button.isEnabled()
    assert note_dialog.reason_edit.text() == "上传错了"  # what was typed stays
    qtbot.mouseClick(note_dialog.cancel_button, LEFT)
    assert not note_dialog.isVisible() and note_dialog.results == []


def test_a_service_dialog_says_what_the_service_returned_and_is_deleted_once_closed(  # type: ignore[no-untyped-def]
    zh_app, qtbot, held: Held, runner: TaskRunner
) -> None:
    class Saving(ServiceDialog):
        def _job(self) -> Callable[[], object]:
            return held

    dialog = Saving(runner)
    dialog._finish_layout(dialog.fields)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    assert dialog.save_button is dialog.confirm_button
    assert dialog.save_button.objectName() == "save_button"
    assert (dialog.save_button.text(), dialog.cancel_button.text()) == ("保存", "取消")
    dialog.open()
    held.release.set()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert saved.args == ["saved"]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


# -- every dialog on the base, in Chinese -----------------------------------------------------
def facts() -> PoolFacts:
    return PoolFacts(1, "一种高强韧镁合金的制备方法", "registered", "public", False, None, "")


def request() -> ApprovalRequest:
    return ApprovalRequest(
        id=3,
        kind="user_clearance",
        object_type="user",
        object_id="u3",
        payload={"before": "internal", "clearance": "secret"},
        reason="承担涉密项目 A",
        requested_by="u3",
        requested_at="2026-01-05T08:03:00+00:00",
        status="pending",
        requester_name="张三",
    )


ROW = AchievementRow(
    1, "一种高强韧镁合金的制备方法", "patent", "registered", "public", "", 2025, "", ""
)
PERSON = Person(5, "李四", None, "", "", "none", True)
MAKE: dict[str, Callable[[Services, TaskRunner], ReasonDialog]] = {
    "status_dialog": lambda s, r: StatusDialog(s.achievements, r, ADMIN, ROW, "terminate"),
    "leave_dialog": lambda s, r: LeaveDialog(s.people, r, ADMIN, PERSON),
    "person_dialog": lambda s, r: PersonDialog(s.people, r, ADMIN, [(1, "科技处")], None),
    "exclude_dialog": lambda s, r: ExcludeDialog(s.pool, r, ADMIN, Candidate(facts(), "")),
    "publish_dialog": lambda s, r: PublishDialog(s.pool, r, ADMIN, 3),
    "decision_dialog": lambda s, r: DecisionDialog(s.decisions, r, ADMIN, None),
    "remove_file_dialog": lambda _s, r: RemoveFileDialog("纪要.pdf", lambda _why: None, r),
    "new_account_dialog": lambda s, r: NewAccountDialog(s.accounts, r, ADMIN, True),
    "roles_dialog": lambda s, r: RolesDialog(s.accounts, r, ADMIN, ZHANG),
    "disable_dialog": lambda s, r: DisableDialog(s.accounts, r, ADMIN, ZHANG),
    "clearance_dialog": lambda s, r: ClearanceDialog(s.accounts, r, SECRECY, ZHANG),
    "clearance_request_dialog": lambda s, r: ClearanceRequestDialog(s.approvals, r, ADMIN, ZHANG),
    "decide_dialog": lambda s, r: DecideDialog(
        s.approvals, r, SECRECY, request(), "张三", approve=False
    ),
}
# The dialog's name | its title | its OK button's object name | the button's text.
SEEN = """
status_dialog            | 终止成果            | confirm_button | 终止
leave_dialog             | 标记为离开          | confirm_button | 标记为离开
person_dialog            | 新增人员            | save_button    | 保存
exclude_dialog           | 排除出成果池        | ok_button      | 排除
publish_dialog           | 发布新版本          | ok_button      | 发布
decision_dialog          | 登记决策记录        | save_button    | 保存
remove_file_dialog       | 删除附件            | remove_button  | 删除
new_account_dialog       | 新建账户            | save_button    | 保存
roles_dialog             | 张三（zhang） 的角色 | save_button    | 保存
disable_dialog           | 停用账户            | save_button    | 停用
clearance_dialog         | 设定涉密等级        | save_button    | 保存
clearance_request_dialog | 申请调整涉密等级    | save_button    | 提交申请
decide_dialog            | 驳回申请            | save_button    | 驳回
"""
EXPECTED = {
    cells[0]: cells[1:]
    for cells in ([c.strip() for c in line.split("|")] for line in SEEN.strip().splitlines())
}


def test_the_table_names_every_dialog() -> None:
    assert set(EXPECTED) == set(MAKE)


@pytest.mark.parametrize("name", MAKE)
def test_every_dialog_on_the_base_speaks_chinese(  # type: ignore[no-untyped-def]
    zh_app, services, runner, qtbot, name
) -> None:
    title, confirm_name, confirm_text = EXPECTED[name]
    dialog = MAKE[name](services, runner)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == name
    assert dialog.windowTitle() == title
    assert dialog.confirm_button.objectName() == confirm_name
    assert getattr(dialog, confirm_name) is dialog.confirm_button
    assert dialog.confirm_button.text() == confirm_text
    assert dialog.cancel_button.text() == "取消"  # set by the base
    assert dialog.cancel_button.objectName() == "cancel_button"
    assert dialog.buttons.objectName() == "buttons"


def test_the_clearance_fields_are_labelled_in_chinese(zh_app, services, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialogs = (
        ClearanceDialog(services.accounts, runner, SECRECY, ZHANG),
        ClearanceRequestDialog(services.approvals, runner, ADMIN, ZHANG),
    )
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        layout = dialog.fields.layout_
        labels = [
            layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
            for row in range(layout.rowCount())
        ]
        assert labels[:2] == ["账户", "现涉密等级"]
        assert dialog.account_label.text() == "张三（zhang）"
        assert dialog.current_label.text() == "内部"
    chosen = [dialog.clearance_combo.currentData() for dialog in dialogs]
    assert chosen == ["internal", "secret"]  # as it is; one level up, as most requests ask


# -- how they look ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["exclude_dialog", "clearance_request_dialog"])
def test_screenshot(zh_app, services, runner, qtbot, tmp_path, name) -> None:  # type: ignore[no-untyped-def]
    """Kept in $TD_SCREENSHOTS when it is set, to be looked at."""
    dialog = MAKE[name](services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_field_error(ValidationError("reason", "请填写理由。"))
    qtbot.waitUntil(lambda: dialog.fields.error_text("reason") != "", timeout=2000)
    image = Path(SHOTS or tmp_path) / f"{name}.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(image)) and image.stat().st_size > 0

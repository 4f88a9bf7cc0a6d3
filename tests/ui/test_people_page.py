"""The people register's page and dialogs, in Chinese, over a real vault and real services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import AuditEntry
from desktop.domain.identifiers import id_number_check_char
from desktop.domain.people import PersonDraft
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui.pages.people_page import (
    SEARCH_DELAY_MS,
    LeaveDialog,
    PeoplePage,
    PersonDialog,
)
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")
VALID = "11010519491231002X"
MASKED = "1101**********002X"
NAME, DEPARTMENT, TITLE, LEADER, ID_NUMBER, CONTACT, STATUS = range(7)


@dataclass(frozen=True)
class World:
    vault: Vault
    service: PeopleService
    units: UnitService
    admin: User  # system administrator: may edit people
    chem: int  # 化学学院
    office: int  # 科技处


def make_user(vault: Vault, login: str, roles: tuple[str, ...], clearance: str) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            login,
            UserDraft(login, f"用户{login}", roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, login)
    assert user is not None
    return user


def valid_number(body: str) -> str:
    """An 18-character number with the right check digit (``body`` is 17 digits)."""
    return body + id_number_check_char(body)


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, admin = unlocked
    units = UnitService(vault, now=clock)
    departments = {name: dept_id for dept_id, name in units.departments(admin)}
    return World(
        vault=vault,
        service=PeopleService(vault, now=clock),
        units=units,
        admin=admin,
        chem=departments["化学学院"],
        office=departments["科技处"],
    )


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(zh_app, world: World, runner: TaskRunner, qtbot):  # type: ignore[no-untyped-def]
    made: list[PeoplePage] = []

    def make(actor: User | None = None) -> PeoplePage:
        page = PeoplePage(world.service, world.units, runner, actor or world.admin)
        qtbot.addWidget(page)
        page.resize(1100, 420)
        page.show()
        page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    # Delete the pages while their Python side is whole (their models call closures).
    for page in made:
        shiboken6.delete(page)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def cell(page: PeoplePage, row: int, column: int) -> str:
    return str(page.model.data(page.model.index(row, column)))


def names(page: PeoplePage) -> list[str]:
    return [cell(page, row, NAME) for row in range(page.model.rowCount())]


def select(page: PeoplePage, name: str) -> None:
    page.table.selectRow(names(page).index(name))
    selected = page.selected_person()
    assert selected is not None and selected.name == name


def open_person_dialog(page: PeoplePage, qtbot, button=None) -> PersonDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button or page.add_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    assert page.dialog is not None
    return page.dialog


def open_leave_dialog(page: PeoplePage, qtbot) -> LeaveDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.leave_button, LEFT)
    qtbot.waitUntil(lambda: page.leave_dialog is not None, timeout=5000)
    assert page.leave_dialog is not None and page.leave_dialog.isVisible()
    return page.leave_dialog


def audit_entries(vault: Vault) -> list[AuditEntry]:
    with vault.read() as conn:
        return list(audit.list_page(conn, offset=0, limit=100))


def add(world: World, name: str, **changes: object) -> int:
    values: dict[str, object] = {
        "name": name,
        "department_id": world.chem,
        "title": "教授",
        "leader_type": "none",
        "id_number": "",
        "contact": "",
    }
    values.update(changes)
    return world.service.add(world.admin, PersonDraft(**values))  # type: ignore[arg-type]


def shot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))
    return folder / name


# -- adding and editing -----------------------------------------------------------------------
def test_added_person_is_listed_with_the_id_number_masked(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot, qtmodeltester
) -> None:
    page = make_page()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "共 0 人"
    dialog = open_person_dialog(page, qtbot)
    assert dialog.windowTitle() == "新增人员"
    form = dialog.form
    form.name_edit.setText("张三")  # QTest types only Latin-1
    form.department_combo.setCurrentIndex(form.department_combo.findData(world.chem))
    form.title_edit.setText("教授")
    qtbot.keyClicks(form.id_number_edit, VALID)
    qtbot.keyClicks(form.contact_edit, "024-23456789")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)

    assert page.model.rowCount() == 1
    assert [cell(page, 0, c) for c in range(7)] == [
        "张三",
        "化学学院",
        "教授",
        "非领导",
        MASKED,
        "024-23456789",
        "在职",
    ]
    assert page.model.headerData(ID_NUMBER, Qt.Orientation.Horizontal) == "居民身份证号"
    assert page.model.headerData(CONTACT, Qt.Orientation.Horizontal) == "联系方式"
    assert page.model.headerData(STATUS, Qt.Orientation.Horizontal) == "状态"
    assert page.model.data(page.model.index(0, ID_NUMBER), Qt.ItemDataRole.ToolTipRole) == MASKED
    assert page.selected_person() is not None  # the saved person is selected
    assert page.count_label.text() == "共 1 人"
    # Stored in full; only the list masks it.
    stored = world.service.page(world.admin, 0, 10)
    assert [(p.id_number, p.contact) for p in stored] == [(VALID, "024-23456789")]
    assert audit_entries(world.vault)[0].action == "person.created"
    qtmodeltester.check(page.model)


def test_a_wrong_check_digit_is_shown_at_the_field_and_the_text_kept(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    page = make_page()
    dialog = open_person_dialog(page, qtbot)
    dialog.form.name_edit.setText("张三")
    wrong = VALID[:-1] + "1"
    qtbot.keyClicks(dialog.form.id_number_edit, wrong)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("id_number")), timeout=5000)

    assert dialog.form.error_text("id_number") == "居民身份证号校验位不正确，请核对。"
    assert dialog.form.id_number_edit.text() == wrong
    assert dialog.form.name_edit.text() == "张三"
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert world.service.count(world.admin) == 0

    # Corrected, it saves; the error goes away with the next attempt.
    dialog.form.id_number_edit.setText(VALID)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert cell(page, 0, ID_NUMBER) == MASKED


def test_editing_shows_the_full_number_and_saves_changes(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    add(world, "李四", id_number=VALID, contact="li@example.cn")
    page = make_page()
    select(page, "李四")
    dialog = open_person_dialog(page, qtbot, page.edit_button)
    assert dialog.windowTitle() == "编辑人员"
    assert dialog.form.id_number_edit.text() == VALID
    assert dialog.form.contact_edit.text() == "li@example.cn"
    dialog.form.contact_edit.setText("13900000000")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5000)
    assert cell(page, 0, CONTACT) == "13900000000"
    assert cell(page, 0, ID_NUMBER) == MASKED
    assert audit_entries(world.vault)[0].action == "person.updated"


# -- search and the in-post filter ------------------------------------------------------------
def test_search_narrows_the_table_after_a_pause(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    add(world, "张三", contact="024-11112222")
    add(world, "李四", department_id=world.office, title="工程师")
    add(world, "王五", id_number=valid_number("21010219800101001"))
    page = make_page()
    assert names(page) == ["张三", "李四", "王五"]
    assert page.search_timer.interval() == SEARCH_DELAY_MS == 250

    page.search_edit.setText("科技处")
    # Debounced: nothing is read while the user is still typing.
    assert page.search_timer.isActive()
    assert page.model.rowCount() == 3
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert names(page) == ["李四"]
    assert page.count_label.text() == "找到 1 人"

    page.search_edit.setText("11112222")  # contact
    qtbot.waitUntil(lambda: names(page) == ["张三"], timeout=2000)
    page.search_edit.setText("210102")  # a part of the identity number
    qtbot.waitUntil(lambda: names(page) == ["王五"], timeout=2000)
    page.search_edit.setText("没有此人")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    assert page.count_label.text() == "共 3 人"


# -- leaving and coming back ------------------------------------------------------------------
def test_marking_left_needs_a_reason_then_hides_them_from_the_in_post_list(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    add(world, "张三")
    add(world, "李四")
    page = make_page()
    assert not page.leave_button.isEnabled()  # nothing selected
    select(page, "李四")
    assert page.leave_button.isEnabled() and not page.return_button.isEnabled()

    dialog = open_leave_dialog(page, qtbot)
    assert "李四" in dialog.question_label.text()
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写离开原因（如调离、退休）。"
    assert dialog.isVisible()
    assert [p.active for p in world.service.page(world.admin, 0, 10)] == [True, True]

    dialog.reason_edit.setText("调离本单位")
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: page.leave_dialog is None, timeout=5000)
    assert [cell(page, r, STATUS) for r in range(2)] == ["在职", "已离开"]
    assert page.selected_person() is not None and page.selected_person().name == "李四"  # type: ignore[union-attr]
    assert page.return_button.isEnabled() and not page.leave_button.isEnabled()
    newest = audit_entries(world.vault)[0]
    assert (newest.action, newest.reason) == ("person.left", "调离本单位")

    qtbot.mouseClick(page.active_only_check, LEFT)
    assert page.active_only_check.text() == "只看在职人员"
    assert page.active_only_check.isChecked()
    assert names(page) == ["张三"]
    assert page.count_label.text() == "找到 1 人"
    qtbot.mouseClick(page.active_only_check, LEFT)
    assert names(page) == ["张三", "李四"]


def test_back_in_post_restores_the_person(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    person_id = add(world, "李四")
    world.service.set_left(world.admin, person_id, True, "退休")
    page = make_page()
    assert cell(page, 0, STATUS) == "已离开"
    select(page, "李四")
    assert page.return_button.text() == "恢复在职"
    qtbot.mouseClick(page.return_button, LEFT)
    qtbot.waitUntil(lambda: cell(page, 0, STATUS) == "在职", timeout=5000)
    idle(qtbot, runner)
    assert page.leave_button.isEnabled() and not page.return_button.isEnabled()
    assert audit_entries(world.vault)[0].action == "person.returned"
    assert world.service.count(world.admin, active_only=True) == 1


def test_cancelling_the_leave_dialog_changes_nothing(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    add(world, "李四")
    page = make_page()
    select(page, "李四")
    before = len(audit_entries(world.vault))
    dialog = open_leave_dialog(page, qtbot)
    dialog.reason_edit.setText("调离")
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert page.leave_dialog is None
    assert cell(page, 0, STATUS) == "在职"
    assert len(audit_entries(world.vault)) == before


# -- rights -----------------------------------------------------------------------------------
def test_a_reader_without_person_edit_sees_no_buttons(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    add(world, "张三", id_number=VALID)
    researcher = make_user(world.vault, "researcher", ("researcher",), "internal")
    page = make_page(researcher)
    assert names(page) == ["张三"]
    assert cell(page, 0, ID_NUMBER) == MASKED
    for button in (page.add_button, page.edit_button, page.leave_button, page.return_button):
        assert not button.isVisibleTo(page)
    assert page.search_edit.isVisibleTo(page) and page.active_only_check.isVisibleTo(page)
    # A double click opens nothing for them either.
    select(page, "张三")
    index = page.model.index(0, NAME)
    page.table.doubleClicked.emit(index)
    idle(qtbot, runner)
    assert page.dialog is None

    editor = make_page()
    for button in (editor.add_button, editor.edit_button, editor.leave_button):
        assert button.isVisibleTo(editor)


# -- how it looks -----------------------------------------------------------------------------
def test_screenshot_of_the_page(make_page, world, runner, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add(world, "张三", id_number=VALID, contact="024-23456789", leader_type="deputy")
    add(world, "李四", department_id=world.office, title="工程师", contact="li@example.cn")
    gone = add(world, "王五", id_number=valid_number("21010219800101001"), title="副教授")
    world.service.set_left(world.admin, gone, True, "退休")
    page = make_page()
    select(page, "王五")
    label = page.count_label
    assert label.text() == "共 3 人"
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width(), timeout=2000)  # laid out
    assert shot(page, tmp_path, "people_page.png").stat().st_size > 0
    select(page, "李四")
    dialog = open_leave_dialog(page, qtbot)
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert shot(dialog, tmp_path, "leave_dialog.png").stat().st_size > 0
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    select(page, "张三")
    edit = open_person_dialog(page, qtbot, page.edit_button)
    assert shot(edit, tmp_path, "person_dialog.png").stat().st_size > 0

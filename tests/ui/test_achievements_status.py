"""Terminating and reopening achievements from the register page (``StatusDialog``), in
Chinese, over a real vault and real services."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db import achievements, audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import STATUSES, AchievementDraft, Completer, IpRight
from desktop.domain.audit import AuditEntry
from desktop.domain.people import PersonDraft
from desktop.services.achievements import AchievementService
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui.pages.achievements_page import AchievementsPage
from desktop.ui.status_dialog import StatusDialog
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")
STATUS = 3  # the status column


@dataclass(frozen=True)
class World:
    vault: Vault
    service: AchievementService
    people: PeopleService
    units: UnitService
    officer: User  # transfer officer, cleared for 秘密
    zhang: int
    chem: int  # 化学学院


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


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, admin = unlocked
    units = UnitService(vault, now=clock)
    people = PeopleService(vault, now=clock)
    chem = {name: dept_id for dept_id, name in units.departments(admin)}["化学学院"]
    return World(
        vault=vault,
        service=AchievementService(vault, now=clock),
        people=people,
        units=units,
        officer=make_user(vault, "officer", ("transfer_officer",), "secret"),
        zhang=people.add(admin, PersonDraft("张三", chem, "教授", "none")),
        chem=chem,
    )


def draft(world: World, **changes: object) -> AchievementDraft:
    base = AchievementDraft(
        title="一种高强韧镁合金的制备方法",
        abstract="通过微合金化与形变热处理提高强度和韧性。",
        keywords=("镁合金", "热处理"),
        kind="invention_patent",
        department_id=world.chem,
        funding_type="vertical",
        funding_ref="2023YFB3701000",
        completers=(Completer(world.zhang, "lead", Decimal("100")),),
        ip_rights=(IpRight("202310397744.0", "2023-04-14", "2024-09-20"),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(zh_app, world: World, runner: TaskRunner, qtbot):  # type: ignore[no-untyped-def]
    made: list[AchievementsPage] = []

    def make(actor: User | None = None) -> AchievementsPage:
        page = AchievementsPage(
            world.service, world.people, world.units, runner, actor or world.officer
        )
        qtbot.addWidget(page)
        page.resize(1400, 700)
        page.show()
        page.reload()
        made.append(page)
        idle(qtbot, runner)
        return page

    yield make
    runner.wait()
    for page in made:  # delete while the Python side is whole (see test_achievements_page)
        shiboken6.delete(page)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def select(page: AchievementsPage, achievement_id: int) -> None:
    for row in range(page.model.rowCount()):
        if page.model.row(row).id == achievement_id:
            page.table.selectRow(row)
            return
    raise AssertionError(f"achievement {achievement_id} is not listed")


def status_of(page: AchievementsPage, achievement_id: int) -> str:
    for row in range(page.model.rowCount()):
        if page.model.row(row).id == achievement_id:
            return str(page.model.data(page.model.index(row, STATUS)))
    raise AssertionError(f"achievement {achievement_id} is not listed")


def open_status_dialog(page: AchievementsPage, qtbot, button) -> StatusDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(
        lambda: page.status_dialog is not None and page.status_dialog.isVisible(), timeout=5000
    )
    assert page.status_dialog is not None
    return page.status_dialog


def entries(vault: Vault) -> list[AuditEntry]:
    with vault.read() as conn:
        return audit.list_page(conn, offset=0, limit=100)


def stored_status(world: World, achievement_id: int) -> str:
    return world.service.get(world.officer, achievement_id).status


def force_status(world: World, achievement_id: int, status: str) -> None:
    """Put a record in a status that only other actions (pricing, trading) reach."""
    with world.vault.transaction() as conn:
        achievements.set_status(
            conn, achievement_id, status, updated_at="2026-01-05T08:03:00+00:00"
        )


def shot(widget: QWidget, tmp_path: Path, name: str) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))
    return folder / name


# -- terminate --------------------------------------------------------------------------------
def test_terminating_needs_a_reason_then_the_row_shows_terminated_and_stays_selected(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    older = world.service.create(world.officer, draft(world))
    newer = world.service.create(
        world.officer, draft(world, title="一种加氢催化剂", kind="know_how", ip_rights=())
    )
    page = make_page()
    select(page, older)  # the second row: newest first
    assert page.table.selectionModel().selectedRows()[0].row() == 1
    assert page.terminate_button.text() == "终止…"
    assert page.terminate_button.isEnabled() and not page.reopen_button.isEnabled()
    logged = len(entries(world.vault))

    dialog = open_status_dialog(page, qtbot, page.terminate_button)
    assert dialog.windowTitle() == "终止成果"
    assert "“一种高强韧镁合金的制备方法”" in dialog.question_label.text()
    assert dialog.change_label.text() == "状态：登记 → 终止"
    assert dialog.confirm_button.text() == "终止"
    assert dialog.cancel_button.text() == "取消"
    for typed in ("", "   "):
        dialog.reason_edit.setText(typed)
        qtbot.mouseClick(dialog.confirm_button, LEFT)
        qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
        idle(qtbot, runner)
        assert dialog.fields.error_text("reason") == "请填写理由。"
        assert dialog.isVisible() and dialog.confirm_button.isEnabled()
        assert page.status_dialog is dialog
        dialog.fields.clear_errors()
    assert stored_status(world, older) == "registered"
    assert len(entries(world.vault)) == logged  # nothing written

    dialog.reason_edit.setText("专利已放弃，无转化价值")
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: page.status_dialog is None, timeout=5000)
    assert not dialog.isVisible()
    # The page reloads its rows after the dialog has closed; they arrive from the worker.
    qtbot.waitUntil(lambda: status_of(page, older) == "终止", timeout=5000)
    assert status_of(page, newer) == "登记"
    selected = page.selected_row()
    assert selected is not None and selected.id == older
    assert not page.terminate_button.isEnabled() and page.reopen_button.isEnabled()
    assert stored_status(world, older) == "terminated"
    newest = entries(world.vault)[0]
    assert (newest.action, newest.object_id, newest.reason) == (
        "achievement.status_changed",
        str(older),
        "专利已放弃，无转化价值",
    )
    assert json.loads(newest.before or "") == {"status": "registered"}
    assert json.loads(newest.after or "") == {"status": "terminated"}
    idle(qtbot, runner)


def test_cancelling_changes_nothing(make_page, world, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    achievement_id = world.service.create(world.officer, draft(world))
    page = make_page()
    select(page, achievement_id)
    logged = len(entries(world.vault))
    dialog = open_status_dialog(page, qtbot, page.terminate_button)
    dialog.reason_edit.setText("误点")
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert page.status_dialog is None and not dialog.isVisible()
    idle(qtbot, runner)
    assert status_of(page, achievement_id) == "登记"
    assert stored_status(world, achievement_id) == "registered"
    assert len(entries(world.vault)) == logged


def test_a_status_changed_meanwhile_is_refused_in_a_message(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    achievement_id = world.service.create(world.officer, draft(world))
    page = make_page()
    select(page, achievement_id)
    dialog = open_status_dialog(page, qtbot, page.terminate_button)
    # Someone else terminates it while the dialog is open.
    world.service.change_status(world.officer, achievement_id, "terminate", "重复登记")
    logged = len(entries(world.vault))
    dialog.reason_edit.setText("专利已放弃")
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "error_box") is not None, timeout=5000)
    box = dialog.findChild(QMessageBox, "error_box")
    assert box is not None and box.text() == "当前状态下不能进行该操作。"
    assert dialog.isVisible() and dialog.confirm_button.isEnabled()
    assert dialog.reason_edit.text() == "专利已放弃"
    assert len(entries(world.vault)) == logged
    box.close()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert page.status_dialog is None


# -- reopen -----------------------------------------------------------------------------------
def test_reopening_brings_a_terminated_record_back_to_registered(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot
) -> None:
    achievement_id = world.service.create(world.officer, draft(world))
    world.service.change_status(world.officer, achievement_id, "terminate", "专利已放弃")
    page = make_page()
    assert status_of(page, achievement_id) == "终止"
    select(page, achievement_id)
    assert page.reopen_button.text() == "恢复…"
    assert page.reopen_button.isEnabled() and not page.terminate_button.isEnabled()

    dialog = open_status_dialog(page, qtbot, page.reopen_button)
    assert dialog.windowTitle() == "恢复成果"
    assert "“一种高强韧镁合金的制备方法”" in dialog.question_label.text()
    assert dialog.change_label.text() == "状态：终止 → 登记"
    assert dialog.confirm_button.text() == "恢复"
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert dialog.fields.error_text("reason") == "请填写理由。"
    assert stored_status(world, achievement_id) == "terminated"

    dialog.reason_edit.setText("误操作终止，恢复登记")
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: page.status_dialog is None, timeout=5000)
    idle(qtbot, runner)
    assert status_of(page, achievement_id) == "登记"
    selected = page.selected_row()
    assert selected is not None and selected.id == achievement_id
    assert page.terminate_button.isEnabled() and not page.reopen_button.isEnabled()
    assert stored_status(world, achievement_id) == "registered"
    newest = entries(world.vault)[0]
    assert (newest.action, newest.reason) == ("achievement.status_changed", "误操作终止，恢复登记")
    assert json.loads(newest.after or "") == {"status": "registered"}
    idle(qtbot, runner)


# -- which buttons, when ----------------------------------------------------------------------
# status, its label in the list, may be terminated, may be reopened
BUTTONS = [
    ("registered", "登记", True, False),
    ("pricing", "评估定价", True, False),
    ("publicity", "公示", True, False),
    ("trading", "交易", True, False),
    ("transformed", "已转化", False, False),
    ("terminated", "终止", False, True),
]


@pytest.mark.parametrize(("status", "label", "can_terminate", "can_reopen"), BUTTONS)
def test_the_buttons_follow_the_selected_rows_status(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, status, label, can_terminate, can_reopen
) -> None:
    achievement_id = world.service.create(world.officer, draft(world))
    force_status(world, achievement_id, status)
    page = make_page()
    assert not page.terminate_button.isEnabled() and not page.reopen_button.isEnabled()
    select(page, achievement_id)
    assert status_of(page, achievement_id) == label
    assert page.terminate_button.isEnabled() is can_terminate
    assert page.reopen_button.isEnabled() is can_reopen
    # What the life cycle does not allow does not open, whatever calls it.
    row = page.selected_row()
    assert row is not None
    for event, allowed in (("terminate", can_terminate), ("reopen", can_reopen)):
        if not allowed:
            assert page.open_status_dialog(row, event) is None
    assert page.status_dialog is None
    page.table.clearSelection()
    assert not page.terminate_button.isEnabled() and not page.reopen_button.isEnabled()


def test_every_status_is_in_the_table_above() -> None:
    assert sorted(status for status, *_ in BUTTONS) == sorted(STATUSES)


@pytest.mark.parametrize(
    ("login", "roles", "creates"),
    [("researcher", ("researcher",), True), ("approver", ("approver",), False)],
)
def test_the_buttons_are_hidden_without_the_right(  # type: ignore[no-untyped-def]
    make_page, world, runner, qtbot, login, roles, creates
) -> None:
    reader = make_user(world.vault, login, roles, "internal")
    # A researcher sees only their own records; an approver sees the register up to 内部.
    achievement_id = world.service.create(reader if creates else world.officer, draft(world))
    page = make_page(reader)
    select(page, achievement_id)
    assert not page.terminate_button.isVisibleTo(page)
    assert not page.reopen_button.isVisibleTo(page)
    row = page.selected_row()
    assert row is not None
    assert page.open_status_dialog(row, "terminate") is None
    page.terminate_button.click()  # hidden; even a click from code opens nothing
    page.reopen_button.click()
    idle(qtbot, runner)
    assert page.status_dialog is None

    officer = make_page()
    assert officer.terminate_button.isVisibleTo(officer)
    assert officer.reopen_button.isVisibleTo(officer)


# -- how it looks -----------------------------------------------------------------------------
def test_screenshot_of_the_dialog(make_page, world, runner, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    achievement_id = world.service.create(world.officer, draft(world))
    page = make_page()
    select(page, achievement_id)
    shot(page, tmp_path, "achievements-status-page.png")
    dialog = open_status_dialog(page, qtbot, page.terminate_button)
    qtbot.mouseClick(dialog.confirm_button, LEFT)
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("reason")), timeout=5000)
    assert shot(dialog, tmp_path, "status-dialog.png").stat().st_size > 0
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    idle(qtbot, runner)

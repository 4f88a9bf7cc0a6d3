"""The holiday table dialog in Chinese over a real vault: the shipped years listed, a new year
entered by the system administrator, after which a deadline reaching into it is computed (and
before which it is not); refusals at their field; everyone else reads it only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QWidget

from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User
from desktop.services.bundle import Services
from desktop.ui.calendar_dialog import CalendarDialog, days_text
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock
from tests.ui.grants_world import delete_later, make_user

SOURCE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"


@pytest.fixture
def services(unlocked: tuple[Vault, User], clock: FixedClock) -> Services:  # type: ignore[override]
    return build_services(unlocked[0], now=clock, kdf=lambda: TEST_KDF)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def open_dialog(  # type: ignore[no-untyped-def]
    zh_app, services: Services, runner: TaskRunner, qtbot
) -> Iterator[Callable[[User], CalendarDialog]]:
    host = QWidget()
    qtbot.addWidget(host)

    def open_(actor: User) -> CalendarDialog:
        dialog = CalendarDialog(services.calendar, runner, actor, host)
        with qtbot.waitSignal(dialog.loaded, timeout=5000):
            dialog.open()
        return dialog

    yield open_
    runner.wait()
    delete_later([host])


def compute(dialog: CalendarDialog, start: str, days: int, qtbot) -> str:  # type: ignore[no-untyped-def]
    dialog.start_edit.setText(start)
    dialog.days_spin.setValue(days)
    with qtbot.waitSignal(dialog.computed, timeout=5000):
        dialog.compute()
    return dialog.result_label.text()


def test_a_new_year_makes_its_deadlines_computable(open_dialog, unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    admin = unlocked[1]
    dialog = open_dialog(admin)
    assert [n.year for n in dialog.notices] == [2025, 2026]
    assert dialog.notices_table.item(1, 0).text() == "2026"
    assert "2025、2026" in dialog.editor_hint_label.text()

    # A notice period starting at Christmas 2026 ends in 2027, which the table does not hold.
    before = compute(dialog, "2026-12-25", 15, qtbot)
    assert "没有2027年的安排" in before
    assert "color" in dialog.result_label.styleSheet()

    dialog.year_spin.setValue(2027)
    dialog.source_edit.setText(SOURCE_2027)
    dialog.holidays_edit.setPlainText("2027-01-01至2027-01-03\n2月5日至2月11日")
    dialog.workdays_edit.setPlainText("2027-02-20")
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        dialog.save()
    assert [n.year for n in dialog.notices] == [2025, 2026, 2027]
    assert dialog.notices_table.item(2, 2).text() == "10 天"

    # 15 days from Fri 2026-12-25 is Sat 2027-01-09 (no holiday then): moved to Monday.
    after = compute(dialog, "2026-12-25", 15, qtbot)
    assert after.startswith("2027年1月11日 24时")
    assert "顺延至2027年1月11日（周一）" in after
    # 2027-02-01 + 15 days ends on a holiday of the new notice: moved past it.
    assert compute(dialog, "2027-01-27", 15, qtbot).startswith("2027年2月12日 24时")
    dialog.count_combo.setCurrentIndex(1)  # working days (D2): 2027-02-20 is worked
    assert compute(dialog, "2027-02-18", 2, qtbot).startswith("2027年2月20日 24时")


def test_a_year_is_read_back_for_correction(open_dialog, unlocked) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(unlocked[1])
    dialog.notices_table.selectRow(1)
    assert dialog.year_spin.value() == 2026
    lines = dialog.holidays_edit.toPlainText().splitlines()
    assert lines[0] == "2026-01-01至2026-01-03"
    assert "2026-02-15至2026-02-23" in lines
    assert dialog.workdays_edit.toPlainText().splitlines()[0] == "2026-01-04"


def test_days_text_is_what_parse_days_reads() -> None:
    from desktop.services.calendar import parse_days

    days = (dt.date(2027, 1, 1), dt.date(2027, 1, 2), dt.date(2027, 5, 1))
    assert days_text(days) == "2027-01-01至2027-01-02\n2027-05-01"
    assert parse_days(days_text(days), 2027, "holidays") == days


@pytest.mark.parametrize(
    ("holidays", "workdays", "field", "message"),
    [
        ("2027-13-01", "", "holidays", "不是日期"),
        ("2026-10-01", "", "holidays", "都在2027年内"),
        ("2027-02-20", "2027-02-20", "workdays", "不能既放假又上班"),
        ("", "2027-02-22", "workdays", "应是周六或周日"),
    ],
)
def test_refusals_appear_at_their_field(  # type: ignore[no-untyped-def]
    open_dialog, unlocked, qtbot, holidays, workdays, field, message
) -> None:
    dialog = open_dialog(unlocked[1])
    dialog.year_spin.setValue(2027)
    dialog.source_edit.setText(SOURCE_2027)
    dialog.holidays_edit.setPlainText(holidays)
    dialog.workdays_edit.setPlainText(workdays)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.fields.error_text(field) != "", timeout=5000)
    assert message in dialog.fields.error_text(field)
    assert not dialog.busy and [n.year for n in dialog.notices] == [2025, 2026]


def test_only_the_system_administrator_changes_the_table(open_dialog, unlocked) -> None:  # type: ignore[no-untyped-def]
    officer = make_user(unlocked[0], "officer", ("transfer_officer",))
    dialog = open_dialog(officer)
    assert [n.year for n in dialog.notices] == [2025, 2026]
    assert not dialog.save_button.isEnabled()
    assert not dialog.holidays_edit.isEnabled()
    assert dialog.editor_hint_label.text() == "节假日表只能由系统管理员修改。"
    dialog.save()  # does nothing
    assert not dialog.busy
    assert dialog.compute_button.isEnabled()  # the try-out is for everyone

"""The settings page over a real vault: publicity periods, roles per account, idle time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox
from pytestqt.qtbot import QtBot

from db import audit
from desktop.domain.accounts import User, UserDraft
from desktop.domain.settings import PUBLICITY_MAX, PUBLICITY_MIN
from desktop.services.bundle import Services
from desktop.ui.pages.settings_page import SettingsPage
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_PASSPHRASE, first_run_draft

PageFactory = Callable[[User], SettingsPage]


@pytest.fixture
def admin(services: Services) -> Iterator[User]:
    created = services.setup.create(first_run_draft())
    yield services.session.unlock(created.admin_id, TEST_PASSPHRASE)
    services.session.lock()


@pytest.fixture
def make_page(
    zh_app: QApplication, services: Services, tmp_path: Path, qtbot: QtBot
) -> Iterator[PageFactory]:
    runners: list[TaskRunner] = []

    def make(actor: User) -> SettingsPage:
        runner = TaskRunner()
        runners.append(runner)
        page = SettingsPage(services.settings, Preferences(tmp_path / "prefs.json"), runner, actor)
        qtbot.addWidget(page)
        page.reload()
        return page

    yield make
    for runner in runners:
        runner.wait()


def audit_entries(services: Services) -> list[audit.AuditEntry]:
    with services.settings._vault.read() as conn:
        return audit.list_page(conn, offset=0, limit=1000)


def type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def save_and_wait(qtbot: QtBot, page: SettingsPage) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page._runner.busy, timeout=5000)


def test_changed_publicity_period_is_saved_and_audited(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    assert page.reward_spin.value() == 15
    assert page.reward_spin.suffix() == " 个工作日"
    count_before = len(audit_entries(services))

    type_into(qtbot, page.reward_spin, "20")
    with qtbot.assertNotEmitted(page.idle_lock_changed):
        save_and_wait(qtbot, page)

    assert page.status_label.text() == "已保存。奖励公示期：20 个工作日"
    assert services.settings.all(admin) == {
        "idle_lock_minutes": 5,
        "publicity_days_pricing": 15,
        "publicity_workdays_reward": 20,
        "publicity_days_grant": 15,
        "several_roles_allowed": True,
    }
    entries = audit_entries(services)
    assert len(entries) == count_before + 1  # only the changed setting is written
    newest = entries[0]
    assert (newest.action, newest.object_type, newest.object_id) == (
        "settings.updated",
        "setting",
        "publicity_workdays_reward",
    )
    assert (newest.before, newest.after) == ("15", "20")
    assert newest.actor == admin.id


def test_every_changed_setting_is_saved_with_one_click(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    page.pricing_spin.setValue(30)
    page.grant_spin.setValue(20)
    page.several_roles_check.setChecked(False)

    save_and_wait(qtbot, page)

    assert page.status_label.text() == (
        "已保存。协议定价公示期：30 日；赋权公示期：20 日；一个账户可担任多个角色：否"
    )
    stored = services.settings.all(admin)
    assert stored["publicity_days_pricing"] == 30
    assert stored["publicity_days_grant"] == 20
    assert stored["several_roles_allowed"] is False
    changed = {e.object_id: (e.before, e.after) for e in audit_entries(services)[:3]}
    assert changed == {
        "publicity_days_pricing": ("15", "30"),
        "publicity_days_grant": ("15", "20"),
        "several_roles_allowed": ("true", "false"),
    }
    # Saved values are now the page's baseline: a second click has nothing to send.
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status_label.text() == "没有需要保存的内容：设置未作更改。"


def test_save_without_changes_writes_nothing(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    count_before = len(audit_entries(services))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page._runner.busy
    assert page.status_label.text() == "没有需要保存的内容：设置未作更改。"
    assert len(audit_entries(services)) == count_before


def test_idle_time_change_is_signalled(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    page.idle_spin.setValue(12)
    with qtbot.waitSignal(page.idle_lock_changed, timeout=5000) as blocker:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [12]
    assert services.settings.idle_lock_minutes(admin) == 12
    assert page.status_label.text() == "已保存。空闲自动锁定时间：12 分钟"


@pytest.mark.parametrize(
    ("spin_name", "typed", "shown"),
    [
        ("pricing_spin", "120", 12),
        ("reward_spin", "95", 9),
        ("grant_spin", "91", 9),
    ],
)
def test_out_of_range_period_cannot_be_typed(
    make_page: PageFactory, admin: User, qtbot: QtBot, spin_name: str, typed: str, shown: int
) -> None:
    page = make_page(admin)
    spin: QSpinBox = getattr(page, spin_name)
    assert (spin.minimum(), spin.maximum()) == (PUBLICITY_MIN, PUBLICITY_MAX)
    type_into(qtbot, spin, typed)
    assert spin.value() == shown  # the last digit was refused while typing


def test_service_refusal_shows_at_its_field_and_nothing_is_saved(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    count_before = len(audit_entries(services))
    # The spin box range normally stops this; widen it to reach the service's own check.
    page.grant_spin.setMaximum(200)
    page.grant_spin.setValue(120)
    page.pricing_spin.setValue(20)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.fields.error_text("publicity_days_grant")), timeout=5000)

    assert page.fields.error_text("publicity_days_grant") == "赋权公示期须在 1–90 日之间。"
    assert page.fields.error_text("publicity_days_pricing") == ""
    assert page.status_label.text() == ""
    assert page.grant_spin.value() == 120  # the user's input is kept
    stored = services.settings.all(admin)
    assert (stored["publicity_days_pricing"], stored["publicity_days_grant"]) == (15, 15)
    assert len(audit_entries(services)) == count_before

    page.grant_spin.setValue(30)
    assert page.fields.error_text("publicity_days_grant") == ""  # editing clears the message
    save_and_wait(qtbot, page)
    assert page.status_label.text() == "已保存。协议定价公示期：20 日；赋权公示期：30 日"


def test_transfer_officer_sees_the_values_but_cannot_save(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    services.settings.update(admin, {"publicity_days_pricing": 21, "several_roles_allowed": False})
    issued = services.accounts.create(
        admin,
        UserDraft(
            login="officer",
            display_name="李转化",
            roles=("transfer_officer",),
            clearance="internal",
        ),
    )
    services.session.lock(admin)
    first = services.session.unlock(issued.user.id, issued.passphrase)
    officer = services.session.change_passphrase(
        first, issued.passphrase, "Shenyang-hunhe-2026", "Shenyang-hunhe-2026"
    )
    page = make_page(officer)
    page.show()

    assert page.pricing_spin.value() == 21
    assert page.reward_spin.value() == 15
    assert not page.several_roles_check.isChecked()
    assert not page.save_button.isVisible()
    assert page.read_only_label.isVisible()
    assert page.read_only_label.text() == "只有系统管理员可以修改单位设置。"
    assert not page.several_roles_check.isEnabled()
    for spin in (page.idle_spin, page.pricing_spin, page.reward_spin, page.grant_spin):
        assert spin.isReadOnly()
    type_into(qtbot, page.pricing_spin, "30")
    assert page.pricing_spin.value() == 21


def test_administrator_sees_the_save_button_and_no_read_only_note(
    make_page: PageFactory, admin: User
) -> None:
    page = make_page(admin)
    page.show()
    assert page.save_button.isVisible()
    assert not page.read_only_label.isVisible()
    assert not page.pricing_spin.isReadOnly()
    assert page.several_roles_check.isEnabled()


def test_reload_shows_the_stored_values(
    make_page: PageFactory, admin: User, services: Services, qtbot: QtBot
) -> None:
    page = make_page(admin)
    page.pricing_spin.setValue(33)
    save_and_wait(qtbot, page)
    assert page.status_label.text() == "已保存。协议定价公示期：33 日"
    services.settings.update(
        admin,
        {
            "idle_lock_minutes": 9,
            "publicity_days_pricing": 10,
            "publicity_workdays_reward": 25,
            "publicity_days_grant": 40,
            "several_roles_allowed": False,
        },
    )

    page.reload()

    assert page.values() == {
        "idle_lock_minutes": 9,
        "publicity_days_pricing": 10,
        "publicity_workdays_reward": 25,
        "publicity_days_grant": 40,
        "several_roles_allowed": False,
    }
    assert page.changes() == {}
    assert page.status_label.text() == ""


def test_reload_drops_unsaved_edits(make_page: PageFactory, admin: User) -> None:
    page = make_page(admin)
    page.reward_spin.setValue(44)
    page.several_roles_check.setChecked(False)
    assert page.changes() == {"publicity_workdays_reward": 44, "several_roles_allowed": False}
    page.reload()
    assert page.reward_spin.value() == 15
    assert page.several_roles_check.isChecked()
    assert page.changes() == {}


def test_each_period_carries_its_note(make_page: PageFactory, admin: User) -> None:
    page = make_page(admin)
    assert "辽科发〔2025〕6号未规定期限" in page.pricing_note.text()
    assert "15 日" in page.pricing_note.text()
    assert "国科发政〔2018〕103号" in page.reward_note.text()
    assert "15 个工作日" in page.reward_note.text()
    assert "所有权或长期使用权" in page.grant_note.text()
    assert "三员始终分立" in page.several_roles_note.text()

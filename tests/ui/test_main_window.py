"""Lock, unlock, idle lock and the pages, over a real vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from db import audit
from desktop.domain.people import PersonDraft
from tests.support import TEST_PASSPHRASE
from tests.ui.conftest import unlock


def test_wrong_passphrase_message_at_field_and_field_cleared(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.lock_screen.passphrase_edit.setText("not-the-passphrase")
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.lock_screen.error_text("passphrase")), timeout=5000)
    assert window.lock_screen.error_text("passphrase") == "口令不正确，请重试。"
    assert window.lock_screen.passphrase_edit.text() == ""
    assert window.actor is None


def test_ctrl_l_locks_and_unlock_returns_to_the_same_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    window.workspace.show_page(2)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    # A page may still be loading in the background: the lock waits for it, then happens.
    qtbot.waitUntil(lambda: window.actor is None, timeout=5000)
    assert window.workspace is None  # pages and their models are gone
    assert window.stack.currentWidget() is window.lock_screen
    assert window.lock_state_label.text() == "已锁定"
    assert not window._services.session.is_unlocked
    unlock(qtbot, window)
    assert window.workspace.current_index == 2


def test_idle_time_locks_the_vault(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window._minute_ms = 50
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.actor is None, timeout=2000)
    assert window.stack.currentWidget() is window.lock_screen


def test_recovery_code_sets_a_new_passphrase(desk_factory, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = desk_factory().window
    # The fixture vault's code is not known here: create a fresh one through recovery path.
    screen = window.lock_screen
    qtbot.mouseClick(screen.forgot_button, Qt.MouseButton.LeftButton)
    screen.code_edit.setText("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    qtbot.mouseClick(screen.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.error_text("recovery_code")), timeout=5000)
    assert window.actor is None


def test_unit_page_rejects_bad_credit_code_and_keeps_typing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    page = window.workspace.unit_page
    page.form.credit_code_edit.setText("123")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.form.error_text("credit_code")), timeout=5000)
    assert page.form.credit_code_edit.text() == "123"


def test_unit_page_save_is_audited(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    page = window.workspace.unit_page
    page.form.name_edit.setText("辽宁省示范大学（新校区）")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text() == "已保存。", timeout=5000)
    assert services.unit.profile(window.actor).name == "辽宁省示范大学（新校区）"
    with services.session._vault.read() as conn:
        newest = audit.list_page(conn, offset=0, limit=1)[0]
    assert newest.action == "unit.updated"
    assert "新校区" in (newest.after or "") and "新校区" not in (newest.before or "")


def test_people_page_adds_a_person(window, services, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    page = window.workspace.people_page
    window.workspace.show_page(window.workspace.index_of(window.workspace.people_page))
    dialog = page.open_dialog(None)
    dialog.form.name_edit.setText("李研究")
    dialog.form.department_combo.setCurrentIndex(1)
    dialog.save()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.data(page.model.index(0, 0)) == "李研究"
    assert page.model.data(page.model.index(0, 1)) == "科技处"
    qtmodeltester.check(page.model)


def test_people_model_pages_lazily(window, services, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    for i in range(450):
        services.people.add(window.actor, PersonDraft(f"人员{i}", None, "", "none"))
    page = window.workspace.people_page
    window.workspace.show_page(window.workspace.index_of(window.workspace.people_page))
    assert page.model.rowCount() == 450
    assert len(page.model._pages) <= 1
    assert page.model.data(page.model.index(449, 0)) == "人员449"
    qtmodeltester.check(page.model)


def test_settings_idle_time_out_of_range_is_refused(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.errors import ValidationError

    unlock(qtbot, window)
    with pytest.raises(ValidationError):
        services.settings.set_idle_lock_minutes(window.actor, 31)
    page = window.workspace.settings_page
    window.workspace.show_page(window.workspace.index_of(page))
    page.idle_spin.setValue(12)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_label.text().startswith("已保存。"), timeout=5000)
    assert services.settings.idle_lock_minutes(window.actor) == 12
    assert window._idle.timer.interval() == 12 * window._minute_ms


def test_change_passphrase_dialog_rewraps_only_the_key_slot(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    unlock(qtbot, window)
    vault = services.setup._vault
    dialog = window.open_passphrase_dialog()
    dialog.old_edit.setText("wrong-old-passphrase")
    dialog.new.passphrase_edit.setText("Shenyang-hunnan-2026")
    dialog.new.repeat_edit.setText("Shenyang-hunnan-2026")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.fields.error_text("old_passphrase")), timeout=5000)
    assert dialog.old_edit.text() == ""

    keys_before = vault.keys_path.read_bytes()
    dialog.old_edit.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    assert vault.keys_path.read_bytes() != keys_before
    window.lock()
    unlock(qtbot, window, "Shenyang-hunnan-2026")
    assert window.actor is not None


def test_about_shows_the_version_from_the_package_metadata(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.version import version

    window.about_action.trigger()
    qtbot.waitUntil(lambda: window.about_box is not None and window.about_box.isVisible())
    assert window.about_box.text().startswith(f"成果转化工作台 {version()}\n")
    assert version() != "0+unknown"
    window.about_box.close()

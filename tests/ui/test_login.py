"""The login side: forced passphrase change, waits after failures, who is signed in, switching."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from PySide6.QtCore import Qt

from desktop.domain.accounts import UserDraft
from desktop.errors import WrongPassphrase
from desktop.services.accounts import IssuedPassphrase
from tests.support import TEST_PASSPHRASE
from tests.ui.conftest import unlock

NEW_PASSPHRASE = "Dalian-haibin-2026"


def _issue_user(services) -> IssuedPassphrase:  # type: ignore[no-untyped-def]
    admin_id = services.session.logins()[0][0]
    admin = services.session.unlock(admin_id, TEST_PASSPHRASE)
    try:
        return services.accounts.create(
            admin, UserDraft("li.si", "李四", ("transfer_officer",), "internal")
        )
    finally:
        services.session.lock(admin)


def _choose(window, user_id: str) -> None:  # type: ignore[no-untyped-def]
    combo = window.lock_screen.user_combo
    combo.setCurrentIndex(combo.findData(user_id))


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_first_login_forces_a_new_passphrase_before_the_workspace(
    desk_factory, services, qtbot
) -> None:  # type: ignore[no-untyped-def]
    issued = _issue_user(services)
    window = desk_factory().window
    _choose(window, issued.user.id)
    unlock(qtbot, window, issued.passphrase)
    dialog = window.passphrase_dialog
    assert dialog is not None and dialog.forced
    assert dialog.windowTitle() == "设置您自己的口令"
    assert "一次性口令" in dialog.intro_label.text()
    assert window.workspace is None  # nothing of the vault is shown yet

    dialog.old_edit.setText(issued.passphrase)
    dialog.new.passphrase_edit.setText(NEW_PASSPHRASE)
    dialog.new.repeat_edit.setText(NEW_PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert not window.actor.must_change_passphrase
    assert "李四" in window.user_label.text() and "成果转化专员" in window.user_label.text()
    assert window.windowTitle().endswith("李四")


def test_declining_the_forced_change_locks_again(desk_factory, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    issued = _issue_user(services)
    window = desk_factory().window
    _choose(window, issued.user.id)
    unlock(qtbot, window, issued.passphrase)
    assert window.passphrase_dialog is not None
    window.passphrase_dialog.reject()
    assert window.actor is None
    assert window.stack.currentWidget() is window.lock_screen
    assert not services.session.is_unlocked


def test_failed_logins_count_down_on_the_lock_screen(desk_factory, services, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = desk_factory().window
    screen = window.lock_screen
    for attempt in range(3):
        screen.passphrase_edit.setText("wrong passphrase")
        _click(qtbot, screen.unlock_button)
        qtbot.waitUntil(lambda: bool(screen.error_text("passphrase")), timeout=5000)
        if attempt < 2:
            screen.unlock_fields.clear_errors()
    assert screen.wait_left == 2
    assert "2 秒后再试" in screen.wait_label.text()
    assert not screen.unlock_button.isEnabled()
    # The lock screen counts down by itself and then lets the user try again.
    clock.advance(timedelta(seconds=2))
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=4000)
    assert screen.wait_label.text() == ""


def test_the_wait_is_shown_again_after_a_restart(desk_factory, services, clock, qtbot) -> None:  # type: ignore[no-untyped-def]
    admin_id = services.session.logins()[0][0]
    for _ in range(4):
        clock.advance(timedelta(seconds=10))
        with contextlib.suppress(WrongPassphrase):
            services.session.unlock(admin_id, "wrong")
    window = desk_factory().window  # a fresh window over the same files
    assert window.lock_screen.wait_left > 0
    assert not window.lock_screen.unlock_button.isEnabled()


def test_notices_after_login_tell_the_user_about_failed_attempts(
    desk_factory, services, clock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = desk_factory().window
    screen = window.lock_screen
    screen.passphrase_edit.setText("wrong passphrase")
    _click(qtbot, screen.unlock_button)
    qtbot.waitUntil(lambda: bool(screen.error_text("passphrase")), timeout=5000)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.notice_box is not None, timeout=2000)
    assert "1 次" in window.notice_box.text()


def test_switching_user_locks_first(desk_factory, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    issued = _issue_user(services)
    window = desk_factory().window
    unlock(qtbot, window)
    assert "王管理" in window.user_label.text()
    window.switch_user_action.trigger()
    assert window.actor is None and window.workspace is None
    assert not services.session.is_unlocked
    assert window.user_label.text() == "当前无人登录"
    logins = [window.lock_screen.user_combo.itemData(i) for i in range(2)]
    assert issued.user.id in logins

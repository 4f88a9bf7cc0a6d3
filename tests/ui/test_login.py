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


def test_unlocking_an_older_vault_says_it_is_being_updated(zh_app, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The one-time migration of a large vault takes many seconds: the lock screen says why."""
    import shutil
    from pathlib import Path

    from db.vault import Vault
    from desktop.app import build_desk, start
    from desktop.services.bundle import build_services
    from desktop.ui.prefs import Preferences
    from tests.fixtures.make_fixture_vault import FIXTURE_ADMIN_ID, FIXTURE_PASSPHRASE
    from tests.support import TEST_KDF

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "vault-0003"
    shutil.copytree(fixture, tmp_path / "vault")
    services = build_services(Vault(tmp_path / "vault" / "vault.db"), kdf=lambda: TEST_KDF)
    desk = build_desk(zh_app, services, Preferences(tmp_path / "prefs.json"))
    qtbot.addWidget(desk.window)
    start(desk)
    window = desk.window
    shown: list[str] = []
    real = window.lock_screen.set_upgrading

    def upgrading() -> None:
        real()
        shown.append(window.lock_screen.busy_label.text())

    window.lock_screen.set_upgrading = upgrading  # type: ignore[method-assign]
    _choose(window, FIXTURE_ADMIN_ID)
    window.lock_screen.passphrase_edit.setText(FIXTURE_PASSPHRASE)
    _click(qtbot, window.lock_screen.unlock_button)
    qtbot.waitUntil(lambda: window.actor is not None, timeout=10000)
    assert shown == ["正在将保管库升级为本版程序的格式（只需一次，较大的保管库可能需要一分钟）…"]
    desk.runner.wait()
    zh_app.removeEventFilter(window._idle)
    services.session.lock(window.actor)

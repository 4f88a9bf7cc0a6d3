"""UI fixtures: the real program wiring over a real vault in tmp_path, with the test KDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.vault import Vault
from desktop.app import build_desk, build_services
from desktop.services.bundle import Services
from desktop.ui.i18n import install_font, install_translation
from desktop.ui.prefs import Preferences
from tests.support import TEST_KDF, TEST_PASSPHRASE, FixedClock


@pytest.fixture
def zh_app(qapp: QApplication):  # type: ignore[no-untyped-def]
    install_font(qapp)
    translator = install_translation(qapp, "zh_CN")
    yield qapp
    if translator is not None:
        qapp.removeTranslator(translator)


@pytest.fixture
def services(vault_path: Path, clock: FixedClock) -> Services:
    return build_services(Vault(vault_path), now=clock, kdf=lambda: TEST_KDF)


@pytest.fixture
def desk(zh_app, services: Services, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    desk = build_desk(zh_app, services, Preferences(tmp_path / "prefs.json"))
    qtbot.addWidget(desk.window)
    if desk.wizard is not None:
        qtbot.addWidget(desk.wizard)
    yield desk
    desk.runner.wait()
    zh_app.removeEventFilter(desk.window._idle)
    services.session.lock()


def unlock(qtbot, window, passphrase: str = TEST_PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    window.lock_screen.passphrase_edit.setText(passphrase)
    qtbot.mouseClick(window.lock_screen.unlock_button, _left())
    qtbot.waitUntil(lambda: window.actor is not None, timeout=5000)


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton

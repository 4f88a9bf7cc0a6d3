"""UI fixtures: the real program wiring over a real vault in tmp_path, with the test KDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from db.vault import Vault
from desktop.app import build_desk, build_services
from desktop.services.bundle import Services
from desktop.services.setup import SetupService
from desktop.ui.i18n import install_font, install_translation
from desktop.ui.prefs import Preferences
from tests.support import TEST_KDF, TEST_PASSPHRASE, FixedClock, first_run_draft


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


@pytest.fixture
def window(services, desk_factory, qtbot):  # type: ignore[no-untyped-def]
    return desk_factory().window


@pytest.fixture
def desk_factory(zh_app, services, tmp_path, qtbot, request):  # type: ignore[no-untyped-def]
    import os

    from desktop.app import build_desk, start
    from desktop.ui.prefs import Preferences

    SetupService(
        services.setup._vault, now=services.unit._now, kdf=lambda: TEST_KDF, randbytes=os.urandom
    ).create(first_run_draft())

    def make():  # type: ignore[no-untyped-def]
        desk = build_desk(zh_app, services, Preferences(tmp_path / "prefs.json"))
        qtbot.addWidget(desk.window)
        start(desk)

        def teardown() -> None:
            desk.runner.wait()
            zh_app.removeEventFilter(desk.window._idle)
            services.session.lock()

        request.addfinalizer(teardown)
        return desk

    return make


def unlock(qtbot, window, passphrase: str = TEST_PASSPHRASE) -> None:  # type: ignore[no-untyped-def]
    window.lock_screen.passphrase_edit.setText(passphrase)
    qtbot.mouseClick(window.lock_screen.unlock_button, _left())
    qtbot.waitUntil(lambda: window.actor is not None, timeout=5000)


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton

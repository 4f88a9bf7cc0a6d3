"""Composition root of the GUI: build the vault and services (``build_services``, shared with
the CLI), then show the first-run wizard or the main window. Nothing else creates services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from db.vault import Vault
from desktop.paths import default_vault_path, preferences_path
from desktop.resources import resource_path
from desktop.services.bundle import Services, build_services
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.i18n import install_font, install_translation
from desktop.ui.idle import IdleWatcher
from desktop.ui.main_window import MainWindow
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from desktop.version import version


@dataclass
class Desk:
    """The running program's top-level objects."""

    app: QApplication
    services: Services
    runner: TaskRunner
    window: MainWindow
    wizard: FirstRunWizard | None


def build_desk(app: QApplication, services: Services, prefs: Preferences) -> Desk:
    runner = TaskRunner(app)
    idle = IdleWatcher(5 * 60_000, app)
    app.installEventFilter(idle)
    window = MainWindow(services, runner, prefs, idle)
    wizard = None
    if services.setup.needs_setup():
        wizard = FirstRunWizard(services.setup, services.documents, runner)
        wizard.accepted.connect(lambda: _after_first_run(window))
        wizard.rejected.connect(app.quit)
    return Desk(app, services, runner, window, wizard)


def _after_first_run(window: MainWindow) -> None:
    window.show_locked()
    window.show()


def start(desk: Desk) -> None:
    if desk.wizard is not None:
        desk.wizard.show()
    else:
        desk.window.show_locked()
        desk.window.show()


def _report_shown(desk: Desk) -> None:
    shown = desk.wizard if desk.wizard is not None else desk.window
    if not shown.isVisible():
        print(f"transfer-desk {version()}: {type(shown).__name__} not shown", flush=True)
        desk.app.exit(1)
        return
    print(f"transfer-desk {version()}: {type(shown).__name__} shown", flush=True)
    desk.app.quit()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="transfer-desk", description="成果转化工作台 · Transfer Desk"
    )
    parser.add_argument("--vault", type=Path, default=None, help="保管库文件 / vault file")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None, help="界面语言 / language")
    parser.add_argument("--version", action="version", version=f"transfer-desk {version()}")
    # For the installers' smoke test: show the first window, say so on stdout, quit.
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Transfer Desk")
    app.setApplicationVersion(version())
    app.setDesktopFileName("transfer-desk")  # the .deb's desktop entry, for the window's icon
    app.setWindowIcon(QIcon(str(resource_path("icons/transfer-desk.png"))))
    prefs = Preferences(preferences_path())
    install_font(app)
    translator = install_translation(app, args.lang or prefs.language())  # noqa: F841 (kept alive)
    vault = Vault(args.vault or default_vault_path())
    desk = build_desk(app, build_services(vault), prefs)
    start(desk)
    if args.exit_when_shown:
        QTimer.singleShot(0, lambda: _report_shown(desk))
    code = app.exec()
    vault.lock()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())

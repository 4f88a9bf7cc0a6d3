"""The main window: the lock screen or the workspace, a menu and a status bar."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from desktop.domain.accounts import User
from desktop.domain.settings import IDLE_LOCK_DEFAULT
from desktop.errors import (
    AppError,
    LoginThrottled,
    PermissionDenied,
    ValidationError,
    WrongPassphrase,
)
from desktop.services.bundle import Services
from desktop.ui import labels
from desktop.ui.errors import show_crash, show_error
from desktop.ui.idle import IdleWatcher
from desktop.ui.lock_screen import LockScreen
from desktop.ui.passphrase_dialog import PassphraseDialog
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from desktop.ui.workspace import Workspace
from desktop.version import version

MINUTE_MS = 60_000


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        prefs: Preferences,
        idle: IdleWatcher,
        minute_ms: int = MINUTE_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Transfer Desk"))
        self.resize(1100, 720)
        self._services = services
        self._runner = runner
        self._prefs = prefs
        self._idle = idle
        self._minute_ms = minute_ms
        self.actor: User | None = None
        self.workspace: Workspace | None = None
        self._last_user = ""
        self._last_page = 0
        self._lock_when_idle_done = False

        self.stack = QStackedWidget(self)
        self.lock_screen = LockScreen(self)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("user_label")
        self.lock_state_label = QLabel(self)
        self.lock_state_label.setObjectName("lock_state_label")
        self.lock_state_label.setMinimumWidth(90)
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.lock_state_label)
        self._build_menu()

        self.lock_screen.unlock_requested.connect(self._on_lock_screen_unlock_requested)
        self.lock_screen.recover_requested.connect(self._on_lock_screen_recover_requested)
        self.lock_screen.user_changed.connect(self._on_lock_screen_user_changed)
        self.passphrase_dialog: PassphraseDialog | None = None
        self.notice_box: QMessageBox | None = None
        self._idle.idle.connect(self.lock)
        self._runner.crashed.connect(lambda details: show_crash(self, details))
        self._runner.finished.connect(self._on_runner_finished)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        file_menu.addAction(self.lock_action)
        self.switch_user_action = QAction(self.tr("&Switch user…"), self)
        self.switch_user_action.setObjectName("switch_user_action")
        self.switch_user_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_user_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        self.passphrase_action = QAction(self.tr("Change &passphrase…"), self)
        self.passphrase_action.setObjectName("passphrase_action")
        self.passphrase_action.triggered.connect(self.open_passphrase_dialog)
        account_menu.addAction(self.passphrase_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Transfer Desk"), self)
        self.about_action.setObjectName("about_action")
        self.about_action.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(self.about_action)
        self.about_box: QMessageBox | None = None
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)

    # -- locking -----------------------------------------------------------------------------
    def show_locked(self) -> None:
        """Show the lock screen with the users of the vault."""
        try:
            logins = self._services.session.logins()
        except AppError as e:
            show_error(self, e)
            logins = []
        self.lock_screen.set_users(logins, self._last_user or None)
        self.lock_screen.reset()
        self.stack.setCurrentWidget(self.lock_screen)
        self.user_label.setText(self.tr("Nobody is signed in"))
        self.lock_state_label.setText(self.tr("Locked"))
        self.setWindowTitle(self.tr("Transfer Desk"))
        self.lock_action.setEnabled(False)
        self.switch_user_action.setEnabled(False)
        self.passphrase_action.setEnabled(False)
        user_id = self.lock_screen.user_combo.currentData()
        if user_id is not None:
            self._on_lock_screen_user_changed(str(user_id))

    def switch_user(self) -> None:
        """Another person takes the keyboard: lock first, then let them pick their name."""
        self.lock()
        self.lock_screen.user_combo.setFocus()

    def lock(self) -> None:
        if self.actor is None:
            return
        if self._runner.busy:
            # A running task still uses the vault: lock as soon as it is done.
            self._lock_when_idle_done = True
            return
        self._idle.stop()
        actor, self.actor = self.actor, None
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.done(0)
            self.passphrase_dialog = None
        if self.notice_box is not None:
            self.notice_box.done(0)
            self.notice_box = None
        if self.workspace is not None:
            self._last_page = self.workspace.current_index
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        try:
            self._services.session.lock(actor)
        except AppError as e:
            show_error(self, e)
        self.show_locked()

    def _on_runner_finished(self) -> None:
        if self._lock_when_idle_done and not self._runner.busy:
            self._lock_when_idle_done = False
            self.lock()

    # -- unlocking ---------------------------------------------------------------------------
    def _on_lock_screen_unlock_requested(self, user_id: str, passphrase: str) -> None:
        self.lock_screen.set_busy(True)
        session = self._services.session
        progress = self._runner.run_with_progress(
            lambda p: session.unlock(user_id, passphrase, on_upgrade=lambda: p.report(0, 1)),
            self._on_unlocked,
            self._on_unlock_failed,
        )
        progress.reported.connect(self._on_unlock_progress_reported)

    def _on_lock_screen_recover_requested(
        self, code: str, user_id: str, passphrase: str, repeat: str
    ) -> None:
        self.lock_screen.set_busy(True)
        session = self._services.session
        progress = self._runner.run_with_progress(
            lambda p: session.recover(
                code, user_id, passphrase, repeat, on_upgrade=lambda: p.report(0, 1)
            ),
            self._on_unlocked,
            self._on_unlock_failed,
        )
        progress.reported.connect(self._on_unlock_progress_reported)

    def _on_unlock_progress_reported(self, _done: int, _total: int) -> None:
        # The only report an unlock makes: the vault is being migrated to this version.
        self.lock_screen.set_upgrading()

    def _on_lock_screen_user_changed(self, user_id: str) -> None:
        try:
            self.lock_screen.start_wait(self._services.session.wait_seconds(user_id))
        except AppError:
            self.lock_screen.start_wait(0)

    def _on_unlock_failed(self, error: AppError) -> None:
        self.lock_screen.set_busy(False)
        if isinstance(error, LoginThrottled):
            self.lock_screen.start_wait(error.wait_seconds)
        elif isinstance(error, WrongPassphrase):
            self.lock_screen.start_wait(error.wait_seconds)
            field = "recovery_code" if self.lock_screen.pages.currentIndex() == 1 else "passphrase"
            message = (
                self.tr("The recovery code is wrong.")
                if field != "passphrase"
                else (self.tr("Wrong passphrase. Please try again."))
            )
            self.lock_screen.show_error(field, message)
        elif isinstance(error, ValidationError) and self.lock_screen.show_error(
            error.field, error.message
        ):
            return
        elif isinstance(error, PermissionDenied):
            self.lock_screen.show_error("passphrase", error.message)
        else:
            show_error(self, error)

    def _on_unlocked(self, user: User) -> None:
        self.lock_screen.reset()
        self.actor = user
        self.lock_state_label.setText(self.tr("Unlocked"))
        if user.must_change_passphrase:
            # Nothing of the vault is shown until the one-time passphrase is replaced.
            self.user_label.setText(self._signed_in_text(user))
            self.lock_action.setEnabled(True)
            dialog = PassphraseDialog(self._services.session, self._runner, user, self, forced=True)
            dialog.changed.connect(self._enter_workspace)
            dialog.rejected.connect(self._on_forced_passphrase_dialog_rejected)
            self.passphrase_dialog = dialog
            dialog.open()
            self._set_idle_minutes(IDLE_LOCK_DEFAULT)  # the unit's setting is not readable yet
            self._idle.start()
            return
        self._enter_workspace(user)

    def _on_forced_passphrase_dialog_rejected(self) -> None:
        self.passphrase_dialog = None
        self.lock()

    def _enter_workspace(self, user: User) -> None:
        self.passphrase_dialog = None
        same_user = user.id == self._last_user
        self.actor = user
        self._last_user = user.id
        self.workspace = Workspace(self._services, self._runner, self._prefs, user, self)
        self.workspace.settings_page.idle_lock_changed.connect(self._set_idle_minutes)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.show_page(self._last_page if same_user else 0)
        self.user_label.setText(self._signed_in_text(user))
        self.setWindowTitle(self.tr("Transfer Desk — %1").replace("%1", user.display_name))
        self.lock_state_label.setText(self.tr("Unlocked"))
        self.lock_action.setEnabled(True)
        self.switch_user_action.setEnabled(True)
        self.passphrase_action.setEnabled(True)
        self._set_idle_minutes(self._services.settings.idle_lock_minutes(user))
        self._idle.start()
        if self._services.session.notices:
            self._show_notices(self._services.session.notices)

    def _signed_in_text(self, user: User) -> str:
        return (
            self.tr("Signed in: %1 (%2 · %3)")
            .replace("%1", user.display_name)
            .replace("%2", labels.roles(user.roles))
            .replace("%3", labels.clearance(user.clearance))
        )

    def _show_notices(self, notices: tuple[str, ...]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Since your last sign-in"),
            "\n\n".join(notices),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("notice_box")
        self.notice_box = box
        box.finished.connect(self._on_notice_box_finished)
        box.open()

    def _on_notice_box_finished(self, _result: int) -> None:
        self.notice_box = None

    def _set_idle_minutes(self, minutes: int) -> None:
        self._idle.set_timeout_ms(minutes * self._minute_ms)

    # -- other actions -----------------------------------------------------------------------
    def open_passphrase_dialog(self) -> PassphraseDialog | None:
        if self.actor is None:
            return None
        dialog = PassphraseDialog(self._services.session, self._runner, self.actor, self)
        dialog.changed.connect(self._on_passphrase_dialog_changed)
        dialog.open()
        return dialog

    def _on_passphrase_dialog_changed(self, user: User) -> None:
        self.actor = user

    def _on_about_action_triggered(self) -> None:
        # Not QMessageBox.about: that blocks in its own event loop; this one opens window-modal.
        if self.about_box is None:
            self.about_box = QMessageBox(self)
            self.about_box.setObjectName("about_box")
            self.about_box.setWindowTitle(self.tr("About Transfer Desk"))
            self.about_box.setIconPixmap(self.windowIcon().pixmap(64, 64))
            self.about_box.setText(
                self.tr(
                    "Transfer Desk %1\nOffline management of job-related scientific and "
                    "technological achievements."
                ).replace("%1", version())
            )
        self.about_box.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self._runner.wait()
        if self.actor is not None:
            self._idle.stop()
            # Closing anyway: the engine goes with the process even if the audit write fails.
            with contextlib.suppress(AppError):
                self._services.session.lock(self.actor)
            self.actor = None
        super().closeEvent(event)

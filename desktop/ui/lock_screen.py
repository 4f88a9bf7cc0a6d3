"""The lock screen: pick a user and unlock, or open the vault with the recovery code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms.passphrase_fields import PassphraseFields
from desktop.ui.widgets.field_form import FieldForm


class LockScreen(QWidget):
    unlock_requested = Signal(str, str)  # user id, passphrase
    recover_requested = Signal(str, str, str, str)  # code, user id, passphrase, repeat
    user_changed = Signal(str)  # user id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        title = QLabel(self.tr("Transfer Desk"), self)
        font = QFont(title.font())
        font.setPointSize(20)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label = QLabel(self.tr("The vault is locked."), self)
        self.state_label.setObjectName("state_label")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.user_combo = QComboBox(self)
        self.user_combo.setObjectName("user_combo")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._unlock_panel())
        self.pages.addWidget(self._recovery_panel())

        top = FieldForm(self)
        top.add_field("user", self.tr("User"), self.user_combo)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busy_label")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy_label.setWordWrap(True)
        # After failed logins: how long until the next attempt, counted down every second.
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName("wait_label")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label.setWordWrap(True)
        self._wait_left = 0
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._on_wait_timer_timeout)
        self._busy = False
        self.user_combo.currentIndexChanged.connect(self._on_user_combo_current_index_changed)

        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(title)
        column.addWidget(self.state_label)
        column.addSpacing(16)
        column.addWidget(top)
        column.addWidget(self.pages)
        column.addWidget(self.busy_label)
        column.addWidget(self.wait_label)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)

    def _unlock_panel(self) -> QWidget:
        panel = QWidget(self)
        self.unlock_fields = FieldForm(panel)
        self.passphrase_edit = QLineEdit(panel)
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_fields.add_field("passphrase", self.tr("Passphrase"), self.passphrase_edit)
        self.unlock_button = QPushButton(self.tr("Unlock"), panel)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("Forgot passphrase? Use the recovery code"), panel)
        self.forgot_button.setObjectName("forgot_button")
        self.forgot_button.setFlat(True)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unlock_fields)
        layout.addWidget(self.unlock_button)
        layout.addWidget(self.forgot_button)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.passphrase_edit.returnPressed.connect(self._on_unlock_clicked)
        self.passphrase_edit.textEdited.connect(
            lambda _t: self.unlock_fields.clear_error("passphrase")
        )
        self.forgot_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        return panel

    def _recovery_panel(self) -> QWidget:
        panel = QWidget(self)
        self.recovery_fields = FieldForm(panel)
        self.code_edit = QLineEdit(panel)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_fields.add_field("recovery_code", self.tr("Recovery code"), self.code_edit)
        self.new_passphrase = PassphraseFields(
            self.recovery_fields, panel, self.tr("New passphrase"), self.tr("Repeat passphrase")
        )
        self.recover_button = QPushButton(self.tr("Unlock and set the new passphrase"), panel)
        self.recover_button.setObjectName("recover_button")
        back = QPushButton(self.tr("Back"), panel)
        back.setObjectName("back_button")
        back.setFlat(True)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recovery_fields)
        layout.addWidget(self.recover_button)
        layout.addWidget(back)
        self.recover_button.clicked.connect(self._on_recover_clicked)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        return panel

    # -- what the controller calls -----------------------------------------------------------
    def set_users(self, logins: list[tuple[str, str]], selected: str | None = None) -> None:
        self.user_combo.clear()
        for user_id, login in logins:
            self.user_combo.addItem(login, user_id)
        if selected is not None:
            self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(selected)))

    def reset(self) -> None:
        self.passphrase_edit.clear()
        self.code_edit.clear()
        self.new_passphrase.clear()
        self.unlock_fields.clear_errors()
        self.recovery_fields.clear_errors()
        self.pages.setCurrentIndex(0)
        self.set_busy(False)
        self.passphrase_edit.setFocus()

    def set_upgrading(self) -> None:
        """While busy: the vault is being migrated to this version of the program."""
        if self._busy:
            self.busy_label.setText(
                self.tr(
                    "Updating the vault for this version of the program (once only; a large "
                    "vault may take a minute)…"
                )
            )

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_label.setText(self.tr("Unlocking…") if busy else "")
        for widget in (self.recover_button, self.user_combo):
            widget.setEnabled(not busy)
        self._update_unlock_button()

    def start_wait(self, seconds: int) -> None:
        """Refuse unlocking for ``seconds``, showing the count down."""
        self._wait_left = max(0, seconds)
        if self._wait_left:
            self._wait_timer.start()
        else:
            self._wait_timer.stop()
        self._show_wait()

    @property
    def wait_left(self) -> int:
        return self._wait_left

    def _on_wait_timer_timeout(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        if not self._wait_left:
            self._wait_timer.stop()
        self._show_wait()

    def _show_wait(self) -> None:
        self.wait_label.setText(
            self.tr("Too many failed attempts. You can try again in %1 s.").replace(
                "%1", str(self._wait_left)
            )
            if self._wait_left
            else ""
        )
        self._update_unlock_button()

    def _update_unlock_button(self) -> None:
        self.unlock_button.setEnabled(not self._busy and not self._wait_left)

    def _on_user_combo_current_index_changed(self, _index: int) -> None:
        user_id = self.user_combo.currentData()
        if user_id is not None:
            self.user_changed.emit(str(user_id))

    def show_error(self, field: str, message: str) -> bool:
        form = self.recovery_fields if self.pages.currentIndex() == 1 else self.unlock_fields
        if field == "passphrase" and form is self.unlock_fields:
            self.passphrase_edit.clear()
        return form.show_error(field, message)

    def error_text(self, field: str) -> str:
        form = self.recovery_fields if self.pages.currentIndex() == 1 else self.unlock_fields
        return form.error_text(field)

    def _on_unlock_clicked(self) -> None:
        self.unlock_fields.clear_errors()
        if not self.passphrase_edit.text():
            self.unlock_fields.show_error("passphrase", self.tr("Enter your passphrase."))
            return
        if self.user_combo.currentData() is None or self._wait_left:
            return
        self.unlock_requested.emit(str(self.user_combo.currentData()), self.passphrase_edit.text())

    def _on_recover_clicked(self) -> None:
        self.recovery_fields.clear_errors()
        if self.user_combo.currentData() is None:
            return
        self.recover_requested.emit(
            self.code_edit.text(),
            str(self.user_combo.currentData()),
            self.new_passphrase.passphrase_edit.text(),
            self.new_passphrase.repeat_edit.text(),
        )

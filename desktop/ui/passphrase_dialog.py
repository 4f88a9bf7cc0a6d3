"""Change one's own passphrase (one key slot is rewritten; the database is untouched).

``forced``: the first login with a one-time passphrase from the administrator; the only ways out
are a new passphrase or locking again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.errors import AppError, ValidationError, WrongPassphrase
from desktop.services.session import SessionService
from desktop.ui.errors import show_error
from desktop.ui.forms.passphrase_fields import PassphraseFields
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm


class PassphraseDialog(QDialog):
    changed = Signal(object)  # the updated User

    def __init__(
        self,
        session: SessionService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None,
        *,
        forced: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.forced = forced
        self.setWindowTitle(
            self.tr("Choose your own passphrase") if forced else self.tr("Change passphrase")
        )
        self.intro_label = QLabel(self)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        if forced:
            self.intro_label.setText(
                self.tr(
                    "You signed in with a one-time passphrase from the administrator. "
                    "Choose your own passphrase now; nobody else should know it."
                )
            )
        self.intro_label.setVisible(forced)
        self._session = session
        self._runner = runner
        self._actor = actor
        self.fields = FieldForm(self)
        self.old_edit = QLineEdit(self)
        self.old_edit.setObjectName("old_edit")
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields.add_field(
            "old_passphrase",
            self.tr("One-time passphrase") if forced else self.tr("Current passphrase"),
            self.old_edit,
        )
        self.new = PassphraseFields(
            self.fields, self, self.tr("New passphrase"), self.tr("Repeat passphrase")
        )
        self.new.login = actor.login
        self.new.display_name = actor.display_name
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Lock") if forced else self.tr("Cancel")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        self.fields.clear_errors()
        old = self.old_edit.text()
        new = self.new.passphrase_edit.text()
        repeat = self.new.repeat_edit.text()
        self._runner.run(
            lambda: self._session.change_passphrase(self._actor, old, new, repeat),
            self._on_changed,
            self._on_error,
        )

    def _on_changed(self, user: User) -> None:
        self.old_edit.clear()
        self.new.clear()
        self.changed.emit(user)
        self.accept()

    def _on_error(self, error: AppError) -> None:
        if isinstance(error, WrongPassphrase):
            self.old_edit.clear()
            self.fields.show_error("old_passphrase", error.message)
        elif not (
            isinstance(error, ValidationError)
            and self.fields.show_error(error.field, error.message)
        ):
            show_error(self, error)

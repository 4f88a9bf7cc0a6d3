"""Terminates an achievement or reopens a terminated one, after the user has given a reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.accounts import User
from desktop.domain.achievements import TRANSITIONS, AchievementRow
from desktop.errors import AppError, ValidationError
from desktop.services.achievements import AchievementService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm

EVENTS = ("terminate", "reopen")  # the steps of the life cycle a person takes by hand


class StatusDialog(QDialog):
    """Asks for the reason, then asks the service to ``event`` the record. It closes only after
    the service has accepted; a refusal is shown at the reason field or in a message."""

    saved = Signal(int, str)  # the achievement's id, its new status

    def __init__(
        self,
        service: AchievementService,
        runner: TaskRunner,
        actor: User,
        row: AchievementRow,
        event: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if event not in EVENTS:
            raise ValueError(f"not a manual status change: {event}")
        self.setObjectName("status_dialog")
        self._service = service
        self._runner = runner
        self._actor = actor
        self._row = row
        self._event = event
        self._saving = False
        terminate = event == "terminate"
        self.setWindowTitle(
            self.tr("Terminate achievement") if terminate else self.tr("Reopen achievement")
        )
        question = (
            self.tr(
                "Terminate “%1”? The record stays in the register with everything in it; it "
                "can be reopened later."
            )
            if terminate
            else self.tr("Reopen “%1”? It goes back into the life cycle.")
        )
        self.question_label = QLabel(question.replace("%1", row.title), self)
        self.question_label.setObjectName("question_label")
        self.question_label.setWordWrap(True)
        target = TRANSITIONS.get(row.status, {}).get(event)
        self.change_label = QLabel(
            self.tr("Status: %1 → %2")
            .replace("%1", labels.achievement_status(row.status))
            .replace("%2", labels.achievement_status(target) if target else "—"),
            self,
        )
        self.change_label.setObjectName("change_label")
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. the patent has lapsed, the completers withdrew it")
            if terminate
            else self.tr("e.g. terminated by mistake, a new buyer has come forward")
        )
        self.fields.add_field("reason", self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.confirm_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm_button.setObjectName("confirm_button")
        self.confirm_button.setText(self.tr("Terminate") if terminate else self.tr("Reopen"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setText(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.question_label)
        layout.addWidget(self.change_label)
        layout.addWidget(self.fields)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @property
    def achievement_id(self) -> int:
        return self._row.id

    @property
    def status_event(self) -> str:
        """ "terminate" or "reopen" (not ``event``: that is QObject's event handler)."""
        return self._event

    def confirm(self) -> None:
        if self._saving:
            return
        self.fields.clear_errors()
        service, actor, event = self._service, self._actor, self._event
        achievement_id, reason = self._row.id, self.reason_edit.text()
        self._saving = True
        self.confirm_button.setEnabled(False)
        self._runner.run(
            lambda: service.change_status(actor, achievement_id, event, reason),
            self._on_saved,
            self._on_error,
        )

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: not while the service is working."""
        if not self._saving:
            super().reject()

    # -- slots ------------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        self.confirm()

    def _on_saved(self, status: str) -> None:
        self._saving = False
        self.saved.emit(self._row.id, status)
        self.accept()

    def _on_error(self, error: AppError) -> None:
        self._saving = False
        self.confirm_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        show_error(self, error)

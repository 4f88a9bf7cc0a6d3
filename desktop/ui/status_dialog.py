"""Terminates an achievement or reopens a terminated one, after the user has given a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.accounts import User
from desktop.domain.achievements import TRANSITIONS, AchievementRow
from desktop.services.achievements import AchievementService
from desktop.ui import labels
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog

EVENTS = ("terminate", "reopen")  # the steps of the life cycle a person takes by hand


class StatusDialog(ReasonDialog):
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
        if event not in EVENTS:
            raise ValueError(f"not a manual status change: {event}")
        super().__init__(runner, parent)
        self.setObjectName("status_dialog")
        self._service = service
        self._actor = actor
        self._row = row
        self._event = event
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
        self.question_label = self._question(question.replace("%1", row.title))
        target = TRANSITIONS.get(row.status, {}).get(event)
        self.change_label = QLabel(
            self.tr("Status: %1 → %2")
            .replace("%1", labels.achievement_status(row.status))
            .replace("%2", labels.achievement_status(target) if target else "—"),
            self,
        )
        self.change_label.setObjectName("change_label")
        self.reason_edit = self._reason(
            self.tr("Reason"),
            self.tr("e.g. the patent has lapsed, the completers withdrew it")
            if terminate
            else self.tr("e.g. terminated by mistake, a new buyer has come forward"),
        )
        self.confirm_button.setText(self.tr("Terminate") if terminate else self.tr("Reopen"))
        self._finish_layout(self.question_label, self.change_label, self.fields)
        self.resize(480, self.sizeHint().height())

    @property
    def achievement_id(self) -> int:
        return self._row.id

    @property
    def status_event(self) -> str:
        """ "terminate" or "reopen" (not ``event``: that is QObject's event handler)."""
        return self._event

    def _job(self) -> Callable[[], str]:
        service, actor, event = self._service, self._actor, self._event
        achievement_id, reason = self._row.id, self.reason_edit.text()
        return lambda: service.change_status(actor, achievement_id, event, reason)

    def _succeeded(self, status: str) -> None:
        self.saved.emit(self._row.id, status)

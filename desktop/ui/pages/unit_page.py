"""The unit's profile and departments."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.accounts import User
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.unit import UnitService
from desktop.ui.errors import show_error
from desktop.ui.forms.unit_form import UnitForm
from desktop.ui.tasks import TaskRunner


class UnitPage(QWidget):
    def __init__(
        self, service: UnitService, runner: TaskRunner, actor: User, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unit_page")
        self._service = service
        self._runner = runner
        self._actor = actor
        self.form = UnitForm(self)
        self.form.setObjectName("unit_form")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save_button")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        can_edit = allowed(actor, "unit.edit")
        self.form.set_read_only(not can_edit)
        self.save_button.setVisible(can_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._on_save_button_clicked)

    def reload(self) -> None:
        self.form.set_value(self._service.profile(self._actor))

    def _on_save_button_clicked(self) -> None:
        self.form.fields.clear_errors()
        self.status_label.clear()
        draft = self.form.value()
        self._runner.run(
            lambda: self._service.update_profile(self._actor, draft), self._on_saved, self._on_error
        )

    def _on_saved(self, _profile: object) -> None:
        self.status_label.setText(self.tr("Saved."))

    def _on_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError) and self.form.show_error(error):
            return
        show_error(self, error)

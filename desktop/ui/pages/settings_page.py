"""Unit settings (administrator) and this machine's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.permissions import allowed
from desktop.domain.settings import IDLE_LOCK_MAX, IDLE_LOCK_MIN
from desktop.errors import AppError, ValidationError
from desktop.services.settings import SettingsService
from desktop.ui.errors import show_error
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm


class SettingsPage(QWidget):
    idle_lock_changed = Signal(int)

    def __init__(
        self,
        service: SettingsService,
        prefs: Preferences,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self._service = service
        self._prefs = prefs
        self._runner = runner
        self._actor = actor

        unit_box = QGroupBox(self.tr("Unit settings"), self)
        self.fields = FieldForm(unit_box)
        self.idle_spin = QSpinBox(unit_box)
        self.idle_spin.setObjectName("idle_spin")
        self.idle_spin.setRange(IDLE_LOCK_MIN, IDLE_LOCK_MAX)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.fields.add_field("idle_lock_minutes", self.tr("Lock after idle time"), self.idle_spin)
        self.save_button = QPushButton(self.tr("Save"), unit_box)
        self.save_button.setObjectName("save_button")
        self.status_label = QLabel(unit_box)
        self.status_label.setObjectName("status_label")
        can_edit = allowed(actor, "settings.edit")
        self.idle_spin.setEnabled(can_edit)
        self.save_button.setVisible(can_edit)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        unit_layout = QVBoxLayout(unit_box)
        unit_layout.addWidget(self.fields)
        unit_layout.addLayout(row)

        machine_box = QGroupBox(self.tr("This computer"), self)
        machine_fields = FieldForm(machine_box)
        self.language_combo = QComboBox(machine_box)
        self.language_combo.setObjectName("language_combo")
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(prefs.language())))
        machine_fields.add_field("language", self.tr("Language"), self.language_combo)
        self.language_note = QLabel(machine_box)
        self.language_note.setObjectName("language_note")
        machine_layout = QVBoxLayout(machine_box)
        machine_layout.addWidget(machine_fields)
        machine_layout.addWidget(self.language_note)

        layout = QVBoxLayout(self)
        layout.addWidget(unit_box)
        layout.addWidget(machine_box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.language_combo.activated.connect(self._on_language_combo_activated)

    def reload(self) -> None:
        self.idle_spin.setValue(self._service.idle_lock_minutes(self._actor))

    def _on_save_button_clicked(self) -> None:
        self.fields.clear_errors()
        minutes = self.idle_spin.value()
        self._runner.run(
            lambda: self._service.set_idle_lock_minutes(self._actor, minutes),
            lambda _r: self._on_saved(minutes),
            self._on_error,
        )

    def _on_saved(self, minutes: int) -> None:
        self.status_label.setText(self.tr("Saved."))
        self.idle_lock_changed.emit(minutes)

    def _on_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        show_error(self, error)

    def _on_language_combo_activated(self, _index: int) -> None:
        self._prefs.set_language(str(self.language_combo.currentData()))
        self.language_note.setText(self.tr("The language changes when the program restarts."))

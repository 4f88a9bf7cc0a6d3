"""Unit settings (administrator) and this machine's language.

The unit settings are the idle lock time, the three publicity periods (the Liaoning measures say
"公示" without a period, so each unit sets its own) and whether one account may hold several roles.
Everyone signed in sees them; only users allowed ``settings.edit`` change them, with one Save
button that sends every changed value to ``SettingsService.update`` in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
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
from desktop.domain.settings import IDLE_LOCK_MAX, IDLE_LOCK_MIN, PUBLICITY_MAX, PUBLICITY_MIN
from desktop.errors import AppError, ValidationError
from desktop.services.calendar import CalendarService
from desktop.services.settings import SettingsService
from desktop.ui.errors import show_error
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm

_NOTE_STYLE = "color: #5f6368;"


class SettingsPage(QWidget):
    """Signals:
    idle_lock_changed(int): the idle lock time was saved with a new number of minutes.
    """

    idle_lock_changed = Signal(int)

    def __init__(
        self,
        service: SettingsService,
        prefs: Preferences,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        calendar: CalendarService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self._service = service
        self._calendar = calendar
        self._prefs = prefs
        self._runner = runner
        self._actor = actor
        # The values last read from or saved to the vault; Save sends only what differs.
        self._loaded: dict[str, object] = {}
        self.can_edit = allowed(actor, "settings.edit")

        unit_box = QGroupBox(self.tr("Unit settings"), self)
        unit_box.setObjectName("unit_box")
        self.fields = FieldForm(unit_box)
        self.fields.setObjectName("fields")

        self.idle_spin = self._spin("idle_spin", IDLE_LOCK_MIN, IDLE_LOCK_MAX, self.tr(" min"))
        self.fields.add_field("idle_lock_minutes", self.tr("Lock after idle time"), self.idle_spin)

        self.pricing_spin = self._spin(
            "pricing_spin", PUBLICITY_MIN, PUBLICITY_MAX, self.tr(" days")
        )
        self.pricing_note = self._note(
            "pricing_note",
            self.tr(
                "Notice of a negotiated price before the deal. The Liaoning measures set no "
                "period; the unit decides (usually 15 days)."
            ),
        )
        self._add_with_note(
            "publicity_days_pricing",
            self.tr("Negotiated-price publicity"),
            self.pricing_spin,
            self.pricing_note,
        )

        self.reward_spin = self._spin(
            "reward_spin", PUBLICITY_MIN, PUBLICITY_MAX, self.tr(" working days")
        )
        self.reward_note = self._note(
            "reward_note",
            self.tr(
                "Notice of rewards before they are paid. The Liaoning measures set no period; "
                "the unit decides (国科发政〔2018〕103号 practice: 15 working days)."
            ),
        )
        self._add_with_note(
            "publicity_workdays_reward",
            self.tr("Reward publicity"),
            self.reward_spin,
            self.reward_note,
        )

        self.grant_spin = self._spin("grant_spin", PUBLICITY_MIN, PUBLICITY_MAX, self.tr(" days"))
        self.grant_note = self._note(
            "grant_note",
            self.tr(
                "Notice of a decision to grant ownership or a long-term use right. The Liaoning "
                "measures set no period; the unit decides (usually 15 days)."
            ),
        )
        self._add_with_note(
            "publicity_days_grant",
            self.tr("Rights-grant publicity"),
            self.grant_spin,
            self.grant_note,
        )

        self.several_roles_check = QCheckBox(
            self.tr("One account may hold several roles"), unit_box
        )
        self.several_roles_check.setObjectName("several_roles_check")
        self.several_roles_note = self._note(
            "several_roles_note",
            self.tr(
                "The three administrators (system, secrecy, audit) are never combined, "
                "whatever this says."
            ),
        )
        self._add_with_note(
            "several_roles_allowed",
            self.tr("Roles"),
            self.several_roles_check,
            self.several_roles_note,
        )

        self.save_button = QPushButton(self.tr("Save"), unit_box)
        self.save_button.setObjectName("save_button")
        self.status_label = QLabel(unit_box)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.read_only_label = QLabel(
            self.tr("Only a system administrator can change the unit settings."), unit_box
        )
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setStyleSheet(_NOTE_STYLE)
        self._set_read_only(not self.can_edit)
        # The holiday table that every deadline is counted over (legal-rules D1–D2).
        self.calendar_button = QPushButton(self.tr("Holiday table…"), unit_box)
        self.calendar_button.setObjectName("calendar_button")
        self.calendar_button.setVisible(calendar is not None)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.save_button)
        unit_layout = QVBoxLayout(unit_box)
        unit_layout.addWidget(self.fields)
        unit_layout.addWidget(self.read_only_label)
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
        self.calendar_button.clicked.connect(self._on_calendar_button_clicked)
        self.language_combo.activated.connect(self._on_language_combo_activated)
        for key, spin in self._spins().items():
            spin.valueChanged.connect(lambda _v, key=key: self.fields.clear_error(key))
        self.several_roles_check.toggled.connect(
            lambda _c: self.fields.clear_error("several_roles_allowed")
        )

    # -- building ------------------------------------------------------------------------------
    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def _note(self, name: str, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setObjectName(name)
        note.setStyleSheet(_NOTE_STYLE)
        note.setWordWrap(True)
        return note

    def _add_with_note(self, key: str, label: str, editor: QWidget, note: QLabel) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(editor)
        line.addStretch(1)
        column.addLayout(line)
        column.addWidget(note)
        holder.setFocusProxy(editor)  # an error at this field puts the cursor in the editor
        self.fields.add_field(key, label, holder)

    def _spins(self) -> dict[str, QSpinBox]:
        return {
            "idle_lock_minutes": self.idle_spin,
            "publicity_days_pricing": self.pricing_spin,
            "publicity_workdays_reward": self.reward_spin,
            "publicity_days_grant": self.grant_spin,
        }

    def _set_read_only(self, read_only: bool) -> None:
        for spin in self._spins().values():
            spin.setReadOnly(read_only)
            spin.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.NoButtons
                if read_only
                else QAbstractSpinBox.ButtonSymbols.UpDownArrows
            )
        self.several_roles_check.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.read_only_label.setVisible(read_only)

    # -- values --------------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        """The unit settings as shown on the page."""
        shown: dict[str, object] = {key: spin.value() for key, spin in self._spins().items()}
        shown["several_roles_allowed"] = self.several_roles_check.isChecked()
        return shown

    def changes(self) -> dict[str, object]:
        """The settings whose shown value differs from the stored one."""
        # Before the first reload nothing is known, so nothing counts as changed.
        return {
            k: v for k, v in self.values().items() if k in self._loaded and self._loaded[k] != v
        }

    def reload(self) -> None:
        self._show(self._service.all(self._actor))
        self.fields.clear_errors()
        self.status_label.clear()

    def _show(self, stored: dict[str, object]) -> None:
        self._loaded = dict(stored)
        for key, spin in self._spins().items():
            value = stored[key]
            assert isinstance(value, int)
            spin.setValue(value)
        self.several_roles_check.setChecked(bool(stored["several_roles_allowed"]))

    def _describe(self, key: str, value: object) -> str:
        """One saved setting for the status line, e.g. "奖励公示期：20 个工作日"."""
        names = {
            "idle_lock_minutes": self.tr("Lock after idle time"),
            "publicity_days_pricing": self.tr("Negotiated-price publicity"),
            "publicity_workdays_reward": self.tr("Reward publicity"),
            "publicity_days_grant": self.tr("Rights-grant publicity"),
            "several_roles_allowed": self.tr("One account may hold several roles"),
        }
        spin = self._spins().get(key)
        shown = f"{value}{spin.suffix()}" if spin is not None else self._yes_no(bool(value))
        return self.tr("%1: %2").replace("%1", names[key]).replace("%2", shown)

    def _yes_no(self, value: bool) -> str:
        return self.tr("yes") if value else self.tr("no")

    # -- slots ---------------------------------------------------------------------------------
    def _on_calendar_button_clicked(self) -> None:
        from desktop.ui.calendar_dialog import CalendarDialog

        assert self._calendar is not None
        CalendarDialog(self._calendar, self._runner, self._actor, self).open()

    def _on_save_button_clicked(self) -> None:
        self.fields.clear_errors()
        self.status_label.clear()
        changes = self.changes()
        if not changes:
            self.status_label.setText(self.tr("Nothing to save: no setting was changed."))
            return
        self._runner.run(
            lambda: self._service.update(self._actor, changes),
            self._on_saved,
            self._on_error,
        )

    def _on_saved(self, saved: dict[str, object]) -> None:
        self._loaded.update(saved)
        described = self.tr("; ").join(self._describe(k, v) for k, v in saved.items())
        self.status_label.setText(self.tr("Saved. %1").replace("%1", described))
        minutes = saved.get("idle_lock_minutes")
        if isinstance(minutes, int):
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

"""The holiday table (节假日表) that every deadline is counted over (legal-rules D1–D2): one row
per year, from the State Council's notice of that year's public holidays and the weekend days
worked in exchange (调休上班). The system administrator enters a new year when its notice is
published; a year missing from the table stops any deadline that reaches into it.

Below the table, a deadline can be tried out: a start day and a number of days, counted as D1
(calendar days, the last day moved past rest days) or D2 (working days), with the explanation
the procedure's dialogs show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar, Deadline, HolidayNotice, calendar_days, working_days
from desktop.domain.dates import format_cn_date
from desktop.domain.permissions import allowed
from desktop.errors import AppError, RuleViolation, ValidationError
from desktop.services.calendar import CalendarService, parse_days
from desktop.ui.errors import show_error
from desktop.ui.forms.grant_form import read_iso_date
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm

ERROR_COLOUR = "#b3261e"
TEXT_LINES = 4
YEAR_MIN, YEAR_MAX = 2000, 2100


def days_text(days: Sequence[dt.date]) -> str:
    """Days as ``parse_days`` reads them back: one per line, runs of days as a range."""
    lines: list[str] = []
    ordered = sorted(days)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + dt.timedelta(days=1):
            j += 1
        first, last = ordered[i], ordered[j]
        lines.append(first.isoformat() if i == j else f"{first.isoformat()}至{last.isoformat()}")
        i = j + 1
    return "\n".join(lines)


class CalendarDialog(QDialog):
    """Signals: ``loaded`` once the table has been read and shown; ``saved(year)`` once a
    year has been written; ``computed`` once a tried deadline is shown (or why it cannot be)."""

    loaded = Signal()
    saved = Signal(int)
    computed = Signal()

    def __init__(
        self,
        service: CalendarService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_dialog")
        self.setWindowTitle(self.tr("Holiday table"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 780)
        self._service = service
        self._runner = runner
        self._actor = actor
        self._can_edit = allowed(actor, "settings.edit")
        self._notices: list[HolidayNotice] = []
        self._busy = False

        self.intro_label = QLabel(
            self.tr(
                "Deadlines are counted over this table: each year's public holidays and the "
                "weekend days worked instead, as the State Council's notice for the year sets "
                "them. A deadline reaching into a year not in the table cannot be computed."
            ),
            self,
        )
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.notices_table = QTableWidget(0, 4, self)
        self.notices_table.setObjectName("notices_table")
        self.notices_table.setHorizontalHeaderLabels(
            [self.tr("Year"), self.tr("Notice"), self.tr("Holidays"), self.tr("Weekend workdays")]
        )
        self.notices_table.verticalHeader().hide()
        self.notices_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notices_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notices_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.notices_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.notices_table.setMaximumHeight(160)

        # -- one year's notice ----------------------------------------------------------------
        self.editor_box = QGroupBox(self.tr("Enter or correct a year"), self)
        self.editor_box.setObjectName("editor_box")
        self.fields = FieldForm(self.editor_box)
        self.fields.setObjectName("fields")
        self.year_spin = QSpinBox(self.editor_box)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(YEAR_MIN, YEAR_MAX)
        self.year_spin.setValue(dt.date.today().year + 1)
        self.source_edit = QLineEdit(self.editor_box)
        self.source_edit.setObjectName("source_edit")
        self.source_edit.setPlaceholderText(
            self.tr("e.g. General Office of the State Council, notice on the 2027 holidays")
        )
        self.holidays_edit = self._text_edit("holidays_edit")
        self.holidays_edit.setPlaceholderText(
            self.tr("One per line or separated by commas, e.g. 2027-01-01, 2月6日至2月12日")
        )
        self.workdays_edit = self._text_edit("workdays_edit")
        self.workdays_edit.setPlaceholderText(self.tr("Saturdays or Sundays worked, e.g. 2月20日"))
        self.save_button = QPushButton(self.tr("Save the year"), self.editor_box)
        self.save_button.setObjectName("save_button")
        self.editor_hint_label = QLabel(self.editor_box)
        self.editor_hint_label.setObjectName("editor_hint_label")
        self.editor_hint_label.setWordWrap(True)
        add = self.fields.add_field
        add("year", self.tr("Year"), self.year_spin)
        add("source", self.tr("Notice"), self.source_edit)
        add("holidays", self.tr("Holidays"), self.holidays_edit)
        add("workdays", self.tr("Weekend workdays"), self.workdays_edit)
        row = QHBoxLayout()
        row.addWidget(self.editor_hint_label, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self.editor_box)
        column.addWidget(self.fields)
        column.addLayout(row)

        # -- a deadline, tried out ------------------------------------------------------------
        self.try_box = QGroupBox(self.tr("Try a deadline"), self)
        self.try_box.setObjectName("try_box")
        self.try_fields = FieldForm(self.try_box)
        self.try_fields.setObjectName("try_fields")
        self.start_edit = QLineEdit(format_cn_date(dt.date.today()), self.try_box)
        self.start_edit.setObjectName("start_edit")
        self.start_edit.setPlaceholderText(self.tr("e.g. 2026-01-05"))
        self.start_edit.setMaximumWidth(180)
        self.days_spin = QSpinBox(self.try_box)
        self.days_spin.setObjectName("days_spin")
        self.days_spin.setRange(1, 3650)
        self.days_spin.setValue(15)
        self.count_combo = QComboBox(self.try_box)
        self.count_combo.setObjectName("count_combo")
        self.count_combo.addItem(
            self.tr("Calendar days, the last day moved past rest days (D1)"), "calendar_days"
        )
        self.count_combo.addItem(self.tr("Working days (D2)"), "working_days")
        self.compute_button = QPushButton(self.tr("Compute"), self.try_box)
        self.compute_button.setObjectName("compute_button")
        self.result_label = QLabel(self.try_box)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        days_row = QWidget(self.try_box)
        row = QHBoxLayout(days_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.days_spin)
        row.addWidget(self.count_combo, 1)
        row.addWidget(self.compute_button)
        self.try_fields.add_field("start", self.tr("From"), self.start_edit)
        self.try_fields.add_field("days", self.tr("Period length"), days_row)
        self.try_fields.add_field("result", self.tr("Ends"), self.result_label)
        QVBoxLayout(self.try_box).addWidget(self.try_fields)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("buttons")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close_button")
        self.close_button.setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.notices_table)
        layout.addWidget(self.editor_box)
        layout.addWidget(self.try_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.notices_table.itemSelectionChanged.connect(
            self._on_notices_table_item_selection_changed
        )
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.compute_button.clicked.connect(self._on_compute_button_clicked)
        self.buttons.rejected.connect(self.reject)
        if not self._can_edit:
            for widget in (self.year_spin, self.source_edit, self.holidays_edit):
                widget.setEnabled(False)
            self.workdays_edit.setEnabled(False)
            self.save_button.setEnabled(False)
            self.editor_hint_label.setText(
                self.tr("Only the system administrator changes the holiday table.")
            )
        self.reload()

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.editor_box)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        line = edit.fontMetrics().lineSpacing()
        edit.setFixedHeight(line * TEXT_LINES + 2 * edit.frameWidth() + 8)
        return edit

    # -- public -----------------------------------------------------------------------------
    @property
    def notices(self) -> list[HolidayNotice]:
        return list(self._notices)

    @property
    def busy(self) -> bool:
        return self._busy

    def reload(self) -> None:
        service, actor = self._service, self._actor
        self._runner.run(lambda: service.notices(actor), self._on_loaded, self._on_error)

    def save(self) -> None:
        """Write the year as typed (off the UI thread); a refusal appears at its field."""
        if self._busy or not self._can_edit:
            return
        self.fields.clear_errors()
        year = self.year_spin.value()
        source = self.source_edit.text()
        holidays_text = self.holidays_edit.toPlainText()
        workdays_text = self.workdays_edit.toPlainText()
        service, actor = self._service, self._actor

        def job() -> int:
            notice = HolidayNotice(
                year,
                source,
                parse_days(holidays_text, year, "holidays"),
                parse_days(workdays_text, year, "workdays"),
            )
            service.put(actor, notice)
            return year

        self._set_busy(True)
        self._runner.run(job, self._on_saved, self._on_save_failed)

    def compute(self) -> None:
        """Count the period typed over the table as it stands in the vault."""
        try:
            start = read_iso_date(self.start_edit.text(), "start")
        except ValidationError as error:
            self._show_result(error.message, failed=True)
            return
        if start is None:
            self._show_result(self.tr("Enter the day the period starts from."), failed=True)
            return
        days = self.days_spin.value()
        count = str(self.count_combo.currentData())
        service, actor = self._service, self._actor
        self._runner.run(
            lambda: service.calendar(actor),
            lambda calendar: self._on_calendar_loaded(
                calendar, dt.date.fromisoformat(start), days, count
            ),
            self._on_error,
        )

    # -- slots ------------------------------------------------------------------------------
    def _on_loaded(self, notices: list[HolidayNotice]) -> None:
        if not shiboken6.isValid(self):
            return
        self._notices = notices
        self.notices_table.setRowCount(0)
        for notice in notices:
            row = self.notices_table.rowCount()
            self.notices_table.insertRow(row)
            for column, text in enumerate(
                (
                    str(notice.year),
                    notice.source,
                    self.tr("%1 days").replace("%1", str(len(notice.holidays))),
                    self.tr("%1 days").replace("%1", str(len(notice.workdays))),
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.notices_table.setItem(row, column, item)
        years = [n.year for n in notices]
        if self._can_edit:
            self.editor_hint_label.setText(
                self.tr("Years in the table: %1. Choose one above to correct it.").replace(
                    "%1", self.tr(", ").join(str(y) for y in years) or "—"
                )
            )
        self.loaded.emit()

    def _on_notices_table_item_selection_changed(self) -> None:
        rows = self.notices_table.selectionModel().selectedRows()
        if not rows:
            return
        notice = self._notices[rows[0].row()]
        self.year_spin.setValue(notice.year)
        self.source_edit.setText(notice.source)
        self.holidays_edit.setPlainText(days_text(notice.holidays))
        self.workdays_edit.setPlainText(days_text(notice.workdays))
        self.fields.clear_errors()

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _on_compute_button_clicked(self) -> None:
        self.compute()

    def _on_saved(self, year: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.saved.emit(year)
        self.reload()

    def _on_save_failed(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        if isinstance(error, ValidationError) and self.fields.show_error(
            error.field, error.message
        ):
            return
        show_error(self, error)

    def _on_calendar_loaded(
        self, calendar: Calendar, start: dt.date, days: int, count: str
    ) -> None:
        if not shiboken6.isValid(self):
            return
        try:
            deadline: Deadline = (
                calendar_days(start, days, calendar)
                if count == "calendar_days"
                else working_days(start, days, calendar)
            )
        except RuleViolation as violation:
            self._show_result(violation.message, failed=True)
            return
        self._show_result(
            self.tr("%1, 24:00").replace("%1", format_cn_date(deadline.end))
            + "\n"
            + deadline.explain(),
            failed=False,
        )

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _show_result(self, text: str, *, failed: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {ERROR_COLOUR};" if failed else "")
        self.computed.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy and self._can_edit)
        self.close_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

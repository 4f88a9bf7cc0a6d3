"""Counterparties (合作方): the enterprises and other bodies that take achievements, registered
once and reused by every transformation. The list, its search, and the dialog that registers or
corrects one (a credit code already registered is refused at its field).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QItemSelection, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.counterparties import Counterparty, CounterpartyDraft
from desktop.domain.permissions import allowed
from desktop.errors import AppError, ValidationError
from desktop.services.bundle import Services
from desktop.services.counterparties import CounterpartyService
from desktop.ui import transformation_labels as tl
from desktop.ui.errors import show_error
from desktop.ui.forms.counterparty_form import CounterpartyForm
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ServiceDialog

SEARCH_DELAY_MS = 250


class CounterpartyDialog(ServiceDialog):
    """Registers a counterparty (``counterparty`` None) or corrects one. ``saved`` carries its
    id. It closes only once the service has saved; a refusal appears at its field."""

    def __init__(
        self,
        service: CounterpartyService,
        runner: TaskRunner,
        actor: User,
        counterparty: Counterparty | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("counterparty_dialog")
        self.setWindowTitle(
            self.tr("Edit counterparty") if counterparty else self.tr("New counterparty")
        )
        self._service = service
        self._actor = actor
        self._counterparty = counterparty
        self.form = CounterpartyForm(self)
        self.form.setObjectName("form")
        if counterparty is not None:
            self.form.set_value(counterparty)
        self._finish_layout(self.form)
        self.resize(560, self.sizeHint().height())

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error) or super().show_field_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        super().clear_errors()

    def _job(self) -> Callable[[], int]:
        draft: CounterpartyDraft = self.form.value()
        service, actor, existing = self._service, self._actor, self._counterparty
        if existing is None:
            return lambda: service.create(actor, draft)
        existing_id = existing.id

        def update() -> int:
            service.update(actor, existing_id, draft)
            return existing_id

        return update


def counterparty_summary(counterparty: Counterparty) -> str:
    """小型企业 · 非国有 · 境内"""
    d = counterparty.draft
    return " · ".join((tl.size(d.size), tl.ownership(d.ownership), tl.region(d.region)))


class CounterpartiesPage(QWidget):
    """Signals: ``reloaded`` once the list has been fetched and shown."""

    reloaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counterparties_page")
        self._service = services.counterparties
        self._runner = runner
        self._actor = actor
        self._can_edit = allowed(actor, "counterparty.edit")
        self._rows: list[Counterparty] = []
        self._wanted: int | None = None
        self._generation = 0
        self.dialog: CounterpartyDialog | None = None

        columns: list[Column[Counterparty]] = [
            Column(self.tr("Counterparty name"), lambda c: c.name),
            Column(self.tr("Credit code or registration number"), lambda c: c.draft.credit_code),
            Column(self.tr("Ownership type"), lambda c: tl.ownership(c.draft.ownership)),
            Column(self.tr("Enterprise size"), lambda c: tl.size(c.draft.size)),
            Column(self.tr("Domestic or abroad"), lambda c: tl.region(c.draft.region)),
            Column(self.tr("Contact"), lambda c: c.draft.contact),
        ]
        self.model: PagedTableModel[Counterparty] = PagedTableModel(
            columns, lambda: len(self._rows), lambda o, n: self._rows[o : o + n], self
        )
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search name or credit code"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.add_button = QPushButton(self.tr("New counterparty…"), self)
        self.add_button.setObjectName("add_button")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        for button in (self.add_button, self.edit_button):
            button.setVisible(self._can_edit)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self._update_buttons()

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the list for the search text (off the UI thread)."""
        self.search_timer.stop()
        self._generation += 1
        generation = self._generation
        service, actor, text = self._service, self._actor, self.search_edit.text().strip()

        def done(rows: list[Counterparty]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._on_loaded(rows)

        self._runner.run(lambda: service.search(actor, text), done, self._on_error)

    @property
    def counterparties(self) -> list[Counterparty]:
        return list(self._rows)

    def selected(self) -> Counterparty | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select(self, counterparty_id: int) -> bool:
        for row, counterparty in enumerate(self._rows):
            if counterparty.id == counterparty_id:
                self.table.selectRow(row)
                return True
        return False

    def open_dialog(self, counterparty: Counterparty | None) -> CounterpartyDialog:
        dialog = CounterpartyDialog(self._service, self._runner, self._actor, counterparty, self)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- slots ------------------------------------------------------------------------------
    def _on_loaded(self, rows: list[Counterparty]) -> None:
        self._rows = rows
        self.model.reload()
        self.count_label.setText(self.tr("%1 counterparties").replace("%1", str(len(rows))))
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self.select(wanted)
        self._update_buttons()
        self.reloaded.emit()

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.reload()

    def _on_add_button_clicked(self) -> None:
        if self._can_edit and self.dialog is None:
            self.open_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        counterparty = self.selected()
        if counterparty is not None and self._can_edit and self.dialog is None:
            self.open_dialog(counterparty)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self._update_buttons()

    def _on_dialog_saved(self, counterparty_id: int) -> None:
        self._wanted = counterparty_id
        self.reload()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    # -- internals --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

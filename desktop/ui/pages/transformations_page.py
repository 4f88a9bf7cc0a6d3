"""Transformations (成果转化, measures 二 to 七): the list of contracts and, below it, the one
chosen in detail (``transformation_detail``) with the steps of its pricing procedure (measure
四), the checks of measure 十五 and its separate ledger.

Every step is a dialog (``transformation_dialogs``) that calls the service and closes only once
it has accepted; the page then reloads the list and shows the transformation again. A refusal by
a rule (the notice still running, a pay-later licence for a large enterprise…) is shown with its
rule and its source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar
from desktop.domain.counterparties import Counterparty
from desktop.domain.gates import Finding
from desktop.domain.permissions import allowed
from desktop.domain.pricing import next_step
from desktop.domain.transformations import Transformation, yuan
from desktop.errors import AppError
from desktop.services.bundle import Services
from desktop.services.transformations import TransformationView
from desktop.ui import transformation_labels as tl
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.pages.transformation_detail import TransformationDetail, next_date
from desktop.ui.tasks import TaskRunner
from desktop.ui.transformation_dialogs import (
    AppraisalDialog,
    ConvertDialog,
    ExportCheckDialog,
    ListingDialog,
    MoneyDialog,
    NoticeDialog,
    ObjectionDialog,
    OnDateDialog,
    RegistrationDialog,
    RevenueStartDialog,
    SecrecyApprovalDialog,
    SignDialog,
    TerminateDialog,
    TransformationDialog,
    WinnerDialog,
)
from desktop.ui.widgets.gate_checks import finding_text
from desktop.ui.widgets.reason_dialog import ServiceDialog

D = TypeVar("D", bound=ServiceDialog)
TITLE_COLUMN = 0
LIST_HEIGHT, DETAIL_HEIGHT = 220, 560  # the splitter's first share


class TransformationsPage(QWidget):
    """Signals: ``reloaded`` once the list has been fetched and shown; ``detail_shown(id)``
    once a transformation's detail is shown."""

    reloaded = Signal()
    detail_shown = Signal(int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transformations_page")
        self._services = services
        self._service = services.transformations
        self._runner = runner
        self._actor = actor
        self._today = today
        self._can_edit = allowed(actor, "transformation.edit")
        self._rows: list[Transformation] = []
        self._wanted: int | None = None
        self.dialog: ServiceDialog | None = None

        columns: list[Column[Transformation]] = [
            Column(self.tr("Contract title"), lambda t: t.draft.title),
            Column(self.tr("Form"), lambda t: tl.form(t.draft.form)),
            Column(self.tr("Counterparty"), lambda t: t.counterparty_name),
            Column(self.tr("Price (yuan)"), lambda t: yuan(t.draft.price_fen)),
            Column(self.tr("State"), lambda t: tl.state(t.state)),
            Column(self.tr("Next step"), lambda t: next_step(t.procedure(), self._today())),
            Column(self.tr("Next step from"), next_date),
        ]
        self.model: PagedTableModel[Transformation] = PagedTableModel(
            columns, lambda: len(self._rows), lambda o, n: self._rows[o : o + n], self
        )
        self.new_button = QPushButton(self.tr("New transformation…"), self)
        self.new_button.setObjectName("new_button")
        self.new_button.setVisible(self._can_edit)
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
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.detail = TransformationDetail(self._can_edit, self)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([LIST_HEIGHT, DETAIL_HEIGHT])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        d = self.detail
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        for event, button in d.event_buttons.items():
            button.clicked.connect(lambda _checked=False, e=event: self.open_event(e))
        d.edit_button.clicked.connect(self._on_edit_button_clicked)
        d.registration_button.clicked.connect(self._on_registration_button_clicked)
        d.receipt_button.clicked.connect(self._on_receipt_button_clicked)
        d.payment_button.clicked.connect(self._on_payment_button_clicked)
        d.revenue_start_button.clicked.connect(self._on_revenue_start_button_clicked)
        d.convert_button.clicked.connect(self._on_convert_button_clicked)
        d.secrecy_button.clicked.connect(self._on_secrecy_button_clicked)
        d.export_button.clicked.connect(self._on_export_button_clicked)

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the list again (off the UI thread); the transformation shown stays shown."""
        if self._wanted is None and self.detail.transformation is not None:
            self._wanted = self.detail.transformation.id
        service, actor = self._service, self._actor
        self._runner.run(lambda: service.visible(actor), self._on_loaded, self._on_error)

    @property
    def transformations(self) -> list[Transformation]:
        return list(self._rows)

    @property
    def current(self) -> Transformation | None:
        return self.detail.transformation

    def select_transformation(self, transformation_id: int) -> None:
        """Show it; if a reload is on its way (or it is not listed yet), once the list
        arrives."""
        self._wanted = transformation_id
        for row, t in enumerate(self._rows):
            if t.id == transformation_id:
                if self.table.selectionModel().isRowSelected(row):
                    self._load_detail(transformation_id)
                else:
                    self.table.selectRow(row)
                return
        self.table.clearSelection()

    def open_new(self) -> TransformationDialog:
        dialog = TransformationDialog(
            self._services, self._runner, self._actor, None, self._today(), self
        )
        return self._open(dialog)

    def open_event(self, event: str) -> None:
        """Open the dialog of a step of the procedure. The notice and the listing read the
        holiday table (and the unit's notice period) first, so their dialogs open once it has
        arrived: look for ``dialog``."""
        t = self.detail.transformation
        if t is None or not self._can_edit or self.dialog is not None:
            return
        s, runner, actor, today = self._service, self._runner, self._actor, self._today()
        if event == "record_appraisal":
            self._open(AppraisalDialog(s, runner, actor, t, self.detail.counterparty, today, self))
        elif event in ("start_notice", "start_listing"):
            self._open_with_calendar(t, event)
        elif event == "object":
            self._open(ObjectionDialog(s, runner, actor, t, today, self))
        elif event in ("close_notice", "listing_lapsed", "complete"):
            self._open(OnDateDialog(s, runner, actor, t, event, today, self))
        elif event in ("listing_taken", "record_auction"):
            counterparties = self._services.counterparties
            self._open(WinnerDialog(s, counterparties, runner, actor, t, event, today, self))
        elif event == "sign":
            dialog = SignDialog(s, runner, actor, t, today, self)
            dialog.saved.connect(self._on_sign_dialog_saved)
            self._open(dialog)
        elif event == "terminate":
            self._open(TerminateDialog(s, runner, actor, t, today, self))

    # -- slots: the list --------------------------------------------------------------------
    def _on_loaded(self, rows: list[Transformation]) -> None:
        if not shiboken6.isValid(self):
            return  # the page went (the window locked) while the list was read
        wanted, self._wanted = self._wanted, None
        self._rows = rows
        self.model.reload()
        self.count_label.setText(self.tr("%1 transformations").replace("%1", str(len(rows))))
        if wanted is not None:
            self.select_transformation(wanted)
        if not self.table.selectionModel().selectedRows():
            self.detail.show_view(None, None, self._today())
        self.reloaded.emit()

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.show_view(None, None, self._today())
            return
        self._load_detail(self._rows[rows[0].row()].id)

    def _load_detail(self, transformation_id: int) -> None:
        service, parties, actor = self._service, self._services.counterparties, self._actor

        def job() -> tuple[TransformationView, Counterparty | None]:
            view = service.get(actor, transformation_id)
            cp_id = view.transformation.draft.counterparty_id
            return view, parties.get(actor, cp_id) if cp_id is not None else None

        self._runner.run(job, self._on_detail_loaded, self._on_error)

    def _on_detail_loaded(self, result: tuple[TransformationView, Counterparty | None]) -> None:
        view, counterparty = result
        if not shiboken6.isValid(self):
            return
        rows = self.table.selectionModel().selectedRows()
        # A later selection (or a reload) wins over a slower earlier load.
        if not rows or self._rows[rows[0].row()].id != view.transformation.id:
            return
        self.detail.show_view(view, counterparty, self._today())
        self.detail_shown.emit(view.transformation.id)

    # -- slots: the steps -------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        if self.dialog is None:
            self.open_new()

    def _on_edit_button_clicked(self) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(
                TransformationDialog(
                    self._services, self._runner, self._actor, t, self._today(), self
                )
            )

    def _on_registration_button_clicked(self) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(
                RegistrationDialog(self._service, self._runner, self._actor, t, self._today(), self)
            )

    def _on_receipt_button_clicked(self) -> None:
        self._open_money("receipt")

    def _on_payment_button_clicked(self) -> None:
        self._open_money("payment")

    def _on_revenue_start_button_clicked(self) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(
                RevenueStartDialog(self._service, self._runner, self._actor, t, self._today(), self)
            )

    def _on_convert_button_clicked(self) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(
                ConvertDialog(self._service, self._runner, self._actor, t, self._today(), self)
            )

    def _on_secrecy_button_clicked(self) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(SecrecyApprovalDialog(self._service, self._runner, self._actor, t, self))

    def _on_export_button_clicked(self) -> None:
        view = self.detail.view
        if view is not None and self.dialog is None:
            self._open(
                ExportCheckDialog(
                    self._service,
                    self._runner,
                    self._actor,
                    view.transformation,
                    view.export_check,
                    self._today(),
                    self,
                )
            )

    def _on_sign_dialog_saved(self, warnings: list[Finding]) -> None:
        if not warnings:
            return
        box = QMessageBox(self)
        box.setObjectName("warnings_box")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("The contract is signed"))
        box.setText(
            self.tr("The contract is marked signed. Still to be seen to:")
            + "\n\n"
            + "\n".join(finding_text(w) for w in warnings)
        )
        box.open()

    def _on_dialog_saved(self, _result: object) -> None:
        t = self.detail.transformation
        if isinstance(_result, int) and isinstance(self.dialog, TransformationDialog):
            self._wanted = _result
        elif t is not None:
            self._wanted = t.id
        self.reload()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    # -- internals --------------------------------------------------------------------------
    def _open(self, dialog: D) -> D:
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_money(self, kind: str) -> None:
        t = self.detail.transformation
        if t is not None and self.dialog is None:
            self._open(
                MoneyDialog(self._service, self._runner, self._actor, t, kind, self._today(), self)
            )

    def _open_with_calendar(self, t: Transformation, event: str) -> None:
        calendars, settings, actor = self._services.calendar, self._services.settings, self._actor

        def job() -> tuple[Calendar, int]:
            days = settings.get(actor, "publicity_days_pricing")
            return calendars.calendar(actor), int(days)  # type: ignore[call-overload]

        def done(result: tuple[Calendar, int]) -> None:
            calendar, days = result
            if not shiboken6.isValid(self) or self.dialog is not None:
                return
            s, runner, today = self._service, self._runner, self._today()
            if event == "start_notice":
                self._open(NoticeDialog(s, runner, actor, t, calendar, days, today, self))
            else:
                self._open(ListingDialog(s, runner, actor, t, calendar, today, self))

        self._runner.run(job, done, self._on_error)

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

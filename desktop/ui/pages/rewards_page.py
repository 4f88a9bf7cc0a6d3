"""Rewards (奖励和报酬, measure 十二): the list of calculations and, below it, the one chosen in
detail: each person's part, the breakdown that says why the figures are what they are
("为什么是这个数？"), the public notice with its objections, and the payment.

Every step is a dialog (``reward_dialogs``) that calls the service and closes only once it has
accepted; the page then reloads the list and shows the calculation again. A refusal by a rule
(paying before the notice has ended, a unit rate below the statutory floor…) is shown with its
rule and its source. The statement and the notice are saved as PDF, the allocation as xlsx for
the finance office.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.calendar import Calendar
from desktop.domain.permissions import allowed
from desktop.domain.rewards import RewardCalculation, RewardObjection
from desktop.domain.transformations import Transformation
from desktop.errors import AppError
from desktop.services.bundle import Services
from desktop.ui.errors import show_error
from desktop.ui.forms.reward_form import (
    RewardBreakdown,
    cn_date,
    kind_name,
    pool_summary,
    state_name,
)
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.reward_dialogs import (
    CancelDialog,
    NoticeDialog,
    ObjectionDialog,
    PayDialog,
    PolicyDialog,
    RewardDialog,
    SettleObjectionDialog,
)
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.reason_dialog import ServiceDialog

D = TypeVar("D", bound=ServiceDialog)
SavePathChooser = Callable[[QWidget, str, str], Path | None]
TITLE_COLUMN = 0
LIST_HEIGHT, DETAIL_HEIGHT = 200, 620
DOCUMENTS = ("statement", "notice", "xlsx")
OPEN_STATES = ("calculated", "notice")


def choose_save_path(parent: QWidget, suggested: str, which: str) -> Path | None:
    """Ask where to save a document (``which``: statement, notice or xlsx)."""
    translate = QCoreApplication.translate
    if which == "xlsx":
        caption = translate("RewardsPage", "Export the allocation as xlsx")
        filters = translate("RewardsPage", "Excel workbook (*.xlsx)")
    else:
        caption = translate("RewardsPage", "Save as PDF")
        filters = "PDF (*.pdf)"
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


def suggested_name(calculation: RewardCalculation, which: str) -> str:
    """奖励计算表-<title>.pdf; characters a file name cannot hold become _."""
    title = re.sub(r'[\\/:*?"<>|\s]+', "_", calculation.title).strip("_") or str(calculation.id)
    prefix = {
        "statement": QCoreApplication.translate("RewardsPage", "Reward statement"),
        "notice": QCoreApplication.translate("RewardsPage", "Reward notice"),
        "xlsx": QCoreApplication.translate("RewardsPage", "Reward allocation"),
    }[which]
    return f"{prefix}-{title}.{'xlsx' if which == 'xlsx' else 'pdf'}"


def notice_text(c: RewardCalculation) -> str:
    """公示：2026年1月5日起，至2026年1月26日24时届满"""
    if c.notice_start is None or c.notice_end is None:
        return QCoreApplication.translate("RewardsPage", "Not publicised yet.")
    return (
        QCoreApplication.translate("RewardsPage", "From %1 until %2, 24:00")
        .replace("%1", cn_date(c.notice_start))
        .replace("%2", cn_date(c.notice_end))
    )


def _table(name: str, headers: list[str], parent: QWidget, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class RewardDetail(QWidget):
    """One calculation in detail, below the list. It only shows; the page connects its
    buttons. Buttons the user may not use at all are hidden; those that do not apply to the
    calculation as it stands are disabled."""

    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self._can_edit = can_edit
        self._calculation: RewardCalculation | None = None
        self._value_labels: list[QLabel] = []

        self.header_label = QLabel(self)
        self.header_label.setObjectName("header_label")
        self.header_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.header_label.setWordWrap(True)
        self.header_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_button = self._button("notice_button", self.tr("Publicise…"), edit=True)
        self.objection_button = self._button(
            "objection_button", self.tr("Record objection…"), edit=True
        )
        self.settle_button = self._button("settle_button", self.tr("Settle objection…"), edit=True)
        self.pay_button = self._button("pay_button", self.tr("Pay out…"), edit=True)
        self.cancel_button = self._button("cancel_button", self.tr("Cancel…"), edit=True)
        self.statement_button = self._button(
            "statement_button", self.tr("Save statement PDF…"), edit=False
        )
        self.notice_pdf_button = self._button(
            "notice_pdf_button", self.tr("Save notice PDF…"), edit=False
        )
        self.xlsx_button = self._button(
            "xlsx_button", self.tr("Export allocation xlsx…"), edit=False
        )
        actions = QHBoxLayout()
        for button in (
            self.notice_button,
            self.objection_button,
            self.settle_button,
            self.pay_button,
            self.cancel_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.statement_button, self.notice_pdf_button, self.xlsx_button):
            actions.addWidget(button)

        self.facts = FieldForm(self)
        self.facts.setObjectName("facts")
        self.kind_label = self._label("kind_label")
        self.transformation_label = self._label("transformation_label")
        self.dates_label = self._label("dates_label")
        self.state_label = self._label("state_label")
        self.notice_label = self._label("notice_label")
        self.facts.add_field("kind", self.tr("Kind of reward"), self.kind_label)
        self.facts.add_field("transformation", self.tr("Transformation"), self.transformation_label)
        self.facts.add_field("dates", self.tr("Calculation date"), self.dates_label)
        self.facts.add_field("state", self.tr("State"), self.state_label)
        self.facts.add_field("notice", self.tr("Public notice"), self.notice_label)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.breakdown = RewardBreakdown(self.tabs)
        self.tabs.addTab(self.breakdown, self.tr("Allocation and why"))
        self.objections_table = _table(
            "objections_table",
            [
                self.tr("Received on"),
                self.tr("Objection"),
                self.tr("Settled on"),
                self.tr("Settled with"),
            ],
            self.tabs,
            1,
        )
        self.tabs.addTab(self.objections_table, self.tr("Objections"))

        top = QHBoxLayout()
        top.addWidget(self.facts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header_label)
        layout.addLayout(actions)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.objections_table.itemSelectionChanged.connect(self._update_buttons)
        self.show_calculation(None, "")

    def _button(self, name: str, text: str, *, edit: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if edit:
            button.setVisible(self._can_edit)
        return button

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        self._value_labels.append(label)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    # -- public -----------------------------------------------------------------------------
    @property
    def calculation(self) -> RewardCalculation | None:
        return self._calculation

    def selected_objection(self) -> RewardObjection | None:
        c = self._calculation
        rows = self.objections_table.selectionModel().selectedRows()
        if c is None or not rows or rows[0].row() >= len(c.objections):
            return None
        return c.objections[rows[0].row()]

    def show_calculation(self, c: RewardCalculation | None, transformation: str) -> None:
        """Show ``c`` (None: nothing); ``transformation`` is the linked contract's title."""
        self._calculation = c
        self.tabs.setEnabled(c is not None)
        self.objections_table.setRowCount(0)
        if c is None:
            self.header_label.setText(self.tr("Choose a calculation in the list."))
            for label in self._value_labels:
                label.clear()
            self.breakdown.show_result(None)
            self._update_buttons()
            return
        self.header_label.setText(f"{c.title}　·　{state_name(c.state)}")
        self.kind_label.setText(kind_name(c.input.kind))
        self.transformation_label.setText(transformation or self.tr("Not linked"))
        dates = self.tr("On %1 (the rules in force that day)").replace("%1", cn_date(c.input.on))
        if c.input.pay_on:
            dates += "；" + self.tr("payment planned for %1").replace("%1", cn_date(c.input.pay_on))
        self.dates_label.setText(dates)
        state = state_name(c.state)
        if c.state == "paid" and c.paid_on:
            state += self.tr(" on %1").replace("%1", cn_date(c.paid_on))
        self.state_label.setText(state)
        self.notice_label.setText(notice_text(c))
        self.breakdown.show_result(c.result)
        for o in c.objections:
            at = self.objections_table.rowCount()
            self.objections_table.insertRow(at)
            cells = (
                cn_date(o.received_on),
                o.content,
                cn_date(o.resolved_on) if o.resolved_on else self.tr("Not yet settled"),
                o.resolution,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.objections_table.setItem(at, column, item)
        self.objections_table.resizeRowsToContents()
        self.tabs.setTabText(1, self.tr("Objections (%1)").replace("%1", str(len(c.objections))))
        self._update_buttons()

    # -- internals --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        c = self._calculation
        state = c.state if c is not None else ""
        self.notice_button.setEnabled(state == "calculated")
        self.objection_button.setEnabled(state == "notice")
        objection = self.selected_objection()
        self.settle_button.setEnabled(
            state == "notice" and objection is not None and objection.resolved_on is None
        )
        # Enabled during the notice: paying too early is refused with the rule that says why.
        self.pay_button.setEnabled(state == "notice")
        self.cancel_button.setEnabled(state in OPEN_STATES)
        shown = c is not None
        self.statement_button.setEnabled(shown)
        self.notice_pdf_button.setEnabled(shown and state != "cancelled")
        self.xlsx_button.setEnabled(shown)


class RewardsPage(QWidget):
    """Signals: ``reloaded`` once the list has been fetched and shown; ``detail_shown(id)``
    once a calculation's detail is shown; ``document_saved(path)`` once a document is
    written."""

    reloaded = Signal()
    detail_shown = Signal(int)
    document_saved = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        choose_path: SavePathChooser = choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rewards_page")
        self._services = services
        self._service = services.rewards
        self._runner = runner
        self._actor = actor
        self._today = today
        self._choose_path = choose_path
        self._can_edit = allowed(actor, "reward.edit")
        self._rows: list[RewardCalculation] = []
        self._titles: dict[int, str] = {}
        self._wanted: int | None = None
        self.dialog: ServiceDialog | None = None

        columns: list[Column[RewardCalculation]] = [
            Column(self.tr("Reward item"), lambda c: c.title),
            Column(self.tr("Kind of reward"), lambda c: kind_name(c.input.kind)),
            Column(self.tr("Reward pool"), lambda c: pool_summary(c.result)),
            Column(self.tr("State"), lambda c: state_name(c.state)),
            Column(self.tr("Notice ends"), lambda c: cn_date(c.notice_end)),
        ]
        self.model: PagedTableModel[RewardCalculation] = PagedTableModel(
            columns, lambda: len(self._rows), lambda o, n: self._rows[o : o + n], self
        )
        self.new_button = QPushButton(self.tr("New calculation…"), self)
        self.new_button.setObjectName("new_button")
        self.new_button.setVisible(self._can_edit)
        self.policy_button = QPushButton(self.tr("Unit reward policy…"), self)
        self.policy_button.setObjectName("policy_button")
        self.policy_button.setVisible(self._can_edit)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.detail = RewardDetail(self._can_edit, self)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.policy_button)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([LIST_HEIGHT, DETAIL_HEIGHT])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        d = self.detail
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.policy_button.clicked.connect(self._on_policy_button_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        d.notice_button.clicked.connect(self._on_notice_button_clicked)
        d.objection_button.clicked.connect(self._on_objection_button_clicked)
        d.settle_button.clicked.connect(self._on_settle_button_clicked)
        d.pay_button.clicked.connect(self._on_pay_button_clicked)
        d.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        d.statement_button.clicked.connect(self._on_statement_button_clicked)
        d.notice_pdf_button.clicked.connect(self._on_notice_pdf_button_clicked)
        d.xlsx_button.clicked.connect(self._on_xlsx_button_clicked)

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the list again (off the UI thread); the calculation shown stays shown."""
        if self._wanted is None and self.detail.calculation is not None:
            self._wanted = self.detail.calculation.id
        rewards, deals, actor = self._service, self._services.transformations, self._actor
        may_see_deals = allowed(actor, "transformation.read")

        def job() -> tuple[list[RewardCalculation], list[Transformation]]:
            return rewards.visible(actor), deals.visible(actor) if may_see_deals else []

        self._runner.run(job, self._on_loaded, self._on_error)

    @property
    def calculations(self) -> list[RewardCalculation]:
        return list(self._rows)

    @property
    def current(self) -> RewardCalculation | None:
        return self.detail.calculation

    def select_calculation(self, calculation_id: int) -> None:
        """Show it; if a reload is on its way (or it is not listed yet), once the list
        arrives."""
        self._wanted = calculation_id
        for row, c in enumerate(self._rows):
            if c.id == calculation_id:
                if self.table.selectionModel().isRowSelected(row):
                    self._show(c)
                else:
                    self.table.selectRow(row)
                return
        self.table.clearSelection()

    def open_new(self) -> RewardDialog:
        dialog = RewardDialog(self._services, self._runner, self._actor, self._today(), self)
        return self._open(dialog)

    def open_policy(self) -> PolicyDialog:
        return self._open(
            PolicyDialog(self._service, self._runner, self._actor, self._today(), self)
        )

    def save_document(self, which: str) -> None:
        """Ask where, then write the statement, the notice (PDF) or the allocation (xlsx)."""
        c = self.detail.calculation
        if c is None or which not in DOCUMENTS:
            return
        path = self._choose_path(self, suggested_name(c, which), which)
        if path is None:
            return
        service, actor, cid = self._service, self._actor, c.id

        def done(_result: object) -> None:
            if shiboken6.isValid(self):
                self.status_label.setText(self.tr("Saved to %1").replace("%1", str(path)))
                self.document_saved.emit(path)

        self.status_label.clear()
        self._runner.run(
            lambda: service.save_document(actor, cid, which, path), done, self._on_error
        )

    # -- slots: the list --------------------------------------------------------------------
    def _on_loaded(self, result: tuple[list[RewardCalculation], list[Transformation]]) -> None:
        if not shiboken6.isValid(self):
            return  # the page went (the window locked) while the list was read
        rows, deals = result
        wanted, self._wanted = self._wanted, None
        self._rows = rows
        self._titles = {t.id: t.draft.title for t in deals}
        self.model.reload()
        self.count_label.setText(self.tr("%1 calculations").replace("%1", str(len(rows))))
        if wanted is not None:
            self.select_calculation(wanted)
        if not self.table.selectionModel().selectedRows():
            self.detail.show_calculation(None, "")
        self.reloaded.emit()

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.show_calculation(None, "")
            return
        self._show(self._rows[rows[0].row()])

    def _show(self, c: RewardCalculation) -> None:
        title = self._titles.get(c.transformation_id, "") if c.transformation_id else ""
        self.detail.show_calculation(c, title)
        self.detail_shown.emit(c.id)

    # -- slots: the steps -------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        if self.dialog is None:
            self.open_new()

    def _on_policy_button_clicked(self) -> None:
        if self.dialog is None:
            self.open_policy()

    def _on_notice_button_clicked(self) -> None:
        c = self.detail.calculation
        if c is None or self.dialog is not None:
            return
        calendars, settings, actor = self._services.calendar, self._services.settings, self._actor

        def job() -> tuple[Calendar, int]:
            days = settings.get(actor, "publicity_workdays_reward")
            return calendars.calendar(actor), int(days)  # type: ignore[call-overload]

        def done(result: tuple[Calendar, int]) -> None:
            calendar, days = result
            if not shiboken6.isValid(self) or self.dialog is not None:
                return
            self._open(
                NoticeDialog(
                    self._service, self._runner, actor, c, calendar, days, self._today(), self
                )
            )

        self._runner.run(job, done, self._on_error)

    def _on_objection_button_clicked(self) -> None:
        c = self.detail.calculation
        if c is not None and self.dialog is None:
            self._open(
                ObjectionDialog(self._service, self._runner, self._actor, c, self._today(), self)
            )

    def _on_settle_button_clicked(self) -> None:
        c, objection = self.detail.calculation, self.detail.selected_objection()
        if c is not None and objection is not None and self.dialog is None:
            self._open(
                SettleObjectionDialog(self._service, self._runner, self._actor, c, objection, self)
            )

    def _on_pay_button_clicked(self) -> None:
        c = self.detail.calculation
        if c is not None and self.dialog is None:
            self._open(PayDialog(self._service, self._runner, self._actor, c, self._today(), self))

    def _on_cancel_button_clicked(self) -> None:
        c = self.detail.calculation
        if c is not None and self.dialog is None:
            self._open(CancelDialog(self._service, self._runner, self._actor, c, self))

    def _on_statement_button_clicked(self) -> None:
        self.save_document("statement")

    def _on_notice_pdf_button_clicked(self) -> None:
        self.save_document("notice")

    def _on_xlsx_button_clicked(self) -> None:
        self.save_document("xlsx")

    def _on_dialog_saved(self, result: object) -> None:
        c = self.detail.calculation
        if isinstance(self.dialog, RewardDialog) and isinstance(result, int):
            self._wanted = result  # a new calculation is shown at once
        elif isinstance(self.dialog, PolicyDialog):
            self.status_label.setText(self.tr("The new version of the unit's rule is saved."))
            return
        elif c is not None:
            self._wanted = c.id
        self.reload()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _open(self, dialog: D) -> D:
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

"""Rights grants (赋权, measure 一): the list of grants and, beside it, the one chosen in detail
with the steps that move it on: publicity, objections, the secrecy approval and the export check,
taking effect, supplementary agreements, and the ownership-change filings.

Every step is a dialog (``grant_dialogs``, ``grant_amendment_dialogs``) that calls the service
and closes only once it has accepted; the page then reloads the list and shows the grant again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
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
from desktop.domain.gates import Finding
from desktop.domain.permissions import allowed
from desktop.domain.rights_grants import RightsGrant, current
from desktop.errors import AppError
from desktop.services.bundle import Services
from desktop.services.rights_grants import GrantView
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.grant_amendment_dialogs import (
    ConversionDialog,
    ExtensionDialog,
    FilingStepDialog,
    TakeEffectDialog,
)
from desktop.ui.grant_dialogs import (
    GrantDialog,
    ObjectionDialog,
    PublicityDialog,
    SettleObjectionDialog,
    WithdrawDialog,
)
from desktop.ui.grant_gate_dialogs import ExportCheckDialog, SecrecyApprovalDialog
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.pages.grant_detail import GrantDetail, cn_date, terms_summary
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.gate_checks import finding_text
from desktop.ui.widgets.reason_dialog import ServiceDialog

SavePathChooser = Callable[[QWidget, str], Path | None]
D = TypeVar("D", bound=ServiceDialog)


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("GrantsPage", "Save agreement as PDF"),
        suggested,
        "PDF (*.pdf)",
    )
    return Path(name) if name else None


def next_step(grant: RightsGrant, today: dt.date) -> str:
    """What the grant waits for, in a few words, for the list."""
    translate = QCoreApplication.translate
    if grant.status == "draft":
        return translate("GrantsPage", "Start the publicity")
    if grant.status == "publicity":
        end = grant.publicity_end
        open_ones = sum(1 for o in grant.objections if o.status == "open")
        if open_ones:
            return translate("GrantsPage", "Settle %1 objection(s)").replace("%1", str(open_ones))
        if any(o.status == "upheld" for o in grant.objections):
            return translate("GrantsPage", "Objection upheld: withdraw and draft again")
        if end is not None and today <= end:
            return translate("GrantsPage", "Publicity runs until %1").replace(
                "%1", cn_date(end.isoformat())
            )
        return translate("GrantsPage", "Take effect")
    if grant.status == "effective":
        waiting = sum(1 for f in grant.filings if not f.done)
        if waiting:
            return translate("GrantsPage", "%1 ownership change filing(s) open").replace(
                "%1", str(waiting)
            )
    return "—"


class GrantsPage(QWidget):
    """Signals: ``reloaded`` once the list has been fetched and shown; ``detail_shown(id)``
    once a grant's detail is shown."""

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
        choose_path: SavePathChooser = choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("grants_page")
        self._service = services.grants
        self._achievements = services.achievements
        self._runner = runner
        self._actor = actor
        self._today = today
        self._choose_path = choose_path
        self._can_edit = allowed(actor, "grant.edit")
        self._grants: list[RightsGrant] = []
        self._wanted: int | None = None  # the grant to show again after the next reload

        columns: list[Column[RightsGrant]] = [
            Column(self.tr("Document number"), lambda g: g.doc_no),
            Column(self.tr("Achievement"), lambda g: g.achievement_title),
            Column(self.tr("Grant of"), lambda g: labels.grant_kind(current(g).kind)),
            Column(self.tr("Status"), lambda g: labels.grant_status(g.status)),
            Column(self.tr("Shares or term"), lambda g: terms_summary(current(g))),
            Column(
                self.tr("Publicity until"),
                lambda g: cn_date(g.publicity_end.isoformat()) if g.publicity_end else "",
            ),
            Column(self.tr("Next step"), lambda g: next_step(g, self._today())),
        ]
        self.model: PagedTableModel[RightsGrant] = PagedTableModel(
            columns, lambda: len(self._grants), lambda o, n: self._grants[o : o + n], self
        )
        self.new_button = QPushButton(self.tr("New rights grant…"), self)
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
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.detail = GrantDetail(self._can_edit, self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

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
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)

        d = self.detail
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        d.edit_button.clicked.connect(self._on_edit_button_clicked)
        d.publicity_button.clicked.connect(self._on_publicity_button_clicked)
        d.take_effect_button.clicked.connect(self._on_take_effect_button_clicked)
        d.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        d.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        d.secrecy_button.clicked.connect(self._on_secrecy_button_clicked)
        d.export_button.clicked.connect(self._on_export_button_clicked)
        d.add_objection_button.clicked.connect(self._on_add_objection_button_clicked)
        d.settle_objection_button.clicked.connect(self._on_settle_objection_button_clicked)
        d.extend_button.clicked.connect(self._on_extend_button_clicked)
        d.convert_button.clicked.connect(self._on_convert_button_clicked)
        d.save_amendment_pdf_button.clicked.connect(self._on_save_amendment_pdf_button_clicked)
        d.filing_step_button.clicked.connect(self._on_filing_step_button_clicked)

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the grants again (off the UI thread); the grant shown stays shown."""
        if self._wanted is None and self.detail.grant is not None:
            self._wanted = self.detail.grant.id
        service, actor = self._service, self._actor
        self._runner.run(lambda: service.visible(actor), self._on_loaded, self._on_error)

    @property
    def grants(self) -> list[RightsGrant]:
        return list(self._grants)

    @property
    def current_grant(self) -> RightsGrant | None:
        return self.detail.grant

    def select_grant(self, grant_id: int) -> None:
        """Show the grant; if a reload is on its way (or the grant is not listed yet), it is
        shown once the list arrives."""
        self._wanted = grant_id
        for row, grant in enumerate(self._grants):
            if grant.id == grant_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()

    def open_new(self) -> GrantDialog:
        dialog = GrantDialog(
            self._service, self._achievements, self._runner, self._actor, None, self._today(), self
        )
        return self._open(dialog)

    # -- slots: the list --------------------------------------------------------------------
    def _on_loaded(self, grants: list[RightsGrant]) -> None:
        if not shiboken6.isValid(self):
            return  # the page went (the window locked) while the list was read
        wanted, self._wanted = self._wanted, None
        self._grants = grants
        self.model.reload()
        self.count_label.setText(self.tr("%1 grants").replace("%1", str(len(grants))))
        if wanted is not None:
            self.select_grant(wanted)
            self._wanted = None
        if self.detail.grant is None or not self.table.selectionModel().selectedRows():
            self.detail.show_view(None, 0, self._today())
        self.reloaded.emit()

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.show_view(None, 0, self._today())
            return
        grant_id = self._grants[rows[0].row()].id
        service, actor = self._service, self._actor

        def job() -> tuple[GrantView, int]:
            return service.get(actor, grant_id), service.publicity_days(actor)

        self._runner.run(job, self._on_detail_loaded, self._on_error)

    def _on_detail_loaded(self, result: tuple[GrantView, int]) -> None:
        view, days = result
        if not shiboken6.isValid(self):
            return
        rows = self.table.selectionModel().selectedRows()
        # A later selection (or a reload) wins over a slower earlier load.
        if not rows or self._grants[rows[0].row()].id != view.grant.id:
            return
        self.detail.show_view(view, days, self._today())
        self.detail_shown.emit(view.grant.id)

    # -- slots: the steps -------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        self.open_new()

    def _on_edit_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(
                GrantDialog(
                    self._service,
                    self._achievements,
                    self._runner,
                    self._actor,
                    grant,
                    self._today(),
                    self,
                )
            )

    def _on_publicity_button_clicked(self) -> None:
        view = self.detail.view
        if view is not None:
            days = self.detail.unit_publicity_days
            self._open(
                PublicityDialog(
                    self._service, self._runner, self._actor, view.grant, days, self._today(), self
                )
            )

    def _on_take_effect_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            dialog = TakeEffectDialog(
                self._service, self._runner, self._actor, grant, self._today(), self
            )
            dialog.saved.connect(self._on_take_effect_dialog_saved)
            self._open(dialog)

    def _on_take_effect_dialog_saved(self, warnings: list[Finding]) -> None:
        if not warnings:
            return
        box = QMessageBox(self)
        box.setObjectName("warnings_box")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("The grant took effect"))
        box.setText(
            self.tr("The grant took effect. Still to be seen to:")
            + "\n\n"
            + "\n".join(finding_text(w) for w in warnings)
        )
        box.open()

    def _on_withdraw_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(WithdrawDialog(self._service, self._runner, self._actor, grant, self))

    def _on_secrecy_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(SecrecyApprovalDialog(self._service, self._runner, self._actor, grant, self))

    def _on_export_button_clicked(self) -> None:
        view = self.detail.view
        if view is not None:
            self._open(
                ExportCheckDialog(
                    self._service,
                    self._runner,
                    self._actor,
                    view.grant,
                    view.export_check,
                    self._today(),
                    self,
                )
            )

    def _on_add_objection_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(
                ObjectionDialog(
                    self._service, self._runner, self._actor, grant, self._today(), self
                )
            )

    def _on_settle_objection_button_clicked(self) -> None:
        grant, objection = self.detail.grant, self.detail.selected_objection()
        if grant is not None and objection is not None:
            self._open(
                SettleObjectionDialog(
                    self._service, self._runner, self._actor, grant, objection, self
                )
            )

    def _on_extend_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(
                ExtensionDialog(
                    self._service, self._runner, self._actor, grant, self._today(), self
                )
            )

    def _on_convert_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is not None:
            self._open(
                ConversionDialog(
                    self._service, self._runner, self._actor, grant, self._today(), self
                )
            )

    def _on_filing_step_button_clicked(self) -> None:
        grant, filing = self.detail.grant, self.detail.selected_filing()
        if grant is not None and filing is not None:
            self._open(
                FilingStepDialog(
                    self._service, self._runner, self._actor, grant, filing, self._today(), self
                )
            )

    def _on_save_pdf_button_clicked(self) -> None:
        grant = self.detail.grant
        if grant is None:
            return
        path = self._choose_path(self, f"{grant.doc_no}.pdf")
        if path is None:
            return
        service, actor, grant_id = self._service, self._actor, grant.id
        self._save(lambda: service.save_document(actor, grant_id, path), path)

    def _on_save_amendment_pdf_button_clicked(self) -> None:
        grant, amendment = self.detail.grant, self.detail.selected_amendment()
        if grant is None or amendment is None:
            return
        path = self._choose_path(self, f"{amendment.doc_no}.pdf")
        if path is None:
            return
        service, actor, grant_id, amendment_id = self._service, self._actor, grant.id, amendment.id
        self._save(
            lambda: service.save_amendment_document(actor, grant_id, amendment_id, path), path
        )

    def _on_dialog_saved(self, _result: object) -> None:
        self.reload()

    def _on_grant_dialog_saved(self, grant_id: int) -> None:
        self._wanted = grant_id  # a new grant is shown at once
        self.reload()

    def _on_error(self, error: AppError) -> None:
        if shiboken6.isValid(self):
            show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _open(self, dialog: D) -> D:
        if isinstance(dialog, GrantDialog):
            dialog.saved.connect(self._on_grant_dialog_saved)
        else:
            dialog.saved.connect(self._on_dialog_saved)
        dialog.open()
        return dialog

    def _save(self, job: Callable[[], None], path: Path) -> None:
        def done(_result: object) -> None:
            if shiboken6.isValid(self):
                self.status_label.setText(self.tr("Saved to %1").replace("%1", str(path)))

        self.status_label.clear()
        self._runner.run(job, done, self._on_error)

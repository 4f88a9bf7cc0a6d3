"""Confidentiality agreements (保密协议, measure 十五): the list, with each agreement's state
today, and the dialogs that register, edit and terminate one and save it as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementQuery, AchievementRow
from desktop.domain.confidentiality import ConfidentialityAgreement, expiry_note, status
from desktop.domain.dates import format_cn_date, parse_date
from desktop.domain.permissions import allowed, visible_levels
from desktop.domain.secrecy import MARKED_LEVELS
from desktop.errors import AppError, ValidationError
from desktop.services.achievements import AchievementService
from desktop.services.bundle import Services
from desktop.services.confidentiality import ConfidentialityService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.forms.confidentiality_form import ConfidentialityForm
from desktop.ui.models.paged_table_model import Column, Index, PagedTableModel
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog, SaveDialog

SavePathChooser = Callable[[QWidget, str], Path | None]
Today = Callable[[], date]
SEARCH_LIMIT = 50
REASON_MAX = 500
EXPIRING_BACKGROUND = "#fff1c2"
EXPIRING_FOREGROUND = "#7a4b00"
STATUS_COLUMN = 5


def choose_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save the agreement's PDF."""
    caption = QCoreApplication.translate("ConfidentialityPage", "Save the agreement as PDF")
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, "PDF (*.pdf)")
    return Path(name) if name else None


def _failing(error: AppError) -> Callable[[], Any]:
    """A job that only reports ``error``: what was typed could not even be read."""

    def job() -> Any:
        raise error

    return job


def _cn_date(iso: str | None) -> str:
    return format_cn_date(date.fromisoformat(iso)) if iso else ""


class AgreementTableModel(PagedTableModel[ConfidentialityAgreement]):
    """The agreements fetched by the page; an agreement ending soon is highlighted."""

    def __init__(
        self,
        columns: list[Column[ConfidentialityAgreement]],
        rows: Callable[[], list[ConfidentialityAgreement]],
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            columns, lambda: len(rows()), lambda offset, n: rows()[offset : offset + n], parent
        )
        self._today = today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        styling = (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        )
        if role not in styling:
            return super().data(index, role)
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if status(self.row(index.row()), self._today()) != "expiring":
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(EXPIRING_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(EXPIRING_FOREGROUND))
        if index.column() != STATUS_COLUMN:
            return None
        font = QFont()
        font.setBold(True)
        return font


class ConfidentialityDialog(SaveDialog):
    """Registers or edits an agreement; ``accept`` only after the service has saved. The form's
    achievement search runs on the runner, its answer goes back to the form."""

    def __init__(
        self,
        service: ConfidentialityService,
        achievements: AchievementService,
        runner: TaskRunner,
        actor: User,
        agreement: ConfidentialityAgreement | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.setObjectName("confidentiality_dialog")
        self.setWindowTitle(
            self.tr("Edit confidentiality agreement %1").replace("%1", agreement.doc_no)
            if agreement
            else self.tr("New confidentiality agreement")
        )
        self._service = service
        self._achievements = achievements
        self._actor = actor
        self._agreement = agreement
        self._search_generation = 0
        self.saved_id: int | None = None
        levels = [level for level in MARKED_LEVELS if level in visible_levels(actor)]
        self.form = ConfidentialityForm(levels, today, self)
        self.form.setObjectName("form")
        if agreement is not None:
            self.form.set_value(agreement.draft, agreement.achievement_titles)
        self.fields.hide()  # the base's own form: this dialog asks nothing besides the agreement
        self._finish_layout(self.form)
        self.resize(1040, 700)
        self.form.achievement_search_requested.connect(self._on_form_achievement_search_requested)
        self.form.request_search()

    def show_field_error(self, error: ValidationError) -> bool:
        return self.form.show_error(error)

    def clear_errors(self) -> None:
        self.form.clear_errors()
        super().clear_errors()

    def _job(self) -> Callable[[], Any]:
        try:
            draft = self.form.value()
        except ValidationError as error:
            return _failing(error)
        service, actor, agreement = self._service, self._actor, self._agreement
        if agreement is None:
            return lambda: service.create(actor, draft)
        agreement_id = agreement.id

        def update() -> int:
            service.update(actor, agreement_id, draft)
            return agreement_id

        return update

    def _succeeded(self, result: Any) -> None:
        self.saved_id = int(result)

    # -- the achievement search ---------------------------------------------------------------
    def _on_form_achievement_search_requested(self, text: str) -> None:
        self._search_generation += 1
        generation = self._search_generation
        achievements, actor = self._achievements, self._actor
        levels = [level for level in MARKED_LEVELS if level in visible_levels(actor)]

        def search() -> list[AchievementRow]:
            rows: list[AchievementRow] = []
            for level in levels:
                query = AchievementQuery(text=text, level=level)
                rows.extend(achievements.page(actor, 0, SEARCH_LIMIT, query))
            return sorted(rows, key=lambda r: r.id, reverse=True)[:SEARCH_LIMIT]

        self._runner.run(
            search,
            lambda rows: self._on_search_done(generation, rows),
            self._on_search_failed,
        )

    def _on_search_done(self, generation: int, rows: list[AchievementRow]) -> None:
        # A later search (typed on while this one ran) wins.
        if generation == self._search_generation:
            self.form.show_achievement_candidates(rows)

    def _on_search_failed(self, error: AppError) -> None:
        show_error(self, error)


class TerminateDialog(ReasonDialog):
    """Ends an agreement on a date, with a reason for the audit log."""

    def __init__(
        self,
        service: ConfidentialityService,
        runner: TaskRunner,
        actor: User,
        agreement: ConfidentialityAgreement,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent, confirm_name="terminate_button")
        self.setObjectName("terminate_dialog")
        self.setWindowTitle(self.tr("Terminate confidentiality agreement"))
        self.setMinimumWidth(480)
        self._service = service
        self._actor = actor
        self._agreement = agreement
        self.terminate_button = self.confirm_button
        self.terminate_button.setText(self.tr("Terminate agreement"))
        self.question_label = self._question(
            self.tr(
                "Terminate %1 with %2? A terminated agreement no longer covers any cooperation "
                "and cannot be changed again."
            )
            .replace("%1", agreement.doc_no)
            .replace("%2", agreement.draft.party_name)
        )
        self.terminated_on_edit = self._reason(
            self.tr("Terminated on"), self.tr("For example 2026-01-05"), field="terminated_on"
        )
        self.terminated_on_edit.setText(format_cn_date(today))
        self.reason_edit = self._reason(
            self.tr("Reason"), self.tr("Why the agreement ends"), max_length=REASON_MAX + 20
        )
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], Any]:
        text = self.terminated_on_edit.text()
        try:
            day = parse_date(text)
        except ValueError:
            day = None
        if day is None:
            return _failing(
                ValidationError(
                    "terminated_on",
                    self.tr("Type the day the agreement ends, like 2026-01-05."),
                )
            )
        service, actor, agreement_id = self._service, self._actor, self._agreement.id
        reason, on = self.reason_edit.text(), day.isoformat()
        return lambda: service.terminate(actor, agreement_id, on=on, reason=reason)


class ConfidentialityPage(QWidget):
    """The agreements the actor may see, newest first.

    ``today`` gives the day states are judged on (the services' clock in tests);
    ``choose_path`` asks where to save a PDF (replaced in tests).

    Signals:
        reloaded: the list has arrived (after ``reload``).
    """

    reloaded = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
        choose_path: SavePathChooser = choose_pdf_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confidentiality_page")
        self._service = services.confidentiality
        self._achievements = services.achievements
        self._runner = runner
        self._actor = actor
        self._today = today
        self._choose_path = choose_path
        self._can_edit = allowed(actor, "confidentiality.edit")
        self._levels = [level for level in MARKED_LEVELS if level in visible_levels(actor)]
        self._rows: list[ConfidentialityAgreement] = []
        self._wanted: int | None = None  # the agreement to select once the list is back
        self._loading = False

        columns: list[Column[ConfidentialityAgreement]] = [
            Column(self.tr("Document number"), lambda a: a.doc_no),
            Column(self.tr("Party"), lambda a: a.draft.party_name),
            Column(self.tr("Party type"), lambda a: labels.party_kind(a.draft.party_kind)),
            Column(self.tr("Secrecy level"), lambda a: labels.clearance(a.draft.level)),
            Column(self.tr("Confidentiality term"), self._term_text),
            Column(
                self.tr("Status"),
                lambda a: labels.agreement_status(status(a, self._today())),
            ),
            Column(
                self.tr("Achievements covered"),
                lambda a: self.tr(", ").join(a.achievement_titles),
            ),
        ]
        self.model = AgreementTableModel(columns, lambda: self._rows, today, self)

        self.new_button = QPushButton(self.tr("New agreement…"), self)
        self.new_button.setObjectName("new_button")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        self.terminate_button = QPushButton(self.tr("Terminate…"), self)
        self.terminate_button.setObjectName("terminate_button")
        self.save_pdf_button = QPushButton(self.tr("Save agreement PDF…"), self)
        self.save_pdf_button.setObjectName("save_pdf_button")
        for button in (self.new_button, self.edit_button, self.terminate_button):
            button.setVisible(self._can_edit)
        if self._can_edit and not self._levels:
            self.new_button.setToolTip(
                self.tr("Your clearance is below Secret: you cannot register an agreement.")
            )

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)

        self.empty_label = QLabel(self.tr("No confidentiality agreement is registered yet."), self)
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.terminate_button)
        top.addStretch(1)
        top.addWidget(self.save_pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.status_label)

        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.terminate_button.clicked.connect(self._on_terminate_button_clicked)
        self.save_pdf_button.clicked.connect(self._on_save_pdf_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self._show_list()

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the list again (off the UI thread); the selected agreement stays selected."""
        current = self.current_agreement
        if current is not None and self._wanted is None:
            self._wanted = current.id
        self._loading = True
        self._update_buttons()
        self._runner.run(
            lambda: self._service.visible(self._actor), self._on_list_loaded, self._on_error
        )

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def current_agreement(self) -> ConfidentialityAgreement | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._rows):
            return None
        return self._rows[rows[0].row()]

    def select(self, agreement_id: int) -> bool:
        """Select the agreement with ``agreement_id`` if it is listed (the to-do page opens
        agreements through this); otherwise after the next load."""
        for row, agreement in enumerate(self._rows):
            if agreement.id == agreement_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        self._wanted = agreement_id
        return False

    def open_dialog(self, agreement: ConfidentialityAgreement | None) -> ConfidentialityDialog:
        dialog = ConfidentialityDialog(
            self._service,
            self._achievements,
            self._runner,
            self._actor,
            agreement,
            self._today(),
            self,
        )
        dialog.accepted.connect(lambda: self._after_save(dialog.saved_id))
        dialog.open()
        return dialog

    def open_terminate_dialog(self, agreement: ConfidentialityAgreement) -> TerminateDialog:
        dialog = TerminateDialog(
            self._service, self._runner, self._actor, agreement, self._today(), self
        )
        dialog.accepted.connect(lambda: self._after_save(agreement.id))
        dialog.open()
        return dialog

    # -- slots ------------------------------------------------------------------------------
    def _on_new_button_clicked(self) -> None:
        self.open_dialog(None)

    def _on_edit_button_clicked(self) -> None:
        agreement = self.current_agreement
        if agreement is not None and self._editable(agreement):
            self.open_dialog(agreement)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    def _on_terminate_button_clicked(self) -> None:
        agreement = self.current_agreement
        if agreement is not None and self._editable(agreement):
            self.open_terminate_dialog(agreement)

    def _on_save_pdf_button_clicked(self) -> None:
        agreement = self.current_agreement
        if agreement is None:
            return
        path = self._choose_path(self, f"{agreement.doc_no}.pdf")
        if path is None:
            return
        service, actor, agreement_id = self._service, self._actor, agreement.id
        self.status_label.clear()
        self.save_pdf_button.setEnabled(False)
        self._runner.run(
            lambda: service.save_document(actor, agreement_id, path),
            lambda _result: self._on_pdf_saved(path),
            self._on_pdf_failed,
        )

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self._show_detail()
        self._update_buttons()

    def _on_list_loaded(self, rows: list[ConfidentialityAgreement]) -> None:
        self._loading = False
        self._rows = rows
        self.model.reload()
        self._show_list()
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self.select(wanted)
            if self.current_agreement is None or self.current_agreement.id != wanted:
                self._wanted = None
        self._show_detail()
        self._update_buttons()
        self.reloaded.emit()

    def _on_pdf_saved(self, path: Path) -> None:
        self.status_label.setText(self.tr("Saved to %1").replace("%1", str(path)))
        self._update_buttons()

    def _on_pdf_failed(self, error: AppError) -> None:
        self._update_buttons()
        show_error(self, error)

    def _on_error(self, error: AppError) -> None:
        self._loading = False
        self._update_buttons()
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _after_save(self, agreement_id: int | None) -> None:
        self._wanted = agreement_id
        self.reload()

    def _editable(self, agreement: ConfidentialityAgreement) -> bool:
        return (
            self._can_edit
            and agreement.terminated_on is None
            and agreement.draft.level in self._levels
        )

    def _term_text(self, agreement: ConfidentialityAgreement) -> str:
        return (
            self.tr("%1 until %2")
            .replace("%1", _cn_date(agreement.draft.term_start))
            .replace("%2", _cn_date(agreement.draft.term_end))
        )

    def _show_list(self) -> None:
        empty = not self._rows
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)

    def _show_detail(self) -> None:
        agreement = self.current_agreement
        if agreement is None:
            self.detail_label.clear()
            return
        d = agreement.draft
        today = self._today()
        lines = [
            self.tr("Secret matters covered: %1").replace("%1", d.scope),
            self.tr("Signed on: %1").replace(
                "%1", _cn_date(d.signed_on) if d.signed_on else self.tr("not yet signed")
            ),
        ]
        if agreement.approval_recorded:
            lines.append(
                self.tr("Approved and filed: %1, %2, %3")
                .replace("%1", d.approval_body)
                .replace("%2", _cn_date(d.approval_date))
                .replace("%3", d.approval_doc_no)
            )
        else:
            lines.append(
                self.tr("No approval and filing record: the agreement does not count as in force.")
            )
        if agreement.terminated_on is not None:
            lines.append(
                self.tr("Terminated on %1.").replace("%1", _cn_date(agreement.terminated_on))
            )
        elif status(agreement, today) in ("in_force", "expiring", "expired"):
            lines.append(self.tr("Term: %1").replace("%1", expiry_note(agreement, today)))
        self.detail_label.setText("\n".join(lines))

    def _update_buttons(self) -> None:
        agreement = self.current_agreement
        editable = agreement is not None and self._editable(agreement) and not self._loading
        self.new_button.setEnabled(bool(self._levels))
        self.edit_button.setEnabled(editable)
        self.terminate_button.setEnabled(editable)
        self.save_pdf_button.setEnabled(agreement is not None)

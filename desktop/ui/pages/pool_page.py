"""The pay-later pool (先用后付成果池, measure 五): the candidates the rule finds, the officers'
decisions on them, and the published versions, each shown again exactly as it was published and
exported as a PDF or a spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_cn_date, format_cn_datetime
from desktop.domain.permissions import allowed
from desktop.domain.pool import RULE_ID, Candidate
from desktop.domain.rules import rule
from desktop.errors import AppError
from desktop.services.documents import DocumentService
from desktop.services.pool import NOTE_MAX, PoolService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import Progress, TaskRunner
from desktop.ui.widgets.reason_dialog import ReasonDialog
from desktop.ui.widgets.task_progress import TaskProgress

SavePathChooser = Callable[[QWidget, str], Path | None]
REASON_MAX = 500
EDIT_MIN_WIDTH = 360


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save an export; ``suggested`` ends with .pdf or .xlsx."""
    if suggested.endswith(".xlsx"):
        caption = QCoreApplication.translate("PoolPage", "Save pool version as Excel")
        filters = "Excel (*.xlsx)"
    else:
        caption = QCoreApplication.translate("PoolPage", "Save pool version as PDF")
        filters = "PDF (*.pdf)"
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


@dataclass(frozen=True)
class PoolVersion:
    """One published version as the list shows it; ``number`` is its place, oldest first."""

    id: int
    number: int
    published_at: str
    publisher: str
    note: str
    count: int


def issue_text(number: int) -> str:
    return QCoreApplication.translate("PoolPage", "Issue %1").replace("%1", str(number))


def date_text(iso: str) -> str:
    try:
        return format_cn_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def datetime_text(iso: str) -> str:
    try:
        return format_cn_datetime(datetime.fromisoformat(iso))
    except ValueError:
        return iso


class ExcludeDialog(ReasonDialog):
    """Excludes one candidate from the pool after the officer has given a reason; ``accept``
    only after the service has saved the decision."""

    def __init__(
        self,
        service: PoolService,
        runner: TaskRunner,
        actor: User,
        candidate: Candidate,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent, confirm_name="ok_button")
        self.setObjectName("exclude_dialog")
        self.setWindowTitle(self.tr("Exclude from the pool"))
        self._service = service
        self._actor = actor
        self._candidate = candidate
        self.question_label = self._question(
            self.tr("Exclude “%1” from the pay-later pool? It will not be published.").replace(
                "%1", candidate.facts.title
            )
        )
        self.reason_edit = self._reason(
            self.tr("Reason"),
            self.tr("Required: why it stays out of the pool"),
            max_length=REASON_MAX,
        )
        self.reason_edit.setMinimumWidth(EDIT_MIN_WIDTH)
        self.ok_button = self.confirm_button
        self.ok_button.setText(self.tr("Exclude"))
        self._finish_layout(self.question_label, self.fields)

    def _job(self) -> Callable[[], object]:
        service, actor = self._service, self._actor
        achievement_id, reason = self._candidate.facts.achievement_id, self.reason_edit.text()
        return lambda: service.decide(actor, achievement_id, "excluded", reason)


class PublishDialog(ReasonDialog):
    """Publishes a new version with an optional note; ``version_id`` is set once it is saved."""

    def __init__(
        self,
        service: PoolService,
        runner: TaskRunner,
        actor: User,
        entries: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent, confirm_name="ok_button")
        self.setObjectName("publish_dialog")
        self.setWindowTitle(self.tr("Publish a new version"))
        self._service = service
        self._actor = actor
        self.version_id: int | None = None
        self.intro_label = self._question(
            self.tr(
                "The new version lists %1 achievements: every candidate that is not excluded, "
                "as they stand now. A published version never changes."
            ).replace("%1", str(entries)),
            "intro_label",
        )
        self.note_edit = self._reason(
            self.tr("Note"),
            self.tr("Optional, e.g. first issue of 2026"),
            field="note",
            max_length=NOTE_MAX,
        )
        self.note_edit.setMinimumWidth(EDIT_MIN_WIDTH)
        self.ok_button = self.confirm_button
        self.ok_button.setText(self.tr("Publish"))
        self._finish_layout(self.intro_label, self.fields)

    def _job(self) -> Callable[[], int]:
        service, actor, note = self._service, self._actor, self.note_edit.text()
        return lambda: service.publish(actor, note)

    def _succeeded(self, version_id: int) -> None:
        self.version_id = version_id


class PoolPage(QWidget):
    """Signals: ``reloaded`` after the candidates and versions have been fetched and shown;
    ``items_shown(version_id)`` once a version's items are in the lower table."""

    reloaded = Signal()
    items_shown = Signal(int)

    def __init__(
        self,
        service: PoolService,
        documents: DocumentService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        *,
        choose_path: SavePathChooser = choose_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pool_page")
        self._service = service
        self._documents = documents
        self._runner = runner
        self._actor = actor
        self._choose_path = choose_path
        self._can_edit = allowed(actor, "pool.edit")
        self._can_publish = allowed(actor, "pool.publish")
        self._candidates: list[Candidate] = []
        self._versions: list[PoolVersion] = []
        self._items: list[tuple[int, dict[str, Any]]] = []  # (position from 1, item)
        self._items_version: int | None = None  # whose items ``_items`` are
        self._wanted_version: int | None = None  # to select after the next reload
        self._working = 0  # decisions, publications and exports under way

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")

        # -- candidates ---------------------------------------------------------------------
        self.candidates_tab = QWidget(self.tabs)
        self.candidates_tab.setObjectName("candidates_tab")
        held = rule(RULE_ID)
        self.rule_label = QLabel(
            self.tr("Rule: %1 (%2). Candidates are found in the register, not typed in.")
            .replace("%1", held.text)
            .replace("%2", held.source),
            self.candidates_tab,
        )
        self.rule_label.setObjectName("rule_label")
        self.rule_label.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "A candidate that is not excluded goes into the next published version; "
                "excluding one needs a reason."
            ),
            self.candidates_tab,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666666;")
        candidate_columns: list[Column[Candidate]] = [
            Column(self.tr("Achievement title"), lambda c: c.facts.title),
            Column(self.tr("Achievement type"), lambda c: labels.achievement_kind(c.facts.kind)),
            Column(self.tr("Department"), lambda c: c.facts.department),
            Column(self.tr("IP number"), lambda c: c.facts.grant_number),
            Column(self.tr("Grant date"), lambda c: date_text(c.facts.first_grant or "")),
            Column(self.tr("Reason for inclusion"), lambda c: c.reason),
            Column(self.tr("Pool decision"), self._decision_text),
            Column(self.tr("Decision reason"), lambda c: c.decision_reason),
        ]
        self.candidates_model: PagedTableModel[Candidate] = PagedTableModel(
            candidate_columns,
            lambda: len(self._candidates),
            lambda o, n: self._candidates[o : o + n],
            self,
        )
        self.candidates_table = self._table("candidates_table", self.candidates_model)
        header = self.candidates_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.confirm_button = QPushButton(self.tr("Include"), self.candidates_tab)
        self.confirm_button.setObjectName("confirm_button")
        self.confirm_button.setToolTip(self.tr("Confirm that the selected candidate is included"))
        self.exclude_button = QPushButton(self.tr("Exclude…"), self.candidates_tab)
        self.exclude_button.setObjectName("exclude_button")
        self.confirm_button.setVisible(self._can_edit)
        self.exclude_button.setVisible(self._can_edit)
        self.candidates_count_label = QLabel(self.candidates_tab)
        self.candidates_count_label.setObjectName("candidates_count_label")
        candidate_buttons = QHBoxLayout()
        candidate_buttons.addWidget(self.confirm_button)
        candidate_buttons.addWidget(self.exclude_button)
        candidate_buttons.addStretch(1)
        candidate_buttons.addWidget(self.candidates_count_label)
        candidates_layout = QVBoxLayout(self.candidates_tab)
        candidates_layout.addWidget(self.rule_label)
        candidates_layout.addWidget(hint)
        candidates_layout.addWidget(self.candidates_table, 1)
        candidates_layout.addLayout(candidate_buttons)

        # -- published versions ---------------------------------------------------------------
        self.versions_tab = QWidget(self.tabs)
        self.versions_tab.setObjectName("versions_tab")
        version_columns: list[Column[PoolVersion]] = [
            Column(self.tr("Issue"), lambda v: issue_text(v.number)),
            Column(self.tr("Published at"), lambda v: datetime_text(v.published_at)),
            Column(self.tr("Published by"), lambda v: v.publisher),
            Column(self.tr("Achievements listed"), lambda v: str(v.count)),
            Column(self.tr("Note"), lambda v: v.note),
        ]
        self.versions_model: PagedTableModel[PoolVersion] = PagedTableModel(
            version_columns,
            lambda: len(self._versions),
            lambda o, n: self._versions[o : o + n],
            self,
        )
        self.versions_table = self._table("versions_table", self.versions_model)
        self.versions_table.horizontalHeader().setStretchLastSection(True)
        item_columns: list[Column[tuple[int, dict[str, Any]]]] = [
            Column(self.tr("No."), lambda i: str(i[0])),
            Column(self.tr("Achievement title"), lambda i: str(i[1]["title"])),
            Column(
                self.tr("Achievement type"), lambda i: labels.achievement_kind(str(i[1]["kind"]))
            ),
            Column(self.tr("Department"), lambda i: str(i[1]["department"])),
            Column(self.tr("IP number"), lambda i: str(i[1]["grant_number"])),
            Column(self.tr("Grant date"), lambda i: date_text(str(i[1]["granted_on"]))),
            Column(self.tr("Reason for inclusion"), lambda i: str(i[1]["reason"])),
        ]
        self.items_model: PagedTableModel[tuple[int, dict[str, Any]]] = PagedTableModel(
            item_columns,
            lambda: len(self._items),
            lambda o, n: self._items[o : o + n],
            self,
        )
        self.items_table = self._table("items_table", self.items_model)
        self.items_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.items_table.horizontalHeader().setStretchLastSection(True)
        self.publish_button = QPushButton(self.tr("Publish new version…"), self.versions_tab)
        self.publish_button.setObjectName("publish_button")
        self.publish_button.setVisible(self._can_publish)
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"), self.versions_tab)
        self.export_pdf_button.setObjectName("export_pdf_button")
        self.export_xlsx_button = QPushButton(self.tr("Export Excel…"), self.versions_tab)
        self.export_xlsx_button.setObjectName("export_xlsx_button")
        self.version_label = QLabel(self.versions_tab)
        self.version_label.setObjectName("version_label")
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        version_buttons = QHBoxLayout()
        version_buttons.addWidget(self.publish_button)
        version_buttons.addStretch(1)
        version_buttons.addWidget(self.export_pdf_button)
        version_buttons.addWidget(self.export_xlsx_button)
        items_box = QWidget(self.versions_tab)
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.version_label)
        items_layout.addWidget(self.items_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.versions_tab)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.versions_table)
        self.splitter.addWidget(items_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        versions_layout = QVBoxLayout(self.versions_tab)
        versions_layout.addLayout(version_buttons)
        versions_layout.addWidget(self.splitter, 1)

        self.tabs.addTab(self.candidates_tab, self.tr("Candidates"))
        self.tabs.addTab(self.versions_tab, self.tr("Published versions"))
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A PDF of a large pool runs to thousands of pages: its progress, and a way to stop.
        self.export_task = TaskProgress(self.tr("Writing page %v of about %m"), self)
        self.export_task.setObjectName("export_task")
        self.export_progress = self.export_task.bar
        self.export_progress.setObjectName("export_progress")
        self.cancel_export_button = self.export_task.cancel_button
        self.cancel_export_button.setObjectName("cancel_export_button")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.export_task)
        layout.addWidget(self.status_label)

        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.exclude_button.clicked.connect(self._on_exclude_button_clicked)
        self.publish_button.clicked.connect(self._on_publish_button_clicked)
        self.export_pdf_button.clicked.connect(self._on_export_pdf_button_clicked)
        self.export_xlsx_button.clicked.connect(self._on_export_xlsx_button_clicked)
        self.candidates_table.selectionModel().selectionChanged.connect(
            self._on_candidates_selection_changed
        )
        self.versions_table.selectionModel().selectionChanged.connect(
            self._on_versions_selection_changed
        )
        self._show_items(None, [])

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch the candidates and the versions again (off the UI thread)."""
        service, actor = self._service, self._actor

        def job() -> tuple[list[Candidate], list[tuple[int, str, str, str, int]]]:
            return service.candidates(actor), service.versions(actor)

        self._runner.run(job, self._on_loaded, self._on_error)

    @property
    def candidates(self) -> list[Candidate]:
        return list(self._candidates)

    @property
    def versions(self) -> list[PoolVersion]:
        return list(self._versions)

    @property
    def items(self) -> list[dict[str, Any]]:
        """The items of the selected version, as published."""
        return [item for _, item in self._items]

    @property
    def current_candidate(self) -> Candidate | None:
        rows = self.candidates_table.selectionModel().selectedRows()
        return self._candidates[rows[0].row()] if rows else None

    @property
    def current_version(self) -> PoolVersion | None:
        rows = self.versions_table.selectionModel().selectedRows()
        return self._versions[rows[0].row()] if rows else None

    @property
    def shown_version_id(self) -> int | None:
        """The version whose items the lower table shows (after they have arrived)."""
        return self._items_version

    def select_candidate(self, achievement_id: int) -> None:
        for row, candidate in enumerate(self._candidates):
            if candidate.facts.achievement_id == achievement_id:
                self.candidates_table.selectRow(row)
                return
        self.candidates_table.clearSelection()

    def select_version(self, version_id: int) -> None:
        for row, version in enumerate(self._versions):
            if version.id == version_id:
                self.versions_table.selectRow(row)
                return
        self.versions_table.clearSelection()

    def confirm(self) -> None:
        """Confirm the selected candidate for the pool."""
        candidate = self.current_candidate
        if candidate is None or not self._can_edit:
            return
        achievement_id = candidate.facts.achievement_id
        self._start()
        self._runner.run(
            lambda: self._service.decide(self._actor, achievement_id, "confirmed", ""),
            lambda _r: self._after_confirm(candidate),
            self._on_job_error,
        )

    def open_exclude_dialog(self) -> ExcludeDialog | None:
        candidate = self.current_candidate
        if candidate is None or not self._can_edit:
            return None
        dialog = ExcludeDialog(self._service, self._runner, self._actor, candidate, self)
        dialog.accepted.connect(
            lambda: self._after_decision(
                self.tr("“%1” is excluded from the pool.").replace("%1", candidate.facts.title)
            )
        )
        dialog.open()
        return dialog

    def open_publish_dialog(self) -> PublishDialog | None:
        if not self._can_publish:
            return None
        entries = sum(1 for c in self._candidates if c.decision != "excluded")
        dialog = PublishDialog(self._service, self._runner, self._actor, entries, self)
        dialog.accepted.connect(lambda: self._after_publish(dialog.version_id))
        dialog.open()
        return dialog

    def export_to(self, path: Path, file_format: str) -> None:
        """Write the selected version to ``path`` as ``pdf`` or ``xlsx``, off the UI thread."""
        version = self.current_version
        if version is None:
            return
        service, documents, actor = self._service, self._documents, self._actor

        def job(progress: Progress) -> Path:
            export = service.export_data(actor, version.id, file_format)
            if file_format == "xlsx":
                documents.save_pool_version_xlsx(path, export)
            else:
                documents.save_pool_version_pdf(
                    path, export, progress=progress.report, cancelled=progress.cancelled
                )
            return path

        self.status_label.clear()
        self._start()
        self.export_task.follow(
            self._runner.run_with_progress(
                job, self._on_exported, self._on_job_error, self._on_export_cancelled
            )
        )

    # -- slots ------------------------------------------------------------------------------
    def _on_confirm_button_clicked(self) -> None:
        self.confirm()

    def _on_exclude_button_clicked(self) -> None:
        self.open_exclude_dialog()

    def _on_publish_button_clicked(self) -> None:
        self.open_publish_dialog()

    def _on_export_pdf_button_clicked(self) -> None:
        self._export_with_chooser("pdf")

    def _on_export_xlsx_button_clicked(self) -> None:
        self._export_with_chooser("xlsx")

    def _on_candidates_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self._update_buttons()

    def _on_versions_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        version = self.current_version
        self._update_buttons()
        if version is None:
            self._show_items(None, [])
            return
        service, actor = self._service, self._actor
        self._runner.run(
            lambda: (version.id, service.version_items(actor, version.id)),
            self._on_items_loaded,
            self._on_error,
        )

    # -- internals --------------------------------------------------------------------------
    def _table(self, name: str, model: PagedTableModel[Any]) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        return table

    def _decision_text(self, candidate: Candidate) -> str:
        if candidate.decision == "confirmed":
            return self.tr("Included")
        if candidate.decision == "excluded":
            return self.tr("Excluded")
        return self.tr("Undecided")

    def _on_loaded(
        self, result: tuple[list[Candidate], list[tuple[int, str, str, str, int]]]
    ) -> None:
        candidates, versions = result
        chosen = self.current_candidate
        chosen_id = None if chosen is None else chosen.facts.achievement_id
        version = self.current_version
        wanted = self._wanted_version or (None if version is None else version.id)
        self._wanted_version = None

        self._candidates = candidates
        self.candidates_model.reload()
        self._fit_columns(self.candidates_table, 5)
        if chosen_id is not None:
            self.select_candidate(chosen_id)
        undecided = sum(1 for c in candidates if c.decision is None)
        excluded = sum(1 for c in candidates if c.decision == "excluded")
        self.candidates_count_label.setText(
            self.tr("%1 candidates: %2 undecided, %3 excluded")
            .replace("%1", str(len(candidates)))
            .replace("%2", str(undecided))
            .replace("%3", str(excluded))
        )

        total = len(versions)
        self._versions = [
            PoolVersion(vid, total - index, published_at, publisher, note, count)
            for index, (vid, published_at, publisher, note, count) in enumerate(versions)
        ]
        self.versions_model.reload()
        self.versions_table.resizeColumnsToContents()
        if wanted is not None:
            self.select_version(wanted)
        elif self._versions:
            self.select_version(self._versions[0].id)
        if self.current_version is None:
            self._show_items(None, [])
        self._update_buttons()
        self.reloaded.emit()

    def _on_items_loaded(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        version_id, items = result
        version = self.current_version
        # A later selection (or a reload) wins over a slower earlier load.
        if version is None or version.id != version_id:
            return
        self._show_items(version, items)
        self.items_shown.emit(version_id)

    def _show_items(self, version: PoolVersion | None, items: list[dict[str, Any]]) -> None:
        self._items = list(enumerate(items, start=1))
        self._items_version = None if version is None else version.id
        self.items_model.reload()
        self._fit_columns(self.items_table, 6)
        if version is None:
            self.version_label.setText(
                self.tr("No version has been published yet.")
                if not self._versions
                else self.tr("Select a version to see what it published.")
            )
            return
        parts = [
            issue_text(version.number),
            self.tr("published %1 by %2")
            .replace("%1", datetime_text(version.published_at))
            .replace("%2", version.publisher),
            self.tr("%1 achievements").replace("%1", str(len(items))),
        ]
        if version.note:
            parts.append(version.note)
        self.version_label.setText(self.tr(" · ").join(parts))

    def _fit_columns(self, table: QTableView, long_column: int) -> None:
        """Fit the short columns to their text; the long reason column keeps a fixed width."""
        table.resizeColumnsToContents()
        for column in range(table.model().columnCount()):
            limit = 440 if column == long_column else 280
            if table.columnWidth(column) > limit:
                table.setColumnWidth(column, limit)

    def _export_with_chooser(self, file_format: str) -> None:
        version = self.current_version
        if version is None:
            return
        suggested = f"先用后付成果池-第{version.number}期.{file_format}"
        path = self._choose_path(self, suggested)
        if path is not None:
            self.export_to(path, file_format)

    def _after_confirm(self, candidate: Candidate) -> None:
        self._finish()
        self._after_decision(
            self.tr("“%1” is confirmed for the pool.").replace("%1", candidate.facts.title)
        )

    def _after_decision(self, message: str) -> None:
        self.status_label.setText(message)
        self.reload()

    def _after_publish(self, version_id: int | None) -> None:
        self._wanted_version = version_id
        self.status_label.setText(self.tr("A new version has been published."))
        self.tabs.setCurrentWidget(self.versions_tab)
        self.reload()

    def _on_exported(self, path: Path) -> None:
        self._finish()
        self.status_label.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def _on_export_cancelled(self) -> None:
        self._finish()
        self.status_label.setText(self.tr("Export cancelled; no file was written."))

    def _start(self) -> None:
        self._working += 1
        self._update_buttons()

    def _finish(self) -> None:
        self._working = max(0, self._working - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._working == 0
        has_candidate = self.current_candidate is not None
        has_version = self.current_version is not None
        self.confirm_button.setEnabled(idle and has_candidate)
        self.exclude_button.setEnabled(idle and has_candidate)
        self.publish_button.setEnabled(idle)
        self.export_pdf_button.setEnabled(idle and has_version)
        self.export_xlsx_button.setEnabled(idle and has_version)

    def _on_job_error(self, error: AppError) -> None:
        self._finish()
        self._on_error(error)

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)

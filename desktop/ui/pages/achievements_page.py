"""The achievement register (成果登记): the list, its search and filters, the record dialog, and
Excel in and out (import through ``ImportDialog``, export of the filtered list, the template)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.achievements import (
    KINDS,
    STATUSES,
    TRANSITIONS,
    Achievement,
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
)
from desktop.domain.people import Person
from desktop.domain.permissions import allowed, visible_levels
from desktop.errors import AppError, ValidationError
from desktop.services.achievement_files import AchievementFileService
from desktop.services.achievements import AchievementService
from desktop.services.people import PeopleService
from desktop.services.unit import UnitService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.forms.achievement_form import AchievementForm
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.models.achievement_table_model import AchievementTableModel, SortableColumn
from desktop.ui.status_dialog import StatusDialog
from desktop.ui.tasks import Progress, TaskRunner
from desktop.ui.widgets.attachment_list import AttachmentList
from desktop.ui.widgets.task_progress import TaskProgress

SEARCH_DELAY_MS = 250
TITLE_COLUMN = 1
XLSX_FILTER = "Excel (*.xlsx)"

OpenPathChooser = Callable[[QWidget], Path | None]
SavePathChooser = Callable[[QWidget, str, str], Path | None]  # parent, caption, suggested name


def choose_import_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("AchievementsPage", "Import achievements from Excel"),
        "",
        XLSX_FILTER,
    )
    return Path(name) if name else None


def choose_xlsx_save_path(parent: QWidget, caption: str, suggested: str) -> Path | None:
    """Ask where to save an xlsx file; a name typed without .xlsx gets it."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, XLSX_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class AchievementDialog(QDialog):
    """Registers or edits an achievement. It closes only after the service has saved; when
    saving fails, what was typed stays and the message appears at its field. Closing with
    unsaved changes asks first (``discard_box``, opened with ``open()``).

    An existing record also shows its attachments when ``files`` is given; they are added and
    removed at once, through the file service, not with the record's 保存.

    ``read_only`` shows an existing record to a user who may read but not edit it: every field
    read-only (its text can still be selected and copied), a Close button and no Save
    (``save_button`` is None), no question on closing; attachments can be opened, not added or
    removed."""

    saved = Signal(int)  # the achievement's id

    def __init__(
        self,
        service: AchievementService,
        runner: TaskRunner,
        actor: User,
        departments: list[tuple[int, str]],
        people: list[Person],
        achievement: Achievement | None,
        parent: QWidget | None = None,
        files: AchievementFileService | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("achievement_dialog")
        self._service = service
        self._runner = runner
        self._actor = actor
        self._achievement = achievement
        self._read_only = read_only and achievement is not None
        self._saving = False
        self.discard_box: QMessageBox | None = None
        self._discard_button: QPushButton | None = None
        if achievement is None:
            self.setWindowTitle(self.tr("Register achievement"))
        else:
            title = (
                self.tr("View achievement %1 (%2)")
                if self._read_only
                else self.tr("Edit achievement %1 (%2)")
            )
            self.setWindowTitle(
                title.replace("%1", str(achievement.id)).replace(
                    "%2", labels.achievement_status(achievement.status)
                )
            )
        self.form = AchievementForm(visible_levels(actor), departments, people, self)
        self.form.setObjectName("form")
        if achievement is not None:
            self.form.set_value(achievement.draft)
        self.form.set_read_only(self._read_only)
        # Editing: save_button and cancel_button. Read-only: close_button alone.
        self.save_button: QPushButton | None = None
        self.cancel_button: QPushButton | None = None
        self.close_button: QPushButton | None = None
        if self._read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
            self.close_button.setObjectName("close_button")
            self.close_button.setText(self.tr("Close"))
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
            )
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            self.save_button.setObjectName("save_button")
            self.save_button.setText(self.tr("Save"))
            self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            self.cancel_button.setObjectName("cancel_button")
            self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.setObjectName("buttons")
        self.attachments_box: QGroupBox | None = None
        self.attachments: AttachmentList | None = None
        if achievement is not None and files is not None:
            self.attachments_box, self.attachments = self._attachments(files, achievement.id)
        self.read_only_label: QLabel | None = None
        layout = QVBoxLayout(self)
        if self._read_only:
            self.read_only_label = QLabel(
                self.tr("You may read this record but not change it."), self
            )
            self.read_only_label.setObjectName("read_only_label")
            self.read_only_label.setStyleSheet("color: #555555;")
            layout.addWidget(self.read_only_label)
        layout.addWidget(self.form, 1)
        if self.attachments_box is not None:
            layout.addWidget(self.attachments_box)
        layout.addWidget(self.buttons)
        self.resize(1100, 680 if self.attachments_box is None else 840)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @property
    def achievement_id(self) -> int | None:
        return None if self._achievement is None else self._achievement.id

    @property
    def read_only(self) -> bool:
        return self._read_only

    def save(self) -> None:
        if self._read_only or self.save_button is None:
            return
        self.form.clear_errors()
        try:
            draft: AchievementDraft = self.form.value()
        except ValidationError as error:
            self._on_error(error)
            return
        achievement_id = self.achievement_id

        def job() -> int:
            if achievement_id is None:
                return self._service.create(self._actor, draft)
            self._service.update(self._actor, achievement_id, draft)
            return achievement_id

        self._saving = True
        self.save_button.setEnabled(False)
        self._runner.run(job, self._on_saved, self._on_error)

    def reject(self) -> None:
        """Cancel (or Close), Esc and the window's close button all come here."""
        if self._saving:
            return
        if self.form.modified and not self._read_only:
            self._ask_discard()
            return
        super().reject()

    # -- slots ------------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        self.save()

    def _on_saved(self, achievement_id: int) -> None:
        self._saving = False
        self.form.mark_saved()
        self.saved.emit(achievement_id)
        self.accept()

    def _on_error(self, error: AppError) -> None:
        self._saving = False
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        if isinstance(error, ValidationError) and self.form.show_error(error.field, error.message):
            return
        show_error(self, error)

    def _on_discard_box_finished(self, _result: int) -> None:
        box, discard = self.discard_box, self._discard_button
        self.discard_box = self._discard_button = None
        if box is not None and discard is not None and box.clickedButton() is discard:
            super().reject()

    # -- internals --------------------------------------------------------------------------
    def _attachments(
        self, files: AchievementFileService, achievement_id: int
    ) -> tuple[QGroupBox, AttachmentList]:
        actor = self._actor
        box = QGroupBox(self.tr("Attachments"), self)
        box.setObjectName("attachments_box")
        editable = not self._read_only and allowed(actor, "achievement.edit")
        # Read-only: listed and opened (the file service decides who may read them), never
        # added or removed.
        attachments = AttachmentList(
            self._runner,
            list_files=lambda: files.list(actor, achievement_id),
            content=lambda file_id: files.content(actor, file_id),
            save_copy=lambda file_id, path: files.save_copy(actor, file_id, path),
            add_from_file=(
                (lambda path: files.add_from_file(actor, achievement_id, path))
                if editable
                else None
            ),
            remove=(
                (lambda file_id, reason: files.remove(actor, file_id, reason)) if editable else None
            ),
            can_edit=editable,
            parent=box,
        )
        attachments.list_widget.setMaximumHeight(110)
        column = QVBoxLayout(box)
        column.addWidget(attachments)
        if editable:
            note = QLabel(
                self.tr("Attachments are added and removed at once; they do not wait for Save."),
                box,
            )
            note.setObjectName("attachments_note")
            note.setWordWrap(True)
            column.addWidget(note)
        attachments.reload()
        return box, attachments

    def _ask_discard(self) -> None:
        if self.discard_box is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("discard_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("This record has unsaved changes. Close it and lose them?"))
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard_button")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep_button")
        box.setDefaultButton(keep)
        self._discard_button = discard
        box.finished.connect(self._on_discard_box_finished)
        self.discard_box = box
        box.open()


class AchievementsPage(QWidget):
    def __init__(
        self,
        service: AchievementService,
        people: PeopleService,
        units: UnitService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
        files: AchievementFileService | None = None,
        choose_open_path: OpenPathChooser = choose_import_file,
        choose_save_path: SavePathChooser = choose_xlsx_save_path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("achievements_page")
        self._choose_open_path = choose_open_path
        self._choose_save_path = choose_save_path
        self._exchanging = False  # an export or a template copy is running
        self.import_dialog: ImportDialog | None = None
        self._service = service
        self._files = files
        self._people = people
        self._units = units
        self._runner = runner
        self._actor = actor
        self._can_edit = allowed(actor, "achievement.edit")
        self._query = AchievementQuery()
        self._opening = False
        # The record to select once the list is loaded again (after a save), then once its
        # page has arrived.
        self._select_after_reload: int | None = None
        self._select_when_fetched: int | None = None
        self.dialog: AchievementDialog | None = None
        self._can_change_status = allowed(actor, "achievement.status")
        self.status_dialog: StatusDialog | None = None

        columns = [
            SortableColumn(self.tr("Number"), lambda r: str(r.id), "id"),
            SortableColumn(self.tr("Achievement title"), lambda r: r.title, "title"),
            SortableColumn(
                self.tr("Achievement type"), lambda r: labels.achievement_kind(r.kind), "kind"
            ),
            SortableColumn(
                self.tr("Status"), lambda r: labels.achievement_status(r.status), "status"
            ),
            SortableColumn(self.tr("Secrecy level"), lambda r: labels.clearance(r.level), "level"),
            SortableColumn(self.tr("Department"), lambda r: r.department, "department"),
            SortableColumn(self.tr("Year"), lambda r: str(r.year), "year"),
            SortableColumn(self.tr("Lead"), lambda r: r.lead, "lead"),
            SortableColumn(self.tr("IP numbers"), lambda r: r.ip_numbers, None),
        ]
        # The fetches run on the worker and read the query then; a query changes only with a
        # reload, which makes the model drop whatever an older query returns.
        self.model = AchievementTableModel(
            columns,
            lambda: service.count(actor, self._query),
            lambda o, n: service.page(actor, o, n, self._query),
            runner,
            self,
        )

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Search title, abstract, keywords, IP numbers or completers")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.new_button = QPushButton(self.tr("Register achievement…"), self)
        self.new_button.setObjectName("new_button")
        # Readers open a record read-only: the same button says what it does for them.
        self.edit_button = QPushButton(
            self.tr("Edit…") if self._can_edit else self.tr("View"), self
        )
        self.edit_button.setObjectName("edit_button")
        self.new_button.setVisible(self._can_edit)
        self.terminate_button = QPushButton(self.tr("Terminate…"), self)
        self.terminate_button.setObjectName("terminate_button")
        self.terminate_button.setToolTip(self.tr("Ends the record's life cycle, with a reason."))
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.setToolTip(self.tr("Brings a terminated record back, with a reason."))
        self.terminate_button.setVisible(self._can_change_status)
        self.reopen_button.setVisible(self._can_change_status)
        self.import_button = QPushButton(self.tr("Import Excel…"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.setVisible(self._can_edit)
        self.export_button = QPushButton(self.tr("Export Excel…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(self.tr("Saves the list as it is filtered now."))
        self.template_button = QPushButton(self.tr("Download import template…"), self)
        self.template_button.setObjectName("template_button")
        self.template_button.setVisible(self._can_edit)

        self.kind_filter = self._filter_combo("kind_filter", self.tr("All types"))
        for code in KINDS:
            self.kind_filter.addItem(labels.achievement_kind(code), code)
        self.status_filter = self._filter_combo("status_filter", self.tr("All statuses"))
        for code in STATUSES:
            self.status_filter.addItem(labels.achievement_status(code), code)
        self.level_filter = self._filter_combo("level_filter", self.tr("All levels"))
        for code in visible_levels(actor):
            self.level_filter.addItem(labels.clearance(code), code)
        self.department_filter = self._filter_combo("department_filter", self.tr("All departments"))
        self.year_filter = self._filter_combo("year_filter", self.tr("All years"))
        self.pool_label = QLabel(self.tr("Pay-later pool"), self)
        self.pool_label.setObjectName("pool_label")
        self.pool_filter = self._filter_combo("pool_filter", self.tr("All"))
        self.pool_filter.addItem(self.tr("In the pool"), True)
        self.pool_filter.addItem(self.tr("Not in the pool"), False)
        self.pool_label.setBuddy(self.pool_filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(
            self.model.column_of(self._query.sort), Qt.SortOrder.DescendingOrder
        )
        header.setSortIndicatorShown(True)
        # Not setSortingEnabled: that sorts at once; a click is enough to reach the model.
        header.setSectionsClickable(True)
        for column, width in enumerate((60, 320, 110, 90, 70, 120, 60, 90)):
            self.table.setColumnWidth(column, width)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.terminate_button)
        top.addWidget(self.reopen_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.template_button)
        filters = QHBoxLayout()
        for combo in (
            self.kind_filter,
            self.status_filter,
            self.level_filter,
            self.department_filter,
            self.year_filter,
        ):
            filters.addWidget(combo)
        filters.addSpacing(12)
        filters.addWidget(self.pool_label)
        filters.addWidget(self.pool_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        # An export of 100,000 records takes about half a minute: how far it is, and a way out.
        self.export_task = TaskProgress(parent=self)
        self.export_task.setObjectName("export_task")
        self.export_progress = self.export_task.bar
        self.export_progress.setObjectName("export_progress")
        self.cancel_export_button = self.export_task.cancel_button
        self.cancel_export_button.setObjectName("cancel_export_button")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.status_label, 1)
        progress_row.addWidget(self.export_task)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(progress_row)

        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self._on_search_timer_timeout)
        for combo in (
            self.kind_filter,
            self.status_filter,
            self.level_filter,
            self.department_filter,
            self.year_filter,
            self.pool_filter,
        ):
            combo.currentIndexChanged.connect(self._on_filter_current_index_changed)
        header.sectionClicked.connect(self._on_header_section_clicked)
        self.model.sort_requested.connect(self._on_model_sort_requested)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_model_failed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.terminate_button.clicked.connect(self._on_terminate_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self._update_buttons()

    # -- public -----------------------------------------------------------------------------
    @property
    def query(self) -> AchievementQuery:
        return self._query

    def reload(self) -> None:
        """Show the list for what is typed and chosen now, and refresh the filter choices."""
        self.search_timer.stop()
        self._reload_list()
        self._runner.run(
            lambda: (self._units.departments(self._actor), self._service.years(self._actor)),
            self._on_choices_loaded,
            self._on_error,
        )

    def selected_row(self) -> AchievementRow | None:
        """The selected row, once its page has been fetched."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    @property
    def read_only(self) -> bool:
        """The user may read the register but not edit it: records open read-only."""
        return not self._can_edit

    def open_new(self) -> None:
        """Open the dialog for a new record once the people register has been read."""
        self._open(None)

    def open_edit(self, achievement_id: int) -> None:
        """Open the dialog for a record once it and the people register have been read
        (read-only for a user who may not edit)."""
        self._open(achievement_id)

    def open_status_dialog(self, row: AchievementRow, event: str) -> StatusDialog | None:
        """Ask for the reason to ``event`` ("terminate" or "reopen") the record in ``row``;
        None when the user may not, the life cycle does not allow it, or a dialog is open."""
        if (
            not self._can_change_status
            or event not in TRANSITIONS.get(row.status, {})
            or self.status_dialog is not None
            or self.dialog is not None
        ):
            return None
        dialog = StatusDialog(self._service, self._runner, self._actor, row, event, self)
        dialog.saved.connect(self._on_status_dialog_saved)
        dialog.finished.connect(self._on_status_dialog_finished)
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def open_import(self, path: Path) -> ImportDialog | None:
        """Check ``path`` in the import dialog; the user chooses there what to import."""
        if not self._can_edit or self.import_dialog is not None:
            return None
        self.status_label.clear()
        dialog = ImportDialog(self._service, self._runner, self._actor, path, self)
        dialog.imported.connect(self._on_import_dialog_imported)
        dialog.finished.connect(self._on_import_dialog_finished)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def export_to(self, path: Path) -> None:
        """Write the list as it is filtered now to ``path`` (xlsx), off the UI thread."""
        if self._exchanging:
            return
        service, actor, query = self._service, self._actor, self._query
        self._start_exchange(self.tr("Exporting…"))

        def job(progress: Progress) -> tuple[int, Path]:
            count = service.export_xlsx(
                actor, path, query, progress=progress.report, cancelled=progress.cancelled
            )
            return count, path

        self.export_task.follow(
            self._runner.run_with_progress(
                job, self._on_exported, self._on_exchange_failed, self._on_export_cancelled
            )
        )

    def save_template_to(self, path: Path) -> None:
        """Copy the import template to ``path``, off the UI thread."""
        if self._exchanging or not self._can_edit:
            return
        service, actor = self._service, self._actor

        def job() -> Path:
            service.save_import_template(actor, path)
            return path

        self._start_exchange("")
        self._runner.run(job, self._on_template_saved, self._on_exchange_failed)

    # -- slots ------------------------------------------------------------------------------
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._reload_list()

    def _on_filter_current_index_changed(self, _index: int) -> None:
        self._reload_list()

    def _on_header_section_clicked(self, column: int) -> None:
        # A click on the header asks the model to sort; the model asks the page (below).
        header = self.table.horizontalHeader()
        if self.model.sort_key(column) is None:
            self._show_sort_indicator()  # the header moved it; the order has not changed
            return
        self.model.sort(column, header.sortIndicatorOrder())

    def _on_model_sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._query.sort, self._query.descending):
            self._query = replace(self._query, sort=key, descending=descending)
            self._reload_list()

    def _on_new_button_clicked(self) -> None:
        self.open_new()

    def _on_edit_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_edit(row.id)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_edit_button_clicked()

    def _on_terminate_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_status_dialog(row, "terminate")

    def _on_reopen_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_status_dialog(row, "reopen")

    def _on_status_dialog_saved(self, achievement_id: int, _status: str) -> None:
        self._select_after_reload = achievement_id
        self.reload()

    def _on_status_dialog_finished(self, _result: int) -> None:
        self.status_dialog = None

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self._update_buttons()

    def _on_model_loaded(self) -> None:
        self._show_sort_indicator()
        self.count_label.setText(self._count_text(self.model.rowCount()))
        self._select_when_fetched, self._select_after_reload = self._select_after_reload, None
        self._select_saved()
        self._update_buttons()

    def _on_model_page_loaded(self, _number: int) -> None:
        self._select_saved()
        self._update_buttons()  # the selected row may have just arrived

    def _on_choices_loaded(self, choices: tuple[list[tuple[int, str]], list[int]]) -> None:
        departments, years = choices
        before = (self.department_filter.currentData(), self.year_filter.currentData())
        self._refill(self.department_filter, departments)
        self._refill(self.year_filter, [(year, str(year)) for year in years])
        after = (self.department_filter.currentData(), self.year_filter.currentData())
        if after != before:  # a chosen department or year is gone
            self._reload_list()

    def _on_dialog_saved(self, achievement_id: int) -> None:
        self._select_after_reload = achievement_id
        self.reload()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_import_button_clicked(self) -> None:
        path = self._choose_open_path(self)
        if path is not None:
            self.open_import(path)

    def _on_export_button_clicked(self) -> None:
        path = self._choose_save_path(
            self, self.tr("Export the list to Excel"), self.tr("achievement-list.xlsx")
        )
        if path is not None:
            self.export_to(path)

    def _on_template_button_clicked(self) -> None:
        path = self._choose_save_path(
            self, self.tr("Save the import template"), self.tr("achievement-import-template.xlsx")
        )
        if path is not None:
            self.save_template_to(path)

    def _on_import_dialog_imported(self, count: int) -> None:
        self.status_label.setText(self.tr("Imported %1 achievements").replace("%1", str(count)))
        self.reload()

    def _on_import_dialog_finished(self, _result: int) -> None:
        self.import_dialog = None

    def _on_export_cancelled(self) -> None:
        self._finish_exchange(self.tr("Export cancelled; no file was written."))

    def _on_exported(self, result: tuple[int, Path]) -> None:
        count, path = result
        self._finish_exchange(
            self.tr("Exported %1 achievements to %2")
            .replace("%1", str(count))
            .replace("%2", str(path))
        )

    def _on_template_saved(self, path: Path) -> None:
        self._finish_exchange(self.tr("Import template saved to %1").replace("%1", str(path)))

    def _on_exchange_failed(self, error: AppError) -> None:
        self._finish_exchange("")
        show_error(self, error)

    def _on_model_failed(self, error: AppError) -> None:
        if not self.model.loading and self.count_label.text() == self._loading_text():
            self.count_label.setText(self.tr("Could not load the list"))  # the count failed
        show_error(self, error)

    def _on_error(self, error: AppError) -> None:
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _reload_list(self) -> None:
        self._query = AchievementQuery(
            text=self.search_edit.text().strip(),
            kind=self.kind_filter.currentData(),
            status=self.status_filter.currentData(),
            level=self.level_filter.currentData(),
            department_id=self.department_filter.currentData(),
            year=self.year_filter.currentData(),
            pool=self.pool_filter.currentData(),
            sort=self._query.sort,
            descending=self._query.descending,
        )
        self.model.reload()
        self.count_label.setText(self._loading_text())
        self._update_buttons()

    def _loading_text(self) -> str:
        return self.tr("Loading…")

    def _show_sort_indicator(self) -> None:
        """The header's arrow shows the order the rows are in."""
        self.table.horizontalHeader().setSortIndicator(
            self.model.column_of(self._query.sort),
            Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder,
        )

    def _count_text(self, count: int) -> str:
        q = self._query
        narrowed = q.text or any(
            v is not None for v in (q.kind, q.status, q.level, q.department_id, q.year, q.pool)
        )
        text = self.tr("%1 found") if narrowed else self.tr("%1 achievements")
        return text.replace("%1", str(count))

    def _select_saved(self) -> None:
        """Select the saved record once a fetched page holds it."""
        wanted = self._select_when_fetched
        if wanted is None:
            return
        row = self.model.find_fetched(lambda r: r.id == wanted)
        if row is not None:
            self._select_when_fetched = None
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, TITLE_COLUMN))

    def _open(self, achievement_id: int | None) -> None:
        if self._opening or self.dialog is not None:
            return
        if achievement_id is None and not self._can_edit:
            return  # a reader registers nothing
        self._opening = True
        actor = self._actor

        def job() -> tuple[list[tuple[int, str]], list[Person], Achievement | None]:
            departments = self._units.departments(actor)
            people = self._people.page(actor, 0, self._people.count(actor))
            achievement = (
                None if achievement_id is None else self._service.get(actor, achievement_id)
            )
            return departments, people, achievement

        self._runner.run(job, self._on_dialog_data_loaded, self._on_dialog_data_failed)

    def _on_dialog_data_loaded(
        self, data: tuple[list[tuple[int, str]], list[Person], Achievement | None]
    ) -> None:
        self._opening = False
        departments, people, achievement = data
        dialog = AchievementDialog(
            self._service,
            self._runner,
            self._actor,
            departments,
            people,
            achievement,
            self,
            files=self._files,
            read_only=not self._can_edit,
        )
        dialog.saved.connect(self._on_dialog_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_data_failed(self, error: AppError) -> None:
        self._opening = False
        show_error(self, error)

    def _filter_combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    @staticmethod
    def _refill(combo: QComboBox, choices: list[tuple[int, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for data, text in choices:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        finally:
            combo.blockSignals(False)

    def _start_exchange(self, text: str) -> None:
        self._exchanging = True
        self.status_label.setText(text)
        self._update_buttons()

    def _finish_exchange(self, text: str) -> None:
        self._exchanging = False
        self.status_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_row() is not None)
        row = self.selected_row()
        events = TRANSITIONS.get(row.status, {}) if row is not None else {}
        self.terminate_button.setEnabled("terminate" in events)
        self.reopen_button.setEnabled("reopen" in events)
        self.export_button.setEnabled(not self._exchanging)
        self.template_button.setEnabled(not self._exchanging)

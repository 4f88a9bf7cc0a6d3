"""Importing achievements from Excel: check the file, show every problem, let the user choose.

The dialog reads the file through ``AchievementService.preview_import`` (nothing is written) and
shows how many rows it holds, how many have problems, and each problem with its row, column and
reason. The user then imports nothing, only the rows without problems, or (when there are no
problems) all of them. An import is one transaction: all chosen rows or none.

Neither service call reports progress, so both run through ``TaskRunner.run`` with a busy bar and
no cancel. While the import runs the dialog cannot be closed; while the file is being checked it
can (the check writes nothing, its result is dropped).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.errors import AppError, ValidationError
from desktop.exchange.achievements_xlsx import ImportPreview, RowProblem
from desktop.services.achievements import AchievementService
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner

_ERROR_STYLE = "color: #b3261e;"
WRAP_LIMIT = 1000  # problems shown with their whole reason wrapped; more get one line each
_NOTE_STYLE = "color: #666666;"


class ImportDialog(QDialog):
    """Checks an xlsx file and imports its good rows when the user says so.

    Signals:
        imported(int): the number of achievements registered; the dialog then closes.
    """

    imported = Signal(int)

    def __init__(
        self,
        service: AchievementService,
        runner: TaskRunner,
        actor: User,
        path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import achievements from Excel"))
        self._service = service
        self._runner = runner
        self._actor = actor
        self._path = Path(path)
        self._preview: ImportPreview | None = None
        self._problems: tuple[RowProblem, ...] = ()
        self._checking = False
        self._importing = False
        self._closed = False

        self.file_label = QLabel(self.tr("File: %1").replace("%1", self._path.name), self)
        self.file_label.setObjectName("file_label")
        self.file_label.setToolTip(str(self._path))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("busy_label")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setRange(0, 0)  # busy, no figures: the service reports none
        self.busy_bar.setTextVisible(False)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.problems_model: PagedTableModel[RowProblem] = PagedTableModel(
            [
                Column(self.tr("Row"), lambda p: str(p.row)),
                Column(self.tr("Column"), lambda p: p.column),
                Column(self.tr("Cause"), lambda p: p.reason),
            ],
            lambda: len(self._problems),
            lambda offset, limit: list(self._problems[offset : offset + limit]),
            self,
        )
        self.problems_table = QTableView(self)
        self.problems_table.setObjectName("problems_table")
        self.problems_table.setModel(self.problems_model)
        self.problems_table.verticalHeader().hide()
        self.problems_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.problems_table.setWordWrap(True)
        self.problems_table.setColumnWidth(0, 60)
        self.problems_table.setColumnWidth(1, 120)
        self.problems_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.note_label = QLabel(
            self.tr(
                "Nothing is written until you choose. An import registers all the chosen rows "
                "or, if one of them fails, none."
            ),
            self,
        )
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(_NOTE_STYLE)

        self.discard_button = QPushButton(self.tr("Import nothing"), self)
        self.discard_button.setObjectName("discard_button")
        self.import_good_button = QPushButton(self._good_text(0), self)
        self.import_good_button.setObjectName("import_good_button")
        self.import_all_button = QPushButton(self.tr("Import all"), self)
        self.import_all_button.setObjectName("import_all_button")
        for button in (self.discard_button, self.import_good_button, self.import_all_button):
            button.setAutoDefault(False)

        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar, 1)
        busy.addWidget(self.busy_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(self.import_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(busy)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.problems_table, 1)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        self.resize(820, 520)

        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.import_good_button.clicked.connect(self._on_import_good_button_clicked)
        self.import_all_button.clicked.connect(self._on_import_all_button_clicked)
        self._show_state()

    # -- public -----------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._path

    @property
    def preview(self) -> ImportPreview | None:
        return self._preview

    @property
    def busy(self) -> bool:
        return self._checking or self._importing

    def problem_rows(self) -> list[tuple[str, str, str]]:
        """The problems table as it is shown: (row, column, reason) per line."""
        model = self.problems_model
        return [
            (
                model.data(model.index(r, 0)),
                model.data(model.index(r, 1)),
                model.data(model.index(r, 2)),
            )
            for r in range(model.rowCount())
        ]

    def start(self) -> None:
        """Check the file off the UI thread; the result fills the dialog."""
        if self.busy or self._closed:
            return
        service, actor, path = self._service, self._actor, self._path
        self._checking = True
        self.busy_label.setText(self.tr("Checking the file…"))
        self._show_state()
        self._runner.run(
            lambda: service.preview_import(actor, path), self._on_checked, self._on_check_failed
        )

    def import_rows(self, *, only_good: bool) -> None:
        """Register the good rows (``only_good``) or every row (allowed without problems)."""
        preview = self._preview
        if preview is None or self.busy:
            return
        service, actor = self._service, self._actor
        count = len(preview.rows)
        self._importing = True
        self.error_label.clear()
        self.busy_label.setText(self.tr("Importing %1 achievements…").replace("%1", str(count)))
        self._show_state()
        self._runner.run(
            lambda: service.import_rows(actor, preview, only_good=only_good),
            self._on_imported,
            self._on_import_failed,
        )

    def done(self, result: int) -> None:
        """Every way of closing comes here; not while an import is being written."""
        if self._importing:
            return
        super().done(result)
        self._closed = True
        # Forget the file's content now: the dialog may stay around until it is deleted.
        self._preview = None
        self._problems = ()
        self.problems_model.reload()
        if not self._checking:
            self.deleteLater()

    # -- slots ------------------------------------------------------------------------------
    def _on_discard_button_clicked(self) -> None:
        self.reject()

    def _on_import_good_button_clicked(self) -> None:
        self.import_rows(only_good=True)

    def _on_import_all_button_clicked(self) -> None:
        self.import_rows(only_good=False)

    def _on_checked(self, preview: ImportPreview) -> None:
        if not shiboken6.isValid(self):
            return
        self._checking = False
        if self._closed:  # closed while the file was being checked: nothing to show
            self.deleteLater()
            return
        self._preview = preview
        self._problems = preview.problems
        self.problems_model.reload()
        # Long reasons wrap, and the rows follow the column's width; measuring every row costs
        # time, so a very long list keeps one line per problem (the tooltip shows the rest).
        self.problems_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
            if len(preview.problems) <= WRAP_LIMIT
            else QHeaderView.ResizeMode.Fixed
        )
        self._show_state()

    def _on_check_failed(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        self._checking = False
        if self._closed:
            self.deleteLater()
            return
        self._show_state()
        self._show_error(error)

    def _on_imported(self, count: int) -> None:
        if not shiboken6.isValid(self):
            return
        self._importing = False
        self.imported.emit(count)
        self.accept()

    def _on_import_failed(self, error: AppError) -> None:
        if not shiboken6.isValid(self):
            return
        self._importing = False
        self._show_state()
        self._show_error(error)

    # -- internals --------------------------------------------------------------------------
    def _show_error(self, error: AppError) -> None:
        if isinstance(error, ValidationError):  # the file, or the import as a whole
            self.error_label.setText(error.message)
            self.error_label.show()
        else:
            show_error(self, error)

    def _good_text(self, count: int) -> str:
        return self.tr("Import only the rows without problems (%1)").replace("%1", str(count))

    def _show_state(self) -> None:
        preview = self._preview
        self.busy_bar.setVisible(self.busy)
        self.busy_label.setVisible(self.busy)
        self.error_label.setVisible(bool(self.error_label.text()))
        good = len(preview.rows) if preview is not None else 0
        problems = bool(preview.problems) if preview is not None else False
        self.problems_table.setVisible(problems)
        self.import_good_button.setText(self._good_text(good))
        idle = not self.busy
        self.discard_button.setEnabled(not self._importing)
        self.import_good_button.setEnabled(idle and problems and good > 0)
        self.import_all_button.setEnabled(
            idle and preview is not None and not problems and good > 0
        )
        if preview is None:
            self.summary_label.setText("")
            self.summary_label.setVisible(False)
            # Nothing read yet (or the file could not be read): stopping is all there is.
            self.discard_button.setText(self.tr("Cancel") if self.busy else self.tr("Close"))
            return
        self.discard_button.setText(self.tr("Import nothing"))
        self.summary_label.setVisible(True)
        if preview.row_count == 0:
            self.summary_label.setText(self.tr("The file holds no achievement rows."))
        elif problems:
            self.summary_label.setText(
                self.tr("%1 rows, %2 of them with problems")
                .replace("%1", str(preview.row_count))
                .replace("%2", str(len(preview.bad_rows)))
            )
        else:
            self.summary_label.setText(
                self.tr("%1 rows, no problems found").replace("%1", str(preview.row_count))
            )

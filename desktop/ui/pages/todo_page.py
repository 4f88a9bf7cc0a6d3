"""The to-do list (待办): ownership-change filings still open, grants ready to take effect or
waiting on objections, confidentiality agreements ending soon; oldest and most overdue first,
as the service gives them. Opening one asks the main window to show its record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accounts import User
from desktop.domain.dates import format_cn_date
from desktop.domain.todo import TodoItem
from desktop.errors import AppError
from desktop.services.todo import TodoService
from desktop.ui import labels
from desktop.ui.errors import show_error
from desktop.ui.models.paged_table_model import Column, PagedTableModel
from desktop.ui.tasks import TaskRunner


class TodoPage(QWidget):
    """Signals:
    open_requested: (object_type, object_id) of the record the user wants to work on;
        object_type is "rights_grant" or "confidentiality".
    reloaded: the list has arrived (after ``reload``).
    """

    open_requested = Signal(str, int)
    reloaded = Signal()

    def __init__(
        self,
        service: TodoService,
        runner: TaskRunner,
        actor: User,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todo_page")
        self._service = service
        self._runner = runner
        self._actor = actor
        self._items: list[TodoItem] = []
        self._loaded = False

        columns: list[Column[TodoItem]] = [
            Column(self.tr("Kind"), lambda i: labels.todo_kind(i.kind)),
            Column(self.tr("Record"), lambda i: i.title),
            Column(self.tr("What to do"), lambda i: i.detail),
            Column(self.tr("Date"), self._since_text),
            Column(self.tr("How long"), self.age_text),
        ]
        self.model: PagedTableModel[TodoItem] = PagedTableModel(
            columns,
            lambda: len(self._items),
            lambda offset, n: self._items[offset : offset + n],
            self,
        )

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.refresh_button = QPushButton(self.tr("Refresh the list"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("open_button")

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.empty_label = QLabel(
            self.tr(
                "Nothing is waiting: no change filing is open, no grant is waiting to take "
                "effect or on an objection, and no confidentiality agreement ends within 30 days."
            ),
            self,
        )
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)

        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(
            self._on_selection_model_selection_changed
        )
        self._show()

    # -- public -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Ask the service again (off the UI thread)."""
        self.refresh_button.setEnabled(False)
        self._runner.run(
            lambda: self._service.items(self._actor), self._on_items_loaded, self._on_error
        )

    @property
    def loaded(self) -> bool:
        """Whether a list has arrived since the page was made."""
        return self._loaded

    @property
    def items(self) -> list[TodoItem]:
        return list(self._items)

    @property
    def current_item(self) -> TodoItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self._items):
            return None
        return self._items[rows[0].row()]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def age_text(self, item: TodoItem) -> str:
        """Days waiting ("12 days") or, for what falls due later, days left ("5 days left")."""
        if item.kind == "agreement_expiring" or item.age_days < 0:
            left = -item.age_days
            if left == 0:
                return self.tr("Ends today")
            if left < 0:
                return self.tr("%1 days overdue").replace("%1", str(-left))
            return self.tr("%1 days left").replace("%1", str(left))
        return self.tr("%1 days so far").replace("%1", str(item.age_days))

    # -- slots ------------------------------------------------------------------------------
    def _on_refresh_button_clicked(self) -> None:
        self.reload()

    def _on_open_button_clicked(self) -> None:
        self._open_current()

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and 0 <= index.row() < len(self._items):
            item = self._items[index.row()]
            self.open_requested.emit(item.object_type, item.object_id)

    def _on_selection_model_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self.open_button.setEnabled(self.current_item is not None)

    def _on_items_loaded(self, items: list[TodoItem]) -> None:
        self._items = list(items)
        self._loaded = True
        self.model.reload()
        self._show()
        self.reloaded.emit()

    def _on_error(self, error: AppError) -> None:
        self.refresh_button.setEnabled(True)
        show_error(self, error)

    # -- internals --------------------------------------------------------------------------
    def _open_current(self) -> None:
        item = self.current_item
        if item is not None:
            self.open_requested.emit(item.object_type, item.object_id)

    def _since_text(self, item: TodoItem) -> str:
        day = format_cn_date(date.fromisoformat(item.since))
        if item.kind == "agreement_expiring":
            return self.tr("Ends %1").replace("%1", day)
        return day

    def _show(self) -> None:
        empty = not self._items
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty and self._loaded)
        self.summary_label.setText(
            self.tr("%1 items to do").replace("%1", str(len(self._items))) if not empty else ""
        )
        self.refresh_button.setEnabled(True)
        self.open_button.setEnabled(self.current_item is not None)

"""A table model that fetches rows lazily in pages (as Anki's DataModel does)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200


_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class Column(Generic[Row]):
    def __init__(self, header: str, value: Callable[[Row], str]) -> None:
        self.header = header
        self.value = value


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        count: Callable[[], int],
        page: Callable[[int, int], list[Row]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._count_fn = count
        self._page_fn = page
        self._count = 0
        self._pages: dict[int, list[Row]] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._count_fn()
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (on lock): nothing decrypted stays in the model."""
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        self.endResetModel()

    def row(self, row: int) -> Row:
        number, offset = divmod(row, PAGE_SIZE)
        if number not in self._pages:
            self._pages[number] = self._page_fn(number * PAGE_SIZE, PAGE_SIZE)
        return self._pages[number][offset]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip repeats the text, so a cell cut short by its column can still be read.
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        if not 0 <= index.row() < self._count:
            return None
        return self._columns[index.column()].value(self.row(index.row()))

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

"""Table models that fetch rows lazily in pages (as Anki's DataModel does).

``PagedTableModel`` asks the service on the UI thread: ``reload`` counts, and a row not fetched
yet is read with its page when the view paints it. That is fine for short lists.

``AsyncPagedTableModel`` asks on the ``TaskRunner``'s worker, for the long lists (the
achievement register, the audit log), so a slow query never freezes the window:

- ``reload`` starts the count and the first page and returns at once; the rows shown so far stay
  until the count arrives, then the model resets to the new list and emits ``loaded``;
- a row whose page has not arrived shows ``…`` and asks for its page, once; when the page
  arrives, ``dataChanged`` for its rows and ``page_loaded``;
- every fetch carries the generation it was asked in; ``reload`` and ``clear`` start a new one,
  so a result from before them is dropped and old rows never land in the new list;
- an ``AppError`` from a fetch is emitted as ``failed`` for the page to show; the page that
  failed is not asked for again until the next ``reload``, so an error is shown once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.errors import AppError
from desktop.ui.tasks import TaskRunner

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
PLACEHOLDER = "…"  # a cell whose row is still being fetched

_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class Column(Generic[Row]):
    def __init__(self, header: str, value: Callable[[Row], str]) -> None:
        self.header = header
        self.value = value


class _PagedModel(QAbstractTableModel, Generic[Row]):
    """What both models share: the columns, the count, the pages fetched so far."""

    loaded = Signal()  # the model was reset to a new count (after ``reload``)

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
        # Page number -> its rows. Always the same dict (cleared, never replaced): the registry
        # benchmark watches it to see what the model holds.
        self._pages: dict[int, list[Row]] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

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

    def _reset_to(self, count: int, first_page: list[Row] | None = None) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = count
        if first_page is not None and count > 0:
            self._pages[0] = list(first_page)
        self.endResetModel()


class PagedTableModel(_PagedModel[Row]):
    """Fetches on the UI thread: ``reload`` counts at once, ``row`` reads a missing page."""

    def reload(self) -> None:
        self._reset_to(self._count_fn())
        self.loaded.emit()

    def clear(self) -> None:
        """Forget every row (on lock): nothing decrypted stays in the model."""
        self._reset_to(0)

    def row(self, row: int) -> Row:
        number, offset = divmod(row, PAGE_SIZE)
        if number not in self._pages:
            self._pages[number] = self._page_fn(number * PAGE_SIZE, PAGE_SIZE)
        return self._pages[number][offset]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip repeats the text, so a cell cut short by its column can still be read.
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        if not 0 <= index.row() < self._count:
            return None
        return self._columns[index.column()].value(self.row(index.row()))


class AsyncPagedTableModel(_PagedModel[Row]):
    """Fetches on the runner's worker (see the module's docstring)."""

    page_loaded = Signal(int)  # a page arrived (its number); its rows can be read with ``row``
    failed = Signal(object)  # an AppError from a fetch, for the page to show

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        count: Callable[[], int],
        page: Callable[[int, int], list[Row]],
        runner: TaskRunner,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, count, page, parent)
        self._runner = runner
        self._generation = 0
        self._loading = False
        self._paused = False
        # Pages asked for in this generation: in flight, or failed (not asked again).
        self._asked: set[int] = set()

    @property
    def loading(self) -> bool:
        """Between ``reload`` and the arrival of its count (or its failure)."""
        return self._loading

    @property
    def generation(self) -> int:
        return self._generation

    def reload(self) -> None:
        """Count (and fetch the first page) on the worker; ``loaded`` follows."""
        generation = self._new_generation()
        self._loading = True
        count_fn, page_fn = self._count_fn, self._page_fn

        def job() -> tuple[int, list[Row]]:
            total = count_fn()
            return total, (page_fn(0, PAGE_SIZE) if total > 0 else [])

        self._runner.run(
            job,
            lambda result: self._on_counted(generation, result),
            lambda error: self._on_failed(generation, None, error),
        )

    def clear(self) -> None:
        """Forget every row (on lock) and drop whatever is still being fetched."""
        self._new_generation()
        self._loading = False
        self._reset_to(0)

    def row(self, row: int) -> Row | None:
        """The row if its page has arrived, else None (``request_row`` asks for it)."""
        number, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(number)
        return rows[offset] if rows is not None and 0 <= offset < len(rows) else None

    def request_row(self, row: int) -> None:
        """Ask for the page holding ``row`` unless it is here, on its way, or failed."""
        if self._loading or self._paused or not 0 <= row < self._count:
            return  # the rows shown belong to the list being replaced, or nobody will look
        number = row // PAGE_SIZE
        if number in self._pages or number in self._asked:
            return
        self._asked.add(number)
        generation, page_fn = self._generation, self._page_fn
        self._runner.run(
            lambda: page_fn(number * PAGE_SIZE, PAGE_SIZE),
            lambda rows: self._on_page(generation, number, rows),
            lambda error: self._on_failed(generation, number, error),
        )

    @contextmanager
    def fetching_paused(self) -> Iterator[None]:
        """Read cells without asking for their pages: for ``resizeColumnsToContents``, which
        reads up to 1,000 rows (every row while the view is hidden), not only those shown."""
        was, self._paused = self._paused, True
        try:
            yield
        finally:
            self._paused = was

    def fetched(self) -> Iterator[tuple[int, Row]]:
        """(row number, row) of every row fetched so far, in order."""
        for number in sorted(self._pages):
            for offset, item in enumerate(self._pages[number]):
                yield number * PAGE_SIZE + offset, item

    def find_fetched(self, wanted: Callable[[Row], bool]) -> int | None:
        """The number of the first fetched row for which ``wanted`` is true."""
        return next((i for i, item in self.fetched() if wanted(item)), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip repeats the text, so a cell cut short by its column can still be read.
        if not index.isValid() or role not in _TEXT_ROLES:
            return None
        if not 0 <= index.row() < self._count:
            return None
        item = self.row(index.row())
        if item is None:
            self.request_row(index.row())
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        return self._columns[index.column()].value(item)

    # -- results ----------------------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        # A model deleted meanwhile (its page closed) takes no results either.
        return shiboken6.isValid(self) and generation == self._generation

    def _on_counted(self, generation: int, result: tuple[int, list[Row]]) -> None:
        if not self._current(generation):
            return
        total, first = result
        self._loading = False
        self._reset_to(total, first)
        self.loaded.emit()
        if 0 in self._pages:
            self.page_loaded.emit(0)

    def _on_page(self, generation: int, number: int, rows: list[Row]) -> None:
        if not self._current(generation):
            return
        self._asked.discard(number)
        self._pages[number] = list(rows)
        first = number * PAGE_SIZE
        last = min(first + len(rows), self._count) - 1
        if last >= first and self._columns:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, len(self._columns) - 1), list(_TEXT_ROLES)
            )
        self.page_loaded.emit(number)

    def _on_failed(self, generation: int, number: int | None, error: AppError) -> None:
        if not self._current(generation):
            return
        if number is None:  # the count: show an empty list rather than the previous one's rows
            self._loading = False
            self._reset_to(0)
        self.failed.emit(error)

    def _new_generation(self) -> int:
        self._generation += 1
        self._asked.clear()
        return self._generation

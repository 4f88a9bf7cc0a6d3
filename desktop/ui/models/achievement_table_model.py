"""The achievement list: rows fetched lazily in pages on the worker, sorted by the service, not
by Qt.

A header click reaches ``sort``, which only says which key the user asked for (``sort_requested``);
the page puts it into its query and reloads, so the order is the database's over every row,
not Qt's over the rows fetched so far."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from desktop.domain.achievements import AchievementRow
from desktop.ui.models.paged_table_model import AsyncPagedTableModel, Column
from desktop.ui.tasks import TaskRunner


class SortableColumn(Column[AchievementRow]):
    """A column with the ``AchievementQuery.sort`` key it sorts by (None: not sortable)."""

    def __init__(
        self, header: str, value: Callable[[AchievementRow], str], sort_key: str | None
    ) -> None:
        super().__init__(header, value)
        self.sort_key = sort_key


class AchievementTableModel(AsyncPagedTableModel[AchievementRow]):
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(
        self,
        columns: Sequence[SortableColumn],
        count: Callable[[], int],
        page: Callable[[int, int], list[AchievementRow]],
        runner: TaskRunner,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, count, page, runner, parent)
        self._sort_keys = [c.sort_key for c in columns]

    def sort_key(self, column: int) -> str | None:
        return self._sort_keys[column] if 0 <= column < len(self._sort_keys) else None

    def column_of(self, sort_key: str) -> int:
        return self._sort_keys.index(sort_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.sort_key(column)
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

"""The paged table models on their own: the synchronous one as the short lists use it, and the
asynchronous one (fetches on the TaskRunner's worker) with fetch functions the test controls:
rows after the count, one request per page, stale results dropped, errors reported once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desktop.errors import AppError, StorageError
from desktop.ui.models.paged_table_model import (
    PAGE_SIZE,
    PLACEHOLDER,
    AsyncPagedTableModel,
    Column,
    PagedTableModel,
)
from desktop.ui.tasks import TaskRunner

COLUMNS = [Column("No.", lambda r: str(r[0])), Column("Name", lambda r: r[1])]
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass
class Source:
    """Rows ``(n, f"{prefix}{n}")``; records the calls; pages can be held at a gate."""

    total: int
    prefix: str = "row"
    counts: int = 0
    pages: list[int] = field(default_factory=list)  # offsets asked for, in order
    gate: threading.Event | None = None  # page() waits for it when set
    reached: threading.Event = field(default_factory=threading.Event)
    fail_count: AppError | None = None
    fail_pages: AppError | None = None

    def count(self) -> int:
        self.counts += 1
        if self.fail_count is not None:
            raise self.fail_count
        return self.total

    def page(self, offset: int, limit: int) -> list[tuple[int, str]]:
        self.pages.append(offset)
        prefix = self.prefix  # what the query was when the fetch began
        if self.gate is not None:
            self.reached.set()
            assert self.gate.wait(10)
        if self.fail_pages is not None and offset > 0:
            raise self.fail_pages
        return [(n, f"{prefix}{n}") for n in range(offset, min(offset + limit, self.total))]


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    yield runner
    runner.wait()


def make(source: Source, runner: TaskRunner) -> AsyncPagedTableModel[tuple[int, str]]:
    return AsyncPagedTableModel(COLUMNS, source.count, source.page, runner)


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def name(model, row: int) -> object:  # type: ignore[no-untyped-def]
    return model.data(model.index(row, 1))


# -- asynchronous -------------------------------------------------------------------------------
def test_reload_returns_at_once_and_the_rows_follow_the_count(qtbot, runner, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=3, gate=threading.Event())
    model = make(source, runner)
    model.reload()
    assert model.loading and model.rowCount() == 0  # nothing yet, and the call did not wait
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    assert source.counts == 1
    with qtbot.waitSignal(model.loaded, timeout=5000):
        assert source.gate is not None
        source.gate.set()
    assert not model.loading
    assert model.rowCount() == 3
    assert [name(model, r) for r in range(3)] == ["row0", "row1", "row2"]
    assert source.pages == [0]  # the first page came with the count
    qtmodeltester.check(model)


def test_an_empty_list_asks_for_no_page(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=0)
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 0 and source.pages == []


def test_a_row_not_fetched_shows_a_placeholder_and_asks_for_its_page_once(  # type: ignore[no-untyped-def]
    qtbot, runner, qtmodeltester
) -> None:
    source = Source(total=PAGE_SIZE * 2 + 50)
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    far = PAGE_SIZE * 2 + 10
    assert model.row(far) is None
    source.gate = threading.Event()
    assert name(model, far) == PLACEHOLDER
    assert model.data(model.index(far, 1), TOOLTIP) is None
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    for _ in range(3):  # painted again while the page is on its way: no second request
        assert name(model, far) == PLACEHOLDER
        assert name(model, far + 1) == PLACEHOLDER
    model.request_row(far)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _roles: changed.append((tl.row(), br.row())))
    with qtbot.waitSignal(model.page_loaded, timeout=5000) as arrived:
        source.gate.set()
    assert arrived.args == [2]
    assert source.pages == [0, PAGE_SIZE * 2]
    assert changed == [(PAGE_SIZE * 2, PAGE_SIZE * 2 + 49)]
    assert name(model, far) == f"row{far}"
    assert model.row(far) == (far, f"row{far}")
    assert model.find_fetched(lambda r: r[0] == far) == far
    assert model.find_fetched(lambda r: r[0] == PAGE_SIZE + 1) is None  # page 1 never fetched
    source.gate = None
    for row in range(model.rowCount()):  # a scroll through the list: page 1, once
        name(model, row)
    idle(qtbot, runner)
    assert sorted(source.pages) == [0, PAGE_SIZE, PAGE_SIZE * 2]
    assert [name(model, r) for r in range(model.rowCount())] == [
        f"row{n}" for n in range(source.total)
    ]
    qtmodeltester.check(model)


def test_a_reload_while_a_page_is_fetched_never_shows_the_old_rows(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=PAGE_SIZE + 20, prefix="old")
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    source.gate = threading.Event()
    assert name(model, PAGE_SIZE + 5) == PLACEHOLDER  # page 1 of the old list is on its way
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    source.prefix, source.total = "new", PAGE_SIZE + 10
    model.reload()
    assert model.loading
    assert name(model, 0) == "old0"  # shown until the new count arrives
    assert name(model, PAGE_SIZE + 6) == PLACEHOLDER  # and no page asked for the old list
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        source.gate.set()  # the old page arrives first, then the new count
    assert resets == [PAGE_SIZE + 10]
    assert model.row(PAGE_SIZE + 5) is None  # the old page was dropped
    source.gate = None
    assert name(model, PAGE_SIZE + 5) == PLACEHOLDER
    qtbot.waitUntil(lambda: model.row(PAGE_SIZE + 5) is not None, timeout=5000)
    assert name(model, PAGE_SIZE + 5) == f"new{PAGE_SIZE + 5}"
    assert [name(model, r) for r in (0, PAGE_SIZE - 1)] == ["new0", f"new{PAGE_SIZE - 1}"]


def test_only_the_last_of_several_quick_reloads_lands(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=5, prefix="a", gate=threading.Event())
    model = make(source, runner)
    model.reload()
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    loads: list[object] = []
    model.loaded.connect(lambda: loads.append(name(model, 0)))
    source.prefix = "b"
    model.reload()
    source.prefix = "c"
    model.reload()
    source.gate.set()
    idle(qtbot, runner)
    assert loads == ["c0"]
    assert source.counts == 3  # each reload counted; two results were dropped


def test_clear_drops_what_is_in_flight(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=3, gate=threading.Event())
    model = make(source, runner)
    loads: list[int] = []
    model.loaded.connect(lambda: loads.append(model.rowCount()))
    model.reload()
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    model.clear()
    assert not model.loading and model.rowCount() == 0
    source.gate.set()
    idle(qtbot, runner)
    assert loads == [] and model.rowCount() == 0 and model.row(0) is None


def test_a_failed_count_empties_the_list_and_the_next_reload_works(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=3)
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    source.fail_count = StorageError("数据库文件损坏。")
    with qtbot.waitSignal(model.failed, timeout=5000) as failed:
        model.reload()
    assert failed.args[0].message == "数据库文件损坏。"
    assert not model.loading and model.rowCount() == 0
    source.fail_count = None
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 3


def test_a_failed_page_is_reported_once_until_the_next_reload(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=PAGE_SIZE + 5, fail_pages=StorageError("读取失败。"))
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    errors: list[AppError] = []
    model.failed.connect(errors.append)
    assert name(model, PAGE_SIZE) == PLACEHOLDER
    idle(qtbot, runner)
    assert [e.message for e in errors] == ["读取失败。"]
    for _ in range(3):  # painted again: not asked again
        assert name(model, PAGE_SIZE + 1) == PLACEHOLDER
    idle(qtbot, runner)
    assert len(errors) == 1 and source.pages == [0, PAGE_SIZE]
    assert name(model, 1) == "row1"  # the rows that came are still there
    source.fail_pages = None
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    name(model, PAGE_SIZE)
    qtbot.waitUntil(lambda: model.row(PAGE_SIZE) is not None, timeout=5000)
    assert errors == [errors[0]]


def test_a_result_for_a_deleted_model_is_dropped(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    source = Source(total=3, gate=threading.Event())
    model = make(source, runner)
    model.reload()
    qtbot.waitUntil(source.reached.is_set, timeout=5000)
    shiboken6.delete(model)
    source.gate.set()
    idle(qtbot, runner)  # no exception from the callback


def test_sizing_the_columns_while_fetching_is_paused_asks_for_nothing(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=PAGE_SIZE * 3)
    model = make(source, runner)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    view = QTableView()  # hidden: sizing reads every row, not only those shown
    view.setModel(model)
    with model.fetching_paused():
        view.resizeColumnsToContents()
    idle(qtbot, runner)
    assert source.pages == [0]
    view.resizeColumnsToContents()  # the same without the pause fetches pages nobody sees
    idle(qtbot, runner)
    assert source.pages[0] == 0 and len(source.pages) > 1
    view.deleteLater()


# -- synchronous --------------------------------------------------------------------------------
def test_the_synchronous_model_counts_and_reads_pages_on_the_spot(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    source = Source(total=PAGE_SIZE + 3)
    model: PagedTableModel[tuple[int, str]] = PagedTableModel(COLUMNS, source.count, source.page)
    with qtbot.waitSignal(model.loaded, timeout=1000):
        model.reload()
    assert model.rowCount() == PAGE_SIZE + 3 and source.pages == []
    assert model.row(PAGE_SIZE + 2) == (PAGE_SIZE + 2, f"row{PAGE_SIZE + 2}")
    assert source.pages == [PAGE_SIZE]
    assert name(model, 0) == "row0"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0

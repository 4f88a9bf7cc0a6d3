"""Run service calls off the UI thread (our version of Anki's CollectionOp).

One place turns an ``AppError`` into a message; anything else is a bug and goes to the crash
dialog. Tasks run one at a time, so the vault sees serialized access from the UI.
"""

from __future__ import annotations

import itertools
import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.errors import AppError, Cancelled

OnSuccess = Callable[[Any], None]
OnError = Callable[[AppError], None]


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)
    crashed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._id = job_id
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except AppError as e:
            self._signals.failed.emit(self._id, e)
        except Exception:
            # Only the frames and the type: the message could hold record content.
            kind, _, tb = sys.exc_info()
            text = "".join(traceback.format_tb(tb)) + (kind.__name__ if kind else "")
            self._signals.crashed.emit(self._id, text)
        else:
            self._signals.done.emit(self._id, result)


class TaskRunner(QObject):
    """Runs one job at a time on a worker thread; callbacks run on the UI thread."""

    started = Signal()
    finished = Signal()
    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)
        self._pending: dict[int, tuple[OnSuccess, OnError]] = {}
        self._ids = itertools.count(1)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_success: OnSuccess, on_error: OnError) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = (on_success, on_error)
        self.started.emit()
        self._pool.start(_Job(job_id, fn, self._signals))

    def wait(self) -> None:
        self._pool.waitForDone()

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_success, _ = self._pending.pop(job_id)
        try:
            on_success(result)
        finally:
            self.finished.emit()

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: AppError) -> None:
        _, on_error = self._pending.pop(job_id)
        try:
            if not isinstance(error, Cancelled):
                on_error(error)
        finally:
            self.finished.emit()

    @Slot(int, str)
    def _on_crashed(self, job_id: int, text: str) -> None:
        self._pending.pop(job_id)
        try:
            self.crashed.emit(text)
        finally:
            self.finished.emit()

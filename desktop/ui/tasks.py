"""Run service calls off the UI thread (our version of Anki's CollectionOp).

One place turns an ``AppError`` into a message; anything else is a bug and goes to the crash
dialog. Tasks run one at a time, so the vault sees serialized access from the UI.

A long job gets a ``Progress``: it reports ``(done, total)`` from the worker and reads
``cancelled()``; the UI shows the figures and calls ``cancel()``. A job that sees the cancel
raises ``Cancelled``, which ends it silently.

The worker is a plain Python thread rather than a ``QThreadPool``: PySide6 6.12.0 on Python 3.11
loses a reference to ``None`` per Python ``QRunnable.run`` (and to ``True`` per ``emit``) and aborts
the interpreter; pyproject.toml keeps PySide6 below 6.12, and a thread costs nothing here.
"""

from __future__ import annotations

import itertools
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop.errors import AppError, Cancelled

OnSuccess = Callable[[Any], None]
OnError = Callable[[AppError], None]
OnCancelled = Callable[[], None]


class Progress(QObject):
    """How far a running job is, and the user's wish to stop it. Made on the UI thread.

    ``report`` and ``cancelled`` are for the worker; they are safe from any thread. ``reported``
    and ``finished`` arrive on the UI thread. Reports are coalesced: a fast job that reports
    every step does not flood the event queue, the UI sees the latest figures.
    """

    reported = Signal(int, int)  # done, total
    cancel_requested = Signal()
    finished = Signal()  # the job ended, however it ended (result, error, cancel or crash)
    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None
        self._cancel = threading.Event()
        self._done = False
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int) -> None:
        with self._lock:
            already_posted = self._latest is not None
            self._latest = (done, total)
        if not already_posted:
            self._posted.emit()

    def cancel(self) -> None:
        if not self._cancel.is_set() and not self._done:
            self._cancel.set()
            self.cancel_requested.emit()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    @property
    def done(self) -> bool:
        return self._done

    @Slot()
    def _on_posted(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None and not self._done:
            self.reported.emit(*latest)

    def _finish(self) -> None:
        self._on_posted()  # a report still queued belongs before the end
        self._done = True
        self.finished.emit()


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)
    crashed = Signal(int, str)


def _run_job(job_id: int, fn: Callable[[], Any], signals: _Signals) -> None:
    try:
        result = fn()
    except AppError as e:
        signals.failed.emit(job_id, e)
    except Exception:
        # Only the frames and the type: the message could hold record content.
        kind, _, tb = sys.exc_info()
        text = "".join(traceback.format_tb(tb)) + (kind.__name__ if kind else "")
        signals.crashed.emit(job_id, text)
    else:
        signals.done.emit(job_id, result)


class TaskRunner(QObject):
    """Runs one job at a time on a worker thread; callbacks run on the UI thread."""

    started = Signal()
    finished = Signal()
    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)
        self._pending: dict[int, tuple[OnSuccess, OnError]] = {}
        self._progress: dict[int, Progress] = {}
        self._on_cancel: dict[int, OnCancelled] = {}
        self._ids = itertools.count(1)
        # The worker thread lives while there is work queued, and is started again for more.
        self._queue: deque[tuple[int, Callable[[], Any]]] = deque()
        self._outstanding = 0
        self._worker_running = False
        self._state = threading.Condition()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_success: OnSuccess, on_error: OnError) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = (on_success, on_error)
        self.started.emit()
        self._submit(job_id, fn)

    def run_with_progress(
        self,
        fn: Callable[[Progress], Any],
        on_success: OnSuccess,
        on_error: OnError,
        on_cancelled: OnCancelled | None = None,
    ) -> Progress:
        """Like ``run``, for a job that reports progress and can be cancelled.

        ``fn`` gets the returned ``Progress``; it calls ``report`` and raises ``Cancelled`` once
        ``cancelled()`` is true. A job cancelled before it starts never runs. A job that
        returns normally delivers its result even if the cancel came too late to stop it: only
        the job knows whether its work still counts. A job that stopped for the cancel calls
        ``on_cancelled`` (when given) instead of either of the others.
        """
        progress = Progress()
        job_id = next(self._ids)
        self._pending[job_id] = (on_success, on_error)
        if on_cancelled is not None:
            self._on_cancel[job_id] = on_cancelled
        self._progress[job_id] = progress

        def job() -> Any:
            progress.raise_if_cancelled()
            return fn(progress)

        self.started.emit()
        self._submit(job_id, job)
        return progress

    def wait(self) -> None:
        """Block until every submitted job has run (their callbacks arrive later, queued)."""
        with self._state:
            self._state.wait_for(lambda: self._outstanding == 0)

    def _submit(self, job_id: int, fn: Callable[[], Any]) -> None:
        with self._state:
            self._queue.append((job_id, fn))
            self._outstanding += 1
            if not self._worker_running:
                self._worker_running = True
                threading.Thread(target=self._work, name="TaskRunner", daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._state:
                if not self._queue:
                    self._worker_running = False
                    return
                job_id, fn = self._queue.popleft()
            try:
                _run_job(job_id, fn, self._signals)
            finally:
                with self._state:
                    self._outstanding -= 1
                    self._state.notify_all()

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_success, _ = self._pending.pop(job_id)
        try:
            on_success(result)
        finally:
            self._end(job_id)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: AppError) -> None:
        _, on_error = self._pending.pop(job_id)
        on_cancelled = self._on_cancel.pop(job_id, None)
        try:
            if not isinstance(error, Cancelled):
                on_error(error)
            elif on_cancelled is not None:
                on_cancelled()
        finally:
            self._end(job_id)

    @Slot(int, str)
    def _on_crashed(self, job_id: int, text: str) -> None:
        self._pending.pop(job_id)
        try:
            self.crashed.emit(text)
        finally:
            self._end(job_id)

    def _end(self, job_id: int) -> None:
        self._on_cancel.pop(job_id, None)
        progress = self._progress.pop(job_id, None)
        try:
            if progress is not None:
                progress._finish()
        finally:
            self.finished.emit()

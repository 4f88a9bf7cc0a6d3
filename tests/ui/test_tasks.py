"""The task runner: results, errors and crashes on the UI thread; progress and cancel."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from desktop.errors import AppError, Cancelled, ValidationError
from desktop.ui.tasks import Progress, TaskRunner


@pytest.fixture
def runner(qapp, qtbot):  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    yield runner
    runner.wait()
    runner.deleteLater()


class Calls:
    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[AppError] = []
        self.threads: list[QThread] = []

    def success(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def error(self, error: AppError) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)


def ui_thread() -> QThread:
    app = QCoreApplication.instance()
    assert app is not None
    return app.thread()


def test_run_delivers_the_result_on_the_ui_thread(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()
    worker: list[QThread] = []

    def job() -> int:
        worker.append(QThread.currentThread())
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(job, calls.success, calls.error)
    assert calls.results == [42] and calls.errors == []
    assert worker[0] is not ui_thread()
    assert calls.threads == [ui_thread()]
    assert not runner.busy


def test_app_errors_go_to_on_error_and_bugs_to_crashed(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()

    def bad_input() -> None:
        raise ValidationError("name", "请填写姓名。")

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(bad_input, calls.success, calls.error)
    assert [e.message for e in calls.errors] == ["请填写姓名。"]

    def bug() -> None:
        content = "secret record content"
        raise KeyError(content)

    with qtbot.waitSignal(runner.crashed, timeout=5000) as crashed:
        runner.run(bug, calls.success, calls.error)
    assert "KeyError" in crashed.args[0]
    assert "secret record content" not in crashed.args[0]


def test_progress_reaches_the_ui_thread_and_the_result_follows(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()
    seen: list[tuple[int, int]] = []
    threads: list[QThread] = []

    def job(progress: Progress) -> str:
        for done in range(1, 4):
            progress.report(done, 3)
        return "fertig"

    with qtbot.waitSignal(runner.finished, timeout=5000):
        progress = runner.run_with_progress(job, calls.success, calls.error)
        progress.reported.connect(
            lambda d, t: (seen.append((d, t)), threads.append(QThread.currentThread()))
        )
    assert calls.results == ["fertig"]
    assert seen and seen[-1] == (3, 3)
    assert set(threads) == {ui_thread()}
    assert progress.done


def test_reports_are_coalesced(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int]] = []
    go = threading.Event()

    def job(progress: Progress) -> None:
        go.wait(5)
        for done in range(1, 20_001):
            progress.report(done, 20_000)

    progress = runner.run_with_progress(job, lambda _r: None, lambda _e: None)
    progress.reported.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(progress.finished, timeout=10_000):
        go.set()
    assert seen[-1] == (20_000, 20_000)
    assert len(seen) < 20_000
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_ends_the_job_silently(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()
    started = threading.Event()
    steps: list[int] = []

    def job(progress: Progress) -> str:
        started.set()
        for step in range(1_000_000):
            steps.append(step)
            progress.report(step, 1_000_000)
            if progress.cancelled():
                raise Cancelled()
            if step == 10:
                # Wait (bounded) for the user; the test cancels while we are here.
                progress_waited.wait(5)
        return "never"

    progress_waited = threading.Event()
    progress = runner.run_with_progress(job, calls.success, calls.error)
    cancel_signals: list[bool] = []
    progress.cancel_requested.connect(lambda: cancel_signals.append(True))
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignals([progress.finished, runner.finished], timeout=5000):
        progress.cancel()
        progress_waited.set()
    assert progress.cancelled()
    assert cancel_signals == [True]
    assert calls.results == [] and calls.errors == []
    assert len(steps) < 1_000_000
    assert not runner.busy


def test_a_job_cancelled_before_it_starts_never_runs(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()
    release = threading.Event()
    ran: list[str] = []
    runner.run(lambda: release.wait(5), calls.success, calls.error)
    stopped: list[bool] = []
    second = runner.run_with_progress(
        lambda _p: ran.append("second"), calls.success, calls.error, lambda: stopped.append(True)
    )
    second.cancel()
    with qtbot.waitSignal(second.finished, timeout=5000):
        release.set()
    assert ran == []
    assert calls.results == [True] and calls.errors == []
    assert stopped == [True]  # the one callback a cancelled job calls, when it is given


def test_a_result_that_beats_the_cancel_is_still_delivered(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()
    finish = threading.Event()
    started = threading.Event()

    def job(_progress: Progress) -> str:
        started.set()
        finish.wait(5)
        return "done anyway"

    progress = runner.run_with_progress(job, calls.success, calls.error)
    qtbot.waitUntil(started.is_set, timeout=5000)
    progress.cancel()
    with qtbot.waitSignal(progress.finished, timeout=5000):
        finish.set()
    # The job did not look at cancelled(): only it knows whether its work still counts.
    assert calls.results == ["done anyway"]


def test_errors_and_crashes_also_finish_the_progress(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    calls = Calls()

    def refuse(_progress: Progress) -> None:
        raise ValidationError("size", "请输入条数。")

    progress = runner.run_with_progress(refuse, calls.success, calls.error)
    with qtbot.waitSignal(progress.finished, timeout=5000):
        pass
    assert [e.field for e in calls.errors] == ["size"]  # type: ignore[attr-defined]

    def bug(_progress: Progress) -> None:
        raise RuntimeError("bug")

    crashes: list[str] = []
    runner.crashed.connect(crashes.append)
    progress = runner.run_with_progress(bug, calls.success, calls.error)
    with qtbot.waitSignal(progress.finished, timeout=5000):
        pass
    assert len(crashes) == 1 and "RuntimeError" in crashes[0]
    # Cancelling a finished job does nothing.
    progress.cancel()
    assert not progress.cancelled()


def test_many_jobs_run_in_order_one_at_a_time(runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    done: list[object] = []
    running = threading.Semaphore(1)

    def job(n: int) -> int:
        assert running.acquire(blocking=False), "two jobs at once"
        try:
            return n
        finally:
            running.release()

    for n in range(300):
        runner.run(lambda n=n: job(n), done.append, lambda _e: None)
        runner.run_with_progress(lambda p, n=n: (p.report(1, 1), -n)[1], done.append, print)
    qtbot.waitUntil(lambda: len(done) == 600 and not runner.busy, timeout=20_000)
    assert done == [x for n in range(300) for x in (n, -n)]


def test_the_installed_pyside_keeps_the_shared_singletons(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 on Python 3.11 drops a reference to True on every emit() and aborts the
    # interpreter after some thousands (pyproject.toml keeps it out); this fails on such a build.
    class Sender(QObject):
        ping = Signal(int)

    sender = Sender()
    got: list[int] = []
    sender.ping.connect(got.append)
    before = sys.getrefcount(True)
    for n in range(500):
        sender.ping.emit(n)
    assert got == list(range(500))
    assert sys.getrefcount(True) >= before - 10

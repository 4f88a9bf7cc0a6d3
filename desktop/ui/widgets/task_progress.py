"""A progress bar and a Cancel button that follow one long job (a ``Progress``)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from desktop.ui.tasks import Progress


class TaskProgress(QWidget):
    """Hidden until ``follow``; shows the job's figures (a busy bar until the first report),
    cancels it on request, and hides again when the job has ended, however it ended."""

    def __init__(self, bar_format: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        if bar_format:
            self.bar.setFormat(bar_format)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self._progress: Progress | None = None
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.hide()

    def follow(self, progress: Progress) -> None:
        self._progress = progress
        progress.reported.connect(self._on_progress_reported)
        progress.finished.connect(self._on_progress_finished)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def _on_progress_reported(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _on_cancel_button_clicked(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)

    def _on_progress_finished(self) -> None:
        self._progress = None
        self.hide()

"""The one place that shows errors: expected ones as messages, bugs as a crash dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import AppError, Cancelled, PermissionDenied, StorageError


def show_error(parent: QWidget | None, error: AppError) -> None:
    if isinstance(error, Cancelled):
        return
    box = QMessageBox(parent)
    box.setObjectName("error_box")
    box.setIcon(
        QMessageBox.Icon.Critical
        if isinstance(error, StorageError)
        else QMessageBox.Icon.Warning
        if not isinstance(error, PermissionDenied)
        else QMessageBox.Icon.Information
    )
    box.setWindowTitle(QCoreApplication.translate("Errors", "Transfer Desk"))
    box.setText(error.message)
    box.open()


def show_crash(parent: QWidget | None, details: str) -> None:
    """A bug: say so plainly; the details hold only code locations, never record content."""
    box = QMessageBox(parent)
    box.setObjectName("crash_box")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Transfer Desk"))
    box.setText(
        QCoreApplication.translate(
            "Errors",
            "An internal error occurred. Your saved data is safe; the last action was not "
            "completed. Please report the details below to your system administrator.",
        )
    )
    box.setDetailedText(details)
    box.open()

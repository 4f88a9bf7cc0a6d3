"""The one place that shows errors: expected ones as messages, bugs as a crash dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.errors import AppError, Cancelled, PermissionDenied, RuleViolation, StorageError


def _rule_name(rule_id: str) -> str:
    from desktop.ui import labels  # labels imports the domain; errors stays light to import

    name = labels.rule_name(rule_id)
    return (
        "" if name == rule_id else QCoreApplication.translate("Errors", " (%1)").replace("%1", name)
    )


def show_error(parent: QWidget | None, error: AppError) -> None:
    if isinstance(error, Cancelled):
        return
    if isinstance(error, RuleViolation):
        show_rule_violation(parent, error)
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


def show_rule_violation(parent: QWidget | None, error: RuleViolation) -> QMessageBox:
    """A refusal by a rule: the message, the rule and its source (依据), in one box."""
    message = error.message
    cited = f"（依据：{error.source}）"
    if error.source and message.endswith(cited):
        message = message[: -len(cited)]  # the source gets a line of its own below
    basis = []
    if error.source:
        basis.append(QCoreApplication.translate("Errors", "Basis: %1").replace("%1", error.source))
    if error.rule_id:
        rule = QCoreApplication.translate("Errors", "Rule: %1").replace("%1", error.rule_id)
        basis.append(rule + _rule_name(error.rule_id))
    box = QMessageBox(parent)
    box.setObjectName("rule_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Not allowed by the rules"))
    box.setText(f"{message}\n\n" + "\n".join(basis) if basis else message)
    box.open()
    return box


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

"""Dialogs that confirm one action, most often with a reason for the audit log, and run it.

They all have one shape: a question (or a few words of introduction) above a ``FieldForm`` with
the reason and sometimes more fields, OK and Cancel with texts of their own, and the service call
on the ``TaskRunner``. Such a dialog closes only once the service has accepted. A
``ValidationError`` is shown at its field, any other refusal as a message over the dialog, which
stays open so that nothing typed is lost. While the service works the dialog can be neither
cancelled nor closed, so that the answer has somewhere to go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.errors import AppError, ValidationError
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.field_form import FieldForm

MIN_DIALOG_WIDTH = 520  # room for the error messages, which wrap below their fields


class ReasonDialog(QDialog):
    """The base of those dialogs (also of the few whose fields hold no reason, such as the
    roles of an account: the shape is the same).

    A subclass builds its widgets (``_question``, ``_reason``, ``fields.add_field``), sets the OK
    button's text, calls ``_finish_layout`` and implements ``_job``. ``_succeeded`` tells whoever
    opened the dialog, through a signal of the subclass's own signature or an attribute; the
    dialog's ``accepted`` follows it.

    Args:
        runner: where the job runs.
        confirm_name: the OK button's object name (the callers and tests of some dialogs know
            it as ``ok_button``, ``remove_button`` or ``save_button``; they get an attribute of
            that name beside ``confirm_button``).
        standard_button: ``Ok``, or ``Save`` for the dialogs that save what was typed.
    """

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        confirm_name: str = "confirm_button",
        standard_button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.buttons = QDialogButtonBox(
            standard_button | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("buttons")
        self.confirm_button = self.buttons.button(standard_button)
        self.confirm_button.setObjectName(confirm_name)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setText(self.tr("Cancel"))
        self.layout_ = QVBoxLayout(self)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    # -- for the subclasses -------------------------------------------------------------------
    def _question(self, text: str, name: str = "question_label") -> QLabel:
        """A label above the fields: the question asked, or what the dialog is about."""
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _reason(
        self, label: str, placeholder: str = "", *, field: str = "reason", max_length: int = 0
    ) -> QLineEdit:
        """A one-line edit at ``field`` of the form, named ``<field>_edit``."""
        edit = QLineEdit(self)
        edit.setObjectName(f"{field}_edit")
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        self.fields.add_field(field, label, edit)
        return edit

    def _finish_layout(self, *widgets: QWidget) -> None:
        """Lay out ``widgets`` from the top, the buttons below them."""
        for widget in widgets:
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.buttons)

    def _job(self) -> Callable[[], Any]:
        """Read what was typed (on the UI thread) and return the call for the worker. Input that
        cannot be read at all may raise ``ValidationError``: it is shown like the service's."""
        raise NotImplementedError

    def _succeeded(self, result: Any) -> None:
        """The service accepted and returned ``result``; called just before the dialog closes."""

    # -- public -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether the service is working on the job."""
        return self._busy

    def confirm(self) -> None:
        """What OK does: run the job, unless it is already running."""
        if self._busy:
            return
        self.clear_errors()
        try:
            job = self._job()
        except ValidationError as error:
            self._on_error(error)
            return
        self._set_busy(True)
        self._runner.run(job, self._on_saved, self._on_error)

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: not while the service works."""
        if not self._busy:
            super().reject()

    def show_field_error(self, error: ValidationError) -> bool:
        """Show ``error`` at its field; False when the dialog has no such field."""
        return self.fields.show_error(error.field, error.message)

    def clear_errors(self) -> None:
        self.fields.clear_errors()

    # -- slots --------------------------------------------------------------------------------
    def _on_buttons_accepted(self) -> None:
        self.confirm()

    def _on_saved(self, result: Any) -> None:
        self._set_busy(False)
        self._succeeded(result)
        self.accept()

    def _on_error(self, error: AppError) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError) and self.show_field_error(error):
            return
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)


class SaveDialog(ReasonDialog):
    """A ``ReasonDialog`` that saves what was typed into its form: Save and Cancel; ``save`` is
    ``confirm``."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            parent,
            confirm_name="save_button",
            standard_button=QDialogButtonBox.StandardButton.Save,
        )
        self.save_button = self.confirm_button
        self.save_button.setText(self.tr("Save"))

    def save(self) -> None:
        self.confirm()


class ServiceDialog(SaveDialog):
    """A ``SaveDialog`` that tells what the service returned, at least ``MIN_DIALOG_WIDTH``
    wide and deleted once closed (the accounts' and the approvals' dialogs).

    Signals:
        saved: what the service returned.
    """

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(MIN_DIALOG_WIDTH)

    def _succeeded(self, result: Any) -> None:
        self.saved.emit(result)

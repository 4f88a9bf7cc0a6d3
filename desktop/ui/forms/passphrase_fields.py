"""A passphrase with its repeat and a live strength meter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.domain.passphrase import assess
from desktop.ui.widgets.field_form import FieldForm


class PassphraseFields:
    """Adds passphrase, repeat and strength rows to a FieldForm."""

    def __init__(self, form: FieldForm, parent: QWidget, label: str, repeat_label: str) -> None:
        self.passphrase_edit = QLineEdit(parent)
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit(parent)
        self.repeat_edit.setObjectName("repeat_edit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel(parent)
        self.strength_label.setObjectName("strength_label")
        self.strength_label.setWordWrap(True)
        form.add_field("passphrase", label, self.passphrase_edit)
        form.add_field("passphrase_repeat", repeat_label, self.repeat_edit)
        form.layout_.addRow("", self.strength_label)
        self._form = form
        self.login = ""
        self.display_name = ""
        self.passphrase_edit.textChanged.connect(self._on_passphrase_changed)
        self.repeat_edit.textEdited.connect(lambda _t: form.clear_error("passphrase_repeat"))

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.repeat_edit.clear()

    def _on_passphrase_changed(self, text: str) -> None:
        self._form.clear_error("passphrase")
        if not text:
            self.strength_label.clear()
            return
        result = assess(text, login=self.login, display_name=self.display_name)
        bars = "■" * (result.score + 1) + "□" * (4 - result.score)
        color = "#b3261e" if not result.ok else ("#9a6700" if result.score < 3 else "#1a7f37")
        message = result.problems[0] if result.problems else result.hint
        self.strength_label.setStyleSheet(f"color: {color};")
        self.strength_label.setText(f"{bars}  {message}")

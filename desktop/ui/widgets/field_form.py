"""A form layout whose fields can each show an error message right below them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class FieldForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"{name}_error")
        error.setStyleSheet("color: #b3261e;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.layout_.addRow(label, holder)
        self._errors[name] = error
        self._widgets[name] = widget

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` at ``field``; False when the form has no such field."""
        label = self._errors.get(field)
        if label is None:
            return False
        label.setText(message)
        label.show()
        self._widgets[field].setFocus()
        return True

    def clear_error(self, field: str) -> None:
        if field in self._errors:
            self._errors[field].clear()
            self._errors[field].hide()

    def clear_errors(self) -> None:
        for name in self._errors:
            self.clear_error(name)

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

"""Edits a unit profile (used by the first-run wizard and the unit page)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.identifiers import validate_credit_code
from desktop.domain.unit import UNIT_TYPES, UnitProfile
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm


class UnitForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldForm(self)
        self.fields.setObjectName("fields")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(100)
        self.credit_code_edit = QLineEdit(self)
        self.credit_code_edit.setObjectName("credit_code_edit")
        self.credit_code_edit.setMaxLength(18)
        self.credit_code_edit.setPlaceholderText(self.tr("18 characters, e.g. 12210000xxxxxxxxxx"))
        self.unit_type_combo = QComboBox(self)
        self.unit_type_combo.setObjectName("unit_type_combo")
        for code in UNIT_TYPES:
            self.unit_type_combo.addItem(labels.unit_type(code), code)
        self.non_profit_check = QCheckBox(self.tr("Non-profit institution"), self)
        self.non_profit_check.setObjectName("non_profit_check")
        self.non_profit_check.setChecked(True)
        self.departments_edit = QPlainTextEdit(self)
        self.departments_edit.setObjectName("departments_edit")
        self.departments_edit.setPlaceholderText(self.tr("One department per line"))
        self.departments_edit.setTabChangesFocus(True)

        self.fields.add_field("name", self.tr("Unit name"), self.name_edit)
        self.fields.add_field(
            "credit_code", self.tr("Unified social credit code"), self.credit_code_edit
        )
        self.fields.add_field("unit_type", self.tr("Unit type"), self.unit_type_combo)
        self.fields.add_field("non_profit", "", self.non_profit_check)
        self.fields.add_field("departments", self.tr("Departments"), self.departments_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)

        self.credit_code_edit.textEdited.connect(self._on_credit_code_edited)
        self.name_edit.textEdited.connect(lambda _text: self.fields.clear_error("name"))

    def value(self) -> UnitProfile:
        return UnitProfile(
            name=self.name_edit.text(),
            credit_code=self.credit_code_edit.text(),
            unit_type=str(self.unit_type_combo.currentData()),
            non_profit=self.non_profit_check.isChecked(),
            departments=tuple(self.departments_edit.toPlainText().splitlines()),
        )

    def set_value(self, profile: UnitProfile) -> None:
        self.name_edit.setText(profile.name)
        self.credit_code_edit.setText(profile.credit_code)
        self.unit_type_combo.setCurrentIndex(
            max(0, self.unit_type_combo.findData(profile.unit_type))
        )
        self.non_profit_check.setChecked(profile.non_profit)
        self.departments_edit.setPlainText("\n".join(profile.departments))

    def show_error(self, error: ValidationError) -> bool:
        return self.fields.show_error(error.field, error.message)

    def error_text(self, field: str) -> str:
        return self.fields.error_text(field)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.name_edit, self.credit_code_edit):
            widget.setReadOnly(read_only)
        self.departments_edit.setReadOnly(read_only)
        self.unit_type_combo.setEnabled(not read_only)
        self.non_profit_check.setEnabled(not read_only)

    def _on_credit_code_edited(self, text: str) -> None:
        # Judge only a complete code while typing; a partial one is not yet wrong.
        if len(text.strip()) < 18:
            self.fields.clear_error("credit_code")
            return
        try:
            validate_credit_code(text)
        except ValidationError as e:
            self.fields.show_error("credit_code", e.message)
        else:
            self.fields.clear_error("credit_code")

"""Edits one person of the registry."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.people import LEADER_TYPES, Person, PersonDraft
from desktop.errors import ValidationError
from desktop.ui import labels
from desktop.ui.widgets.field_form import FieldForm


class PersonForm(QWidget):
    def __init__(self, departments: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = FieldForm(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        self.department_combo.addItem(self.tr("(none)"), None)
        for dept_id, name in departments:
            self.department_combo.addItem(name, dept_id)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.leader_combo = QComboBox(self)
        self.leader_combo.setObjectName("leader_combo")
        for code in LEADER_TYPES:
            self.leader_combo.addItem(labels.leader_type(code), code)
        self.fields.add_field("name", self.tr("Name"), self.name_edit)
        self.fields.add_field("department", self.tr("Department"), self.department_combo)
        self.fields.add_field("title", self.tr("Title"), self.title_edit)
        self.fields.add_field("leader_type", self.tr("Leadership post"), self.leader_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)

    def value(self) -> PersonDraft:
        return PersonDraft(
            name=self.name_edit.text(),
            department_id=self.department_combo.currentData(),
            title=self.title_edit.text(),
            leader_type=str(self.leader_combo.currentData()),
        )

    def set_value(self, person: Person) -> None:
        self.name_edit.setText(person.name)
        self.department_combo.setCurrentIndex(
            max(0, self.department_combo.findData(person.department_id))
        )
        self.title_edit.setText(person.title)
        self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findData(person.leader_type)))

    def show_error(self, error: ValidationError) -> bool:
        return self.fields.show_error(error.field, error.message)

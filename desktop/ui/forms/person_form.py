"""Edits one person of the registry: name, department, title, leadership post, 居民身份证号 and
contact. The form shows the full identity number; lists show it masked."""

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
        self.fields.setObjectName("fields")
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
        self.id_number_edit = QLineEdit(self)
        self.id_number_edit.setObjectName("id_number_edit")
        self.id_number_edit.setPlaceholderText(
            self.tr("Optional; 18 characters, the last may be X")
        )
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setObjectName("contact_edit")
        self.contact_edit.setPlaceholderText(self.tr("Phone or e-mail"))
        self.fields.add_field("name", self.tr("Name"), self.name_edit)
        self.fields.add_field("department", self.tr("Department"), self.department_combo)
        self.fields.add_field("title", self.tr("Title"), self.title_edit)
        self.fields.add_field("leader_type", self.tr("Leadership post"), self.leader_combo)
        self.fields.add_field("id_number", self.tr("Identity card number"), self.id_number_edit)
        self.fields.add_field("contact", self.tr("Contact"), self.contact_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.fields)

    def value(self) -> PersonDraft:
        """What is typed, unchecked: the service validates (and normalises the number)."""
        return PersonDraft(
            name=self.name_edit.text(),
            department_id=self.department_combo.currentData(),
            title=self.title_edit.text(),
            leader_type=str(self.leader_combo.currentData()),
            id_number=self.id_number_edit.text(),
            contact=self.contact_edit.text(),
        )

    def set_value(self, person: Person | PersonDraft) -> None:
        self.name_edit.setText(person.name)
        index = self.department_combo.findData(person.department_id)
        if index < 0 and person.department_id is not None:
            # A department closed since: keep it shown rather than drop it silently; saving
            # then says at the field that it is closed, and the user picks another.
            name = person.department if isinstance(person, Person) else ""
            self.department_combo.addItem(name or str(person.department_id), person.department_id)
            index = self.department_combo.count() - 1
        self.department_combo.setCurrentIndex(max(0, index))
        self.title_edit.setText(person.title)
        self.leader_combo.setCurrentIndex(max(0, self.leader_combo.findData(person.leader_type)))
        self.id_number_edit.setText(person.id_number)
        self.contact_edit.setText(person.contact)

    def show_error(self, error: ValidationError) -> bool:
        """Show ``error`` at its field; False when the form has no such field."""
        return self.fields.show_error(error.field, error.message)

    def clear_errors(self) -> None:
        self.fields.clear_errors()

    def error_text(self, field: str) -> str:
        return self.fields.error_text(field)

"""The person form: its fields in Chinese, a draft round trip, errors at their fields."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.domain.people import Person, PersonDraft
from desktop.errors import ValidationError
from desktop.ui.forms.person_form import PersonForm

DEPARTMENTS = [(1, "科技处"), (2, "化学学院")]


@pytest.fixture
def form(zh_app, qtbot) -> PersonForm:  # type: ignore[no-untyped-def]
    form = PersonForm(DEPARTMENTS)
    qtbot.addWidget(form)
    return form


def label_of(form: PersonForm, widget: QWidget) -> str:
    layout = form.fields.layout_
    for row in range(layout.rowCount()):
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        assert field is not None and label is not None
        holder = field.widget()
        if holder is widget or holder.isAncestorOf(widget):
            assert isinstance(label.widget(), QLabel)
            return label.widget().text()  # type: ignore[union-attr]
    raise AssertionError("widget not in the form")


def test_fields_are_labelled_in_chinese(form: PersonForm) -> None:
    assert label_of(form, form.id_number_edit) == "居民身份证号"
    assert label_of(form, form.contact_edit) == "联系方式"
    assert label_of(form, form.name_edit) == "姓名"
    assert form.contact_edit.placeholderText() == "电话或电子邮箱"


def test_a_draft_round_trips_with_id_number_and_contact(form: PersonForm) -> None:
    draft = PersonDraft("张三", 2, "教授", "deputy", "11010519491231002X", "zhang@example.cn")
    form.set_value(draft)
    assert form.value() == draft
    assert form.id_number_edit.text() == "11010519491231002X"  # the form shows it in full


def test_an_empty_form_gives_an_empty_number_and_contact(form: PersonForm) -> None:
    draft = form.value()
    assert (draft.id_number, draft.contact, draft.department_id) == ("", "", None)


def test_a_person_in_a_closed_department_keeps_it_rather_than_losing_it(
    form: PersonForm,
) -> None:
    person = Person(7, "李四", 9, "物理学院", "", "none", True, "", "")
    form.set_value(person)
    assert form.department_combo.currentText() == "物理学院"
    assert form.value().department_id == 9


@pytest.mark.parametrize("field", ["id_number", "contact", "name"])
def test_an_error_is_shown_at_its_field_and_the_text_stays(form: PersonForm, field: str) -> None:
    form.id_number_edit.setText("110105194912310021")
    assert form.show_error(ValidationError(field, "有误。"))
    assert form.error_text(field) == "有误。"
    assert form.id_number_edit.text() == "110105194912310021"
    form.clear_errors()
    assert form.error_text(field) == ""


def test_an_error_for_a_field_the_form_lacks_is_not_swallowed(form: PersonForm) -> None:
    assert not form.show_error(ValidationError("reason", "请填写原因。"))

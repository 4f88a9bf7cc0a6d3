"""The confidentiality agreement form, in Chinese: the party's code judged as the user leaves
its field, dates read as typed, the achievements picked from a search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.domain.achievements import AchievementRow
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.identifiers import id_number_check_char
from desktop.errors import ValidationError
from desktop.ui.forms.confidentiality_form import (
    STANDARD_OBLIGATIONS,
    ConfidentialityForm,
    default_term_end,
)
from tests.support import VALID_CREDIT_CODE

TODAY = date(2026, 1, 5)
LEFT = Qt.MouseButton.LeftButton
MARKED = ("secret", "confidential", "top_secret")


def id_number(serial: int, *, wrong: bool = False) -> str:
    first = f"21010219800101{serial:03d}"
    check = id_number_check_char(first)
    if wrong:
        check = "1" if check != "1" else "2"
    return first + check


def draft(**changes: object) -> ConfidentialityDraft:
    base = ConfidentialityDraft(
        party_kind="individual",
        party_name="张三",
        party_code=id_number(1),
        achievement_ids=(7, 3),
        level="confidential",
        scope="镁合金配方及工艺参数",
        term_start="2025-01-01",
        term_end="2030-12-31",
        obligations="不得向第三方披露。",
        signed_on="2025-01-01",
        approval_body="省国家保密局",
        approval_date="2025-01-02",
        approval_doc_no="辽保〔2025〕1号",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def row(achievement_id: int, title: str, level: str = "confidential") -> AchievementRow:
    return AchievementRow(
        achievement_id, title, "invention_patent", "registered", level, "", 2025, "", ""
    )


@pytest.fixture
def form(zh_app, qtbot):  # type: ignore[no-untyped-def]
    form = ConfidentialityForm(MARKED, TODAY)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    return form


def leave(qtbot, edit: QLineEdit, text: str, elsewhere: QLineEdit) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into ``edit`` and move the focus on, as a user tabbing out would."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5000)
    edit.clear()
    qtbot.keyClicks(edit, text)
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus, timeout=5000)


# -- value ------------------------------------------------------------------------------------
def test_a_new_form_starts_with_the_standard_obligations_and_a_five_year_term(form) -> None:  # type: ignore[no-untyped-def]
    value = form.value()
    assert value.obligations == STANDARD_OBLIGATIONS
    assert "不得以任何方式向第三方泄露" in form.obligations_edit.toPlainText()
    assert form.term_start_edit.text() == "2026年1月5日"
    assert form.term_end_edit.text() == "2031年1月4日"
    assert (value.term_start, value.term_end) == ("2026-01-05", "2031-01-04")
    assert (value.signed_on, value.approval_date) == (None, None)
    assert value.party_kind == "enterprise"
    assert [form.level_combo.itemText(i) for i in range(form.level_combo.count())] == [
        "秘密",
        "机密",
        "绝密",
    ]


def test_default_term_end_is_the_day_before_the_fifth_anniversary() -> None:
    assert default_term_end(date(2024, 2, 29)) == date(2029, 2, 27)
    assert default_term_end(date(2026, 1, 1)) == date(2030, 12, 31)


def test_form_round_trips_a_draft_with_dates_shown_in_chinese(form) -> None:  # type: ignore[no-untyped-def]
    form.set_value(draft(), ("镁合金甲", "镁合金乙"))
    assert form.value() == draft()
    assert form.term_end_edit.text() == "2030年12月31日"
    assert form.approval_date_edit.text() == "2025年1月2日"
    assert form.party_kind_combo.currentText() == "个人"
    assert [form.achievements_list.item(i).text() for i in range(2)] == ["镁合金甲", "镁合金乙"]

    enterprise = draft(
        party_kind="enterprise", party_name="沈阳某公司", party_code=VALID_CREDIT_CODE
    )
    form.set_value(enterprise, ("镁合金甲", "镁合金乙"))
    assert form.value() == enterprise
    assert form.id_number_edit.text() == ""


def test_the_party_type_switches_the_code_field_and_keeps_what_each_holds(form) -> None:  # type: ignore[no-untyped-def]
    assert form.credit_code_edit.isVisibleTo(form)
    assert not form.id_number_edit.isVisibleTo(form)
    assert form.party_name_label.text() == "企业名称"
    form.credit_code_edit.setText(VALID_CREDIT_CODE)
    form.set_party_kind("individual")
    assert form.id_number_edit.isVisibleTo(form)
    assert not form.credit_code_edit.isVisibleTo(form)
    assert form.party_name_label.text() == "姓名"
    form.id_number_edit.setText(id_number(2))
    assert form.value().party_code == id_number(2)
    form.set_party_kind("enterprise")
    assert form.value().party_code == VALID_CREDIT_CODE


@pytest.mark.parametrize(
    ("edit_name", "field"),
    [
        ("term_start_edit", "term_start"),
        ("term_end_edit", "term_end"),
        ("signed_on_edit", "signed_on"),
        ("approval_date_edit", "approval_date"),
    ],
)
def test_a_date_that_cannot_be_read_is_refused_at_its_field(form, edit_name, field) -> None:  # type: ignore[no-untyped-def]
    getattr(form, edit_name).setText("2025年13月1日")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.field == field
    assert (
        raised.value.message
        == "“2025年13月1日”不是有效日期，请按“2026-01-05”或“2026年1月5日”的格式填写。"
    )


def test_dates_are_read_as_people_type_them(form) -> None:  # type: ignore[no-untyped-def]
    form.signed_on_edit.setText("2025/3/9")
    form.approval_date_edit.setText("２０２５年３月１０日")
    value = form.value()
    assert (value.signed_on, value.approval_date) == ("2025-03-09", "2025-03-10")


# -- the code, judged on leaving its field ----------------------------------------------------
def test_leaving_an_id_number_with_a_wrong_check_digit_shows_the_error_there(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.set_party_kind("individual")
    leave(qtbot, form.id_number_edit, id_number(1, wrong=True), form.party_name_edit)
    assert form.error_text("id_number") == "居民身份证号校验位不正确，请核对。"
    assert form.party_name_edit.hasFocus()  # the user is not pulled back
    form.id_number_edit.setFocus()
    qtbot.waitUntil(form.id_number_edit.hasFocus, timeout=5000)
    qtbot.keyClick(form.id_number_edit, Qt.Key.Key_Backspace)
    assert form.error_text("id_number") == ""  # typing again clears it
    qtbot.keyClicks(form.id_number_edit, id_number(1)[-1])
    form.party_name_edit.setFocus()
    qtbot.waitUntil(form.party_name_edit.hasFocus, timeout=5000)
    assert form.error_text("id_number") == ""
    assert form.value().party_code == id_number(1)


def test_a_right_id_number_typed_full_width_is_written_back_half_width(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.set_party_kind("individual")
    number = "11010519491231002X"
    assert id_number_check_char(number[:17]) == "X"
    form.id_number_edit.setText(number.replace("X", "x"))
    form.check_party_code("id_number")
    assert form.id_number_edit.text() == number
    assert form.error_text("id_number") == ""


def test_an_id_number_born_after_today_is_refused(form) -> None:  # type: ignore[no-untyped-def]
    form.set_party_kind("individual")
    first = "21010220260106001"
    form.id_number_edit.setText(first + id_number_check_char(first))
    form.check_party_code("id_number")
    assert form.error_text("id_number") == "居民身份证号中的出生日期晚于今天，请核对。"


def test_leaving_a_bad_credit_code_shows_the_error_at_the_credit_code(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    bad = VALID_CREDIT_CODE[:-1] + ("4" if VALID_CREDIT_CODE[-1] != "4" else "5")
    leave(qtbot, form.credit_code_edit, bad, form.party_name_edit)
    assert form.error_text("credit_code") == "统一社会信用代码校验位不正确，请核对。"
    assert form.error_text("id_number") == ""
    leave(qtbot, form.credit_code_edit, VALID_CREDIT_CODE.lower(), form.party_name_edit)
    assert form.error_text("credit_code") == ""
    assert form.credit_code_edit.text() == VALID_CREDIT_CODE


def test_leaving_an_empty_code_says_nothing(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    leave(qtbot, form.credit_code_edit, "", form.party_name_edit)
    assert form.error_text("credit_code") == ""


def test_switching_the_party_type_clears_the_code_errors(form) -> None:  # type: ignore[no-untyped-def]
    form.credit_code_edit.setText("123")
    form.check_party_code("credit_code")
    assert form.error_text("credit_code")
    form.set_party_kind("individual")
    form.set_party_kind("enterprise")
    assert form.error_text("credit_code") == ""


def test_a_code_error_from_the_service_lands_at_the_field_shown(form) -> None:  # type: ignore[no-untyped-def]
    form.set_party_kind("individual")
    assert form.show_error(ValidationError("id_number", "请填写身份证号。"))
    assert form.error_text("id_number") == "请填写身份证号。"
    form.clear_errors()
    assert form.show_error(ValidationError("scope", "请写明涉密事项的范围。"))
    assert form.error_text("scope") == "请写明涉密事项的范围。"
    assert not form.show_error(ValidationError("no_such_field", "x"))


# -- achievements -----------------------------------------------------------------------------
def test_search_results_are_added_once_and_removed(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.show_achievement_candidates([row(9, "镁合金甲"), row(4, "镁合金乙", "secret")])
    results = form.achievement_results_list
    assert [results.item(i).text() for i in range(2)] == ["镁合金甲 · 机密", "镁合金乙 · 秘密"]
    assert not form.add_achievement_button.isEnabled()
    results.setCurrentRow(1)
    assert form.add_achievement_button.isEnabled()
    qtbot.mouseClick(form.add_achievement_button, LEFT)
    qtbot.mouseClick(form.add_achievement_button, LEFT)  # the same one again: no duplicate
    assert form.level_combo.currentText() == "秘密"
    assert form.add_candidate(0)
    assert form.achievement_ids == (4, 9)
    # The 机密 achievement raises the agreement's level; nothing lowers it again.
    assert form.level_combo.currentText() == "机密"
    assert form.value().achievement_ids == (4, 9)
    assert not form.remove_achievement_button.isEnabled()
    form.achievements_list.setCurrentRow(0)
    qtbot.mouseClick(form.remove_achievement_button, LEFT)
    assert form.achievement_ids == (9,)


def test_adding_a_lower_achievement_keeps_a_higher_level(form) -> None:  # type: ignore[no-untyped-def]
    form.level_combo.setCurrentIndex(form.level_combo.findData("top_secret"))
    form.show_achievement_candidates([row(4, "镁合金乙", "secret")])
    form.add_candidate(0)
    assert form.value().level == "top_secret"


def test_an_empty_search_says_so_and_offers_nothing_to_add(form) -> None:  # type: ignore[no-untyped-def]
    form.show_achievement_candidates([])
    assert form.achievement_results_list.item(0).text() == "没有符合条件的涉密成果。"
    form.achievement_results_list.setCurrentRow(0)
    assert not form.add_candidate(0)
    assert form.achievement_ids == ()


def test_adding_an_achievement_clears_the_achievements_error(form) -> None:  # type: ignore[no-untyped-def]
    form.show_error(ValidationError("achievements", "请至少选择一项协议涵盖的成果。"))
    form.show_achievement_candidates([row(9, "镁合金甲")])
    form.add_candidate(0)
    assert form.error_text("achievements") == ""


def test_typing_a_search_asks_after_a_pause_and_return_asks_at_once(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form.achievement_search_edit.setFocus()
    with qtbot.waitSignal(form.achievement_search_requested, timeout=5000) as searched:
        qtbot.keyClicks(form.achievement_search_edit, "alloy")
    assert searched.args == ["alloy"]
    form.achievement_search_edit.setText(" Mg ")
    with qtbot.waitSignal(form.achievement_search_requested, timeout=100) as searched:
        qtbot.keyClick(form.achievement_search_edit, Qt.Key.Key_Return)
    assert searched.args == ["Mg"]
    assert not form.search_timer.isActive()

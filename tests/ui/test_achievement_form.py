"""The achievement form on its own: round trip, dependent fields, the share total, typed dates,
checking as the user types, and "unsaved changes"."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.domain.achievements import (
    AchievementDraft,
    Completer,
    IpRight,
    parse_share,
    validate_achievement,
)
from desktop.domain.people import Person
from desktop.errors import ValidationError
from desktop.ui.forms.achievement_form import (
    ERROR_COLOUR,
    AchievementForm,
    format_share,
    parse_date,
    split_keywords,
)

LEFT = Qt.MouseButton.LeftButton
PEOPLE = [
    Person(1, "张三", 2, "化学学院", "教授", "none", True),
    Person(2, "李四", 2, "化学学院", "副教授", "none", True),
    Person(3, "王五", None, "", "工程师", "none", True),
    Person(4, "赵六", 1, "科技处", "研究员", "none", False),  # has left
    Person(5, "李四", 1, "科技处", "助理研究员", "none", True),  # a second 李四
]
DEPARTMENTS = [(1, "科技处"), (2, "化学学院")]
ALL_LEVELS = ("public", "internal", "secret", "confidential", "top_secret")


def draft(**changes: object) -> AchievementDraft:
    base = AchievementDraft(
        title="一种高强韧镁合金的制备方法",
        abstract="通过微合金化与形变热处理提高强度和韧性。",
        keywords=("镁合金", "热处理"),
        kind="invention_patent",
        department_id=2,
        funding_type="vertical",
        funding_ref="2023YFB3701000",
        completers=(
            Completer(1, "lead", Decimal("60")),
            Completer(2, "member", Decimal("33.33")),
            Completer(3, "member", Decimal("6.67")),
        ),
        ip_rights=(IpRight("202310397744.0", "2023-04-14", "2024-09-20", "2043-04-13"),),
        level="internal",
        ethics_status="approved",
        ethics_approval="伦审〔2023〕12号",
        overseas=True,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def make_form(zh_app, qtbot):  # type: ignore[no-untyped-def]
    def make(levels: tuple[str, ...] = ALL_LEVELS) -> AchievementForm:
        form = AchievementForm(levels, DEPARTMENTS, PEOPLE)
        qtbot.addWidget(form)
        form.show()
        return form

    return make


def combo_texts(combo) -> list[str]:  # type: ignore[no-untyped-def]
    return [combo.itemText(i) for i in range(combo.count())]


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def row_visible(form: AchievementForm, widget) -> bool:  # type: ignore[no-untyped-def]
    return widget.parentWidget().isVisibleTo(form)


# -- round trip and labels --------------------------------------------------------------------
def test_a_draft_round_trips_and_shows_in_chinese(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    assert form.value() == draft()
    assert validate_achievement(form.value()) == draft()
    assert form.kind_combo.currentText() == "发明专利"
    assert form.department_combo.currentText() == "化学学院"
    assert form.funding_type_combo.currentText() == "纵向项目"
    assert form.keywords_edit.text() == "镁合金、热处理"
    assert form.ethics_status_combo.currentText() == "伦理审查已通过"
    person, role, share = form.completer_widgets(1)
    assert (person.currentText(), role.currentText(), share.text()) == (
        "李四 · 化学学院",
        "成员",
        "33.33",
    )
    assert form.share_total_label.text() == "合计 100.00%"
    assert form.ip_table.item(0, 2).text() == "2024-09-20"  # type: ignore[union-attr]
    assert not form.modified


def test_levels_offered_are_the_ones_given_and_the_mark_shows_only_when_classified(
    make_form,
) -> None:  # type: ignore[no-untyped-def]
    form = make_form(("public", "internal", "secret"))
    assert combo_texts(form.level_combo) == ["公开", "内部", "秘密"]
    form.set_value(draft(level="internal"))
    assert not row_visible(form, form.secrecy_mark_edit)
    choose(form.level_combo, "secret")
    assert row_visible(form, form.secrecy_mark_edit)
    assert form.secrecy_mark_edit.placeholderText() == "例如：秘密★10年"
    form.secrecy_mark_edit.setText("秘密★5年")
    assert form.value().secrecy_mark == "秘密★5年"
    choose(form.level_combo, "public")
    assert not row_visible(form, form.secrecy_mark_edit)
    assert form.value().secrecy_mark == ""  # a hidden mark is not sent
    assert form.secrecy_mark_edit.text() == "秘密★5年"  # but it is not lost either


def test_funding_reference_label_follows_the_funding_type(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    assert form.funding_ref_label.text() == "项目编号"
    choose(form.funding_type_combo, "horizontal")
    assert form.funding_ref_label.text() == "合同编号"
    assert row_visible(form, form.funding_ref_edit)
    choose(form.funding_type_combo, "self")
    assert not row_visible(form, form.funding_ref_edit)
    assert form.value().funding_ref == ""


def test_negative_list_reason_and_ethics_approval_appear_with_their_choice(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft(ethics_status="not_needed", ethics_approval=""))
    assert not row_visible(form, form.negative_list_reason_edit)
    assert not row_visible(form, form.ethics_approval_edit)
    form.negative_list_check.click()
    assert row_visible(form, form.negative_list_reason_edit)
    form.negative_list_reason_edit.setText("涉及国家安全")
    choose(form.ethics_status_combo, "approved")
    assert row_visible(form, form.ethics_approval_edit)
    value = form.value()
    assert (value.negative_list, value.negative_list_reason) == (True, "涉及国家安全")
    form.negative_list_check.click()
    assert form.value().negative_list_reason == ""


def test_the_ethics_approval_date_is_asked_only_once_approved(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft(ethics_status="pending", ethics_approval="", ethics_approved_on=None))
    assert not row_visible(form, form.ethics_approved_on_edit)
    choose(form.ethics_status_combo, "approved")
    assert row_visible(form, form.ethics_approved_on_edit)
    form.ethics_approved_on_edit.setText("2025年3月2日")
    assert form.value().ethics_approved_on == "2025-03-02"
    form.ethics_approved_on_edit.setText("2025-02-30")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.field == "ethics_approved_on" and "2026-01-05" in raised.value.message
    choose(form.ethics_status_combo, "pending")
    assert form.value().ethics_approved_on is None
    form.set_value(draft(ethics_approved_on="2024-11-08"))
    assert form.ethics_approved_on_edit.text() == "2024年11月8日"


# -- completers -------------------------------------------------------------------------------
def test_share_total_is_live_and_red_unless_exactly_100(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    assert form.completers_table.rowCount() == 1  # a new record starts with its lead
    form.set_completer(0, 1, "lead", "60")
    qtbot.mouseClick(form.add_completer_button, LEFT)
    person, _role, share = form.completer_widgets(1)
    choose(person, 2)
    qtbot.keyClicks(share, "39.5")
    assert form.share_total_label.text() == "合计 99.50%"
    assert ERROR_COLOUR in form.share_total_label.styleSheet()
    assert not form.share_total_ok
    share.selectAll()
    qtbot.keyClicks(share, "40%")
    assert form.share_total_label.text() == "合计 100.00%"
    assert form.share_total_ok
    share.setText("４０％")  # typed with a Chinese input method still on
    assert form.share_total_label.text() == "合计 100.00%"
    assert ERROR_COLOUR not in form.share_total_label.styleSheet()
    assert form.share_total_ok
    share.setText("四十")
    assert form.share_total_label.text() == "合计 —%"
    assert ERROR_COLOUR in form.share_total_label.styleSheet()


def test_a_share_that_is_not_a_number_is_an_error_at_completers(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    form.completer_widgets(0)[2].setText("六十")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert (raised.value.field, raised.value.message) == (
        "completers",
        "贡献份额“六十”不是数字。",
    )


def test_removing_the_row_being_typed_in(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    assert not form.remove_completer_button.isEnabled()
    # Focus in a cell makes its row current; "Remove" removes that row.
    form.activateWindow()
    share = form.completer_widgets(1)[2]
    share.setFocus()
    qtbot.waitUntil(lambda: form.completers_table.currentRow() == 1)
    assert form.remove_completer_button.isEnabled()
    qtbot.mouseClick(form.remove_completer_button, LEFT)
    assert [c.person_id for c in form.value().completers] == [1, 3]
    assert form.share_total_label.text() == "合计 66.67%"
    assert form.modified


def test_a_person_is_found_by_a_unique_name_and_refused_otherwise(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft(completers=(Completer(1, "lead", Decimal(100)),)))
    person = form.completer_widgets(0)[0]
    person.setEditText("王五")
    assert form.value().completers[0].person_id == 3
    person.setEditText("李四")  # two people of that name: the list entry says which
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.message == "第 1 行：“李四”不在人员名册中，请从列表中选择。"
    person.setEditText("李四 · 科技处")
    assert form.value().completers[0].person_id == 5
    person.setEditText("")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.message == "第 1 行：请选择完成人。"


def test_someone_who_has_left_is_offered_only_on_records_they_completed(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    offered = combo_texts(form.completer_widgets(0)[0])
    assert "赵六 · 科技处" not in offered
    form.set_value(draft(completers=(Completer(4, "lead", Decimal(100)),)))
    assert form.completer_widgets(0)[0].currentText() == "赵六 · 科技处"
    assert form.value().completers == (Completer(4, "lead", Decimal(100)),)


def test_an_empty_row_is_ignored(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    qtbot.mouseClick(form.add_completer_button, LEFT)
    qtbot.mouseClick(form.add_ip_button, LEFT)
    assert form.value() == draft()


# -- IP rights --------------------------------------------------------------------------------
def test_ip_dates_are_read_in_the_usual_chinese_ways(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft(ip_rights=()))
    qtbot.mouseClick(form.add_ip_button, LEFT)
    form.set_ip_cell(0, 0, "202310397744.0")
    form.set_ip_cell(0, 1, "2023年4月14日")
    form.set_ip_cell(0, 2, "2024/9/20")
    form.set_ip_cell(0, 3, "20430413")
    assert form.value().ip_rights == (
        IpRight("202310397744.0", "2023-04-14", "2024-09-20", "2043-04-13"),
    )
    form.set_ip_cell(0, 3, "")
    assert form.value().ip_rights[0].expires_on is None
    form.set_ip_cell(0, 2, "2024-02-30")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert (raised.value.field, raised.value.message) == (
        "ip_rights",
        "第 1 行：授权日“2024-02-30”不是有效日期（例如 2024-03-15）。",
    )
    form.set_ip_cell(0, 2, "")
    form.set_ip_cell(0, 0, " ")
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert raised.value.message == "第 1 行：请填写申请号或登记号。"


# -- checking as the user types ---------------------------------------------------------------
def test_an_emptied_title_is_reported_at_the_title_while_typing(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    form.title_edit.selectAll()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: form.error_text("title") == "请填写成果名称。", timeout=3000)
    qtbot.keyClicks(form.title_edit, "Mg alloy")
    qtbot.waitUntil(lambda: form.error_text("title") == "", timeout=3000)


def test_while_typing_only_the_edited_field_is_judged(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    # A new form: the title is empty and there is no completer yet; editing the funding shows
    # the funding's message and nothing about the fields the user has not reached.
    form = make_form()
    choose(form.funding_type_combo, "horizontal")
    qtbot.waitUntil(
        lambda: form.error_text("funding_ref") == "横向项目须填写合同编号。", timeout=3000
    )
    assert form.error_text("title") == ""
    assert form.error_text("completers") == ""
    qtbot.keyClicks(form.funding_ref_edit, "HX-2025-031")
    qtbot.waitUntil(lambda: form.error_text("funding_ref") == "", timeout=3000)


def test_completers_adding_to_99_are_reported_while_typing(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    share = form.completer_widgets(2)[2]
    share.selectAll()
    qtbot.keyClicks(share, "5.67")
    qtbot.waitUntil(
        lambda: form.error_text("completers") == "贡献份额合计须恰好为 100%，现为 99%。",
        timeout=3000,
    )
    assert form.error_text("title") == ""
    share.setText("6.67")
    qtbot.waitUntil(lambda: form.error_text("completers") == "", timeout=3000)


def test_a_classified_level_asks_for_its_mark_while_typing(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(draft())
    choose(form.level_combo, "confidential")
    qtbot.waitUntil(lambda: bool(form.error_text("secrecy_mark")), timeout=3000)
    assert form.error_text("secrecy_mark") == "涉密成果须填写密级标志（如“机密★10年”）。"
    form.secrecy_mark_edit.insert("机密★20年")  # QTest types only Latin-1
    qtbot.waitUntil(lambda: form.error_text("secrecy_mark") == "", timeout=3000)


def test_show_error_reaches_every_field_the_domain_and_service_name(make_form) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_value(
        draft(
            level="secret",
            secrecy_mark="秘密★10年",
            negative_list=True,
            negative_list_reason="涉及国家安全",
        )
    )
    fields = (
        "title",
        "abstract",
        "keywords",
        "kind",
        "department",
        "funding_type",
        "funding_ref",
        "completers",
        "ip_rights",
        "level",
        "secrecy_mark",
        "negative_list_reason",
        "ethics_status",
        "ethics_approval",
        "ethics_approved_on",
    )
    for field in fields:
        assert form.show_error(field, f"{field} 有误")
        assert form.error_text(field) == f"{field} 有误"
    assert not form.show_error("no_such_field", "x")
    form.clear_errors()
    assert all(form.error_text(field) == "" for field in fields)


# -- unsaved changes --------------------------------------------------------------------------
def test_modified_follows_the_typing_and_changed_is_emitted(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    assert not form.modified
    form.set_value(draft())
    assert not form.modified
    with qtbot.waitSignal(form.changed, timeout=1000):
        qtbot.keyClicks(form.title_edit, "X")
    assert form.modified
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Backspace)
    assert not form.modified  # back to what was loaded
    with qtbot.waitSignal(form.changed, timeout=1000):
        form.set_ip_cell(0, 0, "202310397744.1")
    assert form.modified
    form.mark_saved()
    assert not form.modified


# -- read-only --------------------------------------------------------------------------------
def cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_read_only_shows_every_value_and_takes_no_typing(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    record = draft(
        level="secret",
        secrecy_mark="秘密★10年",
        negative_list=True,
        negative_list_reason="涉及国家安全",
    )
    form.set_value(record)
    form.set_read_only(True)
    assert form.read_only
    lines = {
        form.title_edit: "一种高强韧镁合金的制备方法",
        form.keywords_edit: "镁合金、热处理",
        form.funding_ref_edit: "2023YFB3701000",
        form.secrecy_mark_edit: "秘密★10年",
        form.negative_list_reason_edit: "涉及国家安全",
        form.ethics_approval_edit: "伦审〔2023〕12号",
        form.kind_view: "发明专利",
        form.department_view: "化学学院",
        form.funding_type_view: "纵向项目",
        form.level_view: "秘密",
        form.ethics_status_view: "伦理审查已通过",
    }
    for edit, text in lines.items():
        assert row_visible(form, edit) and edit.isVisibleTo(form), edit.objectName()
        assert edit.isReadOnly() and edit.isEnabled()  # not greyed out
        assert edit.text() == text
        qtbot.keyClicks(edit, "9")
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        assert edit.text() == text
        edit.selectAll()
        assert edit.selectedText() == text  # still selectable, so it can be copied
    for combo in (
        form.kind_combo,
        form.department_combo,
        form.funding_type_combo,
        form.level_combo,
        form.ethics_status_combo,
    ):
        assert not combo.isVisibleTo(form)
    assert form.abstract_edit.isReadOnly()
    qtbot.keyClicks(form.abstract_edit, "9")
    assert form.abstract_edit.toPlainText() == record.abstract
    assert form.negative_list_check.isChecked() and form.overseas_check.isChecked()
    for check in (form.negative_list_check, form.overseas_check):
        before = check.isChecked()
        assert check.isEnabled()
        qtbot.mouseClick(check, LEFT)
        qtbot.keyClick(check, Qt.Key.Key_Space)
        assert check.isChecked() is before
        assert check.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert cells(form.completers_view) == [
        ["张三 · 化学学院", "负责人", "60"],
        ["李四 · 化学学院", "成员", "33.33"],
        ["王五", "成员", "6.67"],
    ]
    assert not form.completers_table.isVisibleTo(form)
    # A cell opens as read-only text: selectable, nothing typed is kept.
    for table in (form.completers_view, form.ip_table):
        table.setCurrentCell(0, 0)
        item = table.item(0, 0)
        before = item.text()
        table.editItem(item)
        editor = table.viewport().findChild(QLineEdit)
        assert editor is not None and editor.isReadOnly()
        qtbot.keyClicks(editor, "9")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert table.item(0, 0).text() == before
    qtbot.keyClicks(form.ip_table, "7")  # typing on a cell opens nothing that changes it
    assert form.ip_table.item(0, 0).text() == "202310397744.0"  # type: ignore[union-attr]
    for button in (
        form.add_completer_button,
        form.remove_completer_button,
        form.add_ip_button,
        form.remove_ip_button,
    ):
        assert not button.isVisibleTo(form)
    qtbot.wait(10)
    assert not form.live_timer.isActive()
    assert not form.modified
    assert form.value() == record


def test_read_only_follows_a_value_set_later_and_can_be_lifted(make_form, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = make_form()
    form.set_read_only(True)
    form.set_value(draft(kind="software_copyright", ip_rights=(), overseas=False))
    assert form.kind_view.text() == "软件著作权"
    assert len(cells(form.completers_view)) == 3
    form.set_value(draft(completers=(Completer(3, "lead", Decimal(100)),)))
    assert form.kind_view.text() == "发明专利"
    assert cells(form.completers_view) == [["王五", "负责人", "100"]]

    form.set_read_only(False)
    assert not form.read_only
    assert not form.title_edit.isReadOnly() and not form.abstract_edit.isReadOnly()
    assert form.kind_combo.isVisibleTo(form) and not form.kind_view.isVisibleTo(form)
    assert form.completers_table.isVisibleTo(form) and not form.completers_view.isVisibleTo(form)
    assert form.add_completer_button.isVisibleTo(form) and form.add_ip_button.isVisibleTo(form)
    assert form.overseas_check.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert form.overseas_check.isChecked()
    qtbot.mouseClick(form.overseas_check, LEFT)
    assert not form.overseas_check.isChecked()  # editable again
    qtbot.keyClicks(form.title_edit, "X")
    assert form.title_edit.text().endswith("X") and form.modified
    form.set_ip_cell(0, 0, "202310397744.1")
    assert form.value().ip_rights[0].number == "202310397744.1"


# -- helpers as properties --------------------------------------------------------------------
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=2))
def test_a_share_written_back_reads_as_the_same_share(share: Decimal) -> None:
    text = format_share(share)
    assert parse_share(text) == share
    assert not text.endswith(".") and (("." not in text) or not text.endswith("0"))


def test_the_form_reads_a_typed_date_as_iso() -> None:
    """The reading itself is desktop.domain.dates.parse_date (tested there)."""
    assert parse_date("2024年3月5日") == "2024-03-05"
    assert parse_date("") is None
    with pytest.raises(ValueError):
        parse_date("2024-02-30")


def test_keywords_are_split_on_either_comma_or_the_enumeration_comma() -> None:
    assert split_keywords("镁合金、热处理,  强韧化，；轻量化;") == (
        "镁合金",
        "热处理",
        "强韧化",
        "轻量化",
    )

"""The rights-grant draft editor on its own, in Chinese: what it prefills, the running totals,
the use right's earliest end, and the draft it gives back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop.domain.achievements import AchievementRow
from desktop.domain.rights_grants import GrantDraft, TeamShare
from desktop.errors import ValidationError
from desktop.services.rights_grants import TeamCandidate
from desktop.ui.forms.grant_form import DEFAULT_TERMS, GrantForm, read_iso_date

LEFT = Qt.MouseButton.LeftButton
TODAY = dt.date(2026, 1, 5)
CANDIDATES = [
    TeamCandidate(7, "张三", Decimal("60"), True),
    TeamCandidate(8, "李四", Decimal("33.33"), False),
    TeamCandidate(9, "王五", Decimal("6.67"), True),
]


def row(achievement_id: int, title: str) -> AchievementRow:
    return AchievementRow(
        achievement_id,
        title,
        "invention_patent",
        "registered",
        "internal",
        "化学学院",
        2025,
        "张三",
        "",
    )


@pytest.fixture
def form(zh_app, qtbot) -> GrantForm:  # type: ignore[no-untyped-def]
    form = GrantForm(TODAY)
    qtbot.addWidget(form)
    form.resize(800, 900)
    form.show()
    return form


def chosen(form: GrantForm, qtbot) -> GrantForm:  # type: ignore[no-untyped-def]
    """The form with achievement 3 chosen and its completers prefilled."""
    form.set_achievements([row(3, "一种高强度镁合金"), row(4, "一种抗菌涂层")])
    with qtbot.waitSignal(form.achievement_chosen) as chosen_signal:
        form.achievement_combo.setCurrentIndex(form.achievement_combo.findData(3))
    assert chosen_signal.args == [3]
    form.set_candidates(CANDIDATES, prefill=True)
    return form


def team_cells(form: GrantForm) -> list[list[str]]:
    table = form.team_table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_completers_are_prefilled_with_their_contributions(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    assert form.achievement_combo.currentText() == "一种高强度镁合金（发明专利 · 内部）"
    assert team_cells(form) == [
        ["张三", "60", "已登记", "60"],
        ["李四", "33.33", "未登记", "33.33"],
        ["王五", "6.67", "已登记", "6.67"],
    ]
    assert form.team_total_label.text() == "团队合计：100.00%"
    assert "color" not in form.team_total_label.styleSheet()
    assert form.kind_combo.currentText() == "所有权"
    assert form.revenue_terms_edit.toPlainText() == DEFAULT_TERMS["ownership"][0]


def test_the_running_totals_follow_the_typing(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    assert form.shares_total_label.text() == "单位 + 团队：—%"
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("69.99")
    assert form.shares_total_label.text() == "单位 + 团队：99.99%"
    assert "#b3261e" in form.shares_total_label.styleSheet()
    form.team_share_edit.setText("７０％")  # full-width, as typed with a Chinese input method
    assert form.shares_total_label.text() == "单位 + 团队：100.00%"
    assert "#b3261e" not in form.shares_total_label.styleSheet()
    form.team_table.item(2, 3).setText("6.66")
    assert form.team_total_label.text() == "团队合计：99.99%"
    assert "#b3261e" in form.team_total_label.styleSheet()
    form.team_table.item(2, 3).setText("abc")
    assert form.team_total_label.text() == "团队合计：—%"


def test_a_member_is_removed_and_all_come_back(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    assert not form.remove_member_button.isEnabled()
    form.team_table.selectRow(2)
    assert form.remove_member_button.isEnabled()
    qtbot.mouseClick(form.remove_member_button, LEFT)
    assert [cells[0] for cells in team_cells(form)] == ["张三", "李四"]
    assert form.team_total_label.text() == "团队合计：93.33%"
    qtbot.mouseClick(form.reset_team_button, LEFT)
    assert [cells[0] for cells in team_cells(form)] == ["张三", "李四", "王五"]
    assert form.team_total_label.text() == "团队合计：100.00%"


def test_ownership_draft_as_typed(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("70")
    form.overseas_check.setChecked(True)
    form.cost_terms_edit.setPlainText("年费由团队承担。")
    assert form.value() == GrantDraft(
        achievement_id=3,
        kind="ownership",
        team=(
            TeamShare(7, Decimal("60")),
            TeamShare(8, Decimal("33.33")),
            TeamShare(9, Decimal("6.67")),
        ),
        unit_share=Decimal("30"),
        team_share=Decimal("70"),
        overseas=True,
        revenue_terms=DEFAULT_TERMS["ownership"][0],
        decision_terms=DEFAULT_TERMS["ownership"][1],
        cost_terms="年费由团队承担。",
    )


def test_a_use_right_shows_its_term_and_the_earliest_end(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    assert form.unit_share_edit.isVisibleTo(form) and not form.term_start_edit.isVisibleTo(form)
    form.revenue_terms_edit.setPlainText("按约定分配。")  # the officer's own words stay
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("use_right"))
    assert not form.unit_share_edit.isVisibleTo(form)
    assert form.term_start_edit.isVisibleTo(form) and form.term_end_edit.isVisibleTo(form)
    assert form.term_start_edit.text() == "2026年1月5日"
    assert form.min_term_end_label.text() == "不少于10年：终止日不早于 2036年1月5日"
    form.term_start_edit.setText("2026-01-01")
    assert form.min_term_end_label.text() == "不少于10年：终止日不早于 2036年1月1日"
    form.term_start_edit.setText("明年")
    assert form.min_term_end_label.text() == "自起始日起不少于10年"
    form.term_start_edit.setText("2024-02-29")  # ten years on: no 29 February
    assert form.min_term_end_label.text() == "不少于10年：终止日不早于 2034年2月28日"
    form.term_start_edit.setText("9995-01-01")
    assert form.min_term_end_label.text() == "自起始日起不少于10年"
    assert form.revenue_terms_edit.toPlainText() == "按约定分配。"
    assert form.decision_terms_edit.toPlainText() == DEFAULT_TERMS["use_right"][1]

    form.term_start_edit.setText("2026年1月1日")
    form.term_end_edit.setText("2036/1/1")
    value = form.value()
    assert (value.kind, value.term_start, value.term_end) == (
        "use_right",
        "2026-01-01",
        "2036-01-01",
    )
    assert (value.unit_share, value.team_share) == (None, None)


@pytest.mark.parametrize(
    ("fill", "field", "message"),
    [
        (lambda f: f.achievement_combo.setCurrentIndex(-1), "achievement", "请选择要赋权的成果。"),
        (lambda f: f.unit_share_edit.setText("三十"), "unit_share", "比例“三十”不是数字。"),
        (lambda f: f.team_table.item(1, 3).setText(""), "team", "请填写李四的团队内份额。"),
        (
            lambda f: (
                f.kind_combo.setCurrentIndex(1),
                f.term_end_edit.setText("2036-02-30"),
            ),
            "term_end",
            "“2036-02-30”不是有效日期，请按 2026-01-05 或 2026年1月5日 填写。",
        ),
    ],
)
def test_what_cannot_be_read_is_reported_at_its_field(form, qtbot, fill, field, message) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("70")
    fill(form)
    with pytest.raises(ValidationError) as raised:
        form.value()
    assert (raised.value.field, raised.value.message) == (field, message)
    assert form.show_error(raised.value)
    assert form.fields.error_text(field) == message
    form.clear_errors()
    assert form.fields.error_text(field) == ""


def test_a_saved_draft_is_shown_for_editing_without_the_search(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    draft = GrantDraft(
        achievement_id=3,
        kind="use_right",
        team=(TeamShare(8, Decimal("100")),),
        term_start="2025-12-01",
        term_end="2035-12-01",
        revenue_terms="甲",
        decision_terms="乙",
        cost_terms=DEFAULT_TERMS["ownership"][2],  # kept as saved, though it is the other kind's
    )
    form.set_value(draft, "一种高强度镁合金", {8: "李四"})
    assert not form.search_edit.isVisibleTo(form) and not form.achievement_combo.isEnabled()
    assert form.achievement_combo.currentText() == "一种高强度镁合金"
    assert form.term_start_edit.text() == "2025年12月1日"
    assert team_cells(form) == [["李四", "", "", "100"]]
    form.set_candidates(CANDIDATES, prefill=False)  # the contributions arrive later
    assert team_cells(form) == [["李四", "33.33", "未登记", "100"]]
    assert form.value() == draft


def test_the_chosen_achievement_stays_chosen_through_a_new_search(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    chosen(form, qtbot)
    with qtbot.assertNotEmitted(form.achievement_chosen):
        form.set_achievements([row(4, "一种抗菌涂层")])
    assert form.achievement_id == 3
    assert [form.achievement_combo.itemData(i) for i in range(form.achievement_combo.count())] == [
        3,
        4,
    ]


def test_a_search_finding_one_achievement_chooses_it(form, qtbot) -> None:  # type: ignore[no-untyped-def]
    edited: list[str] = []
    form.search_edited.connect(edited.append)
    qtbot.keyClicks(form.search_edit, "Mg")
    assert edited == ["M", "Mg"]
    with qtbot.waitSignal(form.achievement_chosen) as chosen_signal:
        form.set_achievements([row(5, "Mg alloy")])
    assert chosen_signal.args == [5]


def test_read_iso_date_accepts_the_usual_ways_of_writing_a_date() -> None:
    assert read_iso_date("2026年1月5日", "x") == "2026-01-05"
    assert read_iso_date("  ", "x") is None
    with pytest.raises(ValidationError) as raised:
        read_iso_date("5.1.2026", "signed_on")
    assert raised.value.field == "signed_on"

"""The account form: Chinese role labels grouped by 三员, creatable clearances, field errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox

from desktop.domain.accounts import CLEARANCES, ROLES, UserDraft
from desktop.ui.forms.account_form import AccountForm, creatable_clearances


@pytest.fixture
def form(zh_app, qtbot) -> AccountForm:
    form = AccountForm()
    qtbot.addWidget(form)
    return form


def test_roles_are_grouped_administrators_first_with_chinese_labels(form) -> None:
    chooser = form.role_chooser
    admin = [c.text() for c in chooser.admin_box.findChildren(QCheckBox)]
    business = [c.text() for c in chooser.business_box.findChildren(QCheckBox)]
    assert admin == ["系统管理员", "安全保密管理员", "安全审计员"]
    assert business == ["成果转化专员", "科研人员", "审批人"]
    assert "三员分立" in chooser.admin_note.text()
    assert set(chooser.checks) == set(ROLES)
    assert all(c.objectName() == f"{r}_check" for r, c in chooser.checks.items())


def test_the_system_admin_can_choose_only_public_or_internal(form) -> None:
    combo = form.clearance_combo
    assert creatable_clearances() == ("public", "internal")
    assert [combo.itemData(i) for i in range(combo.count())] == ["public", "internal"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["公开", "内部"]
    assert "安全保密管理员" in form.clearance_note.text()


def test_other_clearances_can_be_offered(zh_app, qtbot) -> None:
    form = AccountForm(CLEARANCES)
    qtbot.addWidget(form)
    assert form.clearance_combo.count() == len(CLEARANCES)


def test_value_gives_the_draft_with_roles_in_canonical_order(form, qtbot) -> None:
    qtbot.keyClicks(form.login_edit, "zhang.san")
    form.display_name_edit.setText("张三")
    form.role_chooser.checks["approver"].setChecked(True)
    form.role_chooser.checks["transfer_officer"].setChecked(True)
    form.clearance_combo.setCurrentIndex(1)
    assert form.value() == UserDraft(
        "zhang.san", "张三", ("transfer_officer", "approver"), "internal"
    )


def test_set_value_round_trips(form) -> None:
    draft = UserDraft("li", "李四", ("security_auditor",), "internal")
    form.set_value(draft)
    assert form.value() == draft


@pytest.mark.parametrize("field", ["login", "display_name", "roles", "clearance"])
def test_errors_are_shown_at_their_field(form, field) -> None:
    assert form.show_error(field, "出错了。")
    assert form.error_text(field) == "出错了。"
    others = {"login", "display_name", "roles", "clearance"} - {field}
    assert all(form.error_text(f) == "" for f in others)
    form.clear_errors()
    assert form.error_text(field) == ""


def test_an_unknown_field_is_not_claimed(form) -> None:
    assert form.show_error("reason", "出错了。") is False


def test_the_single_role_note_shows_only_when_the_unit_allows_one_role(form) -> None:
    note = form.role_chooser.single_role_note
    assert not note.isVisibleTo(form)
    form.set_several_roles_allowed(False)
    assert note.isVisibleTo(form)
    assert note.text() == "本单位规定每个账户只担任一个角色。"
    form.set_several_roles_allowed(True)
    assert not note.isVisibleTo(form)

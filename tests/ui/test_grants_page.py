"""The rights-grant page in Chinese over a real vault and real services: the list, the detail,
and the proofs issue 5 asks for, driven through the page's own buttons and dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.gates import ExportCheck
from desktop.ui.grant_amendment_dialogs import ExtensionDialog, FilingStepDialog, TakeEffectDialog
from desktop.ui.grant_dialogs import (
    GrantDialog,
    ObjectionDialog,
    PublicityDialog,
    SettleObjectionDialog,
    WithdrawDialog,
)
from desktop.ui.grant_gate_dialogs import SecrecyApprovalDialog
from desktop.ui.pages.grants_page import GrantsPage, next_step
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock
from tests.ui.grants_world import GrantWorld, delete_later

LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> GrantWorld:
    return GrantWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(  # type: ignore[no-untyped-def]
    zh_app, world: GrantWorld, runner: TaskRunner, qtbot
) -> Iterator[Callable[..., GrantsPage]]:
    made: list[GrantsPage] = []

    def make(actor=None, choose_path=None) -> GrantsPage:  # type: ignore[no-untyped-def]
        page = GrantsPage(
            world.services,
            runner,
            actor or world.officer,
            today=world.today,
            choose_path=choose_path or (lambda _parent, _name: None),
        )
        qtbot.addWidget(page)
        page.resize(1280, 900)
        page.show()
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    delete_later(made)


def show(page: GrantsPage, grant_id: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.detail_shown, timeout=5000):
        page.select_grant(grant_id)


def only(parent: QWidget, kind: type[W]) -> W:
    found = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def row_texts(page: GrantsPage, row: int = 0) -> list[str]:
    return [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]


def table_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def wait_reshown(page: GrantsPage, qtbot):  # type: ignore[no-untyped-def]
    """After a dialog saved: the list reloads and the grant is shown again."""
    return qtbot.waitSignal(page.detail_shown, timeout=5000)


def fill_new_grant(dialog: GrantDialog, achievement_id: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    form = dialog.form
    qtbot.waitUntil(lambda: form.achievement_combo.findData(achievement_id) >= 0, timeout=5000)
    form.achievement_combo.setCurrentIndex(form.achievement_combo.findData(achievement_id))
    qtbot.waitUntil(lambda: form.team_table.rowCount() == 2, timeout=5000)


def rule_box(parent: QWidget, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "rule_box") is not None, timeout=5000)
    box = parent.findChild(QMessageBox, "rule_box")
    assert box is not None
    return box


# -- the list and the detail --------------------------------------------------------------------
def test_list_shows_each_grant_with_its_terms_and_next_step(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    running = world.grant(publicity="2025-12-25")
    use_right = world.grant(world.use_right(world.achievement(title="一种抗菌涂层")))
    page = make_page()
    assert page.model.rowCount() == 2
    assert page.count_label.text() == "共 2 项赋权"
    rows = {row_texts(page, r)[0]: row_texts(page, r) for r in range(2)}
    assert rows["赋权〔2026〕1号"] == [
        "赋权〔2026〕1号",
        "一种高强度镁合金",
        "所有权",
        "公示中",
        "单位 30%，团队 70%",
        "2026年1月9日",
        "公示中，2026年1月9日届满",
    ]
    assert rows["赋权〔2026〕2号"][2:] == [
        "长期使用权",
        "拟定中",
        "2025年12月1日至2035年12月1日",
        "",
        "开始公示",
    ]
    show(page, running, qtbot)
    detail = page.detail
    assert detail.header_label.text() == "赋权〔2026〕1号　一种高强度镁合金　·　公示中"
    assert detail.team_label.text() == "张三 60%、李四 40%"
    assert detail.shares_label.text() == "单位 30%，团队 70%"
    assert detail.findings_label.text() == "未发现障碍。"
    assert detail.publicity_label.text() == "2025年12月25日起公示15日，至2026年1月9日24时止"
    assert detail.period_label.text() == "15 日（单位设置，未经核实）"
    assert detail.take_effect_button.isEnabled() and not detail.publicity_button.isEnabled()
    show(page, use_right, qtbot)
    assert detail.term_label.text() == "2025年12月1日至2035年12月1日"
    assert detail.term_label.isVisibleTo(detail) and not detail.shares_label.isVisibleTo(detail)
    assert detail.publicity_label.text() == "尚未公示。"
    assert detail.publicity_button.isEnabled() and not detail.take_effect_button.isEnabled()


def test_classified_grant_shows_each_finding_with_rule_and_source_and_asks_approval(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    achievement = world.achievement(level="confidential", secrecy_mark="机密★10年")
    grant_id = world.grant(world.draft(achievement))
    page = make_page()
    show(page, grant_id, qtbot)
    detail = page.detail
    findings = detail.findings_label.text()
    assert findings.count("【不得办理】") == 3
    assert (
        "保密审批（E_SECRET_NO_APPROVAL）：该成果为机密级，赋权须经保密管理员审批并记录在案。"
        in findings
    )
    assert "依据：辽科发〔2025〕6号 第（十五）条；《科学技术保密规定》（2015）" in findings
    assert findings.count("E_CONFIDENTIALITY_AGREEMENT") == 2 and "李四" in findings
    assert detail.secrecy_label.text() == "尚未申请。"
    assert detail.secrecy_button.isEnabled()

    qtbot.mouseClick(detail.secrecy_button, LEFT)
    dialog = only(page, SecrecyApprovalDialog)
    assert "机密" in dialog.intro_label.text()
    dialog.reason_edit.setPlainText("团队在本单位继续转化")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert detail.secrecy_label.text() == "待审批（2026年1月5日申请）"
    assert not detail.secrecy_button.isEnabled()  # one request at a time


def test_a_reader_sees_the_grant_but_no_button_that_changes_it(  # type: ignore[no-untyped-def]
    make_page, world, qtbot, tmp_path
) -> None:
    grant_id = world.grant(publicity="2025-12-01")
    target = tmp_path / "赋权协议.pdf"
    page = make_page(world.reader, choose_path=lambda _parent, _name: target)
    show(page, grant_id, qtbot)
    detail = page.detail
    hidden = [
        page.new_button,
        detail.edit_button,
        detail.publicity_button,
        detail.take_effect_button,
        detail.withdraw_button,
        detail.secrecy_button,
        detail.export_button,
        detail.add_objection_button,
        detail.settle_objection_button,
        detail.extend_button,
        detail.convert_button,
        detail.filing_step_button,
    ]
    assert [b.objectName() for b in hidden if not b.isHidden()] == []
    assert detail.save_pdf_button.isVisibleTo(page) and detail.save_pdf_button.isEnabled()
    qtbot.mouseClick(detail.save_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.status_label.text() == f"已保存到 {target}", timeout=10000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "赋权〔2026〕1号" in text and "一种高强度镁合金" in text


def test_the_next_step_follows_the_grant_through_its_states(world, zh_app) -> None:  # type: ignore[no-untyped-def]
    def step_of(grant_id: int) -> str:
        return next_step(world.grants.get(world.officer, grant_id).grant, world.today())

    assert step_of(world.grant()) == "开始公示"
    ended = world.grant(world.draft(world.achievement()), publicity="2025-12-01")
    assert step_of(ended) == "办理生效"
    objection = world.grants.add_objection(
        world.officer, ended, received_on="2025-12-03", objector="", content="份额不合理"
    )
    assert step_of(ended) == "处理异议（1 项）"
    world.grants.resolve_objection(world.officer, objection, upheld=True, resolution="经核实成立")
    assert step_of(ended) == "异议成立：撤回后重新拟定"
    world.grants.withdraw(world.officer, ended, "重新拟定")
    assert step_of(ended) == "—"
    effective = world.effective(world.draft(world.achievement()))
    assert step_of(effective) == "权属变更手续待办 2 项"
    for filing in world.grants.get(world.officer, effective).grant.filings:
        world.grants.update_filing(
            world.officer,
            filing.id,
            filed_on="2026-01-05",
            notice_no="1",
            completed_on="2026-01-05",
        )
    assert step_of(effective) == "—"


# -- the proofs ---------------------------------------------------------------------------------
def test_a_negative_listed_achievement_is_refused_with_its_rule_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    achievement = world.achievement(negative_list=True, negative_list_reason="涉及国防安全")
    page = make_page()
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = only(page, GrantDialog)
    fill_new_grant(dialog, achievement, qtbot)
    dialog.form.unit_share_edit.setText("30")
    dialog.form.team_share_edit.setText("70")
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = rule_box(dialog, qtbot)
    assert "该成果已列入科技安全负面清单（涉及国防安全），暂不纳入赋权范围。" in box.text()
    assert "依据：辽科发〔2025〕6号 第（十五）条" in box.text()
    assert "E_NEGATIVE_LIST" in box.text()
    box.close()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.form.unit_share_edit.text() == "30"  # nothing typed is lost
    assert world.grants.visible(world.officer) == []
    assert page.model.rowCount() == 0


def test_a_use_right_one_day_short_of_ten_years_shows_the_error_at_the_term_end(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    achievement = world.achievement()
    page = make_page()
    dialog = page.open_new()
    fill_new_grant(dialog, achievement, qtbot)
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("use_right"))
    form.term_start_edit.setText("2026年1月1日")
    assert form.min_term_end_label.text() == "不少于10年：终止日不早于 2036年1月1日"
    form.term_end_edit.setText("2035-12-31")  # 9 years and 364 days
    dialog.save()
    qtbot.waitUntil(lambda: bool(form.fields.error_text("term_end")), timeout=5000)
    assert "终止日不得早于2036年1月1日" in form.fields.error_text("term_end")
    assert world.grants.visible(world.officer) == []

    form.term_end_edit.setText("2036-01-01")
    with wait_reshown(page, qtbot):
        dialog.save()
    (grant,) = world.grants.visible(world.officer)
    assert (grant.draft.term_start, grant.draft.term_end) == ("2026-01-01", "2036-01-01")


def test_team_shares_adding_up_to_99_99_show_the_error_at_the_team(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    achievement = world.achievement()
    page = make_page()
    dialog = page.open_new()
    fill_new_grant(dialog, achievement, qtbot)
    form = dialog.form
    form.unit_share_edit.setText("30")
    form.team_share_edit.setText("70")
    form.team_table.item(1, 3).setText("39.99")
    assert form.team_total_label.text() == "团队合计：99.99%"
    dialog.save()
    qtbot.waitUntil(lambda: bool(form.fields.error_text("team")), timeout=5000)
    assert form.fields.error_text("team") == "团队内各完成人份额合计须恰好为 100%，现为 99.99%。"
    assert world.grants.visible(world.officer) == []


def test_taking_effect_while_the_notice_runs_shows_the_rule(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(publicity="2025-12-21")  # to 2026-01-05 24:00: today
    page = make_page()
    show(page, grant_id, qtbot)
    qtbot.mouseClick(page.detail.take_effect_button, LEFT)
    dialog = only(page, TakeEffectDialog)
    assert dialog.effective_on_edit.text() == "2026年1月5日"
    qtbot.mouseClick(dialog.save_button, LEFT)
    box = rule_box(dialog, qtbot)
    assert (
        "公示期至2026年1月5日24时届满，2026年1月6日起方可生效（公示期内不得生效）。" in box.text()
    )
    assert "E_GRANT_PUBLICITY_RUNNING" in box.text()
    box.close()
    assert dialog.isVisible()
    assert world.grants.get(world.officer, grant_id).grant.status == "publicity"


def test_an_extension_is_kept_in_the_history_and_the_terms_show_the_new_end(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    grant_id = world.effective(world.use_right(world.achievement()))
    page = make_page()
    show(page, grant_id, qtbot)
    detail = page.detail
    assert detail.extend_button.isEnabled() and detail.convert_button.isEnabled()
    qtbot.mouseClick(detail.extend_button, LEFT)
    dialog = only(page, ExtensionDialog)
    assert dialog.term_label.text() == "2025年12月1日至2035年12月1日"
    dialog.new_term_end_edit.setText("2040-12-01")
    dialog.note_edit.setText("双方同意续期")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert table_rows(detail.amendments_table) == [
        [
            "赋权〔2026〕1号补1",
            "延长使用权期限",
            "2026年1月5日",
            "期限延至 2040年12月1日",
            "双方同意续期",
        ]
    ]
    assert detail.term_label.text() == "2025年12月1日至2040年12月1日"
    assert row_texts(page)[4] == "2025年12月1日至2040年12月1日"


def test_an_ownership_grant_taking_effect_lists_its_filings_and_a_step_updates_its_row(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    grant_id = world.grant(publicity="2025-12-01")
    page = make_page()
    show(page, grant_id, qtbot)
    detail = page.detail
    assert detail.filings_table.rowCount() == 0
    qtbot.mouseClick(detail.take_effect_button, LEFT)
    dialog = only(page, TakeEffectDialog)
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert detail.header_label.text().endswith("已生效（2026年1月5日起）")
    assert table_rows(detail.filings_table) == [
        ["专利权属变更", "201910123456.0", "2026年1月5日", "", "", "", "0"],
        ["专利申请权变更", "202310654321.5", "2026年1月5日", "", "", "", "0"],
    ]
    assert row_texts(page)[6] == "权属变更手续待办 2 项"
    assert not detail.filing_step_button.isEnabled()

    detail.filings_table.selectRow(1)
    qtbot.mouseClick(detail.filing_step_button, LEFT)
    step = only(page, FilingStepDialog)
    assert step.filed_on_edit.text() == "2026年1月5日"
    step.notice_no_edit.setText("2026010500001")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(step.save_button, LEFT)
    assert table_rows(detail.filings_table)[1] == [
        "专利申请权变更",
        "202310654321.5",
        "2026年1月5日",
        "2026年1月5日",
        "2026010500001",
        "",
        "0",
    ]
    assert table_rows(detail.filings_table)[0][3] == ""


def test_warnings_are_shown_after_the_grant_took_effect(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(world.draft(world.achievement(), overseas=True), publicity="2025-12-01")
    world.grants.record_export_check(
        world.officer, grant_id, ExportCheck("free", "2023年版", "2026-01-04")
    )
    page = make_page()
    show(page, grant_id, qtbot)
    assert page.detail.export_label.text() == "自由出口（目录版本：2023年版；2026年1月4日核查）"
    assert (
        "【提示】技术出口合同登记（W_EXPORT_CONTRACT_REGISTRATION）"
        in page.detail.findings_label.text()
    )
    qtbot.mouseClick(page.detail.take_effect_button, LEFT)
    dialog = only(page, TakeEffectDialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "warnings_box") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "warnings_box")
    assert box.text().startswith("赋权已生效。以下事项仍须办理：")
    assert (
        "【提示】技术出口合同登记（W_EXPORT_CONTRACT_REGISTRATION）：该技术属于自由出口技术"
        in box.text()
    )
    assert "依据：《技术进出口管理条例》（自由出口技术合同登记）" in box.text()
    box.close()


def test_a_new_grant_is_shown_once_saved(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    achievement = world.achievement()
    page = make_page()
    dialog = page.open_new()
    fill_new_grant(dialog, achievement, qtbot)
    dialog.form.unit_share_edit.setText("40")
    dialog.form.team_share_edit.setText("60")
    with wait_reshown(page, qtbot):
        dialog.save()
    assert page.detail.header_label.text() == "赋权〔2026〕1号　一种高强度镁合金　·　拟定中"
    assert page.detail.shares_label.text() == "单位 40%，团队 60%"


def test_saving_a_supplementary_agreement_pdf(make_page, world, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective(world.use_right(world.achievement()))
    world.grants.extend(world.officer, grant_id, new_term_end="2040-12-01", signed_on="2026-01-05")
    chosen: list[str] = []
    target = tmp_path / "补充协议.pdf"

    def choose(_parent: QWidget, name: str) -> Path:
        chosen.append(name)
        return target

    page = make_page(choose_path=choose)
    show(page, grant_id, qtbot)
    detail = page.detail
    assert not detail.save_amendment_pdf_button.isEnabled()
    detail.amendments_table.selectRow(0)
    assert detail.save_amendment_pdf_button.isEnabled()
    qtbot.mouseClick(detail.save_amendment_pdf_button, LEFT)
    qtbot.waitUntil(lambda: page.status_label.text() == f"已保存到 {target}", timeout=10000)
    assert chosen == ["赋权〔2026〕1号补1.pdf"]
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "补1" in text and "2040年12月1日" in text


def test_publicity_objection_and_withdrawal_through_the_page(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    page = make_page()
    show(page, grant_id, qtbot)
    detail = page.detail
    qtbot.mouseClick(detail.publicity_button, LEFT)
    publicity = only(page, PublicityDialog)
    assert publicity.period_label.text() == "15 日（单位设置，未经核实）"
    publicity.start_edit.setText("2025-12-01")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(publicity.save_button, LEFT)
    assert detail.publicity_label.text() == "2025年12月1日起公示15日，至2025年12月16日24时止"
    assert row_texts(page)[6] == "办理生效"

    qtbot.mouseClick(detail.add_objection_button, LEFT)
    objection = only(page, ObjectionDialog)
    objection.received_on_edit.setText("2025-12-03")
    objection.content_edit.setPlainText("团队份额分配不合理")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(objection.save_button, LEFT)
    assert table_rows(detail.objections_table) == [
        ["2025年12月3日", "（匿名）", "团队份额分配不合理", "待处理", "", ""]
    ]
    assert row_texts(page)[6] == "处理异议（1 项）"

    assert not detail.settle_objection_button.isEnabled()
    detail.objections_table.selectRow(0)
    assert detail.settle_objection_button.isEnabled()
    qtbot.mouseClick(detail.settle_objection_button, LEFT)
    settle = only(page, SettleObjectionDialog)
    settle.upheld_radio.setChecked(True)
    settle.resolution_edit.setPlainText("经核实，份额未经团队全体成员确认")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(settle.save_button, LEFT)
    assert table_rows(detail.objections_table)[0][3:] == [
        "成立",
        "2026年1月5日",
        "经核实，份额未经团队全体成员确认",
    ]
    assert row_texts(page)[6] == "异议成立：撤回后重新拟定"

    qtbot.mouseClick(detail.withdraw_button, LEFT)
    withdraw = only(page, WithdrawDialog)
    withdraw.reason_edit.setText("份额需重新商定")
    with wait_reshown(page, qtbot):
        qtbot.mouseClick(withdraw.save_button, LEFT)
    assert detail.header_label.text().endswith("已撤回")
    assert not detail.withdraw_button.isEnabled() and not detail.take_effect_button.isEnabled()


def test_a_draft_is_edited_from_the_page(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    page = make_page()
    show(page, grant_id, qtbot)
    qtbot.mouseClick(page.detail.edit_button, LEFT)
    dialog = only(page, GrantDialog)
    dialog.form.unit_share_edit.setText("45")
    dialog.form.team_share_edit.setText("55")
    with wait_reshown(page, qtbot):
        dialog.save()
    assert page.detail.shares_label.text() == "单位 45%，团队 55%"
    assert row_texts(page)[4] == "单位 45%，团队 55%"


# -- screenshots --------------------------------------------------------------------------------
def test_screenshots(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Not a check: pictures of the page, the form and a step dialog in Chinese, for people."""
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grant(world.draft(achievement, overseas=True), publicity="2025-12-25")
    world.grants.add_objection(
        world.officer, grant_id, received_on="2025-12-28", objector="王五", content="份额不合理"
    )
    world.grant(world.use_right(world.achievement(title="一种抗菌涂层")))
    page = make_page()
    show(page, grant_id, qtbot)
    Path("/tmp/shots").mkdir(exist_ok=True)
    label = page.detail.findings_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    assert page.grab().save("/tmp/shots/grants-page.png")
    page.detail.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert page.detail.grab().save("/tmp/shots/grants-page-publicity.png")

    fresh = world.achievement(title="一种低温固化粉末涂料")
    dialog = page.open_new()
    dialog.resize(820, 900)
    fill_new_grant(dialog, fresh, qtbot)
    dialog.form.unit_share_edit.setText("30")
    dialog.form.team_share_edit.setText("70")
    QApplication.processEvents()
    assert dialog.grab().save("/tmp/shots/grants-form.png")
    dialog.form.kind_combo.setCurrentIndex(1)
    QApplication.processEvents()
    assert dialog.grab().save("/tmp/shots/grants-form-use-right.png")
    dialog.reject()

    effective = world.effective(world.draft(world.achievement(title="一种镁合金热处理工艺")))
    filing = world.grants.get(world.officer, effective).grant.filings[0]
    world.grants.update_filing(
        world.officer,
        filing.id,
        filed_on="2026-01-05",
        notice_no="2026010500001",
        completed_on=None,
    )
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        page.reload()
    show(page, effective, qtbot)
    page.detail.tabs.setCurrentIndex(3)
    page.detail.filings_table.selectRow(1)
    QApplication.processEvents()
    assert page.grab().save("/tmp/shots/grants-page-filings.png")

    show(page, grant_id, qtbot)
    page.detail.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.detail.export_button, LEFT)
    step = page.findChild(QWidget, "export_check_dialog")
    step.category_combo.setCurrentIndex(1)
    QApplication.processEvents()
    assert step.grab().save("/tmp/shots/grants-step-export.png")
    step.reject()

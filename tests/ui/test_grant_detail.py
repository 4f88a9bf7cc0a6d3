"""The detail of one rights grant, shown from real service views: what each state shows and
which buttons it leaves usable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.rights_grants import ChangeFiling
from desktop.ui.pages.grant_detail import GrantDetail, filing_age
from tests.support import FixedClock
from tests.ui.grants_world import GrantWorld, delete_later

TODAY = dt.date(2026, 1, 5)


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> GrantWorld:
    return GrantWorld(unlocked[0], clock)


@pytest.fixture
def detail(zh_app, qtbot):  # type: ignore[no-untyped-def]
    widget = GrantDetail(can_edit=True)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    delete_later([widget])


def rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_nothing_chosen_shows_nothing_and_offers_nothing(detail) -> None:  # type: ignore[no-untyped-def]
    assert detail.header_label.text() == "请在列表中选择一项赋权。"
    assert not detail.tabs.isEnabled()
    for button in (detail.edit_button, detail.take_effect_button, detail.save_pdf_button):
        assert not button.isEnabled()


def test_a_converted_use_right_shows_ownership_and_its_history(  # type: ignore[no-untyped-def]
    detail, world: GrantWorld
) -> None:
    grant_id = world.effective(world.use_right(world.achievement()))
    world.grants.extend(
        world.officer, grant_id, new_term_end="2040-12-01", signed_on="2026-01-05", note="续期"
    )
    world.grants.convert(
        world.officer,
        grant_id,
        unit_share=Decimal(20),
        team_share=Decimal(80),
        signed_on="2026-01-05",
    )
    detail.show_view(world.grants.get(world.officer, grant_id), 15, TODAY)
    assert detail.kind_label.text() == "所有权（2026年1月5日由长期使用权变更）"
    assert detail.shares_label.text() == "单位 20%，团队 80%"
    assert detail.shares_label.isVisibleTo(detail) and not detail.term_label.isVisibleTo(detail)
    assert rows(detail.amendments_table) == [
        ["赋权〔2026〕1号补1", "延长使用权期限", "2026年1月5日", "期限延至 2040年12月1日", "续期"],
        [
            "赋权〔2026〕1号补2",
            "长期使用权变更为所有权",
            "2026年1月5日",
            "变更为所有权：单位 20%，团队 80%",
            "",
        ],
    ]
    assert detail.findings_label.text() == "已在赋权生效时审查。"
    # Ownership now: no further extension or conversion.
    assert not detail.extend_button.isEnabled() and not detail.convert_button.isEnabled()
    assert detail.filings_table.rowCount() == 2


def test_a_withdrawn_grant_offers_no_step(detail, world: GrantWorld) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant(world.draft(world.achievement(), overseas=True))
    world.grants.withdraw(world.officer, grant_id, "份额需重新商定")
    detail.show_view(world.grants.get(world.officer, grant_id), 15, TODAY)
    assert detail.header_label.text().endswith("已撤回")
    assert detail.findings_label.text() == "已撤回：份额需重新商定"
    assert detail.export_label.text() == "尚未核查。"
    for button in (
        detail.edit_button,
        detail.publicity_button,
        detail.take_effect_button,
        detail.withdraw_button,
        detail.export_button,
        detail.save_pdf_button,
        detail.add_objection_button,
    ):
        assert not button.isEnabled(), button.objectName()


def test_the_unit_period_is_shown_before_the_publicity(detail, world: GrantWorld) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.grant()
    detail.show_view(world.grants.get(world.officer, grant_id), 20, TODAY)
    assert detail.period_label.text() == "20 日（单位设置，未经核实）"
    assert detail.unit_publicity_days == 20
    assert detail.secrecy_label.text() == "不涉密，无需保密审批。"
    assert not detail.secrecy_button.isEnabled()
    assert detail.export_label.text() == "不涉及境外当事人，无需技术出口核查。"


def test_a_filing_counts_its_days_until_it_is_completed() -> None:
    filing = ChangeFiling(1, "patent_right", "201910123456.0", "2026-01-05")
    assert filing_age(filing, dt.date(2026, 2, 4)) == 30
    done = ChangeFiling(
        1, "patent_right", "201910123456.0", "2026-01-05", "2026-01-06", "1", "2026-01-15"
    )
    assert filing_age(done, dt.date(2026, 2, 4)) == 10


def test_a_reader_gets_no_button_that_changes_the_grant(zh_app, qtbot, world: GrantWorld) -> None:  # type: ignore[no-untyped-def]
    reader = GrantDetail(can_edit=False)
    qtbot.addWidget(reader)
    reader.show()
    reader.show_view(world.grants.get(world.officer, world.grant()), 15, TODAY)
    visible = [
        b.objectName() for b in reader.findChildren(type(reader.edit_button)) if not b.isHidden()
    ]
    assert visible == ["save_pdf_button", "save_amendment_pdf_button"]
    delete_later([reader])

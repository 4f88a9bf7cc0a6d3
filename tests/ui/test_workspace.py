"""The workspace: which pages a role sees, and the to-do list opening the record it is about."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.services.bundle import Services, build_services
from desktop.ui.prefs import Preferences
from desktop.ui.tasks import TaskRunner
from desktop.ui.workspace import Workspace
from tests.support import TEST_KDF, FixedClock
from tests.unit.services.test_transformations import World


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    return World(unlocked[0], clock)


@pytest.fixture
def make_workspace(zh_app, qtbot, world: World, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    runners: list[TaskRunner] = []

    def make(actor: User) -> Workspace:
        services: Services = build_services(world.vault, now=world.clock, kdf=lambda: TEST_KDF)
        runner = TaskRunner()
        runners.append(runner)
        workspace = Workspace(services, runner, Preferences(tmp_path / "prefs.json"), actor)
        qtbot.addWidget(workspace)
        workspace.resize(1200, 700)
        workspace.show()
        return workspace

    yield make
    for runner in runners:
        runner.wait()


def titles(workspace: Workspace) -> list[str]:
    return [workspace.nav.item(i).text() for i in range(workspace.nav.count())]


def test_an_officer_sees_grants_agreements_and_the_to_do_list(make_workspace, world: World) -> None:  # type: ignore[no-untyped-def]
    names = titles(make_workspace(world.officer))
    assert {"赋权", "保密协议", "待办"} <= set(names)
    assert names.index("赋权") < names.index("保密协议") < names.index("待办")


def test_the_system_administrator_sees_no_agreements(make_workspace, unlocked) -> None:  # type: ignore[no-untyped-def]
    names = titles(make_workspace(unlocked[1]))
    assert "保密协议" not in names and "赋权" in names


def test_the_to_do_list_opens_the_grant_and_the_agreement(
    make_workspace, world: World, qtbot
) -> None:  # type: ignore[no-untyped-def]
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    world.grants.start_publicity(world.officer, grant_id, "2025-12-01")
    world.approve_secrecy(grant_id)
    for person in (world.zhang, world.li):
        world.confidentiality(achievement, person, level="secret", term_end="2026-01-20")
    world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    workspace = make_workspace(world.officer)
    todo = workspace.todo_page
    assert todo is not None
    workspace.show_page(workspace.index_of(todo))
    qtbot.waitUntil(lambda: todo.table.model().rowCount() == 4, timeout=5000)
    kinds = {todo.table.model().index(r, 0).data() for r in range(4)}
    assert kinds == {"权属变更手续", "保密协议到期"}

    todo.open_requested.emit("rights_grant", grant_id)
    grants = workspace.grants_page
    assert grants is not None and workspace.current_index == workspace.index_of(grants)
    qtbot.waitUntil(
        lambda: grants.current_grant is not None and grants.current_grant.id == grant_id,
        timeout=5000,
    )
    agreement_id = world.agreements.visible(world.officer)[0].id
    todo.open_requested.emit("confidentiality", agreement_id)
    page = workspace.confidentiality_page
    assert page is not None and workspace.current_index == workspace.index_of(page)
    qtbot.waitUntil(
        lambda: page.current_agreement is not None and page.current_agreement.id == agreement_id,
        timeout=5000,
    )


def test_an_officer_sees_the_transformation_pages(make_workspace, world: World) -> None:  # type: ignore[no-untyped-def]
    names = titles(make_workspace(world.officer))
    assert {"成果转化", "单列管理台账", "奖励", "合作方"} <= set(names)


def test_the_to_do_list_opens_a_transformation_whose_notice_ended(
    make_workspace, world: World, qtbot
) -> None:  # type: ignore[no-untyped-def]
    deals = world
    tid = deals.transformations.create(world.officer, deals.contract())
    deals.transformations.record_appraisal(
        world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05"
    )
    deals.transformations.start_notice(world.officer, tid, "2025-12-01")
    workspace = make_workspace(world.officer)
    todo = workspace.todo_page
    assert todo is not None
    workspace.show_page(workspace.index_of(todo))
    qtbot.waitUntil(lambda: todo.table.model().rowCount() == 1, timeout=5000)
    assert todo.table.model().index(0, 0).data() == "定价公示期满"
    todo.open_requested.emit("transformation", tid)
    page = workspace.transformations_page
    assert page is not None and workspace.current_index == workspace.index_of(page)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == tid, timeout=5000)


def test_the_settings_page_opens_the_holiday_table(make_workspace, unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.calendar_dialog import CalendarDialog

    workspace = make_workspace(unlocked[1])
    settings = workspace.settings_page
    assert settings.calendar_button.isVisibleTo(settings)
    settings.calendar_button.click()
    qtbot.waitUntil(lambda: settings.findChild(CalendarDialog) is not None, timeout=5000)
    settings.findChild(CalendarDialog).close()


def test_the_filings_page_is_there_for_those_who_read_filings(
    make_workspace, world: World, unlocked
) -> None:  # type: ignore[no-untyped-def]
    import os

    from db import users
    from desktop.domain.accounts import UserDraft

    officer = make_workspace(world.officer)
    assert "报送" in titles(officer)
    assert officer.filings_page is not None
    officer.show_page(officer.index_of(officer.filings_page))
    assert officer.stack.currentWidget() is officer.filings_page
    if os.environ.get("TD_SHOTS"):
        officer.grab().save(os.path.join(os.environ["TD_SHOTS"], "workspace-filings.png"))
    with world.vault.transaction() as conn:
        users.insert_user(
            conn, "r1", UserDraft("res", "研", ("researcher",), "public"), created_at="t"
        )
        researcher = users.get(conn, "r1")
    assert researcher is not None
    assert "报送" not in titles(make_workspace(researcher))

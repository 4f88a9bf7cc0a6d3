"""The to-do page (待办), in Chinese, over a real vault and the real services (the clock says
2026-01-05): an ownership grant's open change filings with their age, agreements ending soon,
opening a record, the empty state."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import Qt

from db import achievements, people, users
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer, IpRight
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.identifiers import id_number_check_char
from desktop.domain.people import PersonDraft
from desktop.domain.rights_grants import GrantDraft, TeamShare
from desktop.domain.todo import TodoItem
from desktop.services.bundle import Services
from desktop.ui.pages.todo_page import TodoPage
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock

LEFT = Qt.MouseButton.LeftButton
KIND, RECORD, WHAT, SINCE, AGE = range(5)


def id_number(serial: int) -> str:
    first = f"21010219800101{serial:03d}"
    return first + id_number_check_char(first)


def make_user(vault: Vault, name: str, roles: tuple[str, ...]) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(
            conn, user_id, UserDraft(name, name, roles, "top_secret"), created_at="2026-01-05"
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    clock: FixedClock
    services: Services
    officer: User
    researcher: User
    zhang: int
    li: int

    def achievement(self, title: str, *, level: str = "public", mark: str = "") -> int:
        draft = AchievementDraft(
            title=title,
            abstract="",
            keywords=(),
            kind="invention_patent",
            department_id=None,
            funding_type="self",
            funding_ref="",
            completers=(
                Completer(self.zhang, "lead", Decimal(60)),
                Completer(self.li, "member", Decimal(40)),
            ),
            ip_rights=(
                IpRight("201910123456.0", "2019-01-01", "2021-05-01")
                if level == "public"
                else IpRight("201910123457.9", "2019-01-01", "2021-05-01"),
            ),
            level=level,
            secrecy_mark=mark,
        )
        with self.vault.transaction() as conn:
            return achievements.insert_achievement(
                conn, draft, created_by=self.officer.id, created_at="2026-01-01T00:00:00"
            )

    def effective_ownership_grant(self) -> int:
        """Drafted, publicised from 2025-12-15 and in effect today: its change filing opens."""
        grants = self.services.grants
        achievement = self.achievement("一种高强度镁合金")
        grant_id = grants.create(
            self.officer,
            GrantDraft(
                achievement_id=achievement,
                kind="ownership",
                team=(TeamShare(self.zhang, Decimal(60)), TeamShare(self.li, Decimal(40))),
                unit_share=Decimal(30),
                team_share=Decimal(70),
                revenue_terms="转化收益按共有份额分配。",
                decision_terms="重大事项由双方协商一致决定。",
                cost_terms="专利年费由团队承担。",
            ),
        )
        grants.start_publicity(self.officer, grant_id, "2025-12-15")
        assert grants.take_effect(self.officer, grant_id, "2026-01-05") == []
        return grant_id

    def agreement_ending(self, term_end: str) -> int:
        achievement = self.achievement("一种雷达隐身涂层", level="confidential", mark="机密★10年")
        return self.services.confidentiality.create(
            self.officer,
            ConfidentialityDraft(
                party_kind="individual",
                party_name="张三",
                party_code=id_number(1),
                achievement_ids=(achievement,),
                level="confidential",
                scope="涂层配方",
                term_start="2025-01-01",
                term_end=term_end,
                obligations="不得向第三方披露。",
                signed_on="2025-01-01",
                approval_body="省国家保密局",
                approval_date="2025-01-02",
                approval_doc_no="辽保〔2025〕1号",
            ),
        )


@pytest.fixture
def world(zh_app, unlocked: tuple[Vault, User], clock: FixedClock) -> World:  # type: ignore[no-untyped-def]
    vault, _ = unlocked
    services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
    officer = make_user(vault, "刘专员", ("transfer_officer",))
    researcher = make_user(vault, "周研究员", ("researcher",))
    with vault.transaction() as conn:
        zhang = people.insert_person(
            conn, PersonDraft("张三", None, "研究员", "none", id_number(1))
        )
        li = people.insert_person(conn, PersonDraft("李四", None, "副研究员", "none", id_number(2)))
    return World(vault, clock, services, officer, researcher, zhang, li)


PageFactory = Callable[..., TodoPage]


@pytest.fixture
def make_page(world: World, qtbot) -> Iterator[PageFactory]:  # type: ignore[no-untyped-def]
    made: list[tuple[TodoPage, TaskRunner]] = []

    def make(actor: User | None = None) -> TodoPage:
        runner = TaskRunner()
        page = TodoPage(world.services.todo, runner, actor or world.officer)
        qtbot.addWidget(page)
        page.resize(1100, 400)
        page.show()
        made.append((page, runner))
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        return page

    yield make
    for _, runner in made:
        runner.wait()
    qtbot.wait(1)
    for page, _ in made:
        shiboken6.delete(page)


def cells(page: TodoPage, row: int = 0) -> list[str]:
    model = page.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_an_open_change_filing_is_listed_with_its_age(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.effective_ownership_grant()
    page = make_page()
    assert page.model.rowCount() == 1
    assert cells(page) == [
        "权属变更手续",
        "赋权〔2026〕1号 一种高强度镁合金",
        "专利权转移登记（专利权属变更） 201910123456.0：待提交",
        "2026年1月5日",
        "已 0 天",
    ]
    assert page.summary_label.text() == "共 1 项待办"
    assert page.table.isVisible() and not page.empty_label.isVisible()

    world.clock.advance(dt.timedelta(days=12))
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(page.refresh_button, LEFT)
    assert cells(page)[SINCE] == "2026年1月5日"
    assert cells(page)[AGE] == "已 12 天"


def test_filed_but_not_completed_stays_until_it_is_done(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective_ownership_grant()
    (filing,) = world.services.grants.get(world.officer, grant_id).grant.filings
    world.services.grants.update_filing(
        world.officer, filing.id, filed_on="2026-01-05", notice_no="", completed_on=None
    )
    page = make_page()
    assert cells(page)[WHAT].endswith("已提交，待办结")
    world.services.grants.update_filing(
        world.officer,
        filing.id,
        filed_on="2026-01-05",
        notice_no="2026010500001",
        completed_on="2026-01-05",
    )
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        page.reload()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and not page.table.isVisible()


def test_items_keep_the_services_order_overdue_first(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.agreement_ending("2026-01-15")
    world.effective_ownership_grant()
    world.clock.advance(dt.timedelta(days=3))
    page = make_page()
    assert [cells(page, r)[KIND] for r in range(2)] == ["权属变更手续", "保密协议到期"]
    assert [cells(page, r)[AGE] for r in range(2)] == ["已 3 天", "还剩 7 天"]
    assert cells(page, 1)[SINCE] == "2026年1月15日到期"
    assert [i.kind for i in page.items] == [
        i.kind for i in world.services.todo.items(world.officer)
    ]


def test_double_click_or_open_asks_for_the_record(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    grant_id = world.effective_ownership_grant()
    agreement_id = world.agreement_ending("2026-01-20")
    page = make_page()
    assert not page.open_button.isEnabled()
    page.select_row(0)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_requested, timeout=1000) as opened:
        qtbot.mouseClick(page.open_button, LEFT)
    assert opened.args == ["rights_grant", grant_id]
    with qtbot.waitSignal(page.open_requested, timeout=1000) as opened:
        page.table.doubleClicked.emit(page.model.index(1, RECORD))
    assert opened.args == ["confidentiality", agreement_id]


def test_nothing_due_shows_the_empty_state(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.agreement_ending("2030-12-31")  # far from its end: nothing to do yet
    page = make_page()
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.empty_label.text().startswith("暂无待办")
    assert not page.table.isVisible()
    assert page.summary_label.text() == ""
    assert not page.open_button.isEnabled()


def test_a_role_that_sees_neither_grants_nor_agreements_has_nothing_to_do(  # type: ignore[no-untyped-def]
    make_page, world
) -> None:
    world.effective_ownership_grant()
    page = make_page(world.researcher)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()


@pytest.mark.parametrize(
    ("kind", "age", "text"),
    [
        ("change_filing", 0, "已 0 天"),
        ("objection_open", 3, "已 3 天"),
        ("grant_ready", 40, "已 40 天"),
        ("agreement_expiring", -30, "还剩 30 天"),
        ("agreement_expiring", -1, "还剩 1 天"),
        ("agreement_expiring", 0, "今天到期"),
    ],
)
def test_age_text(make_page, world, kind, age, text) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    item = TodoItem(kind, "t", "d", "rights_grant", 1, "2026-01-05", age, "public")
    assert page.age_text(item) == text

"""The separate ledger page, in Chinese, over a real vault and the real services (the clock starts
on 2026-01-05): totals per year, achievement and department with the reconciliation line, the
overdue receivables, the empty ledger, a ledger that does not reconcile, and a reader below the
contract's level."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
import sqlalchemy as sa
from PySide6.QtCore import Qt

from db import unit, users
from db.schema import ledger_lines
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.transformations import EquityTerms, Installment, LicenceTerms, PayLaterTerms
from desktop.services.bundle import Services
from desktop.ui.pages.ledger_page import LedgerPage
from desktop.ui.tasks import TaskRunner
from tests.support import TEST_KDF, FixedClock
from tests.unit.services.test_transformations import World, credit_code

LEFT = Qt.MouseButton.LeftButton


class LedgerWorld(World):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.services: Services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)

    def signed(self, *achievements: int, on: str = "2026-01-21", **changes: object) -> int:
        """A negotiated transfer, noticed from 5 Jan 2026 and signed on ``on``."""
        t = self.transformations
        tid = t.create(self.officer, self.contract(*achievements, **changes))
        t.record_appraisal(self.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
        t.start_notice(self.officer, tid, "2026-01-05")
        self.go(on)
        t.close_notice(self.officer, tid, on)
        t.sign(self.officer, tid, on)
        return tid


@pytest.fixture
def world(zh_app, unlocked: tuple[Vault, User], clock: FixedClock) -> LedgerWorld:  # type: ignore[no-untyped-def]
    return LedgerWorld(unlocked[0], clock)


PageFactory = Callable[..., LedgerPage]


@pytest.fixture
def make_page(world: LedgerWorld, qtbot) -> Iterator[PageFactory]:  # type: ignore[no-untyped-def]
    made: list[tuple[LedgerPage, TaskRunner]] = []

    def make(actor: User | None = None) -> LedgerPage:
        runner = TaskRunner()
        page = LedgerPage(
            world.services,
            runner,
            actor or world.officer,
            today=lambda: world.clock().date(),
        )
        qtbot.addWidget(page)
        page.resize(1100, 600)
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


def rows(page: LedgerPage) -> list[list[str]]:
    return [page.totals_row(r) for r in range(page.totals_model.rowCount())]


def choose(page: LedgerPage, qtbot, code: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        page.group_combo.setCurrentIndex(page.group_combo.findData(code))


def test_totals_per_year_reconcile_with_the_entries(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    tid = world.signed(price_fen=500_000_00)
    world.transformations.record_money(
        world.officer, tid, kind="receipt", amount_fen=120_000_00, on="2026-01-21"
    )
    world.transformations.record_money(
        world.officer, tid, kind="payment", amount_fen=3_456_78, on="2026-01-21"
    )
    page = make_page()
    assert page.group_combo.currentText() == "年份"
    headers = [
        page.totals_model.horizontalHeaderItem(c).text()
        for c in range(page.totals_model.columnCount())
    ]
    assert headers == ["年份", "应收（元）", "收款（元）", "支出（元）", "股权（元）"]
    assert rows(page) == [
        ["2026", "500,000.00", "120,000.00", "3,456.78", "0.00"],
        ["合计", "500,000.00", "120,000.00", "3,456.78", "0.00"],
    ]
    assert page.reconcile_label.text() == (
        "合计与 3 笔台账记录核对一致：应收 500,000.00 元，收款 120,000.00 元，"
        "支出 3,456.78 元，股权 0.00 元。"
    )
    assert page.reconcile_label.property("reconciled") is True
    assert page.overdue_label.text() == "没有逾期的应收款。"
    assert not page.overdue_table.isVisible()


def test_per_achievement_the_split_adds_up_to_the_contract(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = [world.achievement(title=f"成果{n}", ip_rights=()) for n in ("甲", "乙", "丙")]
    world.signed(*ids, price_fen=100_000_01)
    other = world.achievement(title="成果丁", ip_rights=())
    world.signed(other, price_fen=1_00)
    page = make_page()
    choose(page, qtbot, "achievement")
    assert page.totals_model.horizontalHeaderItem(0).text() == "科技成果"
    assert rows(page) == [
        ["成果甲", "33,340.01", "0.00", "0.00", "0.00"],  # 33.34% and the fen left over
        ["成果乙", "33,330.00", "0.00", "0.00", "0.00"],  # 33.33%
        ["成果丙", "33,330.00", "0.00", "0.00", "0.00"],
        ["成果丁", "1.00", "0.00", "0.00", "0.00"],
        ["合计", "100,001.01", "0.00", "0.00", "0.00"],
    ]
    assert page.reconcile_label.text().startswith("合计与 2 笔台账记录核对一致：应收 100,001.01 元")


def test_per_department(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    with world.vault.read() as conn:
        departments = dict((name, i) for i, name in unit.department_choices(conn))
    chemistry = world.achievement(department_id=departments["化学学院"], ip_rights=())
    world.signed(chemistry, price_fen=80_000_00)
    world.signed(world.achievement(ip_rights=()), price_fen=20_000_00)
    page = make_page()
    choose(page, qtbot, "department")
    assert rows(page) == [
        ["（未设部门）", "20,000.00", "0.00", "0.00", "0.00"],
        ["化学学院", "80,000.00", "0.00", "0.00", "0.00"],
        ["合计", "100,000.00", "0.00", "0.00", "0.00"],
    ]
    assert page.reconcile_label.property("reconciled") is True


def test_overdue_receivables_are_listed_with_how_late_they_are(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    licence = LicenceTerms("ordinary", "2026-02-01", "2031-01-31", "辽宁省")
    terms = PayLaterTerms(
        12,
        (
            Installment(200_000_00, "after_effect", months=12),
            Installment(300_000_00, "after_revenue", months=6),
        ),
    )
    tid = world.signed(form="pay_later", licence=licence, pay_later=terms)
    world.transformations.record_revenue_start(world.officer, tid, "2026-01-21")
    world.go("2026-08-01")
    world.transformations.record_money(
        world.officer, tid, kind="receipt", amount_fen=100_000_00, on="2026-08-01"
    )
    page = make_page()
    assert page.overdue_model.rowCount() == 1
    assert page.overdue_row(0) == [
        "一种高强度镁合金专利转让合同",
        "沈阳第1科技有限公司",
        "2026年7月21日",
        "300,000.00",
        "100,000.00",
        "200,000.00",
        "已逾期 11 天",
    ]
    assert page.overdue_label.text() == "逾期应收款 1 笔，未收回 200,000.00 元"
    assert page.overdue_table.isVisible()
    # paid in full: nothing overdue any more
    world.transformations.record_money(
        world.officer, tid, kind="receipt", amount_fen=200_000_00, on="2026-08-01"
    )
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        qtbot.mouseClick(page.refresh_button, LEFT)
    assert page.overdue_model.rowCount() == 0
    assert page.overdue_label.text() == "没有逾期的应收款。"


def test_the_equity_held_is_registered(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.signed(
        form="equity",
        title="镁合金专利作价投资协议",
        price_fen=3_000_000_00,
        equity=EquityTerms("辽宁镁材有限公司", 1_000_000),
    )
    page = make_page()
    assert rows(page)[-1] == ["合计", "0.00", "0.00", "0.00", "3,000,000.00"]
    assert page.equity_model.rowCount() == 1
    assert page.equity_row(0) == [
        "镁合金专利作价投资协议",
        "辽宁镁材有限公司，1000000股",
        "3,000,000.00",
        "2026年1月21日",
    ]
    assert page.equity_label.text() == "通过成果转化持有股权 1 项，作价合计 3,000,000.00 元"
    assert page.equity_table.isVisible()


def test_an_empty_ledger(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.transformations.create(world.officer, world.contract())  # not signed: nothing booked
    page = make_page()
    assert rows(page) == []
    assert page.reconcile_label.text() == "单列管理台账中尚无记录。"
    assert page.overdue_label.text() == "没有逾期的应收款。"
    assert page.equity_label.text() == "单位尚未通过成果转化持有股权。"
    assert not page.equity_table.isVisible() and not page.overdue_table.isVisible()


def test_a_ledger_that_does_not_reconcile_says_so(make_page, world) -> None:  # type: ignore[no-untyped-def]
    tid = world.signed(price_fen=500_000_00)
    (entry,) = world.transformations.get(world.officer, tid).entries
    with world.vault.transaction() as conn:  # a line lost behind the program's back
        conn.execute(sa.delete(ledger_lines).where(ledger_lines.c.entry_id == entry.id))
    page = make_page()
    assert page.reconcile_label.property("reconciled") is False
    assert page.reconcile_label.text() == (
        "合计与台账记录不一致（应收：汇总 0.00，台账记录 500,000.00），请核查台账。"
    )


def test_a_reader_below_the_contract_s_level_sees_none_of_it(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.signed(price_fen=10_00)
    t = world.transformations
    secret = world.achievement(level="secret", secrecy_mark="秘密★5年", ip_rights=())
    party = world.party(name="沈阳保密合作有限公司")
    tid = t.create(world.officer, world.contract(secret, counterparty_id=party, price_fen=90_00))
    request = t.request_secrecy_approval(world.officer, tid, "合作需要")
    world.approvals.decide(world.secrecy, request.id, approve=True, note="同意")
    world.agreements.create(
        world.officer,
        ConfidentialityDraft(
            "enterprise", "沈阳保密合作有限公司", credit_code(world.serial), (secret,), "secret",
            "配方", "2025-01-01", "2030-12-31", "不得披露。", "2025-01-01", "省国家保密局",
            "2025-01-02", "辽保〔2025〕1号",
        ),
    )  # fmt: skip
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-21")
    t.start_notice(world.officer, tid, "2026-01-21")
    world.go("2026-02-10")
    t.close_notice(world.officer, tid, "2026-02-10")
    t.sign(world.officer, tid, "2026-02-10")
    assert rows(make_page())[-1] == ["合计", "100.00", "0.00", "0.00", "0.00"]
    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="internal")
        reader = users.get(conn, world.officer.id)
    assert reader is not None
    page = make_page(reader)
    assert rows(page) == [
        ["2026", "10.00", "0.00", "0.00", "0.00"],
        ["合计", "10.00", "0.00", "0.00", "0.00"],
    ]
    assert page.reconcile_label.text().startswith("合计与 1 笔台账记录核对一致")

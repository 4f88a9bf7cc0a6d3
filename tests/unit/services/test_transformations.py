"""Transformations over a real vault: the pricing procedure with a moving clock, the gates at
signing, and the separate ledger reconciling with the contracts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from db import audit, ledger
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.counterparties import CounterpartyDraft
from desktop.domain.gates import ExportCheck
from desktop.domain.identifiers import credit_code_check_char
from desktop.domain.transformations import (
    Allocation,
    Installment,
    LicenceTerms,
    PayLaterTerms,
    ShareTransferTerms,
    TransformationDraft,
)
from desktop.errors import PermissionDenied, RuleViolation, ValidationError
from desktop.services.calendar import CalendarService
from desktop.services.counterparties import CounterpartyService
from desktop.services.transformations import TransformationService
from tests.support import FixedClock
from tests.unit.services.test_rights_grants import World as GrantWorld

D = Decimal


def credit_code(serial: int) -> str:
    body = f"91210100MA0{serial:06d}"
    return body + credit_code_check_char(body)


class World(GrantWorld):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.transformations = TransformationService(vault, now=clock)
        self.parties = CounterpartyService(vault, now=clock)
        self.calendar = CalendarService(vault, now=clock)
        self.serial = 0

    def party(self, **changes: object) -> int:
        self.serial += 1
        draft = CounterpartyDraft(
            f"沈阳第{self.serial}科技有限公司", credit_code(self.serial), "non_state", "small"
        )
        return self.parties.create(self.officer, replace(draft, **changes))  # type: ignore[arg-type]

    def contract(self, *achievements: int, **changes: object) -> TransformationDraft:
        ids = achievements or (self.achievement(),)
        shares = (
            [D(100) / len(ids)] * len(ids)
            if len(ids) != 3
            else [D("33.34"), D("33.33"), D("33.33")]
        )
        draft = TransformationDraft(
            form="transfer",
            title="一种高强度镁合金专利转让合同",
            counterparty_id=changes.pop("counterparty_id", None) or self.party(),  # type: ignore[arg-type]
            allocations=tuple(Allocation(a, s) for a, s in zip(ids, shares, strict=True)),
            price_fen=500_000_00,
            method="negotiated",
        )
        return replace(draft, **changes)  # type: ignore[arg-type]

    def go(self, day: str) -> None:
        self.clock.value = dt.datetime.fromisoformat(day + "T09:00:00+00:00")

    def state(self, transformation_id: int) -> str:
        return self.transformations.get(self.officer, transformation_id).transformation.state


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    return World(unlocked[0], clock)


def test_a_negotiated_price_from_notice_to_signed(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract())
    assert world.state(tid) == "appraisal"
    with pytest.raises(RuleViolation) as raised:
        t.sign(world.officer, tid, "2026-01-05")
    assert raised.value.rule_id == "E_PRICING_NOT_DONE"
    t.record_appraisal(
        world.officer, tid, decision="waived", basis="校长办公会决定不评估", on="2026-01-05"
    )
    deadline = t.start_notice(world.officer, tid, "2026-01-05")
    # 15 days from Mon 2026-01-05 end on Tue 2026-01-20 (no holiday in between).
    assert deadline.end == dt.date(2026, 1, 20) and "起始当日不计入" in deadline.explain()
    world.go("2026-01-20")
    with pytest.raises(RuleViolation) as raised:
        t.close_notice(world.officer, tid, "2026-01-20")
    assert raised.value.rule_id == "E_NOTICE_RUNNING"
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    assert t.sign(world.officer, tid, "2026-01-21") == []
    view = t.get(world.officer, tid)
    assert view.transformation.state == "signed"
    assert [s.event for s in view.transformation.steps] == [
        "record_appraisal",
        "start_notice",
        "close_notice",
        "sign",
    ]
    (receivable,) = view.receivables
    assert receivable.outstanding_fen == 500_000_00
    assert receivable.entry.due_on is None and receivable.entry.condition == "合同未约定付款日期"


def test_a_transfer_price_falls_due_on_the_agreed_day(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract(price_due_on="2026-03-31"))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    (receivable,) = t.get(world.officer, tid).receivables
    assert receivable.entry.due_on == "2026-03-31"
    assert t.overdue(world.officer) == []
    world.go("2026-04-01")
    assert [r.entry.id for _, r in t.overdue(world.officer)] == [receivable.entry.id]


def test_a_notice_ending_in_the_spring_festival_moves_past_it(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract())
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    deadline = t.start_notice(world.officer, tid, "2026-02-01")  # future start allowed
    assert deadline.end == dt.date(2026, 2, 24)
    assert "顺延" in deadline.explain()


def test_an_objection_leads_to_a_listing_and_half_a_month_without_a_taker(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract())
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-08")
    t.record_objection(world.officer, tid, received_on="2026-01-08", content="价格偏低")
    assert world.state(tid) == "objected"
    deadline = t.start_listing(world.officer, tid, "2026-01-09")
    assert deadline.end == dt.date(2026, 1, 26)  # 01-24 is a Saturday: moved to Mon 01-26
    world.go("2026-01-26")
    with pytest.raises(RuleViolation) as raised:
        t.listing_lapsed(world.officer, tid, "2026-01-26")
    assert raised.value.rule_id == "E_LISTING_RUNNING"
    world.go("2026-01-27")
    t.listing_lapsed(world.officer, tid, "2026-01-27")
    assert world.state(tid) == "cleared"
    t.sign(world.officer, tid, "2026-01-27")


def test_a_taken_listing_changes_the_party_and_the_price(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract(method="listing"))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_listing(world.officer, tid, "2026-01-05")
    taker = world.party(name="大连摘牌科技有限公司")
    t.listing_taken(
        world.officer, tid, on="2026-01-05", counterparty_id=taker, price_fen=620_000_00
    )
    view = t.get(world.officer, tid).transformation
    assert (view.counterparty_name, view.draft.price_fen) == ("大连摘牌科技有限公司", 620_000_00)


def test_no_appraisal_exemption_unless_the_buyer_is_wholly_state_owned(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract())
    with pytest.raises(RuleViolation) as raised:
        t.record_appraisal(world.officer, tid, decision="not_required", basis="x", on="2026-01-05")
    assert raised.value.rule_id == "E_APPRAISAL_NOT_EXEMPT"
    state_owned = world.party(ownership="state_wholly")
    tid = t.create(world.officer, world.contract(counterparty_id=state_owned))
    t.record_appraisal(
        world.officer, tid, decision="not_required", basis="受让方为国有全资企业", on="2026-01-05"
    )
    assert world.state(tid) == "priced"


def test_a_pay_later_licence_is_refused_for_a_large_enterprise(world: World) -> None:
    large = world.party(size="large")
    draft = world.contract(
        counterparty_id=large,
        form="pay_later",
        licence=LicenceTerms("ordinary", "2026-02-01", "2031-01-31", "辽宁省"),
        pay_later=PayLaterTerms(12, (Installment(500_000_00, "after_revenue", months=6),)),
    )
    with pytest.raises(RuleViolation) as raised:
        world.transformations.create(world.officer, draft)
    assert raised.value.rule_id == "E_PAY_LATER_SIZE" and "第（五）条" in raised.value.source


def test_pay_later_receivables_fall_due_when_their_condition_is_met(world: World) -> None:
    t = world.transformations
    draft = world.contract(
        form="pay_later",
        method="negotiated",
        licence=LicenceTerms("ordinary", "2026-02-01", "2031-01-31", "辽宁省"),
        pay_later=PayLaterTerms(
            12,
            (
                Installment(200_000_00, "after_effect", months=12),
                Installment(300_000_00, "after_revenue", months=6),
            ),
        ),
    )
    tid = t.create(world.officer, draft)
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    first, second = t.get(world.officer, tid).receivables
    assert first.entry.due_on == "2027-01-21"
    assert second.entry.due_on is None and "条件尚未成就" in second.entry.condition
    t.record_revenue_start(world.officer, tid, "2026-01-21")
    due = {r.entry.amount_fen: r.entry.due_on for r in t.get(world.officer, tid).receivables}
    assert due == {200_000_00: "2027-01-21", 300_000_00: "2026-07-21"}
    world.go("2026-08-01")
    ((overdue_t, overdue),) = t.overdue(world.officer)
    assert overdue_t.id == tid and overdue.outstanding_fen == 300_000_00
    t.record_money(
        world.officer, tid, kind="receipt", amount_fen=300_000_00, on="2026-08-01", note="第1笔"
    )
    assert t.overdue(world.officer) == []


def test_the_ledger_reconciles_per_achievement_and_per_year(world: World) -> None:
    t = world.transformations
    ids = [world.achievement(ip_rights=()) for _ in range(3)]
    tid = t.create(world.officer, world.contract(*ids, price_fen=100_000_01))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    t.record_money(world.officer, tid, kind="receipt", amount_fen=33_333_33, on="2026-01-21")
    t.record_money(world.officer, tid, kind="payment", amount_fen=1_01, on="2026-01-21")
    by_achievement = t.ledger_totals(world.officer, "achievement")
    with world.vault.read() as conn:
        grand = ledger.grand_total(conn, levels=("public",))
    for kind, total in grand.items():
        assert sum(f for _, k, f in by_achievement if k == kind) == total
    assert grand == {"receivable": 100_000_01, "receipt": 33_333_33, "payment": 1_01}
    assert {g for g, _, _ in t.ledger_totals(world.officer, "year")} == {"2026"}
    shares = sorted(f for _, k, f in by_achievement if k == "receivable")
    assert shares == [33_330_00, 33_330_00, 33_340_01]  # 33.33% · 33.33% · 33.34%, a fen left over


def test_negative_listed_achievements_stay_out_of_the_ledger(world: World) -> None:
    t = world.transformations
    achievement = world.achievement(negative_list=True, negative_list_reason="涉及国家安全")
    tid = t.create(world.officer, world.contract(achievement))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    warnings = t.sign(world.officer, tid, "2026-01-21")
    assert [w.rule_id for w in warnings] == ["E_NEGATIVE_LIST"]
    assert t.get(world.officer, tid).entries == ()
    with pytest.raises(RuleViolation) as raised:
        t.record_money(world.officer, tid, kind="receipt", amount_fen=1, on="2026-01-21")
    assert raised.value.rule_id == "E_NEGATIVE_LIST"


def test_a_classified_transfer_abroad_passes_every_gate_before_signing(world: World) -> None:
    t = world.transformations
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    abroad = world.party(region="overseas", credit_code="HRB 12345", name="Foreign GmbH")
    tid = t.create(world.officer, world.contract(achievement, counterparty_id=abroad))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    rules = {f.rule_id for f in t.get(world.officer, tid).findings}
    assert rules == {
        "E_EXPORT_SECRET_REVIEW",
        "E_CONFIDENTIALITY_AGREEMENT",
        "E_EXPORT_CHECK_MISSING",
    }
    with pytest.raises(RuleViolation):
        t.sign(world.officer, tid, "2026-01-21")
    request = t.request_secrecy_approval(world.officer, tid, "对外转让")
    world.approvals.decide(world.secrecy, request.id, approve=True, note="同意")
    t.record_export_check(
        world.officer, tid, ExportCheck("restricted", "2023年版", "2026-01-20", "01XK2026")
    )
    rules = {f.rule_id for f in t.get(world.officer, tid).findings}
    assert rules == {"E_CONFIDENTIALITY_AGREEMENT"}


def test_a_retained_share_transfer_needs_an_effective_grant(world: World) -> None:
    t = world.transformations
    achievement = world.achievement()
    draft = world.contract(
        achievement,
        form="share_transfer",
        counterparty_id=None,
        price_fen=50_000_00,
        share_transfer=ShareTransferTerms("resource_fee"),
    )
    draft = replace(draft, counterparty_id=None)
    tid = t.create(world.officer, draft)
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    with pytest.raises(RuleViolation) as raised:
        t.sign(world.officer, tid, "2026-01-05")
    assert raised.value.rule_id == "E_SHARE_TRANSFER_NEEDS_GRANT"
    grant = world.grants.create(world.officer, world.draft(achievement))
    world.publicise(grant)
    world.grants.take_effect(world.officer, grant, "2026-01-05")
    t.sign(world.officer, tid, "2026-01-05")
    assert world.state(tid) == "signed"


def test_a_duplicate_credit_code_is_refused_at_its_field(world: World) -> None:
    world.party()
    with pytest.raises(ValidationError) as raised:
        world.parties.create(
            world.officer,
            CounterpartyDraft("另一家公司", credit_code(1), "non_state", "small"),
        )
    assert raised.value.field == "credit_code" and "沈阳第1科技有限公司" in raised.value.message


def test_a_year_missing_from_the_holiday_table(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract())
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    with pytest.raises(RuleViolation) as raised:
        t.start_notice(world.officer, tid, "2026-12-25")
    assert raised.value.rule_id == "E_CALENDAR_MISSING"
    assert world.state(tid) == "priced"  # nothing half-done


def test_steps_are_audited_and_readers_below_the_level_see_nothing(world: World) -> None:
    t = world.transformations
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    tid = t.create(world.officer, world.contract(achievement))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    with world.vault.read() as conn:
        actions = [e.action for e in audit.list_page(conn, offset=0, limit=3)]
    assert actions[:2] == ["transformation.record_appraisal", "transformation.created"]
    from db import users

    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="internal")
        reader = users.get(conn, world.officer.id)
    assert reader is not None
    assert t.visible(reader) == []
    with pytest.raises(PermissionDenied):
        t.get(reader, tid)


def _sign(world: World, tid: int) -> None:
    t = world.transformations
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    world.go("2026-01-21")
    t.close_notice(world.officer, tid, "2026-01-21")
    t.sign(world.officer, tid, "2026-01-21")
    world.go("2026-01-05")


def test_ledger_totals_equal_the_sum_of_the_signed_contracts(world: World) -> None:
    from desktop.domain.transformations import EquityTerms

    prices = [1, 99_99, 123_456_78, 5_000_000_00]
    for price in prices:
        _sign(
            world,
            world.transformations.create(
                world.officer, world.contract(world.achievement(ip_rights=()), price_fen=price)
            ),
        )
    equity = world.transformations.create(
        world.officer,
        world.contract(
            world.achievement(ip_rights=()),
            form="equity",
            price_fen=2_000_000_00,
            equity=EquityTerms("辽宁某科技有限公司", None, D(20)),
        ),
    )
    _sign(world, equity)
    with world.vault.read() as conn:
        grand = ledger.grand_total(conn, levels=("public",))
    assert grand == {"receivable": sum(prices), "equity": 2_000_000_00}
    by_year = world.transformations.ledger_totals(world.officer, "year")
    assert sum(f for _, k, f in by_year if k == "receivable") == sum(prices)
    ((deal, entry),) = world.transformations.equity_register(world.officer)
    assert deal.id == equity and "20" in entry.note and entry.amount_fen == 2_000_000_00


def test_the_to_do_list_names_ended_notices_and_overdue_receivables(world: World) -> None:
    t = world.transformations
    tid = t.create(world.officer, world.contract(price_due_on="2026-02-28"))
    t.record_appraisal(world.officer, tid, decision="waived", basis="单位制度", on="2026-01-05")
    t.start_notice(world.officer, tid, "2026-01-05")
    assert world.todo.items(world.officer) == []
    world.go("2026-01-25")
    (item,) = world.todo.items(world.officer)
    assert (item.kind, item.object_type, item.age_days) == ("notice_ended", "transformation", 5)
    t.close_notice(world.officer, tid, "2026-01-25")
    t.sign(world.officer, tid, "2026-01-25")
    world.go("2026-03-10")
    (item,) = world.todo.items(world.officer)
    assert item.kind == "receivable_overdue" and "500,000.00" in item.detail and item.age_days == 10

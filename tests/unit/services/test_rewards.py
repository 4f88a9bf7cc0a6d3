"""Rewards over a real vault: the unit's dated policy, stored calculations that read back the
same after the policy changes, the notice in working days, and payment waiting for it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from db import audit
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft
from desktop.domain.rewards import Deduction, Receipt, RewardDraft, Share
from desktop.errors import PermissionDenied, RuleViolation, ValidationError
from desktop.services.rewards import RewardService
from tests.support import FixedClock
from tests.unit.services.test_transformations import World as DealWorld

D = Decimal


class World(DealWorld):
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        super().__init__(vault, clock)
        self.rewards = RewardService(vault, now=clock)
        from db import people

        with vault.transaction() as conn:
            self.wang = people.insert_person(conn, PersonDraft("王五", None, "所长", "principal"))

    def draft(self, **changes: object) -> RewardDraft:  # type: ignore[override]
        base = RewardDraft(
            title="镁合金专利转让奖励",
            kind="transfer",
            on="2026-01-05",
            people=(
                Share(self.zhang, D(5), main=True),
                Share(self.li, D(3), main=True),
                Share(self.wang, D(2)),
            ),
            receipts=(Receipt("2025-12-01", 1_000_000_00),),
            deductions=(Deduction("评估费", 20_000_00),),
            contract_registered=True,
            pay_on="2026-03-01",
        )
        from dataclasses import replace

        return replace(base, **changes)  # type: ignore[arg-type]

    def allow_deductions(self) -> None:
        self.rewards.set_policy(
            self.officer,
            "unit.deductions",
            ["评估费", "专利维持费"],
            effective_from="2025-01-01",
            source="院字〔2025〕1号",
        )


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    return World(unlocked[0], clock)


def test_a_calculation_is_kept_with_the_rule_versions_it_used(world: World) -> None:
    world.allow_deductions()
    world.rewards.set_policy(
        world.officer,
        "unit.rate.transfer",
        "0.70",
        effective_from="2025-06-01",
        source="院字〔2025〕9号",
    )
    preview = world.rewards.preview(world.officer, world.draft())
    # 980,000.00 × 70% = 686,000.00; 5 : 3 : 2 → 343,000.00 / 205,800.00 / 137,200.00
    assert preview.pool_fen == 686_000_00
    calculation_id = world.rewards.save(world.officer, world.draft())
    # A later policy does not change what was calculated.
    world.rewards.set_policy(
        world.officer,
        "unit.rate.transfer",
        "0.80",
        effective_from="2026-01-01",
        source="院字〔2026〕1号",
    )
    kept = world.rewards.get(world.officer, calculation_id)
    assert kept.result.pool_fen == 686_000_00
    assert [x.amount_fen for x in kept.result.lines] == [343_000_00, 205_800_00, 137_200_00]
    assert "院字〔2025〕9号" in kept.input.policy.source
    assert world.rewards.preview(world.officer, world.draft(on="2026-01-05")).pool_fen == 784_000_00
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=1, limit=1)
    assert entry.action == "reward.calculated"


def test_a_unit_rate_below_the_floor_is_refused(world: World) -> None:
    world.allow_deductions()
    world.rewards.set_policy(
        world.officer, "unit.rate.transfer", "0.45", effective_from="2025-01-01", source="旧办法"
    )
    with pytest.raises(RuleViolation) as raised:
        world.rewards.preview(world.officer, world.draft())
    assert raised.value.rule_id == "E_RATE_BELOW_MIN"


def test_the_register_gives_names_and_leader_posts(world: World) -> None:
    world.allow_deductions()
    result = world.rewards.preview(world.officer, world.draft())
    wang = next(x for x in result.lines if x.person_id == world.wang)
    assert (wang.name, wang.leader_type) == ("王五", "principal")
    assert any(n.rule_id == "E_LEADER_PUBLICITY_MISSING" for n in wang.notes)


def test_payment_waits_for_the_notice_in_working_days(world: World) -> None:
    world.allow_deductions()
    calculation_id = world.rewards.save(world.officer, world.draft())
    with pytest.raises(RuleViolation) as raised:
        world.rewards.mark_paid(world.officer, calculation_id, "2026-01-05")
    assert raised.value.rule_id == "E_REWARD_NOT_PUBLICISED"
    # 15 working days from Mon 2026-01-05: 01-06 … 01-26 (Mon) is the 15th.
    deadline = world.rewards.start_notice(world.officer, calculation_id, "2026-01-05")
    assert deadline.end == dt.date(2026, 1, 26)
    world.go("2026-01-26")
    with pytest.raises(RuleViolation) as raised:
        world.rewards.mark_paid(world.officer, calculation_id, "2026-01-26")
    assert raised.value.rule_id == "E_REWARD_NOTICE_RUNNING"
    objection = world.rewards.add_objection(
        world.officer, calculation_id, received_on="2026-01-20", content="份额有误"
    )
    world.go("2026-01-27")
    with pytest.raises(RuleViolation) as raised:
        world.rewards.mark_paid(world.officer, calculation_id, "2026-01-27")
    assert raised.value.rule_id == "E_REWARD_OBJECTION_OPEN"
    world.rewards.resolve_objection(world.officer, objection, "经核实份额无误")
    world.rewards.mark_paid(world.officer, calculation_id, "2026-01-27")
    assert world.rewards.get(world.officer, calculation_id).state == "paid"


def test_a_calculation_linked_to_a_transformation_takes_its_level_and_registration(
    world: World,
) -> None:
    world.allow_deductions()
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    tid = world.transformations.create(world.officer, world.contract(achievement))
    world.transformations.set_registration(world.officer, tid, "2026210100000009", "2026-01-05")
    calculation_id = world.rewards.save(
        world.officer, world.draft(transformation_id=tid, contract_registered=False)
    )
    kept = world.rewards.get(world.officer, calculation_id)
    assert kept.level == "secret" and kept.input.contract_registered
    from db import users

    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="internal")
        reader = users.get(conn, world.officer.id)
    assert reader is not None
    assert world.rewards.visible(reader) == []
    with pytest.raises(PermissionDenied):
        world.rewards.get(reader, calculation_id)


def test_policy_values_are_checked(world: World) -> None:
    for rule_id, value, field in (
        ("unit.rate.transfer", "七成", "value"),
        ("unit.rate.transfer", "1.5", "value"),
        ("unit.nothing", "0.5", "rule"),
    ):
        with pytest.raises(ValidationError) as raised:
            world.rewards.set_policy(
                world.officer, rule_id, value, effective_from="2026-01-01", source="x"
            )
        assert raised.value.field == field
    with pytest.raises(ValidationError) as raised:
        world.rewards.set_policy(
            world.officer, "unit.rate.transfer", "0.6", effective_from="2026-01-01", source=" "
        )
    assert raised.value.field == "source"


def test_an_unstarted_notice_prints_the_units_period(world: World) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    world.allow_deductions()
    calculation_id = world.rewards.save(world.officer, world.draft())
    pdf = world.rewards.document(world.officer, calculation_id, "notice")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "15个工作日" in text.replace(" ", "")

"""Sample counterparties and transformations for a demo vault, made through the services so every
step of the pricing procedure is real: a transfer signed after its notice with a first receipt,
a deal whose notice drew an objection and went to a market listing, a pay-later licence to a small
enterprise with its instalments, an equity investment, and a notice still running.

Dates lie in the past two months; a step whose deadline falls in a year the holiday table does
not hold yet is skipped, so an old program still builds a demo vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementQuery
from desktop.domain.calendar import CalendarMissing
from desktop.domain.counterparties import CounterpartyDraft
from desktop.domain.identifiers import credit_code_check_char
from desktop.domain.rewards import Deduction, Receipt, RewardDraft, Share
from desktop.domain.transformations import (
    Allocation,
    EquityTerms,
    Installment,
    LicenceTerms,
    PayLaterTerms,
    TransformationDraft,
)
from desktop.services.bundle import Services

PARTIES = (
    ("沈阳新松材料科技有限公司", "non_state", "medium"),
    ("辽宁省交通投资集团有限公司", "state_wholly", "large"),
    ("大连海湾精密仪器有限公司", "non_state", "small"),
    ("鞍山鑫达新能源科技有限公司", "non_state", "micro"),
)


@dataclass(frozen=True)
class DemoTransformations:
    counterparties: int
    transformations: int


def _code(serial: int) -> str:
    body = f"91210100MA0{700000 + serial:06d}"
    return body + credit_code_check_char(body)


def _reward(
    services: Services, officer: User, deal: int, achievement: int, *, received: str, on: str
) -> None:
    """The reward of the first receipt, publicised: the unit's transfer rate is 70%."""
    source = "成果转化收益分配办法（院字〔2025〕3号）"
    services.rewards.set_policy(
        officer, "unit.rate.transfer", "0.70", effective_from="2025-01-01", source=source
    )
    services.rewards.set_policy(
        officer,
        "unit.deductions",
        ["评估费", "交易佣金", "专利维持费"],
        effective_from="2025-01-01",
        source=source,
    )
    completers = services.achievements.get(officer, achievement).draft.completers
    # The lead and the largest shares are the main contributors (at least half together).
    ranked = sorted(completers, key=lambda c: (c.role != "lead", -c.share, c.person_id))
    main: set[int] = set()
    for c in ranked:
        if sum((x.share for x in completers if x.person_id in main), Decimal(0)) >= 50:
            break
        main.add(c.person_id)
    people = tuple(Share(c.person_id, c.share, main=c.person_id in main) for c in completers)
    draft = RewardDraft(
        title="高强韧镁合金制备技术转让首期款奖励",
        kind="transfer",
        on=on,
        people=people,
        transformation_id=deal,
        receipts=(Receipt(received, 430_000_00),),
        deductions=(Deduction("交易佣金", 8_600_00),),
        pay_on=on,
    )
    try:
        calculation = services.rewards.save(officer, draft)
        services.rewards.start_notice(officer, calculation, on)
    except CalendarMissing:
        return


def add(services: Services, officer: User, *, today: date) -> DemoTransformations:
    t = services.transformations
    parties = [
        services.counterparties.create(
            officer,
            CounterpartyDraft(name, _code(i), ownership, size, "domestic", "联系人：王经理"),
        )
        for i, (name, ownership, size) in enumerate(PARTIES, start=1)
    ]
    records = [
        r
        for r in services.achievements.page(officer, 0, 400, AchievementQuery(sort="id"))
        if r.level in ("public", "internal") and r.status == "registered"
    ]
    free = []
    for r in records:
        d = services.achievements.get(officer, r.id).draft
        if (
            not d.negative_list
            and not d.overseas
            and d.ethics_status == "not_needed"
            and not services.grants.visible(officer, r.id)
        ):
            free.append(r.id)
    made = 0

    def ago(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    def deal(achievements: list[int], party: int, title: str, price: int, **extra: object) -> int:
        share = Decimal(100) / len(achievements)
        allocations = tuple(Allocation(a, share) for a in achievements)
        return t.create(
            officer,
            TransformationDraft(
                form=str(extra.pop("form", "transfer")),
                title=title,
                counterparty_id=party,
                allocations=allocations,
                price_fen=price,
                method="negotiated",
                **extra,  # type: ignore[arg-type]
            ),
        )

    def attempt(step: Callable[[], object]) -> bool:
        try:
            step()
        except CalendarMissing:
            return False
        return True

    if len(free) < 6:
        return DemoTransformations(len(parties), 0)
    # Signed after a clean notice, first half received.
    first = deal([free[0]], parties[0], "高强韧镁合金制备技术转让合同", 860_000_00)
    t.record_appraisal(
        officer, first, decision="waived", basis="成果转化领导小组会议决定", on=ago(60)
    )
    if attempt(lambda: t.start_notice(officer, first, ago(58))):
        t.close_notice(officer, first, ago(40))
        t.sign(officer, first, ago(38))
        t.set_registration(officer, first, "2026210100001234", ago(30))
        t.record_money(
            officer, first, kind="receipt", amount_fen=430_000_00, on=ago(20), note="首期款"
        )
        _reward(services, officer, first, free[0], received=ago(20), on=ago(10))
    made += 1
    # An objection, a listing nobody took, signed at the negotiated price.
    second = deal(
        [free[1], free[2]],
        parties[2],
        "精密测量方法专利许可合同",
        240_000_00,
        form="licence",
        licence=LicenceTerms(
            "ordinary", ago(20), (today + timedelta(days=1800)).isoformat(), "中国境内"
        ),
    )
    t.record_appraisal(
        officer, second, decision="waived", basis="单位成果转化管理办法第十二条", on=ago(59)
    )
    if attempt(lambda: t.start_notice(officer, second, ago(57))):
        t.record_objection(officer, second, received_on=ago(52), content="认为许可费偏低。")
        if attempt(lambda: t.start_listing(officer, second, ago(50))):
            t.listing_lapsed(officer, second, ago(30))
            t.sign(officer, second, ago(25))
    made += 1
    # A pay-later licence to a micro enterprise.
    third = deal(
        [free[3]],
        parties[3],
        "新型电池隔膜技术“先使用后付费”许可合同",
        300_000_00,
        form="pay_later",
        licence=LicenceTerms(
            "ordinary", ago(15), (today + timedelta(days=1800)).isoformat(), "辽宁省"
        ),
        pay_later=PayLaterTerms(
            12,
            (
                Installment(100_000_00, "after_effect", months=12),
                Installment(200_000_00, "after_revenue", months=6),
            ),
        ),
    )
    t.record_appraisal(officer, third, decision="waived", basis="先使用后付费试点方案", on=ago(45))
    if attempt(lambda: t.start_notice(officer, third, ago(44))):
        t.close_notice(officer, third, ago(20))
        t.sign(officer, third, ago(15))
    made += 1
    # An equity investment with a wholly state-owned company: no appraisal needed.
    fourth = deal(
        [free[4]],
        parties[1],
        "智能交通检测技术作价投资协议",
        1_500_000_00,
        form="equity",
        equity=EquityTerms("辽宁交投智检科技有限公司", None, Decimal(15)),
    )
    t.record_appraisal(
        officer,
        fourth,
        decision="not_required",
        basis="受让方为国有全资企业（财政部令第100号）",
        on=ago(30),
    )
    made += 1
    # A notice still running.
    fifth = deal([free[5]], parties[0], "耐蚀涂层技术转让合同", 180_000_00)
    t.record_appraisal(officer, fifth, decision="waived", basis="单位制度", on=ago(5))
    attempt(lambda: t.start_notice(officer, fifth, ago(3)))
    made += 1
    return DemoTransformations(len(parties), made)

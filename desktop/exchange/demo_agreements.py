"""Sample rights grants and confidentiality agreements for a demo vault, made through the services
as an officer would make them, so every step is audited and every gate is passed for real.

What a demo vault then shows: ownership grants at each stage (drafted, in publicity, in effect
with their change filings, one of them done), a use right extended by a supplementary agreement,
a classified achievement granted after the secrecy approval and the team's confidentiality
agreements, and an enterprise agreement ending within the month (on the to-do list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from desktop.domain.accounts import User
from desktop.domain.achievements import Achievement, AchievementQuery
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.dates import add_years
from desktop.domain.identifiers import credit_code_check_char
from desktop.domain.rights_grants import GrantDraft, TeamShare
from desktop.domain.secrecy import MARKED_LEVELS
from desktop.services.bundle import Services

SCAN = 600  # records looked at to find suitable ones
REVENUE = (
    "转化收益在扣除相关税费后，按双方所有权份额分配；"
    "使用权期间的收益由团队享有，并按约定向单位支付收益分成。"
)
DECISIONS = "涉及本成果转化的重大事项由双方协商一致决定；日常实施由团队负责人负责，并向单位报告。"
COSTS = "专利年费等知识产权维持费用由团队承担；权属变更手续费用由单位承担。"


@dataclass(frozen=True)
class DemoAgreements:
    grants: int
    confidentiality: int


def _team(achievement: Achievement) -> tuple[TeamShare, ...]:
    return tuple(TeamShare(c.person_id, c.share) for c in achievement.draft.completers)


def _draft(achievement: Achievement, **changes: object) -> GrantDraft:
    values: dict[str, object] = {
        "achievement_id": achievement.id,
        "kind": "ownership",
        "team": _team(achievement),
        "unit_share": Decimal(30),
        "team_share": Decimal(70),
        "revenue_terms": REVENUE,
        "decision_terms": DECISIONS,
        "cost_terms": COSTS,
    }
    values.update(changes)
    return GrantDraft(**values)  # type: ignore[arg-type]


def add(
    services: Services,
    officer: User,
    secrecy_admin: User,
    *,
    today: date,
    set_clock: Callable[[datetime], None],
) -> DemoAgreements:
    """Grants and agreements on suitable records of the demo register (none when it is too
    small to hold them)."""
    set_clock(datetime.combine(today, time(9, 0)).astimezone())
    public: list[Achievement] = []
    classified: list[Achievement] = []
    rows = services.achievements.page(officer, 0, SCAN, AchievementQuery(sort="id"))
    for row in rows:
        record = services.achievements.get(officer, row.id)
        d = record.draft
        people = [services.people.get(officer, c.person_id) for c in d.completers]
        if (
            record.status == "terminated"
            or d.negative_list
            or d.overseas
            or d.ethics_status != "not_needed"
            or not all(p.id_number for p in people)
        ):
            continue
        if d.level in MARKED_LEVELS and d.level != "top_secret":
            classified.append(record)
        elif d.level in ("public", "internal") and d.ip_rights:
            public.append(record)
    grants = agreements = 0

    def ago(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    if len(public) >= 5:
        # In effect for two months, its filings under way (one done).
        first = services.grants.create(officer, _draft(public[0]))
        services.grants.start_publicity(officer, first, ago(80))
        services.grants.take_effect(officer, first, ago(60))
        filings = services.grants.get(officer, first).grant.filings
        services.grants.update_filing(
            officer, filings[0].id, filed_on=ago(50), notice_no="", completed_on=None
        )
        if len(filings) > 1:
            services.grants.update_filing(
                officer,
                filings[1].id,
                filed_on=ago(55),
                notice_no="2025100800123450",
                completed_on=ago(20),
            )
        # A use right of ten years, extended by five.
        start = today - timedelta(days=200)
        use = services.grants.create(
            officer,
            _draft(
                public[1],
                kind="use_right",
                unit_share=None,
                team_share=None,
                term_start=start.isoformat(),
                term_end=add_years(start, 10).isoformat(),
            ),
        )
        services.grants.start_publicity(officer, use, ago(230))
        services.grants.take_effect(officer, use, start.isoformat())
        services.grants.extend(
            officer,
            use,
            new_term_end=add_years(start, 15).isoformat(),
            signed_on=ago(10),
            note="团队申请延长，经成果转化领导小组同意",
        )
        # In publicity, with an objection to settle; and one just drafted.
        running = services.grants.create(
            officer, _draft(public[2], unit_share=Decimal(20), team_share=Decimal(80))
        )
        services.grants.start_publicity(officer, running, ago(5))
        services.grants.add_objection(
            officer,
            running,
            received_on=ago(2),
            objector="",
            content="认为团队内份额未体现后期工艺改进人员的贡献。",
        )
        services.grants.create(officer, _draft(public[3]))
        grants += 4
        # An enterprise agreement ending within the month.
        body = "91210100MA0" + str(100000 + public[4].id)[-6:]
        code = body + credit_code_check_char(body)
        if classified:
            services.confidentiality.create(
                officer,
                ConfidentialityDraft(
                    party_kind="enterprise",
                    party_name="辽宁北方新材料科技有限公司",
                    party_code=code,
                    achievement_ids=(classified[0].id,),
                    level=classified[0].draft.level,
                    scope="成果的技术方案、工艺参数及试验数据。",
                    term_start=ago(700),
                    term_end=(today + timedelta(days=21)).isoformat(),
                    obligations="乙方不得向任何第三方披露涉密事项，不得擅自复制、留存涉密载体。",
                    signed_on=ago(700),
                    approval_body="辽宁省国家保密局",
                    approval_date=ago(695),
                    approval_doc_no="辽保审〔2024〕17号",
                ),
            )
            agreements += 1
    if classified:
        # A classified achievement granted after the secrecy approval and an agreement with
        # each member of the team.
        record = classified[0]
        grant = services.grants.create(officer, _draft(record))
        request = services.grants.request_secrecy_approval(
            officer, grant, "拟向成果完成人团队赋予所有权，已与团队成员签订保密协议。"
        )
        services.approvals.decide(
            secrecy_admin, request.id, approve=True, note="同意，严格执行保密制度。"
        )
        for completer in record.draft.completers:
            person = services.people.get(officer, completer.person_id)
            services.confidentiality.create(
                officer,
                ConfidentialityDraft(
                    party_kind="individual",
                    party_name=person.name,
                    party_code=person.id_number,
                    achievement_ids=(record.id,),
                    level=record.draft.level,
                    scope="成果的技术方案、关键工艺参数和试验数据。",
                    term_start=ago(40),
                    term_end=add_years(today, 10).isoformat(),
                    obligations="严格遵守科学技术保密规定，不得向任何单位和个人泄露涉密事项。",
                    signed_on=ago(40),
                    approval_body="本单位保密委员会",
                    approval_date=ago(38),
                    approval_doc_no=f"保委〔{today.year}〕{completer.person_id}号",
                ),
            )
            agreements += 1
        services.grants.start_publicity(officer, grant, ago(35))
        services.grants.take_effect(officer, grant, ago(15))
        grants += 1
    return DemoAgreements(grants, agreements)

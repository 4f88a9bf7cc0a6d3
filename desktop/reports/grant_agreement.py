"""Grant agreements (所有权赋权协议, 长期使用权赋权协议, measure 一) and their amendments
(补充协议: a use right extended, or converted into ownership) as PDFs in Chinese contract form.

A grant agreement prints the grant as drafted and signed (``grant.draft``), never as amended:
each amendment has its own document, which states the terms it changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.domain.rights_grants import (
    HUNDRED,
    PATENT_KINDS,
    Amendment,
    RightsGrant,
    Terms,
    current,
    publicity_end,
)
from desktop.reports.agreements import (
    MEASURES,
    SECRECY_LAW,
    TRANSFER_LAW,
    AchievementFacts,
    Clauses,
    TeamMember,
    UnitParty,
    cn_date,
    count_words,
    end_of_text,
    grid,
    ip_text,
    kind_name,
    mark_of,
    para,
    party_lines,
    percent,
    render,
    sign_block,
    styles,
    team_parties,
    team_signatures,
    unit_signature_lines,
)

TITLES = {
    "ownership": "职务科技成果所有权赋权协议",
    "use_right": "职务科技成果长期使用权赋权协议",
}
AMENDMENT_TITLE = "职务科技成果赋权补充协议"
AMENDMENT_SUBJECTS = {
    "extension": "延长长期使用权期限",
    "conversion": "将长期使用权变更为所有权",
}
_BASIS = {
    "ownership": "“允许科研单位将职务科技成果所有权依法赋予成果完成人（团队），科研单位与成果完成人"
    "（团队）成为共同所有权人”",
    "use_right": "“科研单位也可以赋予成果完成人（团队）不低于10年的职务科技成果长期使用权”",
    "extension": "“在赋权期结束后，科研单位可以进一步延长科研人员长期使用权期限”",
    "conversion": "“在赋权期间，经双方协商一致，可以将长期使用权变更为所有权”",
}
_GRANTED = {"ownership": "部分所有权", "use_right": "长期使用权"}
_DISPUTES = (
    "因本协议引起的或者与本协议有关的争议，双方应当友好协商解决；协商不成的，任何一方可以向甲方"
    "住所地有管辖权的人民法院提起诉讼。"
)


def title_of(grant: RightsGrant) -> str:
    return TITLES[grant.draft.kind]


def render_grant_agreement(
    *,
    unit: UnitParty,
    grant: RightsGrant,
    achievement: AchievementFacts,
    team: Sequence[TeamMember],
    publicity_days: int | None,
) -> bytes:
    """The agreement as signed: ownership or use right by ``grant.draft.kind``. ``team``: the
    members of ``grant.draft.team`` in order, with names and id numbers from the register;
    ``publicity_days``: the unit's period, used when the grant has not recorded its own."""
    st = styles()
    draft = grant.draft
    clauses = Clauses(st)
    clauses.add(
        "赋权成果",
        "本协议所称“本成果”，指下列职务科技成果及其知识产权：",
        _achievement_lines(achievement),
    )
    if draft.kind == "ownership":
        assert draft.unit_share is not None and draft.team_share is not None
        clauses.add(
            "赋权内容和份额",
            "甲方将本成果的部分所有权赋予乙方，赋权后甲乙双方为本成果的共同所有权人，所有权份额为："
            f"甲方占 {percent(draft.unit_share)}，乙方占 {percent(draft.team_share)}。",
            "乙方所占份额在乙方成员之间的分配如下（合计 100%）：",
            _split_table(draft.team_share, team),
        )
    else:
        assert draft.term_start is not None and draft.term_end is not None
        clauses.add(
            "赋权内容和期限",
            f"甲方将本成果的长期使用权赋予乙方，期限自{cn_date(draft.term_start)}起至"
            f"{cn_date(draft.term_end)}止，不少于十年。赋权期间，本成果的所有权仍属于甲方。",
            "乙方成员按本协议首部所列团队内份额共同享有长期使用权。",
            "赋权期满后，甲方可以进一步延长乙方的长期使用权期限；赋权期间，经双方协商一致，可以将"
            "长期使用权变更为所有权。延长期限或者变更为所有权的，双方另行签订补充协议。",
        )
    clauses.add("收益分配", draft.revenue_terms)
    clauses.add("决策机制", draft.decision_terms)
    clauses.add("费用分担（含知识产权维持费用）", draft.cost_terms)
    if draft.kind == "ownership":
        clauses.add("权属变更登记", _registration(achievement, "本协议"))
    clauses.add("赋权公示", _publicity(grant, publicity_days))
    _secrecy_and_overseas(clauses, achievement, overseas=draft.overseas)
    clauses.add("争议解决", _DISPUTES)
    clauses.add(
        "其他",
        "本协议未尽事宜，由双方协商一致后签订补充协议。补充协议与本协议具有同等法律效力。",
    )
    clauses.add(
        "协议生效",
        "本协议经甲方盖章、甲方法定代表人或授权代表签字及乙方全体成员签字后成立，于赋权决定公示期满"
        "且无异议或者异议经核实不成立后生效。",
    )
    clauses.add("协议份数", _copies(team))
    preamble = (
        f"根据{TRANSFER_LAW}和{MEASURES}第（一）条{_BASIS[draft.kind]}的规定，甲乙双方本着平等"
        f"自愿、诚实信用的原则，经协商一致，就甲方将本成果的{_GRANTED[draft.kind]}赋予乙方事宜，"
        "订立本协议。"
    )
    story = [
        *team_parties(unit, team, st),
        para(preamble, st["body"]),
        *clauses.story,
        *_signatures(unit, team, None),
    ]
    return render(
        title=title_of(grant),
        doc_no=grant.doc_no,
        mark=mark_of(achievement.secrecy_mark, grant.level),
        created_at=grant.created_at,
        author=unit.name,
        story=story,
    )


def render_amendment(
    *,
    unit: UnitParty,
    grant: RightsGrant,
    amendment: Amendment,
    achievement: AchievementFacts,
    team: Sequence[TeamMember],
) -> bytes:
    """The amendment ``amendment`` of ``grant``: the terms before it (the original with the
    earlier amendments), what it changes, and that the rest stays as agreed."""
    st = styles()
    before = _terms_before(grant, amendment)
    assert before.term_start is not None and before.term_end is not None
    original = f"《{title_of(grant)}》（编号：{grant.doc_no}，以下简称“原协议”）"
    clauses = Clauses(st)
    clauses.add(
        "所涉成果和原约定",
        "本补充协议所称“本成果”，指原协议所列职务科技成果：",
        _achievement_lines(achievement),
        f"依原协议{_earlier(grant, amendment)}，乙方享有本成果的长期使用权，期限自"
        f"{cn_date(before.term_start)}起至{cn_date(before.term_end)}止。",
    )
    if amendment.kind == "extension":
        assert amendment.new_term_end is not None
        clauses.add(
            "期限延长",
            f"乙方长期使用权的终止日由{cn_date(before.term_end)}延长至"
            f"{cn_date(amendment.new_term_end)}。延长后，乙方的长期使用权期限自"
            f"{cn_date(before.term_start)}起至{cn_date(amendment.new_term_end)}止。",
        )
    else:
        assert amendment.unit_share is not None and amendment.team_share is not None
        clauses.add(
            "长期使用权变更为所有权",
            "经双方协商一致，乙方对本成果的长期使用权变更为所有权。变更后甲乙双方为本成果的共同所有"
            f"权人，所有权份额为：甲方占 {percent(amendment.unit_share)}，乙方占 "
            f"{percent(amendment.team_share)}。",
            "乙方所占份额在乙方成员之间的分配如下（按原协议约定的团队内份额，合计 100%）：",
            _split_table(amendment.team_share, team),
            "乙方的长期使用权自乙方取得本成果所有权之时终止，不再另行计算期限。",
        )
        clauses.add("权属变更登记", _registration(achievement, "本补充协议"))
    if amendment.note.strip():
        clauses.add("其他约定", amendment.note)
    clauses.add(
        "与原协议的关系",
        "本补充协议是原协议的组成部分，与原协议具有同等法律效力。除本补充协议约定的内容外，原协议"
        "其他条款不变；本补充协议与原协议约定不一致的，以本补充协议为准。",
    )
    clauses.add("争议解决", _DISPUTES.replace("本协议", "本补充协议"))
    clauses.add(
        "生效",
        f"本补充协议于{cn_date(amendment.signed_on)}签订，经甲方盖章、甲方法定代表人或授权代表签字"
        "及乙方全体成员签字后生效。",
    )
    clauses.add("份数", _copies(team).replace("本协议", "本补充协议"))
    preamble = (
        f"甲乙双方已签订{original}。根据{TRANSFER_LAW}和{MEASURES}第（一）条"
        f"{_BASIS[amendment.kind]}的规定，双方经协商一致，就{AMENDMENT_SUBJECTS[amendment.kind]}"
        "事宜订立本补充协议。"
    )
    story = [
        *team_parties(unit, team, st),
        para(preamble, st["body"]),
        *clauses.story,
        *_signatures(unit, team, amendment.signed_on),
    ]
    return render(
        title=AMENDMENT_TITLE,
        doc_no=amendment.doc_no,
        mark=mark_of(achievement.secrecy_mark, grant.level),
        created_at=amendment.created_at or amendment.signed_on,
        author=unit.name,
        story=story,
    )


# -- parts ----------------------------------------------------------------------------------------
def _achievement_lines(achievement: AchievementFacts) -> Flowable:
    rows = [
        ("成果名称：", achievement.title),
        ("成果类型：", kind_name(achievement.kind)),
        ("知识产权：", ip_text(achievement.ip_numbers)),
    ]
    if achievement.secrecy_mark:
        rows.append(("密级标志：", achievement.secrecy_mark))
    return party_lines(rows, styles(), label_width=24 * mm, indent=22)


def _of_whole(team_share: Decimal, share: Decimal) -> str:
    """A member's share of the whole achievement, exact (70.00% × 33.33% = 23.331%)."""
    value = (team_share * share / HUNDRED).normalize()
    if value.as_tuple().exponent > -2:  # type: ignore[operator]
        value = value.quantize(Decimal("0.01"))
    return percent(value)


def _split_table(team_share: Decimal, team: Sequence[TeamMember]) -> Flowable:
    rows = [
        (str(n), m.name, percent(m.share), _of_whole(team_share, m.share))
        for n, m in enumerate(team, start=1)
    ]
    return grid(
        ("序号", "姓名", "占乙方份额", "折合占本成果所有权份额"),
        rows,
        (14 * mm, 40 * mm, 36 * mm, 50 * mm),
        styles(),
    )


def _registration(achievement: AchievementFacts, this: str) -> str:
    """Measure 一: register the ownership change promptly; 专利法 第十条 for patents."""
    ip = ip_text(achievement.ip_numbers)
    if achievement.kind in PATENT_KINDS:
        return (
            f"{this}生效后，双方应当及时共同向国家知识产权局办理专利权属变更、专利申请权变更等手续"
            f"（涉及：{ip}）。依照《中华人民共和国专利法》第十条，转让专利申请权或者专利权的，应当"
            "向国务院专利行政部门登记，专利申请权或者专利权的转让自登记之日起生效。"
        )
    office = "国家知识产权局" if achievement.kind == "ic_layout" else "有关登记机关"
    if achievement.ip_numbers:
        return f"{this}生效后，双方应当及时共同向{office}办理权属变更登记手续（涉及：{ip}）。"
    return f"本成果无登记的知识产权，无须办理权属变更登记；双方的共有关系以{this}为准。"


def _publicity(grant: RightsGrant, unit_days: int | None) -> str:
    days = grant.publicity_days if grant.publicity_days is not None else unit_days
    after = (
        "公示期间收到异议的，甲方应当核实处理；公示期满无异议或者异议经核实不成立的，赋权方可生效。"
    )
    if grant.publicity_start is not None:
        start = dt.date.fromisoformat(grant.publicity_start)
        if days is None:
            return (
                f"本协议所涉赋权决定已于{cn_date(grant.publicity_start)}起在甲方内部公示。{after}"
            )
        return (
            f"本协议所涉赋权决定已于{cn_date(grant.publicity_start)}起公示{days}日（在甲方内部"
            f"公示，至{cn_date(publicity_end(start, days).isoformat())}24时届满）。{after}"
        )
    if days is not None:
        return f"本协议所涉赋权决定应当在甲方内部公示{days}日。{after}"
    return f"本协议所涉赋权决定应当按甲方赋权管理制度在内部公示。{after}"


def _secrecy_and_overseas(
    clauses: Clauses, achievement: AchievementFacts, *, overseas: bool
) -> None:
    if "★" in achievement.secrecy_mark:
        clauses.add(
            "保密",
            f"本成果属于国家秘密，密级标志为{achievement.secrecy_mark}。双方应当严格执行科学技术保密"
            f"制度，遵守{SECRECY_LAW}；与企业、个人合作开展本成果的赋权和转化的，应当依法依规进行"
            "审批备案，并签订保密协议（辽科发〔2025〕6号 第（十五）条）。",
        )
    if overseas:
        clauses.add(
            "境外事项",
            "本次赋权涉及境外当事人。向境外开展赋权和转化，双方应当遵守技术出口等方面的相关法律"
            "法规，依法办理相关手续（辽科发〔2025〕6号 第（十五）条）。",
        )


def _copies(team: Sequence[TeamMember]) -> str:
    return (
        f"本协议一式{count_words(2 + len(team))}份，甲方执两份，乙方成员各执一份，具有同等法律"
        "效力。"
    )


def _signatures(unit: UnitParty, team: Sequence[TeamMember], date: str | None) -> list[Flowable]:
    st = styles()
    return [
        end_of_text(st),
        Spacer(1, 8 * mm),
        KeepTogether(sign_block(unit_signature_lines(unit, date), st)),
        Spacer(1, 8 * mm),
        team_signatures(team, date, st),
    ]


def _terms_before(grant: RightsGrant, amendment: Amendment) -> Terms:
    earlier = tuple(a for a in grant.amendments if a.seq < amendment.seq)
    return current(dataclasses.replace(grant, amendments=earlier))


def _earlier(grant: RightsGrant, amendment: Amendment) -> str:
    earlier = sorted((a for a in grant.amendments if a.seq < amendment.seq), key=lambda a: a.seq)
    if not earlier:
        return ""
    return "及" + "、".join(f"补充协议（编号：{a.doc_no}）" for a in earlier)

"""The confidentiality agreement (保密协议, measure 十五) with an enterprise or an individual
cooperating on classified achievements, as a PDF in Chinese contract form."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.domain.confidentiality import ConfidentialityAgreement
from desktop.domain.secrecy import LEVEL_NAMES, carrier_mark
from desktop.reports.agreements import (
    BLANK_SIGNATURE,
    MEASURES,
    NOT_RECORDED,
    SECRECY_LAW,
    TRANSFER_LAW,
    AchievementFacts,
    Clauses,
    UnitParty,
    cn_date,
    end_of_text,
    grid,
    ip_text,
    kind_name,
    para,
    party_lines,
    render,
    sign_block,
    signature_date,
    styles,
    unit_lines,
    unit_signature_lines,
)

TITLE = "保密协议"
_BASIS = "“与企业、个人合作开展涉密成果赋权和转化，要依法依规进行审批备案，并签订保密协议”"


def page_mark(agreement: ConfidentialityAgreement, achievements: Sequence[AchievementFacts]) -> str:
    """The covered achievement's own mark when it is the only one, else the agreement level's
    carrier mark (机密★)."""
    if len(achievements) == 1 and achievements[0].secrecy_mark:
        return achievements[0].secrecy_mark
    return carrier_mark(agreement.draft.level)


def render_confidentiality_agreement(
    *,
    unit: UnitParty,
    agreement: ConfidentialityAgreement,
    achievements: Sequence[AchievementFacts],
) -> bytes:
    """``achievements``: the covered ones, in the order of ``agreement.draft.achievement_ids``."""
    st = styles()
    d = agreement.draft
    enterprise = d.party_kind == "enterprise"
    party = [
        ("乙方（企业）：" if enterprise else "乙方（个人）：", d.party_name),
        ("统一社会信用代码：" if enterprise else "身份证号：", d.party_code or NOT_RECORDED),
    ]
    rows = [
        (str(n), a.title, kind_name(a.kind), ip_text(a.ip_numbers), a.secrecy_mark or "—")
        for n, a in enumerate(achievements, start=1)
    ]
    clauses = Clauses(st)
    clauses.add(
        "涉密成果",
        "本协议涵盖下列涉密职务科技成果（以下合称“涉密成果”）：",
        grid(
            ("序号", "成果名称", "类型", "知识产权", "密级标志"),
            rows,
            (12 * mm, None, 26 * mm, 40 * mm, 28 * mm),
            st,
        ),
    )
    clauses.add(
        "密级",
        f"本协议所涉事项的密级为{LEVEL_NAMES[d.level]}级。乙方知悉的涉密成果及相关资料，按其标明的"
        "密级和保密期限管理。",
    )
    clauses.add("涉密事项范围", d.scope)
    clauses.add(
        "保密期限",
        f"乙方的保密义务期限自{cn_date(d.term_start)}起至{cn_date(d.term_end)}止。期限届满时涉密"
        "事项尚未依法解密的，乙方仍应当按照国家有关规定履行保密义务。",
    )
    clauses.add("保密义务", d.obligations)
    if agreement.approval_recorded:
        assert d.approval_date is not None
        approval = (
            f"本协议已报{d.approval_body}审批备案，审批备案日期为{cn_date(d.approval_date)}，"
            f"文号为{d.approval_doc_no}。"
        )
    else:
        approval = (
            "本协议签订后，甲方应当依法依规报有关机关审批备案。审批备案完成前，甲方不向乙方提供"
            "涉密成果及相关涉密信息。"
        )
    clauses.add("审批备案", approval)
    clauses.add(
        "违约责任",
        "乙方违反本协议约定，泄露或者可能泄露国家秘密的，甲方有权立即停止合作、收回涉密载体，乙方"
        f"应当赔偿由此给甲方造成的损失；违反{SECRECY_LAW}等法律法规的，依法承担法律责任。",
    )
    clauses.add(
        "争议解决",
        "因本协议引起的或者与本协议有关的争议，双方应当友好协商解决；协商不成的，任何一方可以向"
        "甲方住所地有管辖权的人民法院提起诉讼。",
    )
    signed = f"本协议于{cn_date(d.signed_on)}签订，" if d.signed_on else "本协议"
    clauses.add("协议生效", f"{signed}经双方签字盖章后成立，依法依规办理审批备案后生效。")
    clauses.add("协议份数", "本协议一式三份，甲方执两份，乙方执一份，具有同等法律效力。")
    preamble = (
        "甲乙双方拟合作开展涉密职务科技成果的赋权和转化。为保守国家秘密，根据"
        f"{SECRECY_LAW}、{TRANSFER_LAW}和{MEASURES}第（十五）条{_BASIS}的规定，甲乙双方经协商"
        "一致，订立本协议。"
    )
    story: list[Flowable] = [
        party_lines(unit_lines(unit), st),
        Spacer(1, 2 * mm),
        party_lines(party, st),
        Spacer(1, 4 * mm),
        para(preamble, st["body"]),
        *clauses.story,
        end_of_text(st),
        Spacer(1, 8 * mm),
        KeepTogether(sign_block(unit_signature_lines(unit, d.signed_on), st)),
        Spacer(1, 8 * mm),
        KeepTogether(sign_block(_party_signature_lines(agreement), st)),
    ]
    return render(
        title=TITLE,
        doc_no=agreement.doc_no,
        mark=page_mark(agreement, achievements),
        created_at=agreement.created_at,
        author=unit.name,
        story=story,
    )


def _party_signature_lines(agreement: ConfidentialityAgreement) -> list[str]:
    d = agreement.draft
    date = f"日期：{signature_date(d.signed_on)}"
    if d.party_kind == "enterprise":
        return [
            f"乙方（盖章）：{d.party_name}",
            "",
            f"法定代表人或授权代表（签字）：{BLANK_SIGNATURE}",
            date,
        ]
    return [f"乙方：{d.party_name}", f"签字：{BLANK_SIGNATURE}", date]

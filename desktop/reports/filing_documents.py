"""Two PDFs of sealed filings: the achievement registration sheet (科技成果登记表) that goes into a
filing for each achievement, and the unit's key card (报送密钥卡), printed, sealed and handed to the
offices that will check our filings, so they compare the fingerprint on paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop.domain.achievements import Achievement
from desktop.domain.secrecy import LEVEL_NAMES
from desktop.reports.agreements import (
    BLANK_SIGNATURE,
    cn_date,
    end_of_text,
    grid,
    kind_name,
    mark_of,
    para,
    render,
    sign_block,
    styles,
)
from desktop.reports.fonts import LATIN_BOLD_FONT, register_latin_fonts

SHEET_TITLE = "科技成果登记表"
CARD_TITLE = "报送密钥卡"
_FUNDING = {"vertical": "纵向项目", "horizontal": "横向项目", "self": "自筹"}
_ETHICS = {
    "not_needed": "不涉及",
    "pending": "审查中",
    "approved": "已通过",
    "rejected": "未通过",
}
_ROLES = {"lead": "负责人", "member": "成员"}
_OPEN_LEVELS = {"public": "公开", "internal": "内部"}


def level_name(level: str) -> str:
    return _OPEN_LEVELS.get(level) or LEVEL_NAMES[level]


def render_achievement_sheet(
    *,
    unit_name: str,
    achievement: Achievement,
    department: str,
    completers: Sequence[tuple[str, str, str]],  # (name, role, share) in the record's order
    printed_at: str,
) -> bytes:
    st = styles()
    d = achievement.draft
    rows = [
        ("成果名称", d.title),
        ("完成单位", unit_name),
        ("所属部门", department or "—"),
        ("成果类型", kind_name(d.kind)),
        ("经费来源", _FUNDING.get(d.funding_type, d.funding_type) + _ref(d.funding_ref)),
        ("关键词", "、".join(d.keywords) or "—"),
        ("密级", d.secrecy_mark or level_name(d.level)),
        ("负面清单", ("是：" + d.negative_list_reason) if d.negative_list else "否"),
        ("伦理审查", _ethics(d.ethics_status, d.ethics_approval, d.ethics_approved_on)),
        ("涉及境外", "是" if d.overseas else "否"),
        ("登记时间", cn_date(achievement.created_at[:10])),
    ]
    story: list[Flowable] = [
        para(f"登记编号：{achievement.id}", st["body"]),
        grid(("项目", "内容"), rows, (32 * mm, None), st),
        Spacer(1, 4 * mm),
        para("成果简介", st["clause"]),
        para(d.abstract or "—", st["body"]),
        Spacer(1, 4 * mm),
        para("完成人", st["clause"]),
        grid(
            ("序号", "姓名", "角色", "贡献份额"),
            [
                (str(n), name, _ROLES.get(role, role), share)
                for n, (name, role, share) in enumerate(completers, start=1)
            ],
            (14 * mm, None, 30 * mm, 30 * mm),
            st,
        ),
        Spacer(1, 4 * mm),
        para("知识产权", st["clause"]),
        grid(
            ("号码", "申请日", "授权日", "届满日"),
            [
                (ip.number, _day(ip.applied_on), _day(ip.granted_on), _day(ip.expires_on))
                for ip in d.ip_rights
            ]
            or [("无登记的知识产权", "—", "—", "—")],
            (None, 30 * mm, 30 * mm, 30 * mm),
            st,
        ),
        end_of_text(st),
    ]
    return render(
        title=SHEET_TITLE,
        doc_no=f"成果登记 {achievement.id}",
        mark=mark_of(d.secrecy_mark, d.level),
        created_at=printed_at,
        author=unit_name,
        story=story,
    )


@dataclass(frozen=True)
class CardFacts:
    office: str
    credit_code: str
    key_id: str  # as minisign prints it
    fingerprint: str  # 16 groups of four
    signing_key: str  # minisign's public key line
    recipient: str  # age1…
    created: str  # ISO date


def render_key_card(card: CardFacts) -> bytes:
    st = styles()
    groups = card.fingerprint.split()
    register_latin_fonts()
    fingerprint = Table(
        [groups[i : i + 4] for i in range(0, len(groups), 4)],
        colWidths=[30 * mm] * 4,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LATIN_BOLD_FONT),
                ("FONTSIZE", (0, 0), (-1, -1), 17),
                ("LEADING", (0, 0), (-1, -1), 24),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ]
        ),
    )
    story: list[Flowable] = [
        para(
            "本卡载明本单位报送件的签名公钥和接收公钥。收件单位导入密钥卡文件时，"
            "须将程序显示的指纹与本卡逐组核对一致（或电话逐组朗读核对），否则不得信任。",
            st["body"],
        ),
        Spacer(1, 3 * mm),
        grid(
            ("项目", "内容"),
            [
                ("单位名称", card.office),
                ("统一社会信用代码", card.credit_code),
                ("密钥编号", card.key_id),
                ("生成日期", cn_date(card.created)),
                ("签名公钥（minisign）", card.signing_key),
                ("接收公钥（age，X25519）", card.recipient),
            ],
            (44 * mm, None),
            st,
        ),
        Spacer(1, 5 * mm),
        para("签名公钥指纹（SHA-256，16 组）", st["clause"]),
        Spacer(1, 2 * mm),
        fingerprint,
        Spacer(1, 5 * mm),
        para("用途", st["clause"]),
        para(
            "向本单位报送加密件时，用接收公钥加密；本单位用保管在加密库中的私钥解密。"
            "本单位发出的报送件用签名公钥核验，也可用标准工具：minisign -V -P 签名公钥 "
            "-m tagmanifest-sha256.txt -x META-INF/signature.minisig。",
            st["cell"],
        ),
        Spacer(1, 8 * mm),
        *sign_block(
            [
                f"单位（盖章）：{card.office}",
                f"经办人（签字）：{BLANK_SIGNATURE}",
                f"日期：{cn_date(card.created)}",
            ],
            st,
        ),
    ]
    return render(
        title=CARD_TITLE,
        doc_no=f"密钥 {card.key_id}",
        mark="",
        created_at=card.created + "T00:00:00",
        author=card.office,
        story=story,
    )


def _ref(ref: str) -> str:
    return f"（{ref}）" if ref else ""


def _day(iso: str | None) -> str:
    return cn_date(iso) if iso else "—"


def _ethics(status: str, approval: str, on: str | None) -> str:
    text = _ETHICS.get(status, status)
    if approval:
        text += f"，批件 {approval}"
    if on:
        text += f"，{cn_date(on)}"
    return text

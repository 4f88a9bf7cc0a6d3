"""The evidence file of one transformation (尽职免责证明材料, measure 十四): the procedure as it
happened, assembled from the vault so that a leader who followed it can hand it to an inspector.

It prints the contract's particulars; the appraisal decision and its basis; the notice, the
objections, the listing and its outcome, the auction and the signing, step by step with their
dates; the decisions, approvals, confidentiality agreements and ethics records; the contract
registration and the export check; the ledger entries; and the audit entries about the
transformation with the size and root of the audit tree they were taken from, so that the paper
can later be checked against the log ("按检查点校验").

Everything comes in ``EvidenceInput`` (the service fills it); nothing is read from the clock.
The same input gives the same bytes: reportlab's invariant mode, and the PDF's creation date
taken from ``EvidenceInput.as_of`` (the time of the newest entry in the audit tree).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.domain.approvals import ApprovalRequest
from desktop.domain.audit import AuditEntry, TreeHead
from desktop.domain.audit_diff import changes_in_words, field_changes
from desktop.domain.confidentiality import ConfidentialityAgreement
from desktop.domain.counterparties import Counterparty
from desktop.domain.dates import format_cn_datetime
from desktop.domain.decisions import Decision
from desktop.domain.gates import ExportCheck
from desktop.domain.ledger import LedgerEntry, settle
from desktop.domain.pricing import STATE_NAMES
from desktop.domain.secrecy import MARKED_LEVELS, carrier_mark
from desktop.domain.transformations import Transformation, yuan
from desktop.reports.agreements import (
    BLANK_SIGNATURE,
    MEASURES,
    NOT_RECORDED,
    WIDTH,
    cn_date,
    ip_text,
    kind_name,
    para,
    percent,
    render,
    styles,
)
from desktop.reports.audit_extract import checkpoint_text
from desktop.reports.fonts import LATIN_FONT, mixed_markup
from desktop.reports.pages import TABLE_FONT

TITLE = "职务科技成果转化尽职免责证明材料"
MEASURE_14 = (
    "科研单位和相关领导在勤勉尽责、履行相关程序、没有牟取非法利益的前提下，经有关部门认定，"
    "不承担在科技成果定价中因科技成果转化后续价值变化产生的决策责任。"
)
WITHHELD = "内容密级高于导出人的涉密等级，不予显示"

# -- the codes in words (documents are Chinese whatever the UI's language) ----------------------
FORM_NAMES = {
    "transfer": "转让",
    "licence": "许可",
    "equity": "作价投资",
    "pay_later": "先使用后付费许可",
    "share_transfer": "权益让渡",
    "invest_then_equity": "先投后股",
}
METHOD_NAMES = {"negotiated": "协议定价", "listing": "挂牌交易", "auction": "拍卖"}
SCOPE_NAMES = {"exclusive": "独占许可", "sole": "排他许可", "ordinary": "普通许可"}
STAGE_NAMES = {"proof_of_concept": "概念验证", "pilot": "中试", "industrialisation": "产业化"}
APPRAISAL_NAMES = {
    "appraised": "进行资产评估",
    "not_required": "免于评估（受让方为国有全资企业）",
    "waived": "单位决定不进行资产评估",
}
OWNERSHIP_NAMES = {
    "state_wholly": "国有全资",
    "state_controlled": "国有控股",
    "non_state": "非国有",
}
SIZE_NAMES = {"large": "大型企业", "medium": "中型企业", "small": "小型企业", "micro": "微型企业"}
REGION_NAMES = {"domestic": "境内", "overseas": "境外"}
LEDGER_KIND_NAMES = {"receivable": "应收", "receipt": "收款", "payment": "支出", "equity": "股权"}
LEVEL_NAMES = {
    "public": "公开",
    "internal": "内部",
    "secret": "秘密",
    "confidential": "机密",
    "top_secret": "绝密",
}
ETHICS_NAMES = {
    "not_needed": "无需伦理审查",
    "pending": "伦理审查中",
    "approved": "伦理审查已通过",
    "rejected": "伦理审查未通过",
}
EXPORT_NAMES = {"prohibited": "禁止出口类", "restricted": "限制出口类", "free": "自由出口类"}
APPROVAL_STATUS_NAMES = {
    "pending": "待审批",
    "approved": "已批准",
    "rejected": "已驳回",
    "withdrawn": "已撤回",
}
BODY_NAMES = {
    "office_meeting": "办公会",
    "party_committee": "党委会",
    "academic_committee": "学术委员会",
    "transformation_group": "成果转化领导小组",
    "other": "其他",
}
OUTCOME_NAMES = {"approved": "通过", "rejected": "未通过", "deferred": "暂缓"}
EVENT_NAMES = {
    "record_appraisal": "资产评估决定",
    "start_notice": "协议定价公示开始",
    "close_notice": "公示期满结束",
    "object": "收到异议",
    "start_listing": "技术市场挂牌",
    "listing_taken": "摘牌成交",
    "listing_lapsed": "挂牌期满无人摘牌",
    "record_auction": "拍卖成交",
    "sign": "合同签订",
    "complete": "履行完毕",
    "terminate": "终止",
}
ACTION_NAMES = {
    "transformation.created": "登记转化合同",
    "transformation.updated": "修改合同要素",
    "transformation.registered": "技术合同认定登记",
    "transformation.export_checked": "技术出口核查",
    "transformation.revenue_started": "记录被许可方收入起始日",
    "transformation.evidence_exported": "导出尽职免责证明材料",
    "ledger.receipt": "台账登记收款",
    "ledger.payment": "台账登记支出",
    "approval.requested": "提出保密审批申请",
    "approval.approved": "批准保密审批",
    "approval.rejected": "驳回保密审批",
    "approval.withdrawn": "撤回保密审批申请",
} | {f"transformation.{event}": name for event, name in EVENT_NAMES.items()}
FIELD_NAMES = {
    "state": "环节",
    "on_date": "日期",
    "form": "转化方式",
    "title": "合同名称",
    "counterparty": "合作方",
    "counterparty_id": "合作方编号",
    "allocations": "成果及收入分配",
    "price_fen": "金额",
    "amount_fen": "金额",
    "method": "定价方式",
    "terms": "合同条件",
    "appraisal": "评估决定",
    "appraisal_basis": "决定依据",
    "appraised_value_fen": "评估值",
    "notice_days": "公示期（日）",
    "notice_end": "公示期届满日",
    "listing_end": "挂牌期届满日",
    "explanation": "期限计算",
    "content": "异议内容",
    "reason": "理由",
    "ledger": "台账登记",
    "entry": "台账记录号",
    "note": "摘要",
    "contract_registration_no": "技术合同登记号",
    "contract_registration_date": "登记日期",
    "category": "出口类别",
    "catalogue_version": "目录版本",
    "checked_on": "核查日期",
    "licence_no": "出口许可证号",
    "revenue_from": "收入起始日",
    "kind": "类别",
    "status": "状态",
    "sha256": "文件SHA-256",
    "path": "保存位置",
    "head.size": "日志树记录数",
    "head.root": "日志树根",
    "transformation": "转化合同编号",
}
TERM_NAMES = {
    "scope": "许可方式",
    "term_start": "许可起始日",
    "term_end": "许可终止日",
    "territory": "许可地域",
    "company": "被投资公司",
    "shares": "股份数",
    "capital_percent": "出资比例（%）",
    "free_months": "免费使用期（月）",
    "installments": "分期付款",
    "mode": "权益让渡方式",
    "trigger": "触发条件",
    "return_percent": "约定收益比例（%）",
    "stages": "投入阶段",
    "exit_plan": "退出安排",
    "project_ref": "横向项目",
    "researcher_share": "科研人员收益比例（%）",
    "exception_reason": "低于90%的理由",
}
_DATE_FIELDS = frozenset(
    {
        "on_date",
        "notice_end",
        "listing_end",
        "contract_registration_date",
        "checked_on",
        "revenue_from",
        "term_start",
        "term_end",
    }
)
_MONEY_FIELDS = frozenset({"price_fen", "amount_fen", "appraised_value_fen"})
_CODE_FIELDS: dict[str, dict[str, str]] = {
    "state": STATE_NAMES,
    "form": FORM_NAMES,
    "method": METHOD_NAMES,
    "appraisal": APPRAISAL_NAMES,
    "category": EXPORT_NAMES,
    "status": APPROVAL_STATUS_NAMES,
    "scope": SCOPE_NAMES,
    "kind": LEDGER_KIND_NAMES | {"classified_cooperation": "涉密成果转化保密审批"},
}
# Why entries about the transformation are not listed (see ``EvidenceInput.audit_scope``).
SCOPE_NOTES = {
    "all": "",
    "auditors": "保密管理员查阅审计日志仅限于安全审计员的操作记录（三员分立），其他人员的操作记录"
    "未列入本材料。",
    "none": "系统管理员不查阅审计日志（三员分立），审计记录未列入本材料；日志树的记录总数和树根"
    "照录于上，可供核对。",
}


# -- input ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class EvidenceAchievement:
    """One achievement of the contract, with what the gates of measure 十五 looked at."""

    id: int
    title: str
    kind: str  # achievement kind code
    ip_numbers: tuple[str, ...]
    share: Decimal  # percent of the contract's income
    level: str
    secrecy_mark: str
    department: str
    negative_list: bool = False
    negative_list_reason: str = ""
    ethics_status: str = "not_needed"
    ethics_approval: str = ""
    ethics_approved_on: str | None = None


@dataclass(frozen=True)
class EvidenceInput:
    """Everything the evidence file prints, as the service read it in one transaction."""

    unit_name: str
    vault_id: str
    exported_by: str  # display name
    transformation: Transformation
    counterparty: Counterparty | None
    achievements: tuple[EvidenceAchievement, ...]  # in contract order
    decisions: tuple[Decision, ...]  # linked to the transformation or its achievements
    approvals: tuple[ApprovalRequest, ...]  # the secrecy approvals asked for it
    agreements: tuple[ConfidentialityAgreement, ...]  # covering its achievements
    export_check: ExportCheck | None
    entries: tuple[LedgerEntry, ...]
    audit_entries: tuple[AuditEntry, ...]  # oldest first; withheld ones without content
    audit_total: int  # entries about the transformation in the log, listed or not
    audit_scope: str  # "all", "auditors" (the reader sees only auditors' entries) or "none"
    head: TreeHead  # the audit tree the entries were read from
    as_of: str  # ISO timestamp of the newest entry in that tree: the document's date
    level: str  # the most secret content the file shows: its mark
    names: dict[str, str] = field(default_factory=dict)  # user id -> display name


# -- the document --------------------------------------------------------------------------
def doc_number(transformation_id: int) -> str:
    return f"转化合同 {transformation_id}"


def render_evidence_file(data: EvidenceInput) -> bytes:
    """The A4 PDF: the mark of ``data.level`` at the top of every page, the document number at
    the top right, "第 X 页 共 Y 页" at the foot."""
    st = _styles()
    t = data.transformation
    story: list[Flowable] = [
        *_preamble(data, st),
        *_section("一、合同要素", _particulars(data, st), st),
        *_section("二、定价程序及其经过", _procedure(data, st), st),
        *_section("三、决策记录", _decisions(data, st), st),
        *_section("四、保密审批", _approvals(data, st), st),
        *_section("五、保密协议、伦理审查和负面清单", _gates(data, st), st),
        *_section("六、技术合同认定登记和技术出口核查", _registration(data, st), st),
        *_section("七、单列管理台账", _ledger(data, st), st),
        *_section("八、审计记录", _audit(data, st), st),
        *_closing(data, st),
    ]
    return render(
        title=TITLE,
        doc_no=doc_number(t.id),
        mark=carrier_mark(data.level),
        created_at=data.as_of,
        author=data.unit_name,
        story=story,
    )


# -- parts ---------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    st = styles()
    base = st["plain"]
    return st | {
        "section": ParagraphStyle(
            "section", base, fontSize=13, leading=21, spaceBefore=9, spaceAfter=3
        ),
        "sub": ParagraphStyle("sub", base, fontSize=11, leading=18, spaceBefore=4, spaceAfter=1),
        "note": ParagraphStyle("note", base, fontSize=9.5, leading=15, textColor=colors.grey),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=12),
        "small_head": ParagraphStyle("small_head", base, fontSize=8.5, leading=12),
        "withheld": ParagraphStyle(
            "withheld", base, fontSize=8.5, leading=12, textColor=colors.grey
        ),
        "hex": ParagraphStyle("hex", base, fontName=LATIN_FONT, fontSize=8.5, leading=15),
        "mono": ParagraphStyle("mono", base, fontName=LATIN_FONT, fontSize=9.5, leading=14),
        "label": ParagraphStyle("label", base, fontSize=10, leading=16, textColor=colors.black),
        "value": ParagraphStyle("value", base, fontSize=10, leading=16),
    }


# A list: flowables kept on one page.
Block: TypeAlias = Flowable | list[Flowable]


def _section(heading: str, body: Sequence[Block], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The heading, then ``body``. A heading followed by a block is kept with it; one followed
    by a flowable that may split (a long table) starts a new page when little room is left.
    (KeepTogether is never nested: an inner one always breaks the page.)"""
    title = para(heading, st["section"])
    first, *rest = body
    out: list[Flowable]
    if isinstance(first, list):
        out = [KeepTogether([title, *first])]
    else:
        out = [CondPageBreak(40 * mm), title, first]
    for part in rest:
        out.append(KeepTogether(part) if isinstance(part, list) else part)
    return out


def _sub(heading: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [CondPageBreak(25 * mm), para(heading, st["sub"])]


def _details(
    rows: Sequence[tuple[str, str]], st: dict[str, ParagraphStyle], label_width: float = 38 * mm
) -> Table:
    """Label and value, a light rule under each row."""
    cells = [[para(label, st["label"]), _value_para(label, value, st)] for label, value in rows]
    table = Table(cells, colWidths=(label_width, WIDTH - label_width), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _value_para(label: str, value: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    lines = value.split("\n") if value else ["—"]
    style = st["hex"] if label.startswith("树根") else st["value"]
    return Paragraph("<br/>".join(mixed_markup(line) for line in lines), style)


def _small_grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float | None],
    st: dict[str, ParagraphStyle],
    *,
    withheld_rows: Sequence[int] = (),
) -> Table:
    """A ruled table in small type (the steps, the ledger, the audit entries)."""
    cells: list[list[Paragraph]] = [[para(h, st["small_head"]) for h in header]]
    for number, row in enumerate(rows, start=1):
        style = st["withheld"] if number in withheld_rows else st["small"]
        cells.append([para(text, style) for text in row])
    commands: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for number in withheld_rows:
        commands.append(("BACKGROUND", (0, number), (-1, number), colors.HexColor("#f4f4f4")))
    table = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT", spaceAfter=4)
    table.setStyle(TableStyle(commands))
    return table


def _preamble(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    t = data.transformation
    return [
        para(
            f"根据{MEASURES}第（十四）条“{MEASURE_14}”，本材料汇编“{t.draft.title}”"
            "成果转化事项的定价、决策、审批和登记经过，供有关部门认定时查阅。",
            st["body"],
        ),
        Spacer(1, 3 * mm),
        _details(
            [
                ("单位名称", data.unit_name or NOT_RECORDED),
                ("转化合同", f"{t.draft.title}（{doc_number(t.id)}）"),
                ("当前环节", STATE_NAMES.get(t.state, t.state)),
                ("材料截至", _when(data.as_of)),
                ("审计日志树", f"共 {data.head.size} 条记录（树根见第八部分）"),
                ("保管库编号", data.vault_id),
                ("导出人", data.exported_by),
            ],
            st,
        ),
        Spacer(1, 2 * mm),
        para(
            "本材料由成果转化工作台依据加密保管库中的原始记录自动汇编，各项记录均可在审计日志中"
            "查到对应条目；审计日志以默克尔树（RFC 6962）防篡改，第八部分所载记录总数和树根可用于"
            "日后核对本材料所据记录未被改写。",
            st["note"],
        ),
    ]


def _particulars(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    t = data.transformation
    d = t.draft
    rows: list[tuple[str, str]] = [
        ("合同名称", d.title),
        ("转化方式", FORM_NAMES.get(d.form, d.form)),
        ("合作方", _party_text(data.counterparty, t)),
        (
            "定价方式",
            METHOD_NAMES.get(d.method, d.method) if d.method else "不适用（非定价程序事项）",
        ),
        ("合同金额", _money(d.price_fen)),
    ]
    rows += _terms(t)
    rows.append(("合同签订日期", cn_date(t.signed_on) if t.signed_on else "尚未签订"))
    out: list[Flowable] = [
        _details(rows, st),
        *_sub("所涉成果及收入分配比例（合计 100%）：", st),
    ]
    table_rows = [
        (
            str(n),
            f"{a.title}（{a.department}）" if a.department else a.title,
            kind_name(a.kind),
            ip_text(a.ip_numbers),
            a.secrecy_mark or LEVEL_NAMES.get(a.level, a.level),
            percent(a.share),
        )
        for n, a in enumerate(data.achievements, start=1)
    ]
    out.append(
        _small_grid(
            ("序号", "成果名称", "类型", "知识产权", "密级", "收入分配"),
            table_rows,
            (10 * mm, None, 22 * mm, 38 * mm, 20 * mm, 18 * mm),
            st,
        )
    )
    return out


def _party_text(cp: Counterparty | None, t: Transformation) -> str:
    if cp is None:
        if t.draft.form == "share_transfer":
            return "成果完成人团队（权益让渡，以赋权为基础）"
        return t.counterparty_name or NOT_RECORDED
    d = cp.draft
    code = d.credit_code or NOT_RECORDED
    code_name = "统一社会信用代码" if d.region == "domestic" else "登记号"
    parts = [
        OWNERSHIP_NAMES.get(d.ownership, d.ownership),
        SIZE_NAMES.get(d.size, d.size),
        REGION_NAMES.get(d.region, d.region),
    ]
    return f"{cp.name}\n{code_name}：{code}\n{'，'.join(parts)}"


def _terms(t: Transformation) -> list[tuple[str, str]]:
    d = t.draft
    rows: list[tuple[str, str]] = []
    if d.licence is not None:
        lic = d.licence
        rows.append(
            (
                "许可条件",
                f"{SCOPE_NAMES.get(lic.scope, lic.scope)}，期限自{cn_date(lic.term_start)}起至"
                f"{cn_date(lic.term_end)}止，地域：{lic.territory}",
            )
        )
    if d.equity is not None:
        e = d.equity
        holding = f"{e.shares} 股" if e.shares is not None else f"出资比例 {e.capital_percent}%"
        rows.append(("作价投资", f"{e.company}，{holding}"))
    if d.pay_later is not None:
        lines = [f"免费使用期 {d.pay_later.free_months} 个月"]
        for n, item in enumerate(d.pay_later.installments, start=1):
            if item.condition == "on_date" and item.due_on:
                when = f"于{cn_date(item.due_on)}支付"
            elif item.condition == "after_effect":
                when = f"合同生效后 {item.months} 个月支付"
            else:
                when = f"被许可方产生收入后 {item.months} 个月支付"
            lines.append(f"第 {n} 期：{_money(item.amount_fen)}，{when}")
        rows.append(("付款安排", "\n".join(lines)))
    if d.share_transfer is not None:
        s = d.share_transfer
        if s.mode == "resource_fee":
            rows.append(("权益让渡", "一次性收取资源占用费"))
        else:
            rows.append(("权益让渡", f"赋权并约定收益：{s.trigger}时收取 {s.return_percent}%"))
    if d.invest is not None:
        stages = "；".join(
            f"{STAGE_NAMES.get(s.stage, s.stage)} {_money(s.amount_fen)}" for s in d.invest.stages
        )
        rows.append(("分阶段投入", stages))
        rows.append(("转股触发条件", d.invest.trigger))
        rows.append(("退出安排", d.invest.exit_plan))
    if d.surplus is not None:
        u = d.surplus
        text = f"横向项目 {u.project_ref} 结余经费出资，科研人员收益比例 {u.researcher_share}%"
        if u.exception_reason:
            text += f"（低于 90% 的理由：{u.exception_reason}）"
        rows.append(("结余经费出资", text))
    return rows


def _procedure(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    t = data.transformation
    out: list[Flowable] = []
    appraisal = [
        ("评估决定", APPRAISAL_NAMES.get(t.appraisal, t.appraisal) if t.appraisal else "尚未决定"),
        ("决定依据", t.appraisal_basis or "—"),
    ]
    if t.appraised_value_fen is not None:
        appraisal.append(("评估值", _money(t.appraised_value_fen)))
    out += [*_sub("（一）资产评估", st), _details(appraisal, st)]
    if t.notice_start is not None:
        objections = [s for s in t.steps if s.event == "object"]
        notice = [
            (
                "公示内容",
                f"成果名称“{'、'.join(t.achievement_titles)}”，拟交易价格{_notice_price(t)}",
            ),
            ("公示开始", cn_date(t.notice_start)),
            (
                "公示期",
                f"{t.notice_days} 日，至{cn_date(t.notice_end)}24时届满" if t.notice_end else "—",
            ),
            ("期限计算", _detail_of(t, "start_notice", "explanation")),
            (
                "异议",
                "\n".join(
                    f"{cn_date(s.on_date)}收到：{s.detail.get('content', '')}" for s in objections
                )
                if objections
                else "公示期内未收到异议",
            ),
        ]
        out += [*_sub("（二）协议定价公示及异议", st), _details(notice, st)]
    if t.listing_start is not None:
        listing = [
            ("挂牌开始", cn_date(t.listing_start)),
            ("挂牌期", f"至{cn_date(t.listing_end)}24时届满（半个月）" if t.listing_end else "—"),
            ("期限计算", _detail_of(t, "start_listing", "explanation")),
            ("挂牌结果", _listing_outcome(t)),
        ]
        out += [*_sub("（三）技术市场挂牌", st), _details(listing, st)]
    auction = [s for s in t.steps if s.event == "record_auction"]
    if auction:
        s = auction[-1]
        out += [
            *_sub("（四）拍卖", st),
            _details(
                [
                    ("拍卖日期", cn_date(s.on_date)),
                    ("买受人", str(s.detail.get("counterparty", ""))),
                    ("成交价", _money_of(s.detail.get("price_fen"))),
                ],
                st,
            ),
        ]
    out += _sub("（五）程序各环节（按办理顺序）", st)
    if t.steps:
        rows = [
            (
                str(n),
                cn_date(s.on_date),
                EVENT_NAMES.get(s.event, s.event),
                _step_text(s.event, s.state_after, s.detail, t),
                STATE_NAMES.get(s.state_after, s.state_after),
                data.names.get(s.created_by, s.created_by),
                _when(s.created_at),
            )
            for n, s in enumerate(t.steps, start=1)
        ]
        out.append(
            _small_grid(
                ("序号", "日期", "环节", "内容", "办理后环节", "办理人", "记录时间"),
                rows,
                (9 * mm, 25 * mm, 22 * mm, None, 20 * mm, 16 * mm, 25 * mm),
                st,
            )
        )
    else:
        out.append(para("尚未办理任何定价程序环节。", st["plain"]))
    return out


def _notice_price(t: Transformation) -> str:
    for s in t.steps:
        if s.event == "start_notice" and isinstance(s.detail.get("price_fen"), int):
            return _money(s.detail["price_fen"])  # type: ignore[arg-type]
    return _money(t.draft.price_fen)


def _detail_of(t: Transformation, event: str, key: str) -> str:
    for s in reversed(t.steps):
        if s.event == event and key in s.detail:
            return str(s.detail[key])
    return "—"


def _listing_outcome(t: Transformation) -> str:
    for s in reversed(t.steps):
        if s.event in ("listing_taken", "listing_lapsed"):
            return f"{cn_date(s.on_date)}：{_step_text(s.event, s.state_after, s.detail, t)}"
    return "挂牌中"


def _step_text(event: str, state_after: str, detail: dict[str, object], t: Transformation) -> str:
    """What a step recorded, in words."""
    if event == "record_appraisal":
        text = APPRAISAL_NAMES.get(str(detail.get("appraisal")), str(detail.get("appraisal", "")))
        basis = detail.get("appraisal_basis")
        if basis:
            text += f"；依据：{basis}"
        if isinstance(detail.get("appraised_value_fen"), int):
            text += f"；评估值{_money_of(detail['appraised_value_fen'])}"
        return text
    if event == "start_notice":
        end = detail.get("notice_end")
        return (
            f"公示成果名称和拟交易价格{_money_of(detail.get('price_fen'))}，公示期"
            f"{detail.get('notice_days')}日，至{cn_date(str(end)) if end else '—'}届满"
        )
    if event == "object":
        return f"异议内容：{detail.get('content', '')}"
    if event == "close_notice":
        return "公示期满，未收到异议"
    if event == "start_listing":
        end = detail.get("listing_end")
        return f"挂牌期至{cn_date(str(end)) if end else '—'}届满"
    if event in ("listing_taken", "record_auction"):
        who = "摘牌方" if event == "listing_taken" else "买受人"
        return (
            f"{who}：{detail.get('counterparty', '')}，成交价{_money_of(detail.get('price_fen'))}"
        )
    if event == "listing_lapsed":
        if state_after == "cleared":
            return "半个月内无人摘牌，按协议定价交易"
        return "挂牌期满无人摘牌，由单位重新决定"
    if event == "sign":
        return _booking_text(detail.get("ledger"))
    if event == "terminate":
        return f"终止理由：{detail.get('reason', '')}"
    if event == "complete":
        return "合同履行完毕"
    return "；".join(f"{k}：{v}" for k, v in sorted(detail.items())) or "—"


def _booking_text(ledger: object) -> str:
    """What the signing booked into the ledger (the sign step's ``ledger`` detail)."""
    if ledger == "not_booked":
        return "涉及负面清单成果，不纳入单列管理台账"
    if not isinstance(ledger, list) or not ledger:
        return "合同签订"
    return "合同签订，登记单列管理台账：" + "、".join(_booked(item) for item in ledger)


def _booked(item: object) -> str:
    """One booking as the service records it: {"kind": …, "amount_fen": …}."""
    if item == "not_booked":
        return "不纳入单列管理台账（负面清单）"
    if isinstance(item, dict):
        kind = str(item.get("kind", ""))
        return f"{LEDGER_KIND_NAMES.get(kind, kind)}{yuan(int(item.get('amount_fen', 0)))}元"
    return str(item)


def _decisions(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Block]:
    if not data.decisions:
        return [para("没有与本转化事项或所涉成果关联的决策记录。", st["plain"])]
    titles = {str(a.id): a.title for a in data.achievements}
    out: list[Block] = []
    for n, decision in enumerate(data.decisions, start=1):
        d = decision.draft
        rows = [
            ("决策机构", BODY_NAMES.get(d.body, d.body)),
            ("议题", d.title),
            ("决策日期", cn_date(d.decided_on)),
            ("参加人员", "、".join(d.participants) or NOT_RECORDED),
            ("决策结果", OUTCOME_NAMES.get(d.outcome, d.outcome)),
            ("表决情况", _votes(decision)),
            ("密级", LEVEL_NAMES.get(d.level, d.level)),
            ("关联事项", _links(decision, data.transformation.id, titles)),
        ]
        if d.summary.strip():
            rows.append(("纪要摘要", d.summary.strip()))
        out.append([para(f"决策记录 {n}", st["sub"]), _details(rows, st)])
    return out


def _votes(decision: Decision) -> str:
    d = decision.draft
    counts = (d.votes_for, d.votes_against, d.votes_abstain)
    if all(c is None for c in counts):
        return "未记录表决票数"
    words = ("同意", "反对", "弃权")
    return "，".join(f"{w} {c} 票" for w, c in zip(words, counts, strict=True) if c is not None)


def _links(decision: Decision, transformation_id: int, titles: dict[str, str]) -> str:
    found = []
    for object_type, object_id in decision.links:
        if object_type == "transformation" and object_id == str(transformation_id):
            found.append("本转化合同")
        elif object_type == "achievement" and object_id in titles:
            found.append(f"成果“{titles[object_id]}”")
    return "、".join(found) or "—"


def _approvals(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Block]:
    if not data.approvals:
        classified = any(a.level in MARKED_LEVELS for a in data.achievements)
        if classified:
            return [para("尚未提出涉密成果转化的保密审批申请。", st["plain"])]
        return [para("所涉成果不涉密，无需保密审批。", st["plain"])]
    out: list[Block] = []
    for request in sorted(data.approvals, key=lambda r: r.id):
        rows = [
            ("申请人", request.requester_name or data.names.get(request.requested_by, "")),
            ("申请时间", _when(request.requested_at)),
            ("申请理由", request.reason),
            ("审批状态", APPROVAL_STATUS_NAMES.get(request.status, request.status)),
        ]
        if request.decided_at and request.status in ("approved", "rejected"):
            decider = request.decider_name or data.names.get(request.decided_by or "", "")
            rows += [("审批人", decider), ("审批时间", _when(request.decided_at))]
            rows.append(("审批意见", request.decision_note or "—"))
        elif request.status == "withdrawn" and request.decided_at:
            rows.append(("撤回时间", _when(request.decided_at)))
        out.append([para(f"保密审批申请 {request.id}", st["sub"]), _details(rows, st)])
    return out


def _gates(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    t = data.transformation
    out: list[Flowable] = _sub("（一）保密协议", st)
    if data.agreements:
        on = t.signed_on or data.as_of[:10]
        day = dt.date.fromisoformat(on)
        what = "合同签订日" if t.signed_on else "材料截至日"
        rows = []
        for a in data.agreements:
            d = a.draft
            approval = "未登记审批备案"
            if a.approval_recorded and d.approval_date:
                approval = f"{d.approval_body}，{cn_date(d.approval_date)}，{d.approval_doc_no}"
            if a.terminated_on:
                state = f"已于{cn_date(a.terminated_on)}终止"
            else:
                state = f"{what}{'有效' if a.in_force(day) else '未生效或已失效'}"
            rows.append(
                (
                    a.doc_no,
                    d.party_name,
                    LEVEL_NAMES.get(d.level, d.level),
                    f"{cn_date(d.term_start)}至{cn_date(d.term_end)}",
                    approval,
                    state,
                )
            )
        out.append(
            _small_grid(
                ("编号", "对方", "密级", "期限", "审批备案", "状态"),
                rows,
                (24 * mm, 30 * mm, 12 * mm, 30 * mm, None, 24 * mm),
                st,
            )
        )
    else:
        out.append(para("没有覆盖所涉成果的保密协议。", st["plain"]))
    out += _sub("（二）伦理审查和负面清单", st)
    rows2 = []
    for r in data.achievements:
        ethics = ETHICS_NAMES.get(r.ethics_status, r.ethics_status)
        if r.ethics_approval or r.ethics_approved_on:
            approved = cn_date(r.ethics_approved_on) if r.ethics_approved_on else NOT_RECORDED
            ethics += f"（批件号：{r.ethics_approval or NOT_RECORDED}；批准日期：{approved}）"
        negative = f"列入负面清单：{r.negative_list_reason}" if r.negative_list else "未列入"
        rows2.append((r.title, ethics, negative))
    out.append(
        _small_grid(("成果名称", "伦理审查", "负面清单"), rows2, (None, 62 * mm, 40 * mm), st)
    )
    return out


def _registration(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    d = data.transformation.draft
    rows = [
        ("技术合同登记号", d.contract_registration_no or "尚未登记"),
        (
            "登记日期",
            cn_date(d.contract_registration_date) if d.contract_registration_date else "—",
        ),
    ]
    check = data.export_check
    overseas = data.counterparty is not None and data.counterparty.draft.region == "overseas"
    if check is not None:
        rows += [
            ("技术出口核查", EXPORT_NAMES.get(check.category, check.category)),
            ("目录版本", check.catalogue_version),
            ("核查日期", cn_date(check.checked_on)),
            ("出口许可证号", check.licence_no or "—"),
        ]
        if check.contract_registration_no:
            rows.append(("出口合同登记号", check.contract_registration_no))
    elif overseas:
        rows.append(("技术出口核查", "合作方在境外，尚未记录技术出口核查"))
    else:
        rows.append(("技术出口核查", "合作方在境内，无需核查"))
    return [_details(rows, st)]


def _ledger(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not data.entries:
        return [para("单列管理台账中尚无本合同的记录。", st["plain"])]
    rows = []
    for e in data.entries:
        when = ""
        if e.kind == "receivable":
            when = f"{cn_date(e.due_on)}到期" if e.due_on else (e.condition or "条件尚未成就")
        rows.append(
            (
                str(e.id),
                cn_date(e.on_date),
                LEDGER_KIND_NAMES.get(e.kind, e.kind),
                yuan(e.amount_fen),
                when,
                e.note or "—",
            )
        )
    out: list[Flowable] = [
        _small_grid(
            ("记录号", "日期", "类别", "金额（元）", "到期", "摘要"),
            rows,
            (14 * mm, 26 * mm, 14 * mm, 28 * mm, 34 * mm, None),
            st,
        )
    ]
    totals = {kind: 0 for kind in LEDGER_KIND_NAMES}
    for e in data.entries:
        totals[e.kind] = totals.get(e.kind, 0) + e.amount_fen
    outstanding = sum(r.outstanding_fen for r in settle(data.entries))
    summary = "；".join(f"{LEDGER_KIND_NAMES[k]}合计{_money(v)}" for k, v in totals.items() if v)
    out.append(para(f"{summary}；尚未收回的应收款{_money(outstanding)}。", st["plain"]))
    return out


def _audit(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Block]:
    head = data.head
    tree = [
        _details(
            [
                ("日志树记录总数", f"{head.size} 条"),
                ("树根（十六进制）", head.root.hex()),
            ],
            st,
        ),
        Spacer(1, 2 * mm),
        para(
            "以上为汇编本材料时审计日志树的状态。在“审计日志—按检查点校验”中输入该记录总数和树根，"
            "即可确认下列记录及其前后的全部日志此后未被改写。检查点（C2SP tlog-checkpoint 格式）：",
            st["note"],
        ),
        Spacer(1, 1 * mm),
        _checkpoint_box(checkpoint_text(data.vault_id, head), st),
    ]
    out: list[Block] = [tree, Spacer(1, 3 * mm)]
    listed = len(data.audit_entries)
    withheld = sum(1 for e in data.audit_entries if not e.content_visible)
    count = f"与本转化事项有关的审计记录共 {data.audit_total} 条"
    if listed == data.audit_total:
        count += "，全部列出如下。"
    else:
        count += f"，本材料列出其中 {listed} 条。"
    notes = [count]
    if listed < data.audit_total and SCOPE_NOTES.get(data.audit_scope):
        notes.append(SCOPE_NOTES[data.audit_scope])
    elif listed < data.audit_total:
        notes.append("记录过多，仅列出最新的部分。")
    if withheld:
        notes.append(f"其中 {withheld} 条的{WITHHELD}，仅列出编号、时间、操作人和操作。")
    out.append(para("".join(notes), st["plain"]))
    if data.audit_entries:
        rows = []
        withheld_rows = []
        for n, e in enumerate(data.audit_entries, start=1):
            if e.content_visible:
                changes = _changes(e)
            else:
                changes = f"〔{WITHHELD}〕"
                withheld_rows.append(n)
            rows.append(
                (
                    str(e.seq),
                    _when(e.ts),
                    e.actor_name or e.actor,
                    ACTION_NAMES.get(e.action, e.action),
                    changes,
                )
            )
        out.append(
            _small_grid(
                ("序号", "时间", "操作人", "操作", "内容"),
                rows,
                (12 * mm, 27 * mm, 18 * mm, 30 * mm, None),
                st,
                withheld_rows=withheld_rows,
            )
        )
    return out


def _checkpoint_box(text: str, st: dict[str, ParagraphStyle]) -> Table:
    body = Paragraph(mixed_markup(text.rstrip("\n")).replace("\n", "<br/>"), st["mono"])
    table = Table([[body]], colWidths=(WIDTH - 20 * mm,), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _closing(data: EvidenceInput, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lines = [
        f"经办人（签字）：{BLANK_SIGNATURE}　　日期：______年____月____日",
        f"部门负责人（签字）：{BLANK_SIGNATURE}　　日期：______年____月____日",
        f"单位（盖章）：{data.unit_name}",
    ]
    return [
        Spacer(1, 8 * mm),
        KeepTogether(
            [
                para("经核对，以上记录与本单位办理该转化事项的经过一致。", st["body"]),
                Spacer(1, 4 * mm),
                *[para(line, st["sign"]) for line in lines],
            ]
        ),
    ]


# -- words ---------------------------------------------------------------------------------
def _money(fen: int) -> str:
    return f"{yuan(fen)}元"


def _money_of(value: object) -> str:
    return _money(value) if isinstance(value, int) and not isinstance(value, bool) else "—"


def _when(timestamp: str) -> str:
    """An ISO timestamp as 2026年1月5日 08:03 (as stored: the time of the machine that wrote
    it); a date alone as 2026年1月5日."""
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if len(timestamp) <= 10:
        return cn_date(timestamp)
    return format_cn_datetime(moment)


def _value_text(field_name: str, value: Any) -> str:
    leaf = field_name.rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return "是" if value else "否"
    if leaf in _MONEY_FIELDS and isinstance(value, int):
        return _money(value)
    if leaf in _CODE_FIELDS and isinstance(value, str):
        return _CODE_FIELDS[leaf].get(value, value)
    if leaf in _DATE_FIELDS and isinstance(value, str) and len(value) == 10:
        try:
            return cn_date(value)
        except ValueError:
            return value
    if leaf == "ledger":
        return _booked(value) if isinstance(value, str) else _booking_text(value)
    if leaf == "allocations" and isinstance(value, dict):
        return f"成果{value.get('achievement_id')}占{value.get('share')}%"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", "："))
    return str(value)


def _label(field_name: str) -> str:
    if field_name in FIELD_NAMES:
        return FIELD_NAMES[field_name]
    leaf = field_name.rsplit(".", 1)[-1]
    if field_name.startswith("terms.") and leaf in TERM_NAMES:
        return TERM_NAMES[leaf]
    return FIELD_NAMES.get(leaf, field_name)


def _changes(entry: AuditEntry) -> str:
    """What the entry records, in words: each field it changed (before → after), and each field
    it records only afterwards (a step's date, price or objection) with its value."""
    changed = {c.field: c for c in field_changes(entry.before, entry.after, value_text=_value_text)}
    recorded_before = {c.field for c in field_changes(entry.before, None, value_text=_value_text)}
    shown = []
    for c in field_changes(None, entry.after, value_text=_value_text):
        if c.field in recorded_before:
            if c.field in changed:
                shown.append(changed[c.field])
        elif c.after:  # a new record's empty fields say nothing
            shown.append(c)
    if entry.after is None:
        shown = list(changed.values())
    text = changes_in_words(shown, _label, arrow="→")
    if entry.reason:
        text = f"{text}；理由：{entry.reason}" if text else f"理由：{entry.reason}"
    return text or "—"

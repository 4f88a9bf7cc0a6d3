"""The documents of a reward calculation (奖励和报酬, measure 十二): the statement (奖励计算表)
and the public notice (奖励公示, with the fields 国科发政〔2018〕103号 lists) as PDFs, and the
allocation as a spreadsheet for the finance office.

Everything comes from the stored calculation (``RewardCalculation``: the input and the result
as they were saved) and the few facts the service adds in ``Context``; nothing is recomputed, so
a statement printed years later shows the figures and rule versions of the day. Every table's
total is the sum of its rows and must equal the pool exactly (the domain splits with the
largest-remainder method); a document whose rows do not add up is never written.

The same input gives the same bytes: the PDFs through ``agreements.render`` (reportlab's
invariant mode, the creation date taken from ``calculation.created_at``), the workbook with its
properties dated ``calculation.created_at`` and every ZIP entry carrying one fixed date.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
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

from desktop.domain.rewards import KIND_NAMES, Line, RewardCalculation, Step, yuan
from desktop.domain.rules import RULES, Rule
from desktop.domain.secrecy import carrier_mark
from desktop.domain.transformations import Transformation
from desktop.reports.agreements import (
    BLANK_DATE,
    BLANK_SIGNATURE,
    TRANSFER_LAW,
    WIDTH,
    cn_date,
    para,
    render,
    styles,
)
from desktop.reports.evidence_file import FORM_NAMES  # the contract's form in words
from desktop.reports.fonts import mixed_markup
from desktop.reports.pages import TABLE_FONT

STATEMENT_TITLE = "职务科技成果转化奖励计算表"
NOTICE_TITLE = "职务科技成果转化奖励公示"
NOTICE_BASIS = "国科发政〔2018〕103号"
TAX_BASIS = "财税〔2018〕58号"
SHEET_ALLOCATION = "奖励分配"
SHEET_STEPS = "计算过程"
NOT_LINKED = "未关联转化合同"
NOT_REGISTERED = "尚未登记"
BLANK_PERIOD = "自____起____个工作日"
STATE_NAMES = {
    "calculated": "已计算，尚未公示",
    "notice": "公示中",
    "paid": "已发放",
    "cancelled": "已作废",
}
STATUS_NAMES = {"verified": "已核实", "secondary": "二手来源", "unverified": "未经核实"}
LEADER_NAMES = {"principal": "正职领导", "deputy": "副职领导"}
NO_VALUE = "—"
PERCENT_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Context:
    """What the documents print beyond the calculation itself (the service fills it)."""

    unit_name: str
    calculation: RewardCalculation
    transformation: Transformation | None
    departments: dict[int, str]  # person id -> department name
    notice_workdays: int | None = None  # the unit's period, for a notice not yet started


# -- what the three documents share ------------------------------------------------------------
def doc_number(calculation_id: int) -> str:
    return f"奖励计算 {calculation_id}"


def measure(c: RewardCalculation) -> str:
    """What the reward is counted in: "yuan" (cash), "shares" or "percent" (equity)."""
    if c.result.kind != "equity":
        return "yuan"
    return "shares" if c.input.equity_shares is not None else "percent"


def allocation_header(c: RewardCalculation) -> tuple[str, ...]:
    """The columns of the table per person (the statement's and the spreadsheet's)."""
    base = ("序号", "姓名", "部门", "主要贡献", "领导职务")
    unit = measure(c)
    if unit == "yuan":
        return (*base, "奖励金额（元）", "计入工资薪金（元）")
    if unit == "shares":
        return (*base, "奖励股份（股）")
    return (*base, "奖励出资比例（%）")


def _check_totals(c: RewardCalculation) -> None:
    """The rows add up to the pool exactly, or no document is made (a bug, never bad input)."""
    lines = c.result.lines
    checks = {
        "yuan": (sum(x.amount_fen for x in lines), c.result.pool_fen),
        "shares": (sum(x.shares for x in lines), c.result.pool_shares),
        "percent": (sum((x.percent for x in lines), Decimal(0)), c.result.pool_percent),
    }
    total, pool = checks[measure(c)]
    if total != pool:
        raise ValueError(f"reward {c.id}: the lines add up to {total}, the pool is {pool}")


def _percent(value: Decimal) -> str:
    return f"{value.quantize(PERCENT_PLACES)}%"


def _shares(value: int) -> str:
    return f"{value:,}"


def _pool_text(c: RewardCalculation) -> str:
    r = c.result
    unit = measure(c)
    if unit == "yuan":
        return f"{yuan(r.pool_fen)} 元"
    if unit == "shares":
        return f"{_shares(r.pool_shares)} 股"
    return f"出资比例 {_percent(r.pool_percent)}"


def _amount_text(c: RewardCalculation, line: Line) -> str:
    unit = measure(c)
    if unit == "yuan":
        return yuan(line.amount_fen)
    if unit == "shares":
        return _shares(line.shares)
    return _percent(line.percent)


def _rate_text(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _leader(line: Line) -> str:
    return LEADER_NAMES.get(line.leader_type, NO_VALUE)


def _department(context: Context, line: Line) -> str:
    return context.departments.get(line.person_id, "") or NO_VALUE


def _status(step: Step) -> str:
    return STATUS_NAMES.get(step.status, NO_VALUE)


def _rule_version(rule_id: str, since: str) -> Rule | None:
    """The version of a rule a calculation used (same id, same date), for its words."""
    for found in RULES:
        if found.id == rule_id and found.effective_from.isoformat() == since:
            return found
    return None


def _registration(context: Context) -> str:
    t = context.transformation
    if t is not None and t.draft.contract_registration_no:
        text = f"已认定登记，登记号 {t.draft.contract_registration_no}"
        if t.draft.contract_registration_date:
            text += f"，登记日期 {cn_date(t.draft.contract_registration_date)}"
        return text
    if context.calculation.input.contract_registered:
        return "已认定登记（登记号未录入本系统）"
    return NOT_REGISTERED


def _income_rows(c: RewardCalculation) -> list[tuple[str, str]]:
    """Where the pool came from: the income and what was deducted, the profits of each year,
    the surplus returns, or the holding formed by the investment."""
    data, r = c.input, c.result
    rows: list[tuple[str, str]] = []
    if r.kind in ("transfer", "licence"):
        received = sum(x.amount_fen for x in data.receipts)
        items = [f"{cn_date(x.on)}收到 {yuan(x.amount_fen)} 元" for x in data.receipts]
        rows.append(("转化收入", "\n".join([*items, f"合计 {yuan(received)} 元"])))
        deducted = sum(x.amount_fen for x in data.deductions)
        items = [f"{x.kind} {yuan(x.amount_fen)} 元" for x in data.deductions]
        rows.append(("扣除费用", "\n".join([*items, f"合计 {yuan(deducted)} 元"])))
        rows.append(("净收入", f"{yuan(r.net_income_fen)} 元"))
    elif r.kind == "implementation":
        items = [f"第{n}年 {yuan(profit)} 元" for n, profit in enumerate(data.profits_fen, start=1)]
        rows.append(("投产后各年营业利润", "\n".join(items)))
    elif r.kind == "surplus":
        rows.append(("结余经费出资转化收益", f"{yuan(data.surplus_returns_fen)} 元"))
    elif data.equity_shares is not None:
        rows.append(("作价投资形成", f"股份 {_shares(data.equity_shares)} 股"))
    elif data.equity_percent is not None:
        rows.append(("作价投资形成", f"出资比例 {data.equity_percent}%"))
    return rows


def _pool_rows(c: RewardCalculation) -> list[tuple[str, str]]:
    r = c.result
    rate_name = "科研人员收益比例" if r.kind == "surplus" else "奖励比例"
    return [
        *_income_rows(c),
        (rate_name, _rate_text(r.rate)),
        ("奖励总额", _pool_text(c)),
    ]


def _notice_period(c: RewardCalculation, workdays: int | None = None) -> str:
    if c.notice_start is None or c.notice_end is None:
        if workdays is not None:
            return f"自____起{workdays}个工作日（工作日计算）"
        return f"{BLANK_PERIOD}（工作日计算）"
    return f"自{cn_date(c.notice_start)}起至{cn_date(c.notice_end)}止（工作日计算）"


def _state_text(c: RewardCalculation) -> str:
    text = STATE_NAMES.get(c.state, c.state)
    if c.notice_start is not None and c.notice_end is not None:
        text += f"；公示期自{cn_date(c.notice_start)}起至{cn_date(c.notice_end)}止"
    if c.paid_on is not None:
        text += f"；已于{cn_date(c.paid_on)}发放"
    return text


# -- PDF parts ---------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    st = styles()
    base = st["plain"]
    return st | {
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=13, leading=20, alignment=TA_CENTER, spaceAfter=5 * mm
        ),
        "section": ParagraphStyle(
            "section", base, fontSize=13, leading=21, spaceBefore=9, spaceAfter=3
        ),
        "note": ParagraphStyle("note", base, fontSize=9.5, leading=15, textColor=colors.grey),
        "alert": ParagraphStyle("alert", base, fontSize=12, leading=19, alignment=TA_CENTER),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=12),
        "small_head": ParagraphStyle(
            "small_head", base, fontSize=8.5, leading=12, alignment=TA_CENTER
        ),
        "cell": ParagraphStyle("cell", base, fontSize=10, leading=15),
        "cell_head": ParagraphStyle(
            "cell_head", base, fontSize=10, leading=15, alignment=TA_CENTER
        ),
        "number": ParagraphStyle("number", base, fontSize=10, leading=15, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", base, fontSize=10, leading=16),
        "value": ParagraphStyle("value", base, fontSize=10, leading=16),
        "issuer": ParagraphStyle("issuer", base, leading=24, alignment=TA_RIGHT),
    }


def _lines_para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that keeps the line breaks of ``text``."""
    lines = text.split("\n") if text else [NO_VALUE]
    return Paragraph("<br/>".join(mixed_markup(line) for line in lines), style)


def _details(rows: Sequence[tuple[str, str]], st: dict[str, ParagraphStyle]) -> Table:
    """Label and value, a light rule under each row."""
    label_width = 36 * mm
    cells = [[para(label, st["label"]), _lines_para(value, st["value"])] for label, value in rows]
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


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float | None],
    st: dict[str, ParagraphStyle],
    *,
    numbers: Sequence[int] = (),
    total: Sequence[str] | None = None,
    small: bool = False,
    commands: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table, header shaded and repeated on every page; the columns in ``numbers`` are
    set flush right; ``total``: a last row, shaded, its label spanning the columns before the
    first number."""
    head, body = ("small_head", "small") if small else ("cell_head", "cell")
    cells: list[list[Paragraph]] = [[para(text, st[head]) for text in header]]
    for row in [*rows, *([total] if total is not None else [])]:
        cells.append(
            [
                _lines_para(text, st["number"] if n in numbers and not small else st[body])
                for n, text in enumerate(row)
            ]
        )
    style: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black if not small else colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if not small else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2 if small else 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if small else 4),
        *commands,
    ]
    # The column without a width takes what the others leave of the page's width.
    rest = WIDTH - sum(w for w in widths if w is not None)
    resolved = [rest if w is None else w for w in widths]
    # reportlab hangs closing punctuation past the line's end (agreements.chinese_line_breaks):
    # a column of running text keeps a glyph's width free on its right, so that never crosses
    # the rule. (Narrow columns hold short values that do not wrap.)
    glyph = st[body].fontSize + 1
    for column, width in enumerate(resolved):
        if column not in numbers and width >= 30 * mm:
            style.append(("RIGHTPADDING", (column, 1), (column, -1), glyph))
    if total is not None:
        last = len(cells) - 1
        style.append(("BACKGROUND", (0, last), (-1, last), colors.HexColor("#f2f2f2")))
        span_end = (min(numbers) if numbers else len(header)) - 1
        if span_end > 0:
            style.append(("SPAN", (0, last), (span_end, last)))
    table = Table(
        cells,
        colWidths=resolved,
        repeatRows=1,
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=4,
    )
    table.setStyle(TableStyle(style))
    return table


def _section(
    heading: str, body: Sequence[Flowable], st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """A heading that does not stay alone at the foot of a page."""
    return [CondPageBreak(30 * mm), para(heading, st["section"]), *body]


def _cancelled(c: RewardCalculation, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if c.state != "cancelled":
        return []
    return [para("（本奖励计算已作废，本文书仅供存档查阅）", st["alert"]), Spacer(1, 3 * mm)]


def _allocation_table(context: Context, st: dict[str, ParagraphStyle]) -> Table:
    c = context.calculation
    unit = measure(c)
    rows = []
    for n, line in enumerate(c.result.lines, start=1):
        row = [
            str(n),
            line.name,
            _department(context, line),
            "是" if line.main else "否",
            _leader(line),
            _amount_text(c, line),
        ]
        if unit == "yuan":
            row.append(yuan(line.taxable_fen))
        rows.append(row)
    if unit == "yuan":
        taxable = sum(x.taxable_fen for x in c.result.lines)
        total = ["合计", "", "", "", "", yuan(c.result.pool_fen), yuan(taxable)]
        widths: list[float | None] = [
            10 * mm,
            20 * mm,
            None,
            18 * mm,
            18 * mm,
            28 * mm,
            34 * mm,
        ]
        numbers: tuple[int, ...] = (5, 6)
    else:
        pool = (
            _shares(c.result.pool_shares) if unit == "shares" else _percent(c.result.pool_percent)
        )
        total = ["合计", "", "", "", "", pool]
        widths = [10 * mm, 24 * mm, None, 18 * mm, 20 * mm, 38 * mm]
        numbers = (5,)
    return _grid(allocation_header(c), rows, widths, st, numbers=numbers, total=total)


def _steps_table(c: RewardCalculation, st: dict[str, ParagraphStyle]) -> Table:
    rows = [
        (str(n), s.text, s.rule_id or NO_VALUE, s.source or NO_VALUE, _status(s))
        for n, s in enumerate(c.result.steps, start=1)
    ]
    return _grid(
        ("序号", "计算步骤", "规则", "依据", "核实情况"),
        rows,
        (9 * mm, None, 30 * mm, 42 * mm, 15 * mm),
        st,
        small=True,
    )


def _warnings(c: RewardCalculation, st: dict[str, ParagraphStyle]) -> Flowable:
    if not c.result.warnings:
        return para("无。", st["plain"])
    rows = [
        (str(n), w.text, w.rule_id or NO_VALUE, w.source or NO_VALUE, _status(w))
        for n, w in enumerate(c.result.warnings, start=1)
    ]
    return _grid(
        ("序号", "提示", "规则", "依据", "核实情况"),
        rows,
        (9 * mm, None, 30 * mm, 42 * mm, 15 * mm),
        st,
        small=True,
    )


def _notes(c: RewardCalculation, st: dict[str, ParagraphStyle]) -> Flowable:
    """Each person's notes (tax C7/C8, performance pay C10, leaders C6), the name spanning
    that person's rows."""
    rows: list[tuple[str, str, str, str]] = []
    spans: list[tuple[Any, ...]] = []
    for line in c.result.lines:
        first = len(rows) + 1  # the header is row 0
        for note in line.notes:
            rows.append((line.name, note.text, note.rule_id or NO_VALUE, note.source or NO_VALUE))
        if len(rows) + 1 - first > 1:
            spans.append(("SPAN", (0, first), (0, len(rows))))
    if not rows:
        return para("无。", st["plain"])
    return _grid(
        ("姓名", "说明", "规则", "依据"),
        rows,
        (18 * mm, None, 30 * mm, 42 * mm),
        st,
        small=True,
        commands=spans,
    )


def _rules(c: RewardCalculation, st: dict[str, ParagraphStyle]) -> Flowable:
    if not c.result.rules_used:
        return para("无。", st["plain"])
    rows = []
    for rule_id, since, value in c.result.rules_used:
        found = _rule_version(rule_id, since)
        words = f"{found.text}（{found.source}）" if found is not None else NO_VALUE
        status = STATUS_NAMES.get(found.status, NO_VALUE) if found is not None else NO_VALUE
        rows.append((rule_id, cn_date(since), value, words, status))
    return _grid(
        ("规则", "生效日期", "取值", "内容和依据", "核实情况"),
        rows,
        (40 * mm, 27 * mm, 13 * mm, None, 15 * mm),
        st,
        small=True,
    )


def _linked_rows(context: Context) -> list[tuple[str, str]]:
    t = context.transformation
    if t is None:
        return [("转化合同", NOT_LINKED), ("技术合同登记", _registration(context))]
    return [
        ("转化合同", f"{t.draft.title}（转化合同 {t.id}）"),
        ("合作方", t.counterparty_name or NO_VALUE),
        ("所涉成果", "\n".join(t.achievement_titles) or NO_VALUE),
        ("技术合同登记", _registration(context)),
    ]


def _signatures(st: dict[str, ParagraphStyle]) -> Flowable:
    """经办人, 审核人, 单位负责人: a line to sign on and a date each, the labels aligned."""
    rows = [
        [
            para(f"{who}（签字）：", st["sign"]),
            para(f"{BLANK_SIGNATURE}　日期：{BLANK_DATE}", st["sign"]),
        ]
        for who in ("经办人", "审核人", "单位负责人")
    ]
    table = Table(rows, colWidths=(44 * mm, None), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 8 * mm), table])


def _closing_note(c: RewardCalculation) -> str:
    if measure(c) == "yuan":
        tax = (
            f"计入工资薪金金额依据{TAX_BASIS}测算，供财务部门参考，个人所得税以财务部门代扣代缴"
            "时的核算为准"
        )
    else:
        tax = "股权奖励的个人所得税处理见个人说明，请财务部门复核"
    return (
        f"注：{tax}；奖励须公示期满且异议处理完毕后方可发放。“未经核实”“二手来源”的依据请在"
        "发放前核对原文。"
    )


# -- the statement -----------------------------------------------------------------------------
def render_statement(context: Context) -> bytes:
    """奖励计算表: the pool, the table per person with its total, how each figure was reached,
    the warnings, each person's tax and pay notes, the rule versions used, signature lines."""
    c = context.calculation
    _check_totals(c)
    st = _styles()
    summary = [
        ("单位名称", context.unit_name or NO_VALUE),
        ("奖励类型", KIND_NAMES.get(c.result.kind, c.result.kind)),
        ("计算日期", cn_date(c.input.on)),
        *_linked_rows(context),
        ("状态", _state_text(c)),
    ]
    story: list[Flowable] = [
        para(c.title, st["subtitle"]),
        *_cancelled(c, st),
        _details(summary, st),
        *_section("一、奖励总额", [_details(_pool_rows(c), st)], st),
        *_section("二、奖励分配", [_allocation_table(context, st)], st),
        *_section("三、计算过程", [_steps_table(c, st)], st),
        *_section("四、提示", [_warnings(c, st)], st),
        *_section("五、个人说明（个人所得税、绩效工资）", [_notes(c, st)], st),
        *_section("六、所用规则版本", [_rules(c, st)], st),
        Spacer(1, 3 * mm),
        para(_closing_note(c), st["note"]),
        _signatures(st),
    ]
    return render(
        title=STATEMENT_TITLE,
        doc_no=doc_number(c.id),
        mark=carrier_mark(c.level),
        created_at=c.created_at,
        author=context.unit_name,
        story=story,
    )


# -- the notice --------------------------------------------------------------------------------
def _achievement_rows(context: Context) -> list[tuple[str, str]]:
    c, t = context.calculation, context.transformation
    if t is None:
        return [
            ("成果名称", c.title),
            ("转化方式", KIND_NAMES.get(c.result.kind, c.result.kind)),
            *_income_rows(c),
        ]
    return [
        ("成果名称", "\n".join(t.achievement_titles) or t.draft.title),
        ("转化方式", FORM_NAMES.get(t.draft.form, t.draft.form)),
        ("转化合同", t.draft.title),
        ("合作方", t.counterparty_name or NO_VALUE),
        ("合同金额", f"{yuan(t.draft.price_fen)} 元"),
        *_income_rows(c),
    ]


def _people_table(context: Context, st: dict[str, ParagraphStyle]) -> Table:
    rows = [
        (
            str(n),
            line.name,
            _department(context, line),
            _leader(line),
            "主要贡献人员" if line.main else "作出重要贡献的人员",
        )
        for n, line in enumerate(context.calculation.result.lines, start=1)
    ]
    return _grid(
        ("序号", "姓名", "部门", "职务", "贡献情况"),
        rows,
        (10 * mm, 24 * mm, None, 24 * mm, 40 * mm),
        st,
    )


def _reward_table(context: Context, st: dict[str, ParagraphStyle]) -> Table:
    c = context.calculation
    header = ("序号", "姓名", "部门", allocation_header(c)[5])
    rows = [
        (str(n), line.name, _department(context, line), _amount_text(c, line))
        for n, line in enumerate(c.result.lines, start=1)
    ]
    unit = measure(c)
    pool = {
        "yuan": yuan(c.result.pool_fen),
        "shares": _shares(c.result.pool_shares),
        "percent": _percent(c.result.pool_percent),
    }[unit]
    return _grid(
        header,
        rows,
        (10 * mm, 30 * mm, None, 44 * mm),
        st,
        numbers=(3,),
        total=("合计", "", "", pool),
    )


def _payment_time(c: RewardCalculation) -> str:
    if c.paid_on is not None:
        return cn_date(c.paid_on)
    return "公示期满无异议（或异议处理完毕）后发放"


def render_notice(context: Context) -> bytes:
    """奖励公示 with the fields 国科发政〔2018〕103号 lists: the transformation, the people,
    the amounts, the contract registration, the period; where objections go; unit and date."""
    c = context.calculation
    _check_totals(c)
    st = _styles()
    unit = context.unit_name or "本单位"
    cash = measure(c) == "yuan"
    rate_name = "科研人员收益比例" if c.result.kind == "surplus" else "奖励比例"
    reward_rows = [
        (rate_name, _rate_text(c.result.rate)),
        ("奖励总额", _pool_text(c)),
        ("奖励时间", _payment_time(c)),
    ]
    story: list[Flowable] = [
        *_cancelled(c, st),
        para(
            f"根据{TRANSFER_LAW}和{NOTICE_BASIS}的规定，现将“{c.title}”事项的"
            f"{'现金' if cash else '股权'}奖励信息公示如下。",
            st["body"],
        ),
        *_section("一、科技成果转化信息", [_details(_achievement_rows(context), st)], st),
        *_section("二、奖励人员信息", [_people_table(context, st)], st),
        *_section(
            "三、现金奖励信息" if cash else "三、股权奖励信息",
            [_details(reward_rows, st), Spacer(1, 2 * mm), _reward_table(context, st)],
            st,
        ),
        *_section("四、技术合同登记信息", [para(_registration(context), st["body"])], st),
        *_section(
            "五、公示期限", [para(_notice_period(c, context.notice_workdays), st["body"])], st
        ),
        *_section(
            "六、异议的提出",
            [
                para(
                    f"对公示内容有异议的，请在公示期内以书面形式向{unit}科技成果转化管理部门"
                    "（技术转移机构）提出，写明异议事项和理由，并署真实姓名（以单位名义提出的"
                    "须加盖公章）和联系方式。",
                    st["body"],
                )
            ],
            st,
        ),
        KeepTogether(
            [
                Spacer(1, 10 * mm),
                para(unit, st["issuer"]),
                para(cn_date(c.notice_start) if c.notice_start else BLANK_DATE, st["issuer"]),
            ]
        ),
    ]
    return render(
        title=NOTICE_TITLE,
        doc_no=doc_number(c.id),
        mark=carrier_mark(c.level),
        created_at=c.created_at,
        author=context.unit_name,
        story=story,
    )


# -- the spreadsheet ---------------------------------------------------------------------------
YUAN_FORMAT = "#,##0.00"
SHARES_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0000"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # any fixed date keeps the bytes reproducible
_THIN = Side(style="thin", color="BFBFBF")
_HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_NUMBER_FORMATS = {"yuan": YUAN_FORMAT, "shares": SHARES_FORMAT, "percent": PERCENT_FORMAT}


def _fen(fen: int) -> Decimal:
    """An amount in yuan, exactly (written as a number with two places)."""
    return Decimal(fen) / 100


def allocation_xlsx(context: Context) -> bytes:
    """For the finance office: sheet 奖励分配 (the table per person, amounts as numbers, the
    total), sheet 计算过程 (the steps, warnings, each person's notes, the rule versions)."""
    c = context.calculation
    _check_totals(c)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_ALLOCATION
    _allocation_sheet(ws, context)
    _steps_sheet(wb.create_sheet(SHEET_STEPS), c)
    stamp = _utc_naive(c.created_at)
    wb.properties.creator = "Transfer Desk"
    wb.properties.lastModifiedBy = None
    wb.properties.title = f"{c.title} 奖励分配"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return _fixed_zip_times(_save(wb))


def _allocation_sheet(ws: Worksheet, context: Context) -> None:
    c = context.calculation
    unit = measure(c)
    header = allocation_header(c)
    last = get_column_letter(len(header))
    _title_row(ws, f"{c.title} 奖励分配表", last)
    on = dt.date.fromisoformat(c.input.on)
    details: list[tuple[str, object, str | None]] = [
        ("单位名称", context.unit_name, None),
        ("奖励事项", c.title, None),
        ("奖励类型", KIND_NAMES.get(c.result.kind, c.result.kind), None),
        ("计算日期", on, DATE_FORMAT),
        ("奖励总额", *_pool_value(c)),
        *((label, value, None) for label, value in _linked_rows(context)),
        ("状态", _state_text(c), None),
        ("编号", doc_number(c.id), None),
    ]
    for label, value, number_format in details:
        ws.append([_text(label), _text(value) if isinstance(value, str) else value])
        row = ws.max_row
        ws.merge_cells(f"B{row}:{last}{row}")
        ws.cell(row, 1).font = Font(bold=True)
        for cell in (ws.cell(row, 1), ws.cell(row, 2)):
            _as_text(cell)
            cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        if number_format is not None:
            ws.cell(row, 2).number_format = number_format
    header_row = ws.max_row + 2  # a blank row above the table
    _header_row(ws, header_row, header)
    number_format = _NUMBER_FORMATS[unit]
    for n, line in enumerate(c.result.lines, start=1):
        values: list[object] = [
            n,
            _text(line.name),
            _text(context.departments.get(line.person_id, "")),
            "是" if line.main else "否",
            _leader(line),
        ]
        if unit == "yuan":
            values += [_fen(line.amount_fen), _fen(line.taxable_fen)]
        elif unit == "shares":
            values.append(line.shares)
        else:
            values.append(line.percent.quantize(PERCENT_PLACES))
        _body_row(ws, header_row + n, values, number_format, first_number=6)
    total_row = header_row + len(c.result.lines) + 1
    totals: list[object] = ["合计", "", "", "", ""]
    if unit == "yuan":
        totals += [_fen(c.result.pool_fen), _fen(sum(x.taxable_fen for x in c.result.lines))]
    elif unit == "shares":
        totals.append(c.result.pool_shares)
    else:
        totals.append(c.result.pool_percent.quantize(PERCENT_PLACES))
    _body_row(ws, total_row, totals, number_format, first_number=6)
    ws.merge_cells(f"A{total_row}:E{total_row}")
    for cell in ws[total_row]:
        cell.font = Font(bold=True)
        cell.fill = _TOTAL_FILL
    ws.cell(total_row, 1).alignment = Alignment(horizontal="center", vertical="top")
    if unit == "yuan":
        note = (
            f"计入工资薪金金额依据{TAX_BASIS}测算，供财务部门参考，个人所得税以代扣代缴时的"
            "核算为准；各人说明见“计算过程”表。"
        )
        ws.append([])
        ws.append([note])
        ws.merge_cells(f"A{ws.max_row}:{last}{ws.max_row}")
        ws.cell(ws.max_row, 1).alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[ws.max_row].height = 30
    widths = (6, 12, 20, 10, 12, 18, 20)
    for index, width in enumerate(widths[: len(header)], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    _page_setup(ws, landscape=False)


def _pool_value(c: RewardCalculation) -> tuple[object, str]:
    unit = measure(c)
    if unit == "yuan":
        return _fen(c.result.pool_fen), YUAN_FORMAT + '" 元"'
    if unit == "shares":
        return c.result.pool_shares, SHARES_FORMAT + '" 股"'
    return c.result.pool_percent.quantize(PERCENT_PLACES), PERCENT_FORMAT + '"%"'


def _steps_sheet(ws: Worksheet, c: RewardCalculation) -> None:
    header = ("序号", "类别", "内容", "规则", "依据", "核实情况")
    last = get_column_letter(len(header))
    _title_row(ws, f"{c.title} 计算过程", last)
    header_row = ws.max_row + 2  # a blank row above the table
    _header_row(ws, header_row, header)
    items: list[tuple[str, str, str, str, str]] = []
    items += [("计算步骤", s.text, s.rule_id, s.source, _status(s)) for s in c.result.steps]
    items += [("提示", w.text, w.rule_id, w.source, _status(w)) for w in c.result.warnings]
    for line in c.result.lines:
        items += [
            (f"个人说明：{line.name}", n.text, n.rule_id, n.source, _status(n)) for n in line.notes
        ]
    for rule_id, since, value in c.result.rules_used:
        found = _rule_version(rule_id, since)
        words = f"取值 {value}，自{cn_date(since)}起施行"
        if found is not None:
            words = f"{found.text}（{words}）"
        items.append(
            (
                "所用规则版本",
                words,
                rule_id,
                found.source if found is not None else "",
                STATUS_NAMES.get(found.status, NO_VALUE) if found is not None else NO_VALUE,
            )
        )
    for n, (kind, text, rule_id, source, status) in enumerate(items, start=1):
        values: list[object] = [n, kind, _text(text), rule_id or NO_VALUE, source or NO_VALUE]
        _body_row(ws, header_row + n, [*values, status], None, first_number=0)
    for index, width in enumerate((6, 18, 70, 26, 36, 10), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    if items:
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(items)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    _page_setup(ws, landscape=True)


def _title_row(ws: Worksheet, title: str, last: str) -> None:
    ws.append([_text(title)])
    _as_text(ws["A1"])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 28


def _header_row(ws: Worksheet, row: int, header: Sequence[str]) -> None:
    for column, name in enumerate(header, start=1):
        cell = ws.cell(row=row, column=column, value=name)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=_THIN, bottom=_THIN)


def _body_row(
    ws: Worksheet,
    row: int,
    values: Sequence[object],
    number_format: str | None,
    *,
    first_number: int,
) -> None:
    """One row; columns from ``first_number`` on (1-based; 0: none) are numbers."""
    for column, content in enumerate(values, start=1):
        cell = ws.cell(row=row, column=column, value=content)
        _as_text(cell)
        cell.border = Border(bottom=_THIN)
        if first_number and column >= first_number and number_format is not None:
            cell.number_format = number_format
            cell.alignment = Alignment(horizontal="right", vertical="top")
        else:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _page_setup(ws: Worksheet, *, landscape: bool) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _text(value: str) -> str:
    # Control characters and the non-characters XML forbids have no place in a cell (openpyxl
    # refuses the first and writes a file nobody can open with the second).
    value = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _as_text(cell: Cell) -> None:
    # A name that starts with "=" is text here, never a formula run by whoever opens the file.
    if cell.data_type == "f":
        cell.data_type = "s"


def _utc_naive(timestamp: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        moment = dt.datetime(2000, 1, 1)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _save(wb: Workbook) -> bytes:
    # Not ``Workbook.save``: that sets the modified time to now.
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return out.getvalue()


def _fixed_zip_times(data: bytes) -> bytes:
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()

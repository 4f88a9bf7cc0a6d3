"""The audit-log extract: the entries an auditor selected, and the tree head they belong to.

The head (size and root) is printed twice: plainly, and as the body of a C2SP tlog-checkpoint
(origin, size, base64 root), so that whoever holds the paper can later check the log against it
("按检查点校验"). Entries whose level is above the exporter's clearance are listed without content.
The same input gives the same bytes (``invariant``): no timestamp or random id in the file.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import datetime
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.audit import TreeHead
from desktop.domain.audit_diff import EntryLine
from desktop.domain.dates import format_cn_datetime
from desktop.reports.fonts import (
    CJK_FONT,
    LATIN_FONT,
    mixed_markup,
    register_cjk_font,
    register_latin_fonts,
)
from desktop.reports.pages import TABLE_FONT, details_table, numbered_canvas

TITLE = "审计日志摘录"
ORIGIN_PREFIX = "transfer-desk/"
WITHHELD = "内容密级高于导出人的涉密等级，不予显示"
_MARGIN = 15 * mm
_ENTRY_COLUMNS = ("序号", "时间", "操作人", "操作", "对象", "变更内容")
_ENTRY_WIDTHS = (12 * mm, 30 * mm, 22 * mm, 26 * mm, 26 * mm, None)


def checkpoint_text(vault_id: str, head: TreeHead) -> str:
    """The body of a C2SP tlog-checkpoint for ``head``: origin, size, base64 root, one a line."""
    root = base64.b64encode(head.root).decode("ascii")
    return f"{ORIGIN_PREFIX}{vault_id}\n{head.size}\n{root}\n"


def render_audit_extract(
    *,
    unit_name: str,
    vault_id: str,
    exported_by: str,
    exported_at: datetime,
    filter_text: str,
    head: TreeHead,
    lines: Sequence[EntryLine],
    total: int,
    mark: str = "",
) -> bytes:
    """An A4 PDF: who exported what and when, the tree head, then one row per entry. ``mark``
    (e.g. 机密★, from ``secrecy.carrier_mark``) is printed at the top of every page."""
    register_cjk_font()
    register_latin_fonts()
    st = _styles()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=TITLE,
        author="",
        subject="",
        creator="Transfer Desk",
        lang="zh-CN",
        invariant=True,  # no creation timestamp or random document id in the file
        initialFontName=CJK_FONT,  # otherwise every page names Helvetica, unembedded
    )
    story: list[Any] = [
        Paragraph(TITLE, st["title"]),
        Paragraph(mixed_markup("成果转化工作台 · Transfer Desk"), st["subtitle"]),
        Spacer(1, 6 * mm),
        _details(
            [
                ("单位名称", unit_name),
                ("保管库编号", vault_id),
                ("导出人", exported_by),
                ("导出时间", format_cn_datetime(exported_at)),
                ("筛选条件", filter_text or "全部记录"),
                ("记录条数", _count_text(len(lines), total)),
            ],
            st,
        ),
        Spacer(1, 5 * mm),
        Paragraph("导出时的日志树", st["heading"]),
        _details([("记录总数", f"{head.size} 条"), ("树根（十六进制）", head.root.hex())], st),
        Spacer(1, 3 * mm),
        Paragraph(
            mixed_markup(
                "检查点（C2SP tlog-checkpoint 格式）。请抄录或保存本页；日后在“按检查点校验”中"
                "输入上面的记录总数和树根，即可确认这些记录此后未被改写。"
            ),
            st["note"],
        ),
        Spacer(1, 2 * mm),
        _checkpoint_box(checkpoint_text(vault_id, head), st),
        Spacer(1, 6 * mm),
        Paragraph("日志记录", st["heading"]),
        _entries(lines, st) if lines else Paragraph("没有符合条件的记录。", st["body"]),
    ]
    doc.build(story, canvasmaker=numbered_canvas(A4, _MARGIN, TITLE, mark))
    return out.getvalue()


# -- parts ----------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=CJK_FONT, fontSize=10, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontSize=20, leading=28, alignment=TA_CENTER),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=9, textColor=colors.grey, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle(
            "heading", base, fontSize=13, leading=20, spaceBefore=2, spaceAfter=2
        ),
        "body": base,
        "note": ParagraphStyle("note", base, fontSize=9, leading=13, textColor=colors.grey),
        "label": ParagraphStyle("label", base, textColor=colors.HexColor("#444444")),
        "mono": ParagraphStyle("mono", base, fontName=LATIN_FONT, fontSize=10, leading=15),
        "hex": ParagraphStyle("hex", base, fontName=LATIN_FONT, fontSize=8.5, leading=15),
        "cell": ParagraphStyle("cell", base, fontSize=8, leading=11),
        "cell_head": ParagraphStyle("cell_head", base, fontSize=8, leading=11),
        "withheld": ParagraphStyle("withheld", base, fontSize=8, leading=11, textColor=colors.grey),
        "footer": ParagraphStyle(
            "footer", base, fontSize=8, leading=10, textColor=colors.grey, alignment=TA_CENTER
        ),
    }


def _count_text(shown: int, total: int) -> str:
    if shown < total:
        return f"符合条件的记录共 {total} 条，本摘录列出其中最新的 {shown} 条"
    return f"共 {total} 条"


def _details(rows: list[tuple[str, str]], st: dict[str, ParagraphStyle]) -> Table:
    def value(label: str, text: str) -> Paragraph:
        # 64 hex digits stay on one line in the narrower Latin style.
        return Paragraph(mixed_markup(text), st["hex" if label.startswith("树根") else "body"])

    cells = [[Paragraph(mixed_markup(k), st["label"]), value(k, v)] for k, v in rows]
    return details_table(cells, 34 * mm)


def _checkpoint_box(text: str, st: dict[str, ParagraphStyle]) -> Table:
    body = Paragraph(mixed_markup(text.rstrip("\n")).replace("\n", "<br/>"), st["mono"])
    table = Table([[body]], colWidths=(120 * mm,), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _entries(lines: Sequence[EntryLine], st: dict[str, ParagraphStyle]) -> Table:
    def cell(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(mixed_markup(_printable(text)), st[style])

    rows: list[list[Paragraph]] = [[cell(name, "cell_head") for name in _ENTRY_COLUMNS]]
    commands: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for number, line in enumerate(lines, start=1):
        changes = (
            cell(f"〔{WITHHELD}〕", "withheld") if line.withheld else cell(line.changes or "—")
        )
        rows.append(
            [
                cell(str(line.seq)),
                cell(line.time),
                cell(line.person),
                cell(line.action),
                cell(line.object),
                changes,
            ]
        )
        if line.withheld:
            commands.append(("BACKGROUND", (0, number), (-1, number), colors.HexColor("#f4f4f4")))
    table = Table(rows, colWidths=_ENTRY_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _printable(text: str) -> str:
    # Neither bundled font has an arrow (U+2192); the words say the same on paper.
    return text.replace("→", "改为")

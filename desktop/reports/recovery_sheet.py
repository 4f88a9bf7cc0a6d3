"""The one-page recovery sheet printed when a vault is created.

It carries only what a custodian needs to use and guard the code: unit, vault id, date,
the code and the rules. No record content, and no timestamps in the PDF beyond the date shown.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.dates import format_cn_date
from desktop.reports.fonts import (
    CJK_FONT,
    LATIN_BOLD_FONT,
    mixed_markup,
    register_cjk_font,
    register_latin_fonts,
)
from desktop.reports.pages import TABLE_FONT

TITLE = "保管库恢复码 · Vault recovery code"
_GROUPS_PER_ROW = 3

INSTRUCTIONS = (
    "任何持有此恢复码的人都可以打开本保管库，读取其中的全部记录。",
    "请将本页放入保密柜等上锁的地方保管，不要拍照、扫描或复印。",
    "恢复码只在创建保管库时显示这一次，程序不保存明文，之后无法再次查看。",
    "打印完成后，请删除此文件的全部电子副本（包括下载文件夹和回收站中的副本）。",
    "忘记口令时，可在解锁界面用此恢复码设置新口令；输入时不区分大小写，短横线可省略。",
)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=CJK_FONT, fontSize=11, leading=17, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontSize=20, leading=28, alignment=TA_CENTER),
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=9, textColor=colors.grey, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle("heading", base, fontSize=13, leading=20, spaceBefore=6),
        "body": base,
        "label": ParagraphStyle("label", base, textColor=colors.HexColor("#444444")),
        "group_no": ParagraphStyle(
            "group_no", base, fontSize=8, leading=10, textColor=colors.grey, alignment=TA_CENTER
        ),
        "group": ParagraphStyle(
            "group", base, fontName=LATIN_BOLD_FONT, fontSize=24, leading=30, alignment=TA_CENTER
        ),
    }


def _details(unit_name: str, vault_id: str, created_at: datetime, st: dict) -> Table:
    rows = [
        ("单位名称", unit_name),
        ("保管库编号", vault_id),
        ("创建日期", format_cn_date(created_at)),
    ]
    table = Table(
        [
            [Paragraph(mixed_markup(k), st["label"]), Paragraph(mixed_markup(v), st["body"])]
            for k, v in rows
        ],
        colWidths=(32 * mm, None),
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _code_box(code: str, st: dict) -> Table:
    groups = code.split("-")
    cells = [
        [Paragraph(mixed_markup(f"第{i + 1}组"), st["group_no"]), Paragraph(group, st["group"])]
        for i, group in enumerate(groups)
    ]
    rows = [
        cells[start : start + _GROUPS_PER_ROW] for start in range(0, len(cells), _GROUPS_PER_ROW)
    ]
    table = Table(rows, colWidths=(45 * mm,) * _GROUPS_PER_ROW, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _signature_line(st: dict) -> Table:
    # Who holds the paper is part of guarding it; a line to sign makes custody explicit.
    table = Table(
        [[Paragraph("保管人签字：", st["body"]), "", Paragraph("日期：", st["body"]), ""]],
        colWidths=(26 * mm, 60 * mm, 14 * mm, 45 * mm),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def render_recovery_sheet(
    *, unit_name: str, vault_id: str, code: str, created_at: datetime
) -> bytes:
    register_cjk_font()
    register_latin_fonts()
    st = _styles()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=TITLE,
        author="",
        subject="",
        creator="Transfer Desk",
        lang="zh-CN",
        invariant=True,  # no creation timestamp or random document id in the file
        initialFontName=CJK_FONT,  # otherwise every page names Helvetica, unembedded
    )
    story = [
        Paragraph(mixed_markup(TITLE), st["title"]),
        Paragraph(mixed_markup("成果转化工作台 · Transfer Desk"), st["subtitle"]),
        Spacer(1, 8 * mm),
        _details(unit_name, vault_id, created_at, st),
        Spacer(1, 8 * mm),
        Paragraph("恢复码", st["heading"]),
        Spacer(1, 2 * mm),
        _code_box(code, st),
        Spacer(1, 8 * mm),
        Paragraph("须知", st["heading"]),
        *(
            Paragraph(mixed_markup(f"{i}. {text}"), st["body"])
            for i, text in enumerate(INSTRUCTIONS, start=1)
        ),
        Spacer(1, 14 * mm),
        _signature_line(st),
    ]
    doc.build(story)
    return out.getvalue()

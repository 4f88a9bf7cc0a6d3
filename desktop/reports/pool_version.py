"""A published version of the pay-later pool (先用后付成果池, measure 五) as a PDF.

A4 landscape: the title with the version's number, the unit, the publication date, the rule
that puts an achievement in the pool with its source, then one row per achievement as it was
published. The same input gives the same bytes (``invariant``): no timestamp or random id.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.domain.dates import format_cn_date
from desktop.domain.rules import Rule
from desktop.errors import Cancelled
from desktop.reports.fonts import CJK_FONT, mixed_markup, register_cjk_font, register_latin_fonts
from desktop.reports.pages import TABLE_FONT, details_table, numbered_canvas

PAGE = landscape(A4)
_MARGIN = 15 * mm
COLUMNS = ("序号", "成果名称", "类型", "所属部门", "知识产权号", "授权日期", "纳入理由")
_WIDTHS = (12 * mm, 62 * mm, 24 * mm, 32 * mm, 36 * mm, 26 * mm, None)
ROWS_PER_PAGE = 14  # measured: 600 typical rows (the reason wraps once) filled 44 pages


def title(number: int) -> str:
    return f"先用后付成果池（第 {number} 期）"


def render_pool_version(
    *,
    unit_name: str,
    number: int,
    published_at: dt.date,
    note: str,
    rule: Rule,
    items: Sequence[Mapping[str, Any]],
    kind_name: Callable[[str], str],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The version as a PDF. ``items`` are the published rows (title, kind, department,
    grant_number, granted_on as an ISO date, reason); ``kind_name`` puts a kind code in words.

    A pool of tens of thousands of records makes thousands of pages (minutes of work):
    ``progress(pages done, pages expected)`` follows the layout page by page, and ``cancelled``
    is asked at each step; when it says yes, ``Cancelled`` is raised and nothing is returned."""
    register_cjk_font()
    register_latin_fonts()
    st = _styles()
    heading = title(number)
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=14 * mm,
        bottomMargin=18 * mm,
        title=heading,
        author=unit_name,
        subject="先用后付成果池",
        creator="Transfer Desk",
        lang="zh-CN",
        invariant=True,  # no creation timestamp or random document id in the file
        initialFontName=CJK_FONT,  # otherwise every page names Helvetica, unembedded
    )
    details = [
        ("发布单位", unit_name),
        ("发布日期", format_cn_date(published_at)),
        ("纳入依据", f"{rule.text}（{rule.source}）"),
        ("成果数量", f"共 {len(items)} 项"),
    ]
    if note:
        details.append(("说明", note))
    story: list[Any] = [
        Paragraph(mixed_markup(heading), st["title"]),
        Spacer(1, 4 * mm),
        _details(details, st),
        Spacer(1, 6 * mm),
        _items(items, kind_name, st) if items else Paragraph("本期没有成果。", st["body"]),
    ]
    expected = 1 + math.ceil(len(items) / ROWS_PER_PAGE)

    def on_layout(kind: str, value: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if kind == "PAGE" and progress is not None:
            progress(min(value, expected - 1), expected)  # an estimate: never "done" early

    doc.setProgressCallBack(on_layout)
    doc.build(story, canvasmaker=numbered_canvas(PAGE, _MARGIN, heading))
    if progress is not None:
        progress(expected, expected)
    return out.getvalue()


# -- parts ----------------------------------------------------------------------------------
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=CJK_FONT, fontSize=10, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontSize=20, leading=28, alignment=TA_CENTER),
        "body": base,
        "label": ParagraphStyle("label", base, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=13),
        "cell_head": ParagraphStyle("cell_head", base, fontSize=9, leading=13),
    }


def _details(rows: list[tuple[str, str]], st: dict[str, ParagraphStyle]) -> Table:
    cells = [
        [Paragraph(mixed_markup(k), st["label"]), Paragraph(mixed_markup(v), st["body"])]
        for k, v in rows
    ]
    return details_table(cells, 28 * mm)


def _items(
    items: Sequence[Mapping[str, Any]],
    kind_name: Callable[[str], str],
    st: dict[str, ParagraphStyle],
) -> Table:
    def cell(value: object, style: str = "cell") -> Paragraph:
        return Paragraph(mixed_markup(str(value)), st[style])

    rows: list[list[Paragraph]] = [[cell(name, "cell_head") for name in COLUMNS]]
    for number, item in enumerate(items, start=1):
        rows.append(
            [
                cell(number),
                cell(item["title"]),
                cell(kind_name(str(item["kind"]))),
                cell(item["department"] or "—"),
                cell(item["grant_number"] or "—"),
                cell(_date(str(item["granted_on"]))),
                cell(item["reason"]),
            ]
        )
    table = Table(rows, colWidths=_WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _date(iso: str) -> str:
    try:
        return format_cn_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso or "—"

"""What the agreement PDFs share (grant agreements, their amendments, confidentiality agreements):
the facts a document needs beyond the domain records, the page (A4 portrait, the mark top left
and the document number top right of every page, "TITLE · 第 X 页 共 Y 页" at the foot), the
numbered clauses, the parties and the signature and seal blocks.

The documents themselves are built in ``grant_agreement`` and ``confidentiality_agreement``.
The same input gives the same bytes: reportlab's invariant mode, and the PDF's creation date
taken from the record (``pdf_date``), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as rl_paragraph

from desktop.domain.achievements import KIND_NAMES
from desktop.domain.dates import format_iso_date as cn_date
from desktop.domain.secrecy import carrier_mark
from desktop.reports.fonts import CJK_FONT, mixed_markup, register_cjk_font, register_latin_fonts
from desktop.reports.pages import TABLE_FONT, numbered_canvas

PAGE = A4
MARGIN = 22 * mm
WIDTH = PAGE[0] - 2 * MARGIN
TRANSFER_LAW = "《中华人民共和国促进科技成果转化法》"
SECRECY_LAW = "《中华人民共和国保守国家秘密法》"
MEASURES = "《辽宁省全面深化职务科技成果转化改革若干措施》（辽科发〔2025〕6号）"
NOT_RECORDED = "未登记"
BLANK_DATE = "______年____月____日"
BLANK_SIGNATURE = "____________________"


@dataclass(frozen=True)
class UnitParty:
    """甲方: the unit."""

    name: str
    credit_code: str  # 统一社会信用代码


@dataclass(frozen=True)
class TeamMember:
    """A completer in the team (乙方)."""

    name: str
    id_number: str  # the full 18-character 身份证号, or "" when not recorded
    share: Decimal  # percent of the team's part


@dataclass(frozen=True)
class AchievementFacts:
    title: str
    kind: str  # achievement kind code (desktop.domain.achievements.KIND_NAMES)
    ip_numbers: tuple[str, ...]
    secrecy_mark: str  # "" for public and internal content; e.g. "机密★10年" when classified


# -- words and numbers ----------------------------------------------------------------------------
_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 … 99 in Chinese numerals, as clause numbers and copy counts are written (十一, 二十)."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1–99")
    tens, units = divmod(n, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def count_words(n: int) -> str:
    """A count in Chinese numerals where it has them (一式五份), digits beyond 99."""
    return cn_number(n) if 1 <= n <= 99 else str(n)


def percent(value: Decimal) -> str:
    """A share as given, without rounding: Decimal("30.00") → "30.00%"."""
    return f"{value:f}%"


def kind_name(code: str) -> str:
    return KIND_NAMES.get(code, code)


def ip_text(numbers: Sequence[str]) -> str:
    return "、".join(numbers) if numbers else "无登记的知识产权"


def pdf_date(timestamp: str) -> str | None:
    """The PDF date (D:YYYYMMDDHHmmSS, with the offset when the timestamp has one) of an ISO
    timestamp or date from the record; None when there is none or it is not ISO."""
    if not timestamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    text = f"D:{moment:%Y%m%d%H%M%S}"
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{text}{sign}{hours:02d}'{minutes:02d}'"


def signature_date(iso: str | None) -> str:
    return cn_date(iso) if iso else BLANK_DATE


# -- styles and paragraphs ------------------------------------------------------------------------
def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=CJK_FONT, fontSize=11, leading=19, wordWrap="CJK")
    return {
        "title": ParagraphStyle(
            "title", base, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=8 * mm
        ),
        "body": ParagraphStyle("body", base, firstLineIndent=22),
        "plain": base,
        "clause": ParagraphStyle(
            "clause", base, fontSize=12, leading=20, spaceBefore=7, spaceAfter=2, keepWithNext=1
        ),
        "label": ParagraphStyle("label", base),
        "cell": ParagraphStyle("cell", base, fontSize=10, leading=15),
        "cell_head": ParagraphStyle(
            "cell_head", base, fontSize=10, leading=15, alignment=TA_CENTER
        ),
        "end": ParagraphStyle("end", base, alignment=TA_CENTER, spaceBefore=6 * mm),
        "doc_no": ParagraphStyle("doc_no", base, fontSize=10.5, leading=14, alignment=TA_RIGHT),
        "sign": ParagraphStyle("sign", base, leading=26),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(mixed_markup(text), style)


def paras(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Text the user wrote, one paragraph a line (blank lines dropped)."""
    return [para(line.strip(), style) for line in text.splitlines() if line.strip()]


class Clauses:
    """Numbered clauses (第一条 …) in the order they are added."""

    def __init__(self, st: dict[str, ParagraphStyle]) -> None:
        self._st = st
        self._count = 0
        self.story: list[Flowable] = []

    def add(self, heading: str, *body: str | Flowable | Sequence[Flowable]) -> None:
        """``body``: strings (a paragraph each; a line break starts a new one) or flowables."""
        self._count += 1
        self.story.append(para(f"第{cn_number(self._count)}条　{heading}", self._st["clause"]))
        for part in body:
            if isinstance(part, str):
                self.story.extend(paras(part, self._st["body"]))
            elif isinstance(part, Flowable):
                self.story.append(part)
            else:
                self.story.extend(part)


# -- tables ---------------------------------------------------------------------------------------
def grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float | None],
    st: dict[str, ParagraphStyle],
) -> Table:
    """A ruled table with a shaded header row that repeats on every page it runs onto."""
    cells = [[para(text, st["cell_head"]) for text in header]]
    cells += [[para(text, st["cell"]) for text in row] for row in rows]
    table = Table(
        cells, colWidths=list(widths), repeatRows=1, hAlign="CENTER", spaceBefore=2, spaceAfter=5
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def party_lines(
    rows: Sequence[tuple[str, str]],
    st: dict[str, ParagraphStyle],
    label_width: float = 52 * mm,
    indent: float = 0,
) -> Table:
    """Label and value, one pair a line, without rules (甲方（科研单位）：… ; 统一社会信用代码：…);
    ``indent``: how far in from the margin the labels start."""
    table = Table(
        [[para(label, st["label"]), para(value, st["plain"])] for label, value in rows],
        colWidths=(label_width + indent, None),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (0, -1), indent),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def unit_lines(unit: UnitParty) -> list[tuple[str, str]]:
    return [("甲方（科研单位）：", unit.name), ("统一社会信用代码：", unit.credit_code)]


def team_names(team: Sequence[TeamMember]) -> str:
    names = [m.name for m in team]
    if len(names) <= 4:
        return "、".join(names)
    return f"{'、'.join(names[:3])}等 {len(names)} 人"


def team_parties(
    unit: UnitParty, team: Sequence[TeamMember], st: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """甲方, then 乙方 the team: each member with 身份证号 and share of the team's part."""
    rows = [
        (str(n), m.name, m.id_number or NOT_RECORDED, percent(m.share))
        for n, m in enumerate(team, start=1)
    ]
    return [
        party_lines(
            [*unit_lines(unit), ("乙方（成果完成人团队）：", f"{team_names(team)}（成员如下）")], st
        ),
        Spacer(1, 2 * mm),
        grid(
            ("序号", "姓名", "身份证号", "团队内份额"), rows, (14 * mm, 36 * mm, None, 32 * mm), st
        ),
        Spacer(1, 4 * mm),
    ]


# -- signature and seal blocks --------------------------------------------------------------------
def sign_block(lines: Sequence[str], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [para(line, st["sign"]) for line in lines]


def unit_signature_lines(unit: UnitParty, date: str | None) -> list[str]:
    return [
        f"甲方（盖章）：{unit.name}",
        "",
        f"法定代表人或授权代表（签字）：{BLANK_SIGNATURE}",
        f"日期：{signature_date(date)}",
    ]


def team_signatures(
    team: Sequence[TeamMember], date: str | None, st: dict[str, ParagraphStyle]
) -> Flowable:
    """乙方: every member signs on their own line; the block is kept in one piece where it fits
    on a page (a long team runs on by whole rows, the header row repeated)."""
    rows = [[str(n), m.name, "", signature_date(date)] for n, m in enumerate(team, start=1)]
    table = grid(("序号", "姓名", "签字", "日期"), rows, (14 * mm, 34 * mm, None, 50 * mm), st)
    table.setStyle(
        TableStyle([("TOPPADDING", (0, 1), (-1, -1), 8), ("BOTTOMPADDING", (0, 1), (-1, -1), 8)])
    )
    return KeepTogether([para("乙方（成果完成人团队全体成员签字）：", st["sign"]), table])


def end_of_text(st: dict[str, ParagraphStyle]) -> Paragraph:
    return para("（以下无正文）", st["end"])


# -- the document ---------------------------------------------------------------------------------
# reportlab keeps Japanese closing marks (、。」）) off the start of a line, but not the Chinese
# full-width comma, semicolon, colon and the rest, so a contract would show "，任何一方…".
NO_LINE_START = "，；：！？）》」』】〕〉”’％"
_line_breaks = threading.Lock()


@contextmanager
def chinese_line_breaks() -> Iterator[None]:
    """While one document is laid out, reportlab also keeps Chinese closing punctuation off
    the start of a line (it hangs at the end of the line before). reportlab's own set is put
    back afterwards, so other reports lay out as they always did: their bytes do not depend on
    whether an agreement was printed first. (Tasks run one at a time; the lock keeps two
    agreements from interleaving anyway.)"""
    with _line_breaks:
        saved = (textsplit.ALL_CANNOT_START, rl_paragraph.ALL_CANNOT_START)
        extended = saved[1] + NO_LINE_START
        textsplit.ALL_CANNOT_START = rl_paragraph.ALL_CANNOT_START = extended
        try:
            yield
        finally:
            textsplit.ALL_CANNOT_START, rl_paragraph.ALL_CANNOT_START = saved


def mark_of(secrecy_mark: str, level: str) -> str:
    """A grant's or amendment's page mark: the achievement's own mark; failing that, the
    carrier mark of the level (内部 for internal content; 机密★ … if a classified record lacks
    its mark, so a document is never marked lower than its content)."""
    return secrecy_mark or carrier_mark(level)


def render(
    *, title: str, doc_no: str, mark: str, created_at: str, author: str, story: Sequence[Flowable]
) -> bytes:
    """The A4 PDF of ``story`` under ``title`` (centred at the top of the first page)."""
    register_cjk_font()
    register_latin_fonts()
    st = styles()
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=24 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=author,
        subject=f"编号：{doc_no}",
        creator="Transfer Desk",
        lang="zh-CN",
        invariant=True,  # no timestamp or random document id of the machine in the file
        initialFontName=CJK_FONT,  # otherwise every page names Helvetica, unembedded
    )
    stamp = pdf_date(created_at)
    number = para(f"编号：{doc_no}", st["doc_no"])

    def on_page(canvas: Canvas, _doc: Any) -> None:
        if stamp is not None:
            # Invariant mode dates every file 2000-01-01; the record's own time replaces it.
            canvas.setDateFormatter(lambda *_: stamp)
        _, height = number.wrapOn(canvas, WIDTH, 20 * mm)
        number.drawOn(canvas, MARGIN, PAGE[1] - 7 * mm - height)

    full: list[Flowable] = [para(title, st["title"]), *story]
    with chinese_line_breaks():
        doc.build(
            full,
            onFirstPage=on_page,
            onLaterPages=on_page,
            canvasmaker=numbered_canvas(PAGE, MARGIN, title, mark),
        )
    return out.getvalue()

"""What our PDFs share: on every page the footer "TITLE · 第 X 页 共 Y 页" and, for a document
holding non-public content, its mark (e.g. 机密★) at the top; and the label/value table of a
document's particulars."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.reports.fonts import CJK_FONT, mixed_markup

# A table sets its cell font even for Paragraph cells; left at Helvetica, the PDF would name a
# font it does not embed.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), CJK_FONT)


def details_table(rows: list[list[Paragraph]], label_width: float) -> Table:
    """Label/value rows (unit, date, filter …) with a light rule under each."""
    table = Table(rows, colWidths=(label_width, None))
    table.setStyle(
        TableStyle(
            [
                TABLE_FONT,
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def numbered_canvas(
    page_size: tuple[float, float], margin: float, title: str, mark: str = ""
) -> type[Canvas]:
    """A canvas class for ``doc.build(story, canvasmaker=...)``. It keeps every page until the
    end, so each footer can say how many pages there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width = page_size[0] - 2 * margin
            footer_style = ParagraphStyle(
                "footer", fontName=CJK_FONT, fontSize=8, leading=10, alignment=TA_CENTER
            )
            footer = Paragraph(
                mixed_markup(f"{title} · 第 {number} 页 共 {total} 页"), footer_style
            )
            _, height = footer.wrapOn(self, width, 20 * mm)
            footer.drawOn(self, margin, 10 * mm - height / 2)
            if mark:
                # Top left of every page, where 公文 put the secrecy mark, above the margin.
                mark_style = ParagraphStyle("mark", fontName=CJK_FONT, fontSize=12, leading=14)
                top = Paragraph(mixed_markup(mark), mark_style)
                _, height = top.wrapOn(self, width, 20 * mm)
                top.drawOn(self, margin, page_size[1] - 7 * mm - height)

    return NumberedCanvas

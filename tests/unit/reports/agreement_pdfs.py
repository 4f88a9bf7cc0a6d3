"""Reading the agreement PDFs back (pypdf) for the tests of desktop/reports/*agreement*.py:
text, where on the page a piece of text is drawn, which fonts a page uses, the /CreationDate."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from pypdf import PageObject, PdfReader

A4_POINTS = (595, 842)
MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    text: str
    x: float  # points from the left edge
    y: float  # points from the bottom edge (the baseline)


def reader(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def squash(text: str) -> str:
    """``text`` without any whitespace: extracted text breaks lines and spaces where the
    layout did, and reads the full-width space as a plain one."""
    return "".join(text.split())


def text_of(data: bytes) -> str:
    """All pages as one squashed string: a sentence that wraps is found whole."""
    return squash("".join(pages_text(data)))


def assert_says(text: str, *phrases: str) -> None:
    """Each phrase is in ``text`` (a ``text_of``), whitespace aside."""
    for phrase in phrases:
        assert squash(phrase) in text, phrase


def runs(page: PageObject) -> list[Run]:
    """Each piece of text drawn on ``page`` with its position on the page."""
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Run(text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


def top_left(page: PageObject) -> str:
    """The text drawn in the header band (the top 20 mm), left half of the page."""
    height = float(page.mediabox.height)
    width = float(page.mediabox.width)
    parts = [r for r in runs(page) if r.y > height - 20 * MM and r.x < width / 2]
    return "".join(r.text for r in sorted(parts, key=lambda r: r.x))


def top_right(page: PageObject) -> str:
    height = float(page.mediabox.height)
    width = float(page.mediabox.width)
    parts = [r for r in runs(page) if r.y > height - 20 * MM and r.x >= width / 2]
    return "".join(r.text for r in sorted(parts, key=lambda r: r.x))


def font_report(page: PageObject) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font in the page's resources."""
    report = []
    resources: Any = page["/Resources"]
    for ref in resources["/Font"].values():
        font = ref.get_object()
        descendant = font.get("/DescendantFonts")
        target = descendant[0].get_object() if descendant else font
        descriptor = target.get("/FontDescriptor")
        embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
        report.append((str(font["/BaseFont"]), embedded))
    return report


def creation_date(data: bytes) -> str:
    info: Any = reader(data).trailer["/Info"].get_object()
    return str(info["/CreationDate"])

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from desktop.domain.recovery_code import format_code
from desktop.reports.recovery_sheet import TITLE, render_recovery_sheet

CODE = format_code(bytes(range(20)))
VAULT_ID = "3f2b8c1e-5a7d-4e9b-9c1a-0d2e4f6a8b10"


def render(**changes: object) -> bytes:
    args: dict[str, object] = {
        "unit_name": "辽宁省示范大学",
        "vault_id": VAULT_ID,
        "code": CODE,
        "created_at": datetime(2026, 1, 5, 8, 3, tzinfo=UTC),
    } | changes
    return render_recovery_sheet(**args)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def reader() -> PdfReader:
    return PdfReader(BytesIO(render()))


def _text(reader: PdfReader) -> str:
    return "".join(page.extract_text() for page in reader.pages)


def test_is_one_a4_page(reader: PdfReader) -> None:
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_text_carries_the_code_and_details(reader: PdfReader) -> None:
    text = _text(reader)
    for group in CODE.split("-"):
        assert group in text
    for expected in (
        "辽宁省示范大学",
        VAULT_ID,
        "2026年1月5日",
        "保密柜",
        "只在创建保管库时显示这一次",
    ):
        assert expected in text


def test_metadata_title(reader: PdfReader) -> None:
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE == "保管库恢复码 · Vault recovery code"


def test_fonts_are_embedded(reader: PdfReader) -> None:
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font.get("/DescendantFonts")
        target = descendant[0].get_object() if descendant else font
        descriptor = target.get("/FontDescriptor")
        assert descriptor is not None, f"{font['/BaseFont']} has no descriptor: not embedded"
        if "/FontFile2" in descriptor.get_object():
            embedded.append(str(font["/BaseFont"]))
    assert len(embedded) == len(fonts)
    assert any(name.endswith("+DroidSansFallback") for name in embedded)


def test_markup_in_unit_name_is_text() -> None:
    text = _text(PdfReader(BytesIO(render(unit_name="R&D <中心>"))))
    assert "R&D <中心>" in text


def test_output_depends_only_on_its_inputs() -> None:
    assert render() == render()
    assert render() != render(code=format_code(bytes(20)))

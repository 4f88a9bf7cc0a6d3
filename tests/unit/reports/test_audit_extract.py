from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.domain.audit import TreeHead
from desktop.domain.audit_diff import EntryLine
from desktop.reports.audit_extract import (
    TITLE,
    WITHHELD,
    checkpoint_text,
    render_audit_extract,
)

VAULT_ID = "3f2b8c1e-5a7d-4e9b-9c1a-0d2e4f6a8b10"
HEAD = TreeHead(123, hashlib.sha256(b"root").digest())


def line(seq: int, **changes: object) -> EntryLine:
    args: dict[str, object] = {
        "seq": seq,
        "time": "2026年1月5日 08:03",
        "person": "王管理",
        "action": "人员信息修改",
        "object": "人员 3",
        "changes": f"职称：讲师 → 副教授；备注：第{seq}条",
        "withheld": False,
    } | changes
    return EntryLine(**args)  # type: ignore[arg-type]


def render(**changes: object) -> bytes:
    args: dict[str, object] = {
        "unit_name": "辽宁省示范大学",
        "vault_id": VAULT_ID,
        "exported_by": "李审计",
        "exported_at": datetime(2026, 1, 5, 8, 3, tzinfo=UTC),
        "filter_text": "操作：人员信息修改",
        "head": HEAD,
        "lines": [line(1), line(2, withheld=True, changes="秘密内容不应出现"), line(3)],
        "total": 3,
    } | changes
    return render_audit_extract(**args)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render()


def text_of(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_is_a4_with_the_title(pdf: bytes) -> None:
    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata is not None and reader.metadata.title == TITLE == "审计日志摘录"


def test_header_says_who_exported_what_and_when(pdf: bytes) -> None:
    text = text_of(pdf)
    for expected in (
        "审计日志摘录",
        "辽宁省示范大学",
        VAULT_ID,
        "李审计",
        "2026年1月5日 08:03",
        "操作：人员信息修改",
        "共 3 条",
    ):
        assert expected in text


def test_tree_head_and_checkpoint_block(pdf: bytes) -> None:
    text = text_of(pdf)
    assert HEAD.root.hex() in text
    assert "123 条" in text
    assert f"transfer-desk/{VAULT_ID}" in text
    assert base64.b64encode(HEAD.root).decode() in text


def test_checkpoint_text_is_the_c2sp_body() -> None:
    lines = checkpoint_text(VAULT_ID, HEAD).split("\n")
    assert lines == [f"transfer-desk/{VAULT_ID}", "123", base64.b64encode(HEAD.root).decode(), ""]
    assert base64.b64decode(lines[2]) == HEAD.root


def test_one_row_per_entry_and_withheld_content_marked(pdf: bytes) -> None:
    text = text_of(pdf)
    assert "第1条" in text and "第3条" in text
    # The arrow has no glyph in the bundled fonts; the words stand in for it.
    assert "讲师 改为 副教授" in text
    assert WITHHELD in text
    assert "秘密内容不应出现" not in text


def test_page_numbers_count_all_pages() -> None:
    data = render(lines=[line(i) for i in range(1, 120)], total=500)
    reader = PdfReader(BytesIO(data))
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, start=1):
        assert f"第 {number} 页 共 {pages} 页" in page.extract_text()
    assert "符合条件的记录共 500 条，本摘录列出其中最新的 119 条" in text_of(data)
    # The header row repeats on every page.
    assert "变更内容" in reader.pages[-1].extract_text()


def test_an_empty_extract_says_so() -> None:
    text = text_of(render(lines=[], total=0, filter_text=""))
    assert "没有符合条件的记录" in text
    assert "全部记录" in text


def test_markup_in_text_is_text() -> None:
    text = text_of(render(unit_name="R&D <中心>", lines=[line(1, changes="a<b>&c")]))
    assert "R&D <中心>" in text
    assert "a<b>&c" in text


def test_fonts_are_embedded(pdf: bytes) -> None:
    reader = PdfReader(BytesIO(pdf))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
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


def test_output_depends_only_on_its_inputs(pdf: bytes) -> None:
    assert render() == pdf
    assert render(head=TreeHead(124, HEAD.root)) != pdf


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders_to_an_image(pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "extract.pdf"
    source.write_bytes(render(lines=[line(i, withheld=i % 5 == 0) for i in range(1, 40)]))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size > 10_000


def test_an_extract_with_secret_content_carries_its_mark_on_every_page() -> None:
    many = [line(n, changes="职称：讲师 → 副教授；" * 6) for n in range(1, 90)]
    marked = PdfReader(BytesIO(render(lines=many, total=len(many), mark="机密★")))
    assert len(marked.pages) >= 3
    for page in marked.pages:
        # Drawn at the end of each page (after its body), at the top left; the star is a real
        # glyph (TD Symbols), not a missing one.
        assert page.extract_text().rstrip().endswith("机密★")
    public = PdfReader(BytesIO(render(lines=many, total=len(many))))
    assert all("★" not in page.extract_text() for page in public.pages)

"""The published pool version as a PDF: landscape A4, what it says, fonts, page numbers, bytes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain.rules import rule
from desktop.errors import Cancelled
from desktop.reports.pool_version import COLUMNS, render_pool_version, title

RULE = rule("liaoning.pool.ip_held_years")
KINDS = {"invention_patent": "发明专利", "software_copyright": "软件著作权"}


def item(n: int, **changes: object) -> dict[str, Any]:
    return {
        "achievement_id": n,
        "title": f"一种镁合金的制备方法{n}号",
        "kind": "invention_patent",
        "department": "材料学院",
        "grant_number": f"ZL2019101234{n:02d}.0",
        "granted_on": "2020-03-17",
        "reason": f"第{n}项：授权已满 3 年，尚未转化",
    } | changes


def render(**changes: object) -> bytes:
    args: dict[str, object] = {
        "unit_name": "辽宁省示范大学",
        "number": 3,
        "published_at": datetime(2026, 1, 5, 8, 3, tzinfo=UTC),
        "note": "2026年第一期",
        "rule": RULE,
        "items": [item(1), item(2, kind="software_copyright", department="")],
        "kind_name": lambda code: KINDS.get(code, code),
    } | changes
    return render_pool_version(**args)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render()


def text_of(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def test_is_landscape_a4_titled_with_the_issue_number(pdf: bytes) -> None:
    reader = PdfReader(BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    assert reader.metadata is not None
    assert reader.metadata.title == title(3) == "先用后付成果池（第 3 期）"


def test_header_names_the_unit_the_date_the_rule_and_its_source(pdf: bytes) -> None:
    text = text_of(pdf)
    for expected in (
        "先用后付成果池（第 3 期）",
        "辽宁省示范大学",
        "2026年1月5日",
        RULE.text,
        RULE.source,
        "共 2 项",
        "2026年第一期",
    ):
        assert expected in text, expected


def test_one_row_per_item_with_its_kind_in_words_and_the_date_in_chinese(pdf: bytes) -> None:
    text = text_of(pdf)
    for column in COLUMNS:
        assert column in text
    assert "一种镁合金的制备方法1号" in text and "一种镁合金的制备方法2号" in text
    assert "发明专利" in text and "软件著作权" in text
    assert "invention_patent" not in text
    assert "ZL201910123401.0" in text and "2020年3月17日" in text
    assert "第2项：授权已满 3 年，尚未转化" in text


def test_without_a_note_there_is_no_note_row_and_an_empty_version_says_so() -> None:
    text = text_of(render(note="", items=[]))
    assert "说明" not in text
    assert "本期没有成果" in text and "共 0 项" in text


def test_page_numbers_count_all_pages_and_the_header_repeats() -> None:
    reader = PdfReader(BytesIO(render(items=[item(i) for i in range(1, 60)])))
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页 共 {pages} 页" in text
        assert "纳入理由" in text
    assert "一种镁合金的制备方法59号" in reader.pages[-1].extract_text()


def test_markup_in_text_is_text() -> None:
    text = text_of(render(unit_name="R&D <中心>", items=[item(1, title="a<b>&c 成果")]))
    assert "R&D <中心>" in text
    assert "a<b>&c 成果" in text


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
    assert render(number=4) != pdf


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders_to_an_image(tmp_path: Path) -> None:
    source = tmp_path / "pool.pdf"
    source.write_bytes(render(items=[item(i) for i in range(1, 20)]))
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    assert image.stat().st_size > 10_000


def test_a_long_pool_reports_its_pages_and_can_be_stopped() -> None:
    items = [item(n) for n in range(1, 121)]
    seen: list[tuple[int, int]] = []
    data = render(items=items, progress=lambda done, total: seen.append((done, total)))
    pages = len(PdfReader(BytesIO(data)).pages)
    assert pages > 3
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # never backwards
    assert seen[-1][0] == seen[-1][1]  # done at the end, and only then
    assert all(done < total for done, total in seen[:-1])
    asked: list[int] = []

    def stop_on_the_second_page() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        render(items=items, cancelled=stop_on_the_second_page)

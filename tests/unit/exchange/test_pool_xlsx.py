"""The published pool version as xlsx: read back with openpyxl, safe text, reproducible bytes."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.rules import rule
from desktop.exchange.pool_xlsx import COLUMNS, DATE_FORMAT, sheet_title, write_pool_version

RULE = rule("liaoning.pool.ip_held_years")
KINDS = {"invention_patent": "发明专利", "software_copyright": "软件著作权"}
BEIJING = timezone(timedelta(hours=8))


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


def write(**changes: object) -> bytes:
    args: dict[str, object] = {
        "unit_name": "辽宁省示范大学",
        "number": 2,
        "published_at": datetime(2026, 1, 5, 8, 3, tzinfo=BEIJING),
        "note": "2026年第一期",
        "rule": RULE,
        "items": [item(1), item(2, kind="software_copyright", department="")],
        "kind_name": lambda code: KINDS.get(code, code),
    } | changes
    return write_pool_version(**args)  # type: ignore[arg-type]


def sheet(data: bytes) -> Worksheet:
    ws = load_workbook(BytesIO(data)).active
    assert isinstance(ws, Worksheet)
    return ws


def rows(data: bytes) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in sheet(data).iter_rows(values_only=True)]


def header_index(data: bytes) -> int:
    return rows(data).index(COLUMNS)


def test_title_row_unit_date_and_rule_come_first() -> None:
    data = write()
    found = rows(data)
    assert found[0][0] == sheet_title(2) == "先用后付成果池（第 2 期）"
    labelled = {row[0]: row[1] for row in found[1 : header_index(data)] if row[0]}
    assert labelled == {
        "发布单位": "辽宁省示范大学",
        "发布日期": "2026年1月5日",
        "纳入依据": f"{RULE.text}（{RULE.source}）",
        "成果数量": "共 2 项",
        "说明": "2026年第一期",
    }
    assert sheet(data).title == "第2期"


def test_items_follow_the_chinese_headers_in_published_order() -> None:
    data = write()
    start = header_index(data)
    body = rows(data)[start + 1 :]
    assert [row[:5] for row in body] == [
        (1, "一种镁合金的制备方法1号", "发明专利", "材料学院", "ZL201910123401.0"),
        (2, "一种镁合金的制备方法2号", "软件著作权", None, "ZL201910123402.0"),
    ]
    assert body[1][6] == "第2项：授权已满 3 年，尚未转化"
    # The grant date is a real date, shown the Chinese way.
    ws = sheet(data)
    cell = ws.cell(start + 2, 6)
    assert cell.value == datetime(2020, 3, 17)
    assert cell.number_format == DATE_FORMAT
    # The header stays in view while scrolling.
    assert ws.freeze_panes == f"A{start + 2}"


def test_no_note_no_note_row_and_an_empty_version_has_only_the_header() -> None:
    data = write(note="", items=[])
    found = rows(data)
    assert "说明" not in [row[0] for row in found]
    assert found[-1] == COLUMNS
    assert ("成果数量", "共 0 项", None, None, None, None, None) in found


def test_text_that_looks_like_a_formula_stays_text() -> None:
    data = write(unit_name="=1+1", items=[item(1, title='=HYPERLINK("http://x","点我")')])
    with zipfile.ZipFile(BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml
    values = [value for row in rows(data) for value in row]
    assert "=1+1" in values and '=HYPERLINK("http://x","点我")' in values


def test_control_characters_are_dropped_not_refused() -> None:
    data = write(items=[item(1, reason="理由\x01\x0b完")])
    assert "理由完" in [value for row in rows(data) for value in row]


def test_properties_carry_the_publication_time_not_now() -> None:
    props = load_workbook(BytesIO(write())).properties
    assert props.created == props.modified == datetime(2026, 1, 5, 0, 3)  # UTC
    assert props.creator == "Transfer Desk"
    assert props.title == sheet_title(2)


def test_same_input_same_bytes_and_every_entry_has_the_fixed_date() -> None:
    data = write()
    assert write() == data
    assert write(number=3) != data
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# Any text, with a good share of what XML or openpyxl refuse.
ANY_TEXT = st.text(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from("\x00\x01\x0b\r\ufffe\uffff")),
    max_size=40,
)


@given(st.lists(ANY_TEXT, min_size=1, max_size=5))
def test_any_titles_round_trip(titles: list[str]) -> None:
    data = write(items=[item(i, title=t) for i, t in enumerate(titles, start=1)])
    body = rows(data)[header_index(data) + 1 :]
    # Control characters and XML's non-characters go, a carriage return is a line break; the
    # rest reads back (an empty cell reads back as None).
    kept = [
        "".join(c for c in t if (c >= " " or c in "\t\n\r") and c not in "\ufffe\uffff")
        for t in titles
    ]
    expected = [t.replace("\r\n", "\n").replace("\r", "\n") or None for t in kept]
    assert [row[1] for row in body] == expected


def test_the_date_shown_is_the_stored_wall_date_with_or_without_a_zone() -> None:
    late = datetime(2026, 1, 5, 23, 0)
    for published_at in (late.replace(tzinfo=UTC), late, late.replace(tzinfo=BEIJING)):
        shown = rows(write(published_at=published_at))
        assert ("发布日期", "2026年1月5日", None, None, None, None, None) in shown

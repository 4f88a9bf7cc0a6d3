"""A published version of the pay-later pool as a spreadsheet (xlsx), with openpyxl.

One sheet: a title row, the unit, the publication date, the rule, then the achievements under
Chinese headers. The same input gives the same bytes: the document properties carry the
publication time instead of "now", and every ZIP entry carries one fixed date.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from desktop.domain.dates import format_cn_date
from desktop.domain.rules import Rule

COLUMNS = ("序号", "成果名称", "类型", "所属部门", "知识产权号", "授权日期", "纳入理由")
_WIDTHS = (6, 44, 14, 18, 22, 16, 70)
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
# The earliest date a ZIP entry can carry; any fixed date keeps the bytes reproducible.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_THIN = Side(style="thin", color="BFBFBF")
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def sheet_title(number: int) -> str:
    return f"先用后付成果池（第 {number} 期）"


def write_pool_version(
    *,
    unit_name: str,
    number: int,
    published_at: dt.datetime,
    note: str,
    rule: Rule,
    items: Sequence[Mapping[str, Any]],
    kind_name: Callable[[str], str],
) -> bytes:
    """The version as xlsx bytes. ``items`` are the published rows (title, kind, department,
    grant_number, granted_on as an ISO date, reason); ``kind_name`` puts a kind code in words."""
    heading = sheet_title(number)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"第{number}期"
    last = get_column_letter(len(COLUMNS))

    ws.append([_text(heading)])
    _as_text(ws["A1"])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    lines = [
        ("发布单位", unit_name),
        ("发布日期", format_cn_date(published_at)),
        ("纳入依据", f"{rule.text}（{rule.source}）"),
        ("成果数量", f"共 {len(items)} 项"),
    ]
    if note:
        lines.append(("说明", note))
    for label, value in lines:
        ws.append([_text(label), _text(value)])
        row = ws.max_row
        ws.merge_cells(f"B{row}:{last}{row}")
        ws.cell(row, 1).font = Font(bold=True)
        for cell in (ws.cell(row, 1), ws.cell(row, 2)):
            _as_text(cell)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.append([])

    ws.append(list(COLUMNS))
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8E8E8")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(bottom=_THIN, top=_THIN)
    # Cells written by position, styles shared: ws.max_row and ws[row] scan every cell, which
    # made 47,000 rows take many minutes (quadratic); this is linear.
    align = Alignment(vertical="top", wrap_text=True)
    border = Border(bottom=_THIN)
    for position, item in enumerate(items, start=1):
        row = header_row + position
        values: list[object] = [
            position,
            _text(str(item["title"])),
            _text(kind_name(str(item["kind"]))),
            _text(str(item["department"])),
            _text(str(item["grant_number"])),
            _date(str(item["granted_on"])),
            _text(str(item["reason"])),
        ]
        for column, content in enumerate(values, start=1):
            cell = ws.cell(row=row, column=column, value=content)
            _as_text(cell)
            cell.alignment = align
            cell.border = border
            if isinstance(content, dt.date):
                cell.number_format = DATE_FORMAT
    last_row = header_row + len(items)
    for index, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    if items:
        ws.auto_filter.ref = f"A{header_row}:{last}{last_row}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    # The publication time stands in for "now", so the same version gives the same bytes.
    stamp = _utc_naive(published_at)
    wb.properties.creator = "Transfer Desk"
    wb.properties.lastModifiedBy = None
    wb.properties.title = heading
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return _fixed_zip_times(_save(wb))


def _text(value: str) -> str:
    # Control characters and the non-characters XML forbids have no place in a cell (openpyxl
    # refuses the first and writes a file nobody can open with the second); a line break is
    # "\n" in a cell, as XML would make of a bare carriage return anyway.
    value = _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", value))
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _as_text(cell: Cell) -> None:
    # A title that starts with "=" is text here, never a formula run by whoever opens the file.
    if cell.data_type == "f":
        cell.data_type = "s"


def _date(iso: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return _text(iso)


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _save(wb: Workbook) -> bytes:
    # Not ``Workbook.save``: that sets the modified time to now.
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return out.getvalue()


def _fixed_zip_times(data: bytes) -> bytes:
    out = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()

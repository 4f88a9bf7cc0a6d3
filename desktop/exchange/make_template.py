"""Build the import template shipped as ``resources/templates/achievements-import.xlsx``.

    python -m desktop.exchange.make_template            # rewrite the committed file
    python -m desktop.exchange.make_template OUT.xlsx   # write it elsewhere

The output is deterministic (fixed document dates, fixed zip entry times), so the committed file
changes only when this script does; a test compares the two.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from db.atomic import write_atomic
from desktop.exchange import achievements_xlsx as x
from desktop.resources import resource_path

TEMPLATE = "templates/achievements-import.xlsx"
FIXED_TIME = dt.datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
FIRST_DATA_ROW = 2
LAST_DATA_ROW = x.MAX_ROWS + 1

# (column, required, how to fill it in, example)
GUIDE: tuple[tuple[str, str, str, str], ...] = (
    (x.TITLE, "必填", "不超过 200 字。", "一种高强韧镁合金的制备方法"),
    (x.ABSTRACT, "", "不超过 5000 字。", "本发明公开了一种……"),
    (x.KEYWORDS, "", "最多 10 个，每个不超过 30 字，用“、”分隔。", "镁合金、热处理、强韧化"),
    (x.KIND, "必填", "从下拉列表选择：" + "、".join(x.KIND_NAMES.values()) + "。", "发明专利"),
    (x.DEPARTMENT, "", "填写“单位信息”中已有的部门名称。", "材料科学与工程学院"),
    (x.FUNDING, "必填", "纵向项目、横向项目或自筹。", "纵向项目"),
    (
        x.FUNDING_REF,
        "纵向、横向必填",
        "纵向项目填项目编号，横向项目填合同编号，自筹不填。",
        "2023JH2/101300123",
    ),
    (
        x.COMPLETERS,
        "必填",
        "每人写成“姓名:角色:份额”，多人之间用“、”分隔；角色为负责人或成员，至少一名负责人；"
        "份额为百分数（最多两位小数，可带 %），合计须恰好为 100。姓名须已在“人员”中登记。"
        "人员名册中有同名者时，在姓名后用括号写明部门，如“张三(材料所)”；同部门也同名的，"
        "写人员编号，如“张三(#12)”。冒号、括号用全角或半角均可。",
        "张三:负责人:60、李四:成员:40",
    ),
    (
        x.IP_NUMBERS,
        "",
        "专利申请号（含校验位，如 201710601862.3）、软件著作权登记号（如 2023SR0123456）、"
        "布图设计登记号、品种权号等，须与成果类型相符；多个用“、”分隔。技术秘密不填。",
        "201710601862.3",
    ),
    (
        x.APPLIED,
        "",
        "Excel 日期，或写成 YYYY-MM-DD。有多个登记号时，按登记号的顺序写多个日期，用“、”分隔，"
        "没有的留空（如“2021-03-01、”）。",
        "2017-07-26",
    ),
    (x.GRANTED, "", "同申请日。授权日不得早于申请日。", "2019-11-12"),
    (x.EXPIRES, "", "同申请日。到期日须晚于申请日和授权日。", "2037-07-25"),
    (x.LEVEL, "必填", "公开、内部、秘密、机密或绝密。", "公开"),
    (
        x.MARK,
        "秘密及以上必填",
        "秘密、机密、绝密成果填写密级标志，如“机密★10年”“秘密★6个月”“秘密★项目结题后解密”；"
        "公开、内部成果不填。",
        "机密★10年",
    ),
    (x.NEGATIVE, "", "是或否（不填为否）：是否列入负面清单（如涉及国家安全）。", "否"),
    (x.NEGATIVE_REASON, "列入时必填", "列入负面清单的理由。", "涉及国家安全"),
    (x.ETHICS, "", "不需要、审查中、已通过或未通过（不填为不需要）。", "不需要"),
    (x.ETHICS_APPROVAL, "已通过时必填", "伦理审查批件号。", "伦审〔2024〕015号"),
    (x.OVERSEAS, "", "是或否（不填为否）：是否涉外。", "否"),
)
assert tuple(g[0] for g in GUIDE) == x.COLUMNS

NOTES = (
    "每行填写一项成果，从第 2 行起填写；不要改动、删除或调换第 1 行的列名。",
    "导入前程序逐行检查，列出每个有问题的行、列和原因；您可以选择全部不导入，或只导入没有问题的行。"
    "不会只导入一行中的一部分。",
    "单元格中的公式不被读取（该单元格会被报为有问题）：请填写数值本身。",
    f"只接受 .xlsx 文件（不接受含宏的 .xlsm），每个文件最多 {x.MAX_ROWS:,} 行成果。",
    "导入的成果均为新登记，状态为“登记”。导出的成果清单也可以按本格式再次导入"
    "（“编号”“状态”“登记年份”列在导入时忽略）。",
)

_LISTS = {
    x.KIND: tuple(x.KIND_NAMES.values()),
    x.FUNDING: tuple(x.FUNDING_NAMES.values()),
    x.LEVEL: tuple(x.LEVEL_NAMES.values()),
    x.NEGATIVE: (x.YES, x.NO),
    x.ETHICS: tuple(x.ETHICS_NAMES.values()),
    x.OVERSEAS: (x.YES, x.NO),
}
_TEXT_COLUMNS = (x.FUNDING_REF, x.COMPLETERS, x.IP_NUMBERS, x.MARK, x.ETHICS_APPROVAL)


def build_template() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = x.SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, header in enumerate(x.COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = bold
        cell.fill = fill
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = x.COLUMN_WIDTHS.get(header, 12)
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_DATA_ROW}"
        if header in _LISTS:
            choices = _LISTS[header]
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=header,
                error="请从列表中选择：" + "、".join(choices),
            )
            validation.add(cells)
            sheet.add_data_validation(validation)
        if header in _TEXT_COLUMNS:
            sheet.column_dimensions[letter].number_format = "@"
        if header in x.DATE_COLUMNS:
            sheet.column_dimensions[letter].number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"

    guide = book.create_sheet(x.GUIDE_SHEET)
    guide.append(["成果导入模板填写说明"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append([])
    for note in NOTES:
        guide.append([note])
    guide.append([])
    guide.append(["列", "是否必填", "填写方法", "示例"])
    for cell in guide[guide.max_row]:
        cell.font = bold
        cell.fill = fill
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in GUIDE:
        guide.append(list(row))
        for cell in guide[guide.max_row]:
            cell.alignment = wrap
    for letter, width in zip("ABCD", (16, 14, 70, 30), strict=True):
        guide.column_dimensions[letter].width = width

    book.properties.creator = "成果转化工作台"
    book.properties.title = "科技成果导入模板"
    book.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic(buffer.getvalue())


def _deterministic(data: bytes) -> bytes:
    """The same bytes every time: fixed entry times, and the save time openpyxl writes into
    docProps/core.xml replaced by the fixed one."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = Path(args[0]) if args else resource_path(TEMPLATE)
    write_atomic(path, build_template(), mode=0o644)
    print(f"已写入导入模板 / Import template written: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Excel in and out: the template's rows become checked drafts, every bad row is reported with
its row, column and a Chinese reason, hostile files are refused whole, and what the export writes
the import reads back."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop.domain.achievements import AchievementDraft, AchievementRow, Completer, IpRight
from desktop.domain.people import Person
from desktop.errors import StorageError, ValidationError
from desktop.exchange import achievements_xlsx as x
from desktop.exchange.achievements_xlsx import (
    CompleterEntry,
    ImportPreview,
    RowProblem,
    format_completers,
    parse_completers,
    people_index,
    person_labels,
    read_import,
)
from desktop.resources import resource_path

TODAY = dt.date(2026, 1, 5)
CJK = re.compile(r"[\u4e00-\u9fff]")
PEOPLE = (
    Person(1, "张三", 10, "材料所", "研究员", "none", True),
    Person(2, "李四", 11, "化学学院", "教授", "none", True),
    Person(3, "王明", 10, "材料所", "讲师", "none", True),
    Person(4, "王明", 11, "化学学院", "讲师", "none", True),
    Person(5, "赵六", 11, "化学学院", "讲师", "none", True),
    Person(6, "赵六", 11, "化学学院", "教授", "none", True),  # same name, same department
)
DEPARTMENTS = {"材料所": 10, "化学学院": 11}


def good_row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        x.TITLE: "一种高强韧镁合金的制备方法",
        x.ABSTRACT: "本发明公开了一种镁合金。",
        x.KEYWORDS: "镁合金、热处理，强韧化",
        x.KIND: "发明专利",
        x.DEPARTMENT: "材料所",
        x.FUNDING: "纵向项目",
        x.FUNDING_REF: "2023JH2/101300123",
        x.COMPLETERS: "张三:负责人:60、李四：成员：40",
        x.IP_NUMBERS: "201710601862.3",
        x.APPLIED: dt.datetime(2017, 7, 26),
        x.GRANTED: "2019-11-12",
        x.EXPIRES: "2037年7月25日",
        x.LEVEL: "公开",
        x.MARK: None,
        x.NEGATIVE: "否",
        x.NEGATIVE_REASON: None,
        x.ETHICS: None,
        x.ETHICS_APPROVAL: None,
        x.OVERSEAS: None,
    }
    row.update(changes)
    return row


def filled_template(path: Path, rows: list[Mapping[str, Any] | None]) -> Path:
    """The shipped template with ``rows`` typed in under the header (None: an empty row)."""
    book = load_workbook(resource_path("templates/achievements-import.xlsx"))
    sheet = book[x.SHEET]
    for number, row in enumerate(rows, start=2):
        if row is None:
            continue
        for column, header in enumerate(x.COLUMNS, start=1):
            sheet.cell(row=number, column=column, value=row.get(header))
    book.save(path)
    return path


def read(path: Path, **changes: Any) -> ImportPreview:
    arguments: dict[str, Any] = {
        "people": people_index(PEOPLE),
        "departments": DEPARTMENTS,
        "today": TODAY,
    }
    arguments.update(changes)
    return read_import(path, **arguments)


# -- good rows --------------------------------------------------------------------------------


def test_a_filled_row_becomes_a_checked_draft(tmp_path: Path) -> None:
    preview = read(filled_template(tmp_path / "in.xlsx", [good_row()]))
    assert preview.problems == ()
    assert preview.row_count == 1
    assert preview.source == "in.xlsx"
    [row] = preview.rows
    assert row.row == 2
    assert row.draft == AchievementDraft(
        title="一种高强韧镁合金的制备方法",
        abstract="本发明公开了一种镁合金。",
        keywords=("镁合金", "热处理", "强韧化"),
        kind="invention_patent",
        department_id=10,
        funding_type="vertical",
        funding_ref="2023JH2/101300123",
        completers=(Completer(1, "lead", Decimal("60")), Completer(2, "member", Decimal("40"))),
        ip_rights=(IpRight("201710601862.3", "2017-07-26", "2019-11-12", "2037-07-25"),),
        level="public",
    )


def test_every_field_is_read(tmp_path: Path) -> None:
    row = good_row(
        **{
            x.KIND: "实用新型",
            x.DEPARTMENT: None,
            x.FUNDING: "自筹",
            x.FUNDING_REF: None,
            x.COMPLETERS: "王明(化学学院):负责人:33.34%、赵六(#6):成员:33.33、张三:成员:33.33",
            x.APPLIED: "2022-04-01、2021/1/5",
            x.GRANTED: "、2021.06.30",
            x.EXPIRES: None,
            x.LEVEL: "机密",
            x.MARK: "机密★10年",
            x.NEGATIVE: "是",
            x.NEGATIVE_REASON: "涉及国家安全",
            x.ETHICS: "已通过",
            x.ETHICS_APPROVAL: "伦审〔2024〕015号",
            x.OVERSEAS: "是",
        }
    )
    number = "202120000001"
    from desktop.domain.ip_numbers import patent_check_digit

    row[x.IP_NUMBERS] = f"202220828888.8、{number}.{patent_check_digit(number)}"
    [parsed] = read(filled_template(tmp_path / "in.xlsx", [row])).rows
    draft = parsed.draft
    assert draft.kind == "utility_model"
    assert (draft.department_id, draft.funding_type, draft.funding_ref) == (None, "self", "")
    assert draft.completers == (
        Completer(4, "lead", Decimal("33.34")),
        Completer(6, "member", Decimal("33.33")),
        Completer(1, "member", Decimal("33.33")),
    )
    assert draft.ip_rights == (
        IpRight("202220828888.8", "2022-04-01", None, None),
        IpRight(f"{number}.{patent_check_digit(number)}", "2021-01-05", "2021-06-30", None),
    )
    assert (draft.level, draft.secrecy_mark) == ("confidential", "机密★10年")
    assert (draft.negative_list, draft.negative_list_reason) == (True, "涉及国家安全")
    assert (draft.ethics_status, draft.ethics_approval) == ("approved", "伦审〔2024〕015号")
    assert draft.overseas is True


def test_empty_rows_are_skipped_and_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    path = filled_template(
        tmp_path / "in.xlsx", [good_row(), None, None, good_row(**{x.TITLE: "第二项"})]
    )
    preview = read(path)
    assert [r.row for r in preview.rows] == [2, 5]
    assert preview.row_count == 2


# -- bad rows ---------------------------------------------------------------------------------

BAD_CELLS = [
    ({x.TITLE: None}, x.TITLE, "请填写成果名称"),
    ({x.TITLE: "=B2"}, x.TITLE, "公式"),
    ({x.KIND: "专利"}, x.KIND, "不是可选的成果类型"),
    ({x.DEPARTMENT: "不存在的部门"}, x.DEPARTMENT, "不在本单位的部门列表中"),
    ({x.FUNDING: None}, x.FUNDING, "请填写经费来源"),
    ({x.FUNDING_REF: None}, x.FUNDING_REF, "纵向项目须填写项目编号"),
    ({x.COMPLETERS: "王五:负责人:100"}, x.COMPLETERS, "“王五”不在人员名册中"),
    ({x.COMPLETERS: "王明:负责人:100"}, x.COMPLETERS, "王明(化学学院)、王明(材料所)"),
    (
        {x.COMPLETERS: "赵六:负责人:100"},
        x.COMPLETERS,
        "不止一位“赵六”，请写明是哪一位：赵六(#5)、赵六(#6)",
    ),
    ({x.COMPLETERS: "赵六(化学学院):负责人:100"}, x.COMPLETERS, "可写作：赵六(#5)、赵六(#6)"),
    ({x.COMPLETERS: "张三:负责人:59、李四:成员:40"}, x.COMPLETERS, "合计须恰好为 100%"),
    ({x.COMPLETERS: "张三 负责人 100"}, x.COMPLETERS, "姓名:角色:份额"),
    ({x.COMPLETERS: "张三:主持人:100"}, x.COMPLETERS, "只能是负责人或成员"),
    ({x.COMPLETERS: "张三:负责人:六十"}, x.COMPLETERS, "不是数字"),
    ({x.IP_NUMBERS: "201710601862.4"}, x.IP_NUMBERS, "校验位不正确"),
    ({x.IP_NUMBERS: "202220828888.8"}, x.IP_NUMBERS, "与成果类型“发明专利”不符"),
    ({x.APPLIED: "2017-02-30"}, x.APPLIED, "不是有效的日期"),
    ({x.GRANTED: 20191112}, x.GRANTED, "不是日期"),
    ({x.GRANTED: "2016-01-01"}, x.IP_NUMBERS, "授权日早于申请日"),
    ({x.EXPIRES: "2037-07-25、2038-01-01"}, x.EXPIRES, "登记号有 1 个"),
    ({x.IP_NUMBERS: None, x.APPLIED: None, x.EXPIRES: None}, x.GRANTED, "没有填写登记号"),
    ({x.LEVEL: None}, x.LEVEL, "请填写密级"),
    ({x.LEVEL: "秘密"}, x.MARK, "涉密成果须填写密级标志"),
    ({x.LEVEL: "秘密", x.MARK: "秘密★11年"}, x.MARK, "最长为10年"),
    ({x.MARK: "秘密★10年"}, x.MARK, "公开或内部成果不标密级标志"),
    ({x.NEGATIVE: "是"}, x.NEGATIVE_REASON, "须写明理由"),
    ({x.NEGATIVE: "可能"}, x.NEGATIVE, "只能填“是”或“否”"),
    ({x.ETHICS: "已通过"}, x.ETHICS_APPROVAL, "须填写批件号"),
    ({x.ETHICS: "通过了"}, x.ETHICS, "不是可选的伦理审查"),
    ({x.OVERSEAS: "=1=1"}, x.OVERSEAS, "公式"),
]


@pytest.mark.parametrize(("cells", "column", "reason"), BAD_CELLS)
def test_a_bad_row_is_reported_with_row_column_and_reason(
    tmp_path: Path, cells: dict[str, Any], column: str, reason: str
) -> None:
    path = filled_template(
        tmp_path / "in.xlsx", [good_row(), good_row(**cells), good_row(**{x.TITLE: "第三项"})]
    )
    preview = read(path)
    assert [r.row for r in preview.rows] == [2, 4]
    [problem] = preview.problems
    assert (problem.row, problem.column) == (3, column)
    assert reason in problem.reason
    assert CJK.search(problem.reason)
    assert preview.bad_rows == (3,)
    assert preview.row_count == 3


def test_every_unreadable_cell_of_a_row_is_reported(tmp_path: Path) -> None:
    cells = {x.KIND: "专利", x.DEPARTMENT: "外单位", x.LEVEL: "高", x.OVERSEAS: "?"}
    preview = read(filled_template(tmp_path / "in.xlsx", [good_row(**cells)]))
    assert preview.rows == ()
    assert [(p.row, p.column) for p in preview.problems] == [
        (2, x.KIND),
        (2, x.DEPARTMENT),
        (2, x.LEVEL),
        (2, x.OVERSEAS),
    ]


def test_a_formula_is_refused_even_when_excel_saved_its_value(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "in.xlsx", [good_row()])
    # Put a cached value next to the formula, as Excel does.
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet, replaced = re.subn(
        r'<c r="M2"[^>]*>.*?</c>', '<c r="M2" t="str"><f>"公"&amp;"开"</f><v>公开</v></c>', sheet
    )
    assert replaced == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    preview = read(path)
    assert [(p.row, p.column) for p in preview.problems] == [(2, x.LEVEL)]
    assert "公式" in preview.problems[0].reason


# -- whole files ------------------------------------------------------------------------------


def test_a_file_with_macros_is_refused(tmp_path: Path) -> None:
    path = filled_template(tmp_path / "in.xlsx", [good_row()])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    with pytest.raises(ValidationError, match="宏") as raised:
        read(path)
    assert raised.value.field == "file"
    renamed = path.rename(tmp_path / "in.xlsm")
    with pytest.raises(ValidationError, match=r"\.xlsm"):
        read(renamed)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "另存为 .xlsx"),
        ("fake.xlsx", b"not a zip at all", "不是有效的 .xlsx 文件"),
        ("list.csv", "成果名称\n".encode(), "另存为 .xlsx"),
        ("notes.txt", b"hello", ".xlsx 格式"),
    ],
)
def test_what_is_not_an_xlsx_is_refused(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=re.escape(message)):
        read(path)


def test_a_missing_file_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="找不到文件"):
        read(tmp_path / "none.xlsx")


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = filled_template(tmp_path / "in.xlsx", [good_row(), good_row(), good_row()])
    monkeypatch.setattr(x, "MAX_ROWS", 2)
    with pytest.raises(ValidationError, match="超过 2 行"):
        read(path)
    monkeypatch.setattr(x, "MAX_ROWS", 3)
    assert len(read(path).rows) == 3
    monkeypatch.setattr(x, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(ValidationError, match="文件过大"):
        read(path)
    monkeypatch.setattr(x, "MAX_FILE_BYTES", path.stat().st_size)
    monkeypatch.setattr(x, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ValidationError, match="解压后过大"):
        read(path)


def test_a_missing_column_refuses_the_file(tmp_path: Path) -> None:
    # Without 密级, classified rows would come in as public: never guess.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([c for c in x.COLUMNS if c != x.LEVEL])
    sheet.append(["一种镁合金"])
    book.save(tmp_path / "in.xlsx")
    with pytest.raises(ValidationError, match="表头缺少以下列：密级"):
        read(tmp_path / "in.xlsx")


def test_a_sheet_without_the_header_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["名称", "类型"])
    book.save(tmp_path / "in.xlsx")
    with pytest.raises(ValidationError, match="找不到表头"):
        read(tmp_path / "in.xlsx")


def test_the_header_may_sit_below_other_lines_and_extra_columns_are_ignored(
    tmp_path: Path,
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = x.SHEET
    sheet.append(["科技成果清单"])
    sheet.append(["筛选条件：全部"])
    sheet.append([])
    sheet.append(["编号", *reversed(x.COLUMNS), "状态"])
    row = good_row()
    sheet.append([99, *(row[c] for c in reversed(x.COLUMNS)), "登记"])
    book.save(tmp_path / "in.xlsx")
    preview = read(tmp_path / "in.xlsx")
    assert preview.problems == ()
    assert [r.row for r in preview.rows] == [5]
    assert preview.rows[0].draft.title == row[x.TITLE]


# -- the template -----------------------------------------------------------------------------


def test_the_template_has_the_columns_lists_and_a_guide() -> None:
    book = load_workbook(resource_path("templates/achievements-import.xlsx"))
    assert book.sheetnames == [x.SHEET, x.GUIDE_SHEET]
    sheet = book[x.SHEET]
    assert [c.value for c in sheet[1]] == list(x.COLUMNS)
    assert sheet.max_row == 1  # no sample row that would be imported by mistake
    lists = {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v.formula1
        for v in sheet.data_validations.dataValidation
    }
    assert lists["D"] == '"' + ",".join(x.KIND_NAMES.values()) + '"'
    assert lists["M"] == '"公开,内部,秘密,机密,绝密"'
    guide = "\n".join(
        str(c.value) for row in book[x.GUIDE_SHEET].iter_rows() for c in row if c.value
    )
    assert "张三:负责人:60、李四:成员:40" in guide
    assert "张三(材料所)" in guide
    assert "公式" in guide


def test_the_empty_template_imports_nothing_and_reports_nothing() -> None:
    preview = read(resource_path("templates/achievements-import.xlsx"))
    assert (preview.rows, preview.problems, preview.row_count) == ((), (), 0)


# -- export -----------------------------------------------------------------------------------


def _exported(tmp_path: Path, drafts: list[AchievementDraft], **kwargs: Any) -> Path:
    rows = [
        AchievementRow(
            id=i,
            title=d.title,
            kind=d.kind,
            status="registered",
            level=d.level,
            department={10: "材料所", 11: "化学学院"}.get(d.department_id or 0, ""),
            year=2025,
            lead="",
            ip_numbers="",
        )
        for i, d in enumerate(drafts, start=1)
    ]
    path = tmp_path / "export.xlsx"
    x.write_export(
        path,
        rows,
        drafts=dict(enumerate(drafts, start=1)),
        person_labels=person_labels(PEOPLE),
        **kwargs,
    )
    return path


def test_what_the_export_writes_the_import_reads_back(tmp_path: Path) -> None:
    one = read(filled_template(tmp_path / "a.xlsx", [good_row()])).rows[0].draft
    from dataclasses import replace

    drafts = [
        one,
        replace(
            one,
            title="同名的人",
            department_id=None,
            completers=(
                Completer(3, "lead", Decimal("50.5")),
                Completer(5, "member", Decimal("49.5")),
            ),
            ip_rights=(
                IpRight("201710601862.3", "2017-07-26", None, "2037-07-25"),
                IpRight("202310123456.6", "2023-01-01", "2024-02-02", None),
            ),
            level="secret",
            secrecy_mark="秘密★10年",
            negative_list=True,
            negative_list_reason="涉及国家安全",
            ethics_status="pending",
            overseas=True,
        ),
        replace(
            one,
            title="技术秘密",
            kind="know_how",
            ip_rights=(),
            funding_type="self",
            funding_ref="",
        ),
    ]
    path = _exported(tmp_path, drafts, filters=["成果类型：发明专利"], exported_by="刘专员")
    back = read(path)
    assert back.problems == ()
    assert [r.draft for r in back.rows] == drafts


def test_the_export_states_its_filter_and_warns_of_classified_content(tmp_path: Path) -> None:
    from dataclasses import replace

    one = read(filled_template(tmp_path / "a.xlsx", [good_row()])).rows[0].draft
    secret = replace(one, level="confidential", secrecy_mark="机密★10年")
    path = _exported(
        tmp_path, [one, secret], filters=["检索“镁合金”", "密级：机密"], exported_at="2026年1月5日"
    )
    sheet = load_workbook(path)[x.SHEET]
    top = [sheet.cell(row=r, column=1).value for r in range(1, 8)]
    assert top[0] == "科技成果清单"
    assert "筛选条件：检索“镁合金”；密级：机密" in top
    assert "共 2 项" in top
    assert any(isinstance(t, str) and "机密级成果" in t and "涉密载体" in t for t in top)
    header = next(r for r in range(1, 10) if sheet.cell(row=r, column=2).value == x.TITLE)
    assert [c.value for c in sheet[header]] == [x.ID, *x.COLUMNS, x.STATUS, x.YEAR]
    applied = sheet.cell(row=header + 1, column=x.COLUMNS.index(x.APPLIED) + 2)
    assert applied.value == dt.datetime(2017, 7, 26)  # an Excel date, not text
    assert applied.number_format == "yyyy-mm-dd"


def test_an_export_of_public_records_carries_no_classified_warning(tmp_path: Path) -> None:
    one = read(filled_template(tmp_path / "a.xlsx", [good_row()])).rows[0].draft
    sheet = load_workbook(_exported(tmp_path, [one]))[x.SHEET]
    text = [str(c.value) for row in sheet.iter_rows(max_row=8) for c in row if c.value]
    assert not any("涉密" in t for t in text)
    assert "筛选条件：全部（未筛选）" in text


def test_an_export_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    with pytest.raises(StorageError):
        x.write_export(folder / "out.xlsx", [], drafts={}, person_labels={})
    assert not folder.exists()


# -- people and the completer cell ------------------------------------------------------------


def test_labels_name_people_so_the_index_finds_them_again() -> None:
    labels = person_labels(PEOPLE)
    assert labels == {
        1: "张三",
        2: "李四",
        3: "王明(材料所)",
        4: "王明(化学学院)",
        5: "赵六(#5)",
        6: "赵六(#6)",
    }
    index = people_index(PEOPLE)
    assert {index[label] for label in labels.values()} == set(labels)
    assert "王明" not in index and "赵六" not in index
    assert index["张三(材料所)"] == 1 and index["张三(#1)"] == 1


names = st.text(alphabet="张王李赵明华", min_size=1, max_size=3)


@given(
    st.lists(
        st.tuples(names, st.sampled_from(["", "材料所", "化学学院", "医学院（筹）"])),
        min_size=1,
        max_size=12,
    )
)
def test_every_label_leads_back_to_its_person(entries: list[tuple[str, str]]) -> None:
    persons = [
        Person(i, name, None, department, "", "none", True)
        for i, (name, department) in enumerate(entries, start=1)
    ]
    index = people_index(persons)
    for person_id, label in person_labels(persons).items():
        assert index[x.person_key(label)] == person_id


shares = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=2)
person_texts = st.one_of(
    names,
    st.builds(lambda n, d: f"{n}({d})", names, st.sampled_from(["材料所", "医学院(筹)"])),
    st.builds(lambda n, i: f"{n}(#{i})", names, st.integers(1, 10**6)),
)
entries = st.lists(
    st.builds(CompleterEntry, person_texts, st.sampled_from(["lead", "member"]), shares),
    min_size=1,
    max_size=8,
)


@given(entries)
def test_the_completer_cell_reads_back_what_was_written(written: list[CompleterEntry]) -> None:
    assert parse_completers(format_completers(written)) == tuple(written)


@given(entries, st.sampled_from(["、", "，", "；", "\n", ", "]), st.booleans())
def test_the_completer_cell_accepts_what_people_type(
    written: list[CompleterEntry], separator: str, full_width: bool
) -> None:
    text = format_completers(written).replace("、", separator)
    if full_width:
        text = text.replace(":", "：").replace("(", "（").replace(")", "）")
    assert parse_completers(f" {text} ") == tuple(written)


@given(st.text(max_size=60))
def test_the_completer_cell_never_fails_other_than_with_a_message(text: str) -> None:
    try:
        parsed = parse_completers(text)
    except ValidationError as e:
        assert e.field == "completers"
        assert CJK.search(e.message)
    else:
        assert parsed and all(p.role in ("lead", "member") for p in parsed)


def test_row_problems_are_plain_values() -> None:
    assert RowProblem(3, x.KIND, "原因") == RowProblem(3, x.KIND, "原因")


def test_the_pool_filter_is_described_in_the_export() -> None:
    from desktop.domain.achievements import AchievementQuery
    from desktop.exchange.achievements_xlsx import describe_query

    assert "先用后付成果池：池中成果" in describe_query(AchievementQuery(pool=True), {})
    assert "先用后付成果池：非池中成果" in describe_query(AchievementQuery(pool=False), {})
    assert not any("成果池" in p for p in describe_query(AchievementQuery(), {}))

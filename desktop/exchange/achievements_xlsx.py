"""Excel in and out for the achievement register: read the import template, write the list.

No Qt and no SQL: the service hands in the people and departments it knows and gets plain
dataclasses back. The column headers and the code ↔ Chinese tables live here (the UI's labels
are Qt translations and cannot be used without Qt).

Reading (``read_import``):

- Only ``.xlsx``. ``.xlsm`` / ``.xltm`` and any workbook carrying a VBA project are refused, as are
  old ``.xls`` files, files over ``MAX_FILE_BYTES``, archives that unpack to more than
  ``MAX_UNPACKED_BYTES`` or hold more than ``MAX_ENTRIES`` parts, and more than ``MAX_ROWS`` filled
  rows. These are whole-file problems: ``ValidationError("file", …)``; nothing is read.
- The sheet named 成果 is read (the first sheet when there is none). Its header row is the first of
  the top ``HEADER_SEARCH_ROWS`` rows with a cell 成果名称, so an exported list (its filter written
  above the table) reads back. Every template column must be there (a missing 密级 column must not
  turn classified rows into public ones); other columns (编号, 状态 … of an export) are ignored.
- Formula cells are refused, not read as their cached value: a value computed by a formula may be
  stale or missing (files written by other programs often carry no cached value), and the register
  should hold what someone typed. Error cells (#N/A …) are refused too.
- Each bad row is reported as ``RowProblem(row, column header, reason)``, row numbers as Excel
  shows them. Several problems per row are collected: every cell that cannot be read (unknown type,
  person, department, bad date, formula …) gives its own problem. Only when every cell of a row
  could be read are the row's rules checked (``validate_registration``: shares adding up to 100,
  IP numbers with their check digit, the secrecy mark …); that check stops at the first broken rule,
  so it adds at most one problem per row.

Completers are written ``姓名:角色:份额`` separated by 、 (or ，；, or a line break), e.g.
``张三:负责人:60、李四:成员:40``; full-width ：（） are accepted. A name that two people in
the register share is written with the department, ``张三(材料所)``; when two of them are in the
same department (or have none), with their register number, ``张三(#12)``. The problem text
lists the choices.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from db.atomic import write_atomic
from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import (
    KIND_NAMES,
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
    Completer,
    IpRight,
    parse_share,
    validate_registration,
)
from desktop.domain.dates import NoSuchDay, parse_date
from desktop.domain.identifiers import to_half_width
from desktop.domain.people import Person
from desktop.errors import StorageError, ValidationError

# -- limits ----------------------------------------------------------------------------------
MAX_ROWS = 50_000
PROGRESS_ROWS = 1000  # rows between two progress reports of an export
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 30

# -- the sheet ---------------------------------------------------------------------------------
SHEET = "成果"
GUIDE_SHEET = "填写说明"

TITLE = "成果名称"
ABSTRACT = "摘要"
KEYWORDS = "关键词"
KIND = "成果类型"
DEPARTMENT = "所属部门"
FUNDING = "经费来源"
FUNDING_REF = "项目或合同编号"
COMPLETERS = "完成人"
IP_NUMBERS = "登记号"
APPLIED = "申请日"
GRANTED = "授权日"
EXPIRES = "到期日"
LEVEL = "密级"
MARK = "密级标志"
NEGATIVE = "负面清单"
NEGATIVE_REASON = "负面清单理由"
ETHICS = "伦理审查"
ETHICS_APPROVAL = "伦理批件号"
OVERSEAS = "涉外"
COLUMNS = (
    TITLE,
    ABSTRACT,
    KEYWORDS,
    KIND,
    DEPARTMENT,
    FUNDING,
    FUNDING_REF,
    COMPLETERS,
    IP_NUMBERS,
    APPLIED,
    GRANTED,
    EXPIRES,
    LEVEL,
    MARK,
    NEGATIVE,
    NEGATIVE_REASON,
    ETHICS,
    ETHICS_APPROVAL,
    OVERSEAS,
)
DATE_COLUMNS = (APPLIED, GRANTED, EXPIRES)
# Written by the export only, ignored by the import (an import always registers new records).
ID = "编号"
STATUS = "状态"
YEAR = "登记年份"

FUNDING_NAMES = {"vertical": "纵向项目", "horizontal": "横向项目", "self": "自筹"}
ROLE_NAMES = {"lead": "负责人", "member": "成员"}
LEVEL_NAMES = {
    "public": "公开",
    "internal": "内部",
    "secret": "秘密",
    "confidential": "机密",
    "top_secret": "绝密",
}
assert tuple(LEVEL_NAMES) == CLEARANCES
ETHICS_NAMES = {
    "not_needed": "不需要",
    "pending": "审查中",
    "approved": "已通过",
    "rejected": "未通过",
}
STATUS_NAMES = {
    "registered": "登记",
    "pricing": "评估定价",
    "publicity": "公示",
    "trading": "交易",
    "transformed": "已转化",
    "terminated": "终止",
}
YES, NO = "是", "否"

# What people also type for the same thing.
_KIND_ALIASES = {
    "实用新型专利": "utility_model",
    "外观设计专利": "design",
    "软件著作权登记": "software_copyright",
}
_FUNDING_ALIASES = {
    "纵向": "vertical",
    "横向": "horizontal",
    "自筹经费": "self",
    "自有资金": "self",
}
_ETHICS_ALIASES = {"无需审查": "not_needed", "不需审查": "not_needed", "通过": "approved"}

# Which column a rule's field belongs to (ValidationError.field from the domain).
FIELD_COLUMNS = {
    "title": TITLE,
    "abstract": ABSTRACT,
    "keywords": KEYWORDS,
    "kind": KIND,
    "department": DEPARTMENT,
    "department_id": DEPARTMENT,
    "funding_type": FUNDING,
    "funding_ref": FUNDING_REF,
    "completers": COMPLETERS,
    "ip_rights": IP_NUMBERS,
    "level": LEVEL,
    "secrecy_mark": MARK,
    "negative_list": NEGATIVE,
    "negative_list_reason": NEGATIVE_REASON,
    "ethics_status": ETHICS,
    "ethics_approval": ETHICS_APPROVAL,
    "overseas": OVERSEAS,
}

_LIST_SEPARATORS = re.compile(r"[、,;\n\r]+")  # after to_half_width: ，；→ ,;
_SPACE_AROUND_PARENS = re.compile(r"\s*([()])\s*")


# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowProblem:
    row: int  # as Excel numbers it
    column: str  # the column header
    reason: str  # in Chinese


@dataclass(frozen=True)
class ImportRow:
    row: int
    draft: AchievementDraft  # validated, in standard form


@dataclass(frozen=True)
class ImportPreview:
    """What a file would import: the good rows and every problem of the bad ones."""

    source: str  # the file's name, for the audit entries
    rows: tuple[ImportRow, ...]
    problems: tuple[RowProblem, ...]
    row_count: int  # filled data rows, good and bad

    @property
    def bad_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))


@dataclass(frozen=True)
class CompleterEntry:
    """One completer as written in the cell, before the name is looked up."""

    person: str  # 张三, 张三(材料所) or 张三(#12), normalised (see ``person_key``)
    role: str  # code
    share: Decimal


# -- people and departments --------------------------------------------------------------------
def person_key(text: str) -> str:
    """How a person is looked up: half-width, no spaces at the ends or around parentheses."""
    return _SPACE_AROUND_PARENS.sub(r"\1", to_half_width(text).strip())


def _department_key(text: str) -> str:
    return to_half_width(text).strip()


def person_labels(persons: Iterable[Person]) -> dict[int, str]:
    """How the export writes each person so the import finds them again: the name when it is
    unique, else name(department), else name(#register number)."""
    persons = list(persons)
    names = Counter(person_key(p.name) for p in persons)
    with_department = Counter((person_key(p.name), _department_key(p.department)) for p in persons)
    labels = {}
    for p in persons:
        name, department = person_key(p.name), _department_key(p.department)
        if names[name] == 1:
            labels[p.id] = name
        elif department and with_department[(name, department)] == 1:
            labels[p.id] = f"{name}({department})"
        else:
            labels[p.id] = f"{name}(#{p.id})"
    return labels


def people_index(persons: Iterable[Person]) -> dict[str, int]:
    """Every way a person may be written in the 完成人 column, for ``read_import``: the name
    (when unique), name(department) (when that is unique) and name(#register number)."""
    persons = list(persons)
    names = Counter(person_key(p.name) for p in persons)
    with_department = Counter((person_key(p.name), _department_key(p.department)) for p in persons)
    index = {}
    for p in persons:
        name, department = person_key(p.name), _department_key(p.department)
        if names[name] == 1:
            index[name] = p.id
        if department and with_department[(name, department)] == 1:
            index[f"{name}({department})"] = p.id
        index[f"{name}(#{p.id})"] = p.id
    return index


def department_index(choices: Iterable[tuple[int, str]]) -> dict[str, int]:
    return {_department_key(name): department_id for department_id, name in choices}


# -- the completer cell ------------------------------------------------------------------------
def parse_completers(text: str) -> tuple[CompleterEntry, ...]:
    """``张三:负责人:60、李四:成员:40`` → entries; ValidationError("completers", …) otherwise.
    Names are not looked up and the shares not added up here."""
    entries = []
    for raw in _LIST_SEPARATORS.split(to_half_width(text)):
        item = raw.strip()
        if not item:
            continue
        parts = item.rsplit(":", 2)
        if len(parts) != 3:
            raise ValidationError(
                "completers",
                f"“{item}”应写成“姓名:角色:份额”，如“张三:负责人:60”，多人之间用“、”分隔。",
            )
        person, role_name, share_text = (part.strip() for part in parts)
        person = person_key(person)
        if not person:
            raise ValidationError("completers", f"“{item}”缺少姓名。")
        role = _code(ROLE_NAMES, role_name)
        if role is None:
            raise ValidationError(
                "completers", f"完成人“{person}”的角色“{role_name}”只能是负责人或成员。"
            )
        try:
            share = parse_share(share_text)
        except ValidationError:
            raise ValidationError(
                "completers", f"完成人“{person}”的贡献份额“{share_text}”不是数字。"
            ) from None
        entries.append(CompleterEntry(person, role, share))
    if not entries:
        raise ValidationError("completers", "请填写完成人，如“张三:负责人:60、李四:成员:40”。")
    return tuple(entries)


def format_completers(entries: Iterable[CompleterEntry]) -> str:
    return "、".join(f"{e.person}:{ROLE_NAMES[e.role]}:{_share_text(e.share)}" for e in entries)


def _share_text(share: Decimal) -> str:
    text = f"{share:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# -- reading -----------------------------------------------------------------------------------
def read_import(
    path: Path,
    *,
    people: Mapping[str, int],
    departments: Mapping[str, int],
    today: dt.date,
) -> ImportPreview:
    """Every filled row of the file's 成果 sheet parsed and checked (see the module docstring).

    ``people``: ``people_index`` of the register (active people); ``departments``:
    ``department_index`` of the unit's active departments.
    """
    _check_container(path)
    from openpyxl import load_workbook  # imported here: the command line need not load it

    try:
        with warnings.catch_warnings():
            _quiet_openpyxl()
            book = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, SyntaxError) as e:
        raise ValidationError("file", f"无法读取该 Excel 文件：{e}") from e
    try:
        with warnings.catch_warnings():
            _quiet_openpyxl()
            sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
            # Some programs write a wrong <dimension>; read what is there instead.
            sheet.reset_dimensions()
            found = _find_header(sheet)
            if found is None:
                raise ValidationError(
                    "file",
                    f"在工作表“{sheet.title}”的前 {HEADER_SEARCH_ROWS} 行中找不到表头"
                    f"（“{TITLE}”等列）；请使用程序提供的导入模板。",
                )
            header_row, header = found
            reader = _RowReader(people, departments, today)
            rows: list[ImportRow] = []
            problems: list[RowProblem] = []
            count = 0
            width = max(header.values()) + 1
            for number, cells in enumerate(
                sheet.iter_rows(min_row=header_row + 1, max_col=width), start=header_row + 1
            ):
                values = {name: _cell(cells, index) for name, index in header.items()}
                if all(_blank(v) for v in values.values()):
                    continue
                count += 1
                if count > MAX_ROWS:
                    raise ValidationError(
                        "file", f"文件中的成果超过 {MAX_ROWS:,} 行，请分成几个文件导入。"
                    )
                good, bad = reader.read(number, values)
                if good is not None:
                    rows.append(good)
                problems.extend(bad)
    except (zipfile.BadZipFile, OSError, SyntaxError, ValueError) as e:  # SyntaxError: bad XML
        raise ValidationError("file", f"无法读取该 Excel 文件：{e}") from e
    finally:
        book.close()
    return ImportPreview(path.name, tuple(rows), tuple(problems), count)


def _quiet_openpyxl() -> None:
    """openpyxl warns about parts it drops (data validation, conditional formats, unknown
    extensions): nothing this reader uses."""
    warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")


def _check_container(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlam"):
        raise ValidationError("file", "不接受含宏的 Excel 文件（.xlsm）；请另存为 .xlsx 后再导入。")
    if suffix in (".xls", ".et", ".csv"):
        raise ValidationError(
            "file", f"不能直接读取 {suffix} 文件；请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
        )
    if suffix != ".xlsx":
        raise ValidationError("file", "请选择 .xlsx 格式的 Excel 文件。")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise StorageError(f"找不到文件：{path}") from None
    except OSError as e:
        raise StorageError(f"无法读取文件 {path}：{e.strerror or e}") from e
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            "file",
            f"文件过大（{size / 1024 / 1024:.0f} MB），"
            f"上限为 {MAX_FILE_BYTES // 1024 // 1024} MB。",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise ValidationError("file", "文件中的部件过多，不像是普通的 Excel 表格。")
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                raise ValidationError("file", "文件解压后过大，不像是普通的 Excel 表格。")
            names = [e.filename.lower() for e in entries]
            if any(name.endswith("vbaproject.bin") for name in names):
                raise ValidationError(
                    "file", "该文件含有宏（VBA），不予读取；请另存为不含宏的 .xlsx。"
                )
            if "[content_types].xml" not in names:
                raise ValidationError("file", "该文件不是有效的 .xlsx 文件。")
            types = archive.read(
                next(e for e in entries if e.filename.lower() == "[content_types].xml")
            )
            if b"macroEnabled" in types:
                raise ValidationError("file", "该文件是启用宏的工作簿，不予读取；请另存为 .xlsx。")
    except zipfile.BadZipFile:
        raise ValidationError(
            "file", "该文件不是有效的 .xlsx 文件（可能是旧版 .xls 改了扩展名）；请另存为 .xlsx。"
        ) from None
    except OSError as e:
        raise StorageError(f"无法读取文件 {path}：{e.strerror or e}") from e


def _find_header(sheet: Any) -> tuple[int, dict[str, int]] | None:
    for number, cells in enumerate(
        sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS), start=1
    ):
        header = _header(cells)
        if header is not None:
            return number, header
    return None


def _header(cells: Sequence[Any]) -> dict[str, int] | None:
    names = [_header_text(getattr(c, "value", None)) for c in cells]
    if TITLE not in names:
        return None
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        if name in positions and name in COLUMNS:
            raise ValidationError("file", f"表头中“{name}”列出现了两次。")
        positions.setdefault(name, index)
    missing = [c for c in COLUMNS if c not in positions]
    if missing:
        raise ValidationError(
            "file",
            f"表头缺少以下列：{'、'.join(missing)}。请使用程序提供的导入模板，不要删除或改名列。",
        )
    return {c: positions[c] for c in COLUMNS}


def _header_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"\s+", "", value).rstrip("*＊")


class _Formula:
    """Marks a cell that holds a formula or an error value (refused)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _cell(cells: Sequence[Any], index: int) -> Any:
    if index >= len(cells):
        return None
    cell = cells[index]
    kind = getattr(cell, "data_type", None)
    value = getattr(cell, "value", None)
    if kind == "f" or (kind != "s" and isinstance(value, str) and value.startswith("=")):
        return _Formula("单元格是公式；请改为直接填写的值（复制后“选择性粘贴—数值”）。")
    if kind == "e":
        return _Formula(f"单元格显示错误值“{value}”；请改为直接填写的值。")
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _RowReader:
    def __init__(
        self, people: Mapping[str, int], departments: Mapping[str, int], today: dt.date
    ) -> None:
        self._people = people
        self._departments = departments
        self._today = today
        # name → {person id: the qualified way to write them}, for the message about a name
        # that is ambiguous or qualified wrongly (the department form when there is one)
        self._choices: dict[str, dict[int, str]] = defaultdict(dict)
        for key, person_id in people.items():
            name, paren, qualifier = key.partition("(")
            if paren and (person_id not in self._choices[name] or not qualifier.startswith("#")):
                self._choices[name][person_id] = key

    def read(self, row: int, values: dict[str, Any]) -> tuple[ImportRow | None, list[RowProblem]]:
        problems: list[RowProblem] = []

        def cell(column: str, parse: Any, *args: Any) -> Any:
            value = values[column]
            if isinstance(value, _Formula):
                problems.append(RowProblem(row, column, value.reason))
                return None
            try:
                return parse(value, *args)
            except ValidationError as e:
                problems.append(RowProblem(row, column, e.message))
                return None

        title = cell(TITLE, _text)
        abstract = cell(ABSTRACT, _text)
        keywords = cell(KEYWORDS, _list)
        kind = cell(KIND, _choice, KIND_NAMES, _KIND_ALIASES, KIND, True)
        department_id = cell(DEPARTMENT, self._department)
        funding = cell(FUNDING, _choice, FUNDING_NAMES, _FUNDING_ALIASES, FUNDING, True)
        funding_ref = cell(FUNDING_REF, _text)
        completers = cell(COMPLETERS, self._completers)
        numbers = cell(IP_NUMBERS, _numbers)
        dates = {column: cell(column, _dates) for column in DATE_COLUMNS}
        level = cell(LEVEL, _choice, LEVEL_NAMES, {}, LEVEL, True)
        mark = cell(MARK, _text)
        negative = cell(NEGATIVE, _yes_no, NEGATIVE)
        negative_reason = cell(NEGATIVE_REASON, _text)
        ethics = cell(ETHICS, _choice, ETHICS_NAMES, _ETHICS_ALIASES, ETHICS, False)
        ethics_approval = cell(ETHICS_APPROVAL, _text)
        overseas = cell(OVERSEAS, _yes_no, OVERSEAS)
        rights: tuple[IpRight, ...] = ()
        if numbers is not None and all(d is not None for d in dates.values()):
            try:
                rights = _rights(numbers, dates)
            except _CellProblem as e:
                problems.append(RowProblem(row, e.column, e.reason))
        if problems:
            return None, problems
        draft = AchievementDraft(
            title=title,
            abstract=abstract,
            keywords=keywords,
            kind=kind,
            department_id=department_id,
            funding_type=funding,
            funding_ref=funding_ref,
            completers=completers,
            ip_rights=rights,
            level=level,
            secrecy_mark=mark,
            negative_list=negative,
            negative_list_reason=negative_reason,
            ethics_status=ethics or "not_needed",
            ethics_approval=ethics_approval,
            overseas=overseas,
        )
        try:
            draft = validate_registration(draft, today=self._today)
        except ValidationError as e:
            return None, [RowProblem(row, FIELD_COLUMNS.get(e.field, TITLE), e.message)]
        return ImportRow(row, draft), []

    def _department(self, value: Any) -> int | None:
        name = _department_key(_text(value))
        if not name:
            return None
        found = self._departments.get(name)
        if found is None:
            raise ValidationError(
                "department", f"“{name}”不在本单位的部门列表中（见“单位信息”中的部门）。"
            )
        return found

    def _unknown(self, person: str) -> str:
        name = person.partition("(")[0]
        choices = "、".join(sorted(self._choices.get(name, {}).values())[:6])
        if choices and name == person:
            return f"人员名册中有不止一位“{person}”，请写明是哪一位：{choices}。"
        if choices:
            return f"人员名册中没有“{person}”；“{name}”可写作：{choices}。"
        return f"“{person}”不在人员名册中（或已标记为离开）；请先在“人员”中添加。"

    def _completers(self, value: Any) -> tuple[Completer, ...]:
        completers = []
        for entry in parse_completers(_text(value)):
            person_id = self._people.get(entry.person)
            if person_id is None:
                raise ValidationError("completers", self._unknown(entry.person))
            completers.append(Completer(person_id, entry.role, entry.share))
        return tuple(completers)


class _CellProblem(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _text(value: Any) -> str:
    """A cell as text; numbers as typed (12.0 → 12), booleans as 是/否."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _list(value: Any) -> tuple[str, ...]:
    return tuple(
        p.strip() for p in _LIST_SEPARATORS.split(to_half_width(_text(value))) if p.strip()
    )


def _numbers(value: Any) -> tuple[str, ...]:
    if isinstance(value, float):  # 201710601862.3 typed into a number cell
        value = repr(value)
    return _list(value)


def _code(
    names: Mapping[str, str], text: str, aliases: Mapping[str, str] | None = None
) -> str | None:
    cleaned = re.sub(r"\s+", "", text)
    for code, name in names.items():
        if cleaned == name:
            return code
    return (aliases or {}).get(cleaned)


def _choice(
    value: Any, names: Mapping[str, str], aliases: Mapping[str, str], column: str, required: bool
) -> str | None:
    text = _text(value)
    if not text:
        if required:
            raise ValidationError(column, f"请填写{column}（{'、'.join(names.values())}）。")
        return None
    code = _code(names, text, aliases)
    if code is None:
        raise ValidationError(
            column, f"“{text}”不是可选的{column}；只能是 {'、'.join(names.values())}。"
        )
    return code


def _yes_no(value: Any, column: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text in ("", NO):
        return False
    if text == YES:
        return True
    raise ValidationError(column, f"“{column}”只能填“是”或“否”（不填为“否”），不能是“{text}”。")


def _dates(value: Any) -> tuple[str | None, ...]:
    """One ISO date or none per IP number; an Excel date or text (2024-01-05, 2024/1/5,
    2024年1月5日), several separated by 、 in the order of the numbers."""
    if isinstance(value, dt.datetime):
        return (value.date().isoformat(),)
    if isinstance(value, dt.date):
        return (value.isoformat(),)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValidationError(
            "date", f"“{_text(value)}”不是日期；请填写 Excel 日期或 YYYY-MM-DD（如 2024-01-05）。"
        )
    text = to_half_width(_text(value))
    if not text.strip():
        return ()
    found: list[str | None] = []
    for piece in re.split(r"[、,;\n\r]", text):
        piece = piece.strip()
        if piece in ("", "-", "无"):
            found.append(None)
            continue
        try:
            day = parse_date(piece)
        except NoSuchDay:
            raise ValidationError("date", f"“{piece}”不是有效的日期。") from None
        except ValueError:
            raise ValidationError(
                "date", f"“{piece}”不是日期；请填写 Excel 日期或 YYYY-MM-DD（如 2024-01-05）。"
            ) from None
        found.append(None if day is None else day.isoformat())
    return tuple(found)


def _rights(
    numbers: tuple[str, ...], dates: Mapping[str, tuple[str | None, ...]]
) -> tuple[IpRight, ...]:
    for column, values in dates.items():
        if not numbers and any(values):
            raise _CellProblem(column, f"填写了{column}，但没有填写登记号。")
        if values and len(values) != len(numbers):
            raise _CellProblem(
                column,
                f"登记号有 {len(numbers)} 个，{column}却有 {len(values)} 个；"
                "多个登记号的日期请按相同顺序用“、”分隔（没有的留空）。",
            )
    rights = []
    for i, number in enumerate(numbers):
        applied, granted, expires = (
            dates[c][i] if dates[c] else None for c in (APPLIED, GRANTED, EXPIRES)
        )
        rights.append(IpRight(number, applied, granted, expires))
    return tuple(rights)


# -- writing -----------------------------------------------------------------------------------
EXPORT_TITLE = "科技成果清单"


def describe_query(query: AchievementQuery, departments: Mapping[int, str]) -> list[str]:
    """The list's filter in words, one condition each (empty: the whole register)."""
    parts = []
    if query.text.strip():
        parts.append(f"检索“{query.text.strip()}”")
    if query.kind is not None:
        parts.append(f"成果类型：{KIND_NAMES.get(query.kind, query.kind)}")
    if query.status is not None:
        parts.append(f"状态：{STATUS_NAMES.get(query.status, query.status)}")
    if query.level is not None:
        parts.append(f"密级：{LEVEL_NAMES.get(query.level, query.level)}")
    if query.department_id is not None:
        parts.append(f"部门：{departments.get(query.department_id, query.department_id)}")
    if query.year is not None:
        parts.append(f"登记年份：{query.year}")
    if query.pool is not None:
        parts.append("先用后付成果池：" + ("池中成果" if query.pool else "非池中成果"))
    return parts


def write_export(
    path: Path,
    rows: Sequence[AchievementRow],
    *,
    drafts: Mapping[int, AchievementDraft],
    person_labels: Mapping[int, str],
    filters: Sequence[str] = (),
    exported_at: str = "",
    exported_by: str = "",
) -> None:
    """The list as an xlsx the import reads back: the filter and the highest level above the
    table, the import columns (完成人 written so ``read_import`` finds the same people), then
    编号, 状态 and 登记年份. Written atomically; StorageError when the file cannot be written."""
    write_atomic(
        path,
        export_bytes(
            rows,
            drafts=drafts,
            person_labels=person_labels,
            filters=filters,
            exported_at=exported_at,
            exported_by=exported_by,
        ),
    )


def export_bytes(
    rows: Sequence[AchievementRow],
    *,
    drafts: Mapping[int, AchievementDraft],
    person_labels: Mapping[int, str],
    filters: Sequence[str] = (),
    exported_at: str = "",
    exported_by: str = "",
    on_row: Callable[[int], None] | None = None,
) -> bytes:
    """``on_row(n)`` is called after every ``PROGRESS_ROWS`` rows written (it may raise, e.g.
    ``Cancelled``, to stop)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    headers = (ID, *COLUMNS, STATUS, YEAR)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[_letter(index)].width = COLUMN_WIDTHS.get(header, 12)
    bold = Font(bold=True)

    def line(text: str, *, strong: bool = False) -> list[Any]:
        cell = WriteOnlyCell(sheet, value=text)
        if strong:
            cell.font = bold
        return [cell]

    highest = max((r.level for r in rows), key=CLEARANCES.index, default="public")
    sheet.append(line(EXPORT_TITLE, strong=True))
    sheet.append(line(f"筛选条件：{'；'.join(filters) if filters else '全部（未筛选）'}"))
    sheet.append(line(f"共 {len(rows)} 项"))
    if exported_at or exported_by:
        sheet.append(line("导出：" + "，".join(t for t in (exported_by, exported_at) if t)))
    if CLEARANCES.index(highest) > CLEARANCES.index("internal"):
        sheet.append(
            line(
                f"本文件含{LEVEL_NAMES[highest]}级成果，属涉密载体，须按保密规定管理，"
                "不得在非涉密计算机上存储或处理。",
                strong=True,
            )
        )
    sheet.append([])
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for number, row in enumerate(rows, start=1):
        draft = drafts[row.id]
        sheet.append(_export_row(sheet, row, draft, person_labels))
        if on_row is not None and number % PROGRESS_ROWS == 0:
            on_row(number)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _export_row(
    sheet: Any, row: AchievementRow, draft: AchievementDraft, person_labels: Mapping[int, str]
) -> list[Any]:
    completers = format_completers(
        CompleterEntry(person_labels.get(c.person_id, f"#{c.person_id}"), c.role, c.share)
        for c in draft.completers
    )
    values: list[Any] = [
        row.id,
        draft.title,
        draft.abstract,
        "、".join(draft.keywords),
        KIND_NAMES.get(draft.kind, draft.kind),
        row.department,
        FUNDING_NAMES.get(draft.funding_type, draft.funding_type),
        draft.funding_ref,
        completers,
        "、".join(ip.number for ip in draft.ip_rights),
    ]
    for attribute in ("applied_on", "granted_on", "expires_on"):
        values.append(_export_dates(sheet, [getattr(ip, attribute) for ip in draft.ip_rights]))
    values += [
        LEVEL_NAMES.get(draft.level, draft.level),
        draft.secrecy_mark,
        YES if draft.negative_list else NO,
        draft.negative_list_reason,
        ETHICS_NAMES.get(draft.ethics_status, draft.ethics_status),
        draft.ethics_approval,
        YES if draft.overseas else NO,
        STATUS_NAMES.get(row.status, row.status),
        row.year,
    ]
    return values


def _export_dates(sheet: Any, dates: list[str | None]) -> Any:
    """One date: an Excel date cell. Several (one per number): text, 、 separated."""
    if not any(dates):
        return None
    if len(dates) == 1:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=dt.date.fromisoformat(dates[0]))  # type: ignore[arg-type]
        cell.number_format = "yyyy-mm-dd"
        return cell
    return "、".join(d or "" for d in dates)


COLUMN_WIDTHS = {
    ID: 8,
    TITLE: 36,
    ABSTRACT: 40,
    KEYWORDS: 20,
    KIND: 16,
    DEPARTMENT: 16,
    FUNDING: 10,
    FUNDING_REF: 18,
    COMPLETERS: 36,
    IP_NUMBERS: 20,
    APPLIED: 12,
    GRANTED: 12,
    EXPIRES: 12,
    MARK: 14,
    NEGATIVE_REASON: 20,
    ETHICS_APPROVAL: 16,
}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)

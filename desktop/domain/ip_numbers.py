"""Numbers of the rights an achievement records: patents, software, layout designs, plant varieties.

Each ``validate_*`` function takes what the user typed and returns the canonical form, or raises
``ValidationError(field, …)`` with a Chinese message. They all accept full-width characters (typed
with a Chinese input method still on), spaces anywhere and lower-case letters. ``field`` names the
form field the error belongs to; the defaults suit a form with one field per number.

专利申请号 (patent application numbers) — checked completely
    Structure from 《专利申请号标准》ZC 0006-2003 (CNIPA, in force 2003-10-01): 4-digit year,
    1-digit type (1 invention, 2 utility model, 3 design, 8 PCT invention and 9 PCT utility model
    entering the Chinese national phase), 7-digit serial, then a dot and a check character.
    Before 2003-10-01: 2-digit year (85–99, 00–03), type, 5-digit serial, dot, check character.
    Check character: the 12 (or 8) digits times the weights 2,3,4,5,6,7,8,9,2,3,4,5 (or
    2,3,4,5,6,7,8,9), summed, modulo 11; a remainder of 10 is written X. No "11 minus" step.
    Sources checked:
    - http://dfrtw.com/zhuanlichaxun/31487.html — the 12-digit formula with weights 2…9,2…5 and
      the worked example 201710601862.3;
    - http://chengju.com/wenhua/33720.html — the 8-digit form with weights 2…9, remainder 10 → X,
      worked example ZL95115608.X;
    - http://bbs.mysipo.com/thread-31550-1-1.html — a validator (Delphi) with weights "23456789"
      for the 8-digit form, the type digit in 1–3, 8, 9 and the years 1985–2003 / 2003 onwards;
    - the text of ZC 0006-2003 (copies at http://www.6065bob.com/fagui/91224.html and
      http://m.szmingaoqixiu.com/h-nd-342.html) for the structure, the CN prefix and the optional
      single spaces after the year and after the type digit.
    The rule was then confirmed on 34 numbers published by their holders (researchers' pages and
    company sites found in public repositories), all of which it accepts, for example
    201811564288.X, 202110251250.2, 202220828888.8 (utility model), 202230203004.5 and
    201330496875.1 (designs), 99113861.9, 01105715.7 and 00125301.8 (8-digit form). Numbers that
    are clearly placeholders (202310123456.7, 202410123456.7) fail it, as they should.
    What the check character catches (11 is prime and no weight is 0 modulo 11):
    - every change of one digit, and every change of the check character itself;
    - every swap of two data digits whose weights differ: all adjacent swaps, and in the 8-digit
      form every swap at all;
    - every swap of a data digit with the check character (missing it would need 1 + weight to be
      0 modulo 11).
    It does not catch, in the 12-digit form, a swap of two digits with the same weight (positions
    1↔9, 2↔10, 3↔11, 4↔12); a "twin" error aa → bb where the two weights add up to 11 (positions
    4–5 and 8–9; 4–5 in the 8-digit form); nor about one in eleven of the other changes of two or
    more digits.
    The canonical form has no ZL/CN prefix and no spaces: ``YYYYTNNNNNNN.C`` (``YYTNNNNN.C`` for
    the older form, which is kept as it is: it is the number on the certificate).

授权公告号 / 公布号 (patent document numbers, e.g. ``CN 112345678 B``) — format only
    CN, then 9 digits (documents from about 2007) or 7 digits (earlier), then the kind code. The
    first digit says the patent type (1 invention, 2 utility model, 3 design) and must agree with
    the kind code: A, B, C for inventions (A is the publication of an application, not a grant),
    U, Y for utility models, S, D for designs. Verified against 12 published numbers (e.g.
    CN116455754B for application 202310397744.0, CN216979871U for 202220828888.8). Not verified:
    whether the number exists; the date-dependent use of C/Y/D before 2010; the 1985–1988
    documents that reused the application number (record the application number for those).
    Canonical form: ``CN112345678B``.

软件著作权登记号 (software copyright registration numbers, e.g. ``2023SR0123456``) — format only
    4-digit year (1991 or later), SR, an optional 2-letter office code used by some early
    registrations (2008SRBJ0833), and a 4–7 digit serial (2012SR040914, 2021SR0164984). The
    serial is kept as typed: 6- and 7-digit forms of the same year both occur. Not verified: the
    serial (there is no check character). The certificate number (软著登字第…号) is refused with
    a message saying which number to enter.

集成电路布图设计登记号 (layout design registration numbers, e.g. ``BS.185559220``) — lenient
    BS (may be omitted), a dot, 8 digits and a last digit or X. Verified: the shape. Not verified:
    the year in the first two digits and the last character. The one published number we found
    (BS.185559220) agrees with the 8-digit patent check rule, as does the plant variety number
    CNA20080376.X, but two numbers prove nothing, so no check is made. Canonical: ``BS.185559220``.

植物新品种权号 (plant variety rights numbers, e.g. ``CNA20191234.5``) — lenient
    Agricultural varieties: CNA, a 4-digit year (1997 or later), 4–8 digits, optionally a dot and
    a check digit or X (CNA20080376.X; newer numbers are written without a dot, CNA20191006012).
    Forestry varieties (国家林业和草原局) use numbers without CNA; their format is not verified:
    8–12 digits starting with a year from 1997 are accepted as typed. Not verified: the serial
    and the check character. Canonical: upper-case, no spaces, otherwise as typed.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.domain.identifiers import to_half_width
from desktop.errors import ValidationError

# The achievement kinds that are patents (codes as in the achievement registry).
PATENT_KINDS = ("invention_patent", "utility_model", "design")
PATENT_KIND_NAMES = {
    "invention_patent": "发明专利",
    "utility_model": "实用新型专利",
    "design": "外观设计专利",
}
APPLICATION_TYPE_DIGITS = {
    "1": "invention_patent",
    "2": "utility_model",
    "3": "design",
    "8": "invention_patent",  # PCT application entering the national phase
    "9": "utility_model",  # PCT application entering the national phase
}
_APPLICATION_TYPE_NAMES = {
    "1": "发明专利申请",
    "2": "实用新型专利申请",
    "3": "外观设计专利申请",
    "8": "进入中国国家阶段的 PCT 发明专利申请",
    "9": "进入中国国家阶段的 PCT 实用新型专利申请",
}
_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
FIRST_NEW_FORM_YEAR = 2003  # ZC 0006-2003, in force 2003-10-01
_DOTS = str.maketrans(dict.fromkeys("·・•。｡", "."))
_SPACES = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Half-width, upper-case, no whitespace, every kind of dot as ``.``."""
    return _SPACES.sub("", to_half_width(text).translate(_DOTS)).upper()


def _first_non_digit(text: str) -> tuple[int, str] | None:
    for position, char in enumerate(text, start=1):
        if not (char.isascii() and char.isdigit()):
            return position, char
    return None


def _not_after_today(year: int, today: date | None, field: str, what: str) -> None:
    if today is not None and year > today.year:
        raise ValidationError(field, f"{what}中的年份 {year} 晚于今年，请核对。")


# --- 专利申请号 -------------------------------------------------------------------------


def patent_check_digit(digits: str) -> str:
    """The check character for the 12 (or 8) digits of a patent application number."""
    if len(digits) not in (8, 12) or not (digits.isascii() and digits.isdigit()):
        raise ValueError("need exactly 8 or 12 ASCII digits")
    remainder = sum(int(c) * w for c, w in zip(digits, _WEIGHTS, strict=False)) % 11
    return "X" if remainder == 10 else str(remainder)


def validate_patent_application_number(
    text: str,
    *,
    declared_kind: str | None = None,
    today: date | None = None,
    field: str = "application_number",
) -> str:
    """The canonical number ``YYYYTNNNNNNN.C`` (or ``YYTNNNNN.C``), or ValidationError.

    ``declared_kind`` is the achievement's kind code; when it is one of ``PATENT_KINDS`` the type
    digit must agree with it (other kinds are not compared). ``today``, when given, refuses a
    year in the future.
    """
    number = _squeeze(text)
    if number.startswith(("ZL", "CN")):
        number = number[2:]
    if not number:
        raise ValidationError(field, "请填写专利申请号。")
    if number.count(".") > 1:
        raise ValidationError(field, "专利申请号中只能有一个“.”（在校验位之前）。")
    if "." in number:
        body, _, check = number.partition(".")
        if not check:
            raise ValidationError(field, "专利申请号的“.”后缺少校验位（一位数字或 X）。")
        if len(check) > 1:
            raise ValidationError(field, "专利申请号的“.”后只有一位校验位（数字或 X）。")
    elif len(number) in (9, 13):
        body, check = number[:-1], number[-1]
    elif len(number) in (8, 12) and number.isascii() and number.isdigit():
        raise ValidationError(
            field, "专利申请号缺少校验位：请把“.”和其后的一位数字或 X 一并填写（见受理通知书）。"
        )
    else:
        body, check = number, ""
    bad = _first_non_digit(body)
    if bad is not None:
        position, char = bad
        raise ValidationError(field, f"专利申请号第{position}位“{char}”不是数字。")
    if len(body) not in (8, 12):
        raise ValidationError(
            field,
            "专利申请号应为12位数字（2003年10月1日以前受理的为8位）加校验位，"
            f"当前为{len(body)}位数字。",
        )
    if len(check) != 1 or check not in "0123456789X":
        raise ValidationError(field, f"专利申请号的校验位“{check}”只能是数字或 X。")
    if len(body) == 12:
        year, type_digit, type_position = int(body[:4]), body[4], 5
        if year < FIRST_NEW_FORM_YEAR:
            raise ValidationError(
                field,
                f"12位专利申请号自2003年10月1日起使用，前4位年份不能是 {year}；"
                "此前受理的申请号为8位（如 99113861.9）。",
            )
    else:
        two = int(body[:2])
        if 4 <= two <= 84:
            raise ValidationError(
                field,
                f"8位专利申请号的前2位是1985—2003年的年份，“{body[:2]}”不是；"
                "2003年10月1日以后受理的申请号为12位。",
            )
        year, type_digit, type_position = (1900 + two if two >= 85 else 2000 + two), body[2], 3
    _not_after_today(year, today, field, "专利申请号")
    if type_digit not in APPLICATION_TYPE_DIGITS:
        raise ValidationError(
            field,
            f"专利申请号第{type_position}位是申请种类号，只能是 1（发明）、2（实用新型）、"
            f"3（外观设计）、8（PCT 发明）或 9（PCT 实用新型），当前为“{type_digit}”。",
        )
    if patent_check_digit(body) != check:
        raise ValidationError(field, "专利申请号校验位不正确，请核对。")
    _check_declared_kind(
        declared_kind,
        APPLICATION_TYPE_DIGITS[type_digit],
        f"申请号第{type_position}位为“{type_digit}”，表示{_APPLICATION_TYPE_NAMES[type_digit]}",
        field,
    )
    return f"{body}.{check}"


def _check_declared_kind(declared: str | None, actual: str, what: str, field: str) -> None:
    if declared is None or declared not in PATENT_KINDS or declared == actual:
        return
    raise ValidationError(field, f"{what}，与成果类型“{PATENT_KIND_NAMES[declared]}”不符。")


def _application_body(number: str) -> str:
    body = number.partition(".")[0]
    if len(body) not in (8, 12) or not (body.isascii() and body.isdigit()):
        raise ValueError(f"not a canonical patent application number: {number!r}")
    return body


def patent_application_kind(number: str) -> str:
    """The patent kind (one of ``PATENT_KINDS``) of a canonical application number."""
    body = _application_body(number)
    return APPLICATION_TYPE_DIGITS[body[4] if len(body) == 12 else body[2]]


def is_pct_national_phase(number: str) -> bool:
    """Whether a canonical application number is a PCT application in the national phase."""
    body = _application_body(number)
    return (body[4] if len(body) == 12 else body[2]) in "89"


def patent_application_year(number: str) -> int:
    """The year the application was filed, from a canonical application number."""
    body = _application_body(number)
    if len(body) == 12:
        return int(body[:4])
    two = int(body[:2])
    return 1900 + two if two >= 85 else 2000 + two


# --- 授权公告号 / 公布号 ----------------------------------------------------------------

_DOCUMENT_KIND_BY_DIGIT = {"1": "invention_patent", "2": "utility_model", "3": "design"}
_DOCUMENT_CODES = {"invention_patent": "ABC", "utility_model": "UY", "design": "SD"}
_DOCUMENT = re.compile(r"(?:CN)?([0-9]+)([A-Z]?)")


def validate_patent_document_number(
    text: str,
    *,
    declared_kind: str | None = None,
    allow_publication: bool = False,
    field: str = "grant_number",
) -> str:
    """The canonical grant (or, with ``allow_publication``, publication) number ``CN…K``."""
    number = _squeeze(text)
    if not number:
        raise ValidationError(field, "请填写授权公告号。")
    match = _DOCUMENT.fullmatch(number)
    if match is None:
        raise ValidationError(
            field, "授权公告号应为 CN、9位（2007年以前为7位）数字和文献种类代码，如 CN116455754B。"
        )
    digits, code = match.groups()
    if len(digits) not in (7, 9):
        raise ValidationError(
            field, f"授权公告号中的数字应为9位（2007年以前为7位），当前为{len(digits)}位。"
        )
    kind = _DOCUMENT_KIND_BY_DIGIT.get(digits[0])
    if kind is None:
        raise ValidationError(
            field,
            "授权公告号的第一位数字表示专利类型：1（发明）、2（实用新型）、3（外观设计），"
            f"当前为“{digits[0]}”。",
        )
    codes = _DOCUMENT_CODES[kind]
    if not allow_publication:
        codes = codes.replace("A", "")
    if not code:
        raise ValidationError(
            field,
            f"授权公告号末尾缺少文献种类代码（{PATENT_KIND_NAMES[kind]}为 {'、'.join(codes)}）。",
        )
    if code == "A" and kind == "invention_patent" and not allow_publication:
        raise ValidationError(
            field,
            "以 A 结尾的是发明专利申请的公布号，不是授权公告号；"
            "发明专利的授权公告号以 B（2010年以前为 C）结尾。",
        )
    if code not in codes:
        raise ValidationError(
            field,
            f"以“{digits[0]}”开头的是{PATENT_KIND_NAMES[kind]}文献，种类代码应为 "
            f"{'、'.join(codes)}，不能是“{code}”。",
        )
    _check_declared_kind(
        declared_kind, kind, f"授权公告号以“{digits[0]}”开头，是{PATENT_KIND_NAMES[kind]}", field
    )
    return f"CN{digits}{code}"


def patent_document_kind(number: str) -> str:
    """The patent kind (one of ``PATENT_KINDS``) of a canonical document number."""
    match = _DOCUMENT.fullmatch(number)
    if match is None or match.group(1)[0] not in _DOCUMENT_KIND_BY_DIGIT:
        raise ValueError(f"not a canonical patent document number: {number!r}")
    return _DOCUMENT_KIND_BY_DIGIT[match.group(1)[0]]


# --- 软件著作权登记号 ------------------------------------------------------------------

FIRST_SOFTWARE_YEAR = 1991  # 《计算机软件保护条例》(1991) 起施行登记
_SOFTWARE = re.compile(r"(\d{4})SR([A-Z]{2})?(\d{4,7})")


def validate_software_registration_number(
    text: str, *, today: date | None = None, field: str = "software_registration_number"
) -> str:
    """The canonical number, e.g. ``2023SR0123456``, or ValidationError."""
    number = _squeeze(text).removesuffix("号")
    if not number:
        raise ValidationError(field, "请填写软件著作权登记号。")
    if "登字" in number:
        raise ValidationError(
            field, "这是登记证书号（软著登字第…号），请填写证书上的登记号，如 2023SR0123456。"
        )
    match = _SOFTWARE.fullmatch(number)
    if match is None:
        raise ValidationError(
            field, "软件著作权登记号应为4位年份、SR 和4—7位流水号，如 2023SR0123456。"
        )
    year = int(match.group(1))
    if year < FIRST_SOFTWARE_YEAR:
        raise ValidationError(field, f"软件著作权登记号中的年份 {year} 早于1991年，请核对。")
    _not_after_today(year, today, field, "软件著作权登记号")
    return number


# --- 集成电路布图设计登记号 ------------------------------------------------------------

_LAYOUT = re.compile(r"(?:BS)?\.?(\d{8})\.?([0-9X])")


def validate_layout_design_number(text: str, *, field: str = "layout_design_number") -> str:
    """The canonical number, e.g. ``BS.185559220``, or ValidationError (format only)."""
    number = _squeeze(text)
    if not number:
        raise ValidationError(field, "请填写布图设计登记号。")
    match = _LAYOUT.fullmatch(number)
    if match is None:
        raise ValidationError(
            field, "布图设计登记号应为 BS. 加9位（最后一位可为 X），如 BS.185559220。"
        )
    return f"BS.{match.group(1)}{match.group(2)}"


# --- 植物新品种权号 --------------------------------------------------------------------

FIRST_PLANT_VARIETY_YEAR = 1997  # 《植物新品种保护条例》1997年10月1日施行
_PLANT_AGRICULTURE = re.compile(r"CNA(\d{4})\d{4,8}(?:\.[0-9X])?")
_PLANT_FORESTRY = re.compile(r"(\d{4})\d{4,8}")


def validate_plant_variety_number(
    text: str, *, today: date | None = None, field: str = "plant_variety_number"
) -> str:
    """The canonical number, e.g. ``CNA20080376.X``, or ValidationError (format only)."""
    number = _squeeze(text)
    if not number:
        raise ValidationError(field, "请填写品种权号。")
    match = _PLANT_AGRICULTURE.fullmatch(number) or _PLANT_FORESTRY.fullmatch(number)
    if match is None:
        raise ValidationError(
            field,
            "品种权号应为 CNA、4位年份和流水号（可带“.”和校验位），如 CNA20080376.X；"
            "林业植物新品种权号为不带字母的数字。",
        )
    year = int(match.group(1))
    if year < FIRST_PLANT_VARIETY_YEAR:
        raise ValidationError(
            field, f"品种权号中的年份 {year} 早于1997年（植物新品种保护条例施行），请核对。"
        )
    _not_after_today(year, today, field, "品种权号")
    return number

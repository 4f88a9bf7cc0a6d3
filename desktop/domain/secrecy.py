"""Secrecy marks (密级标志) of classified achievements: legal-rules §8 and block D5.

A mark is written "密级★保密期限", "密级★解密时间" or "密级★解密条件": 机密★10年, 秘密★6个月,
机密★2030年1月5日, 秘密★项目结题后解密; "机密★" alone means the longest period for the level.
Periods of a year or more are counted in years, shorter ones in months, and run from the issue
date marked on the document (标明的制发日). Unless otherwise provided, a period is at most
30 years for 绝密, 20 for 机密 and 10 for 秘密 (《保守国家秘密法》2024年修订 第十九条; 2010年版
第十五条). Levels are the program's codes (``desktop.domain.accounts.CLEARANCES``); only
secret, confidential and top_secret carry a mark. Chinese appears only in messages and marks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from desktop.domain.dates import add_months, add_years, format_cn_date
from desktop.domain.identifiers import to_half_width
from desktop.errors import ValidationError

MARKED_LEVELS = ("secret", "confidential", "top_secret")
LEVEL_NAMES = {"secret": "秘密", "confidential": "机密", "top_secret": "绝密"}
MAX_YEARS = {"secret": 10, "confidential": 20, "top_secret": 30}
LAW = "《保守国家秘密法》2024年修订第十九条，2010年版第十五条"
STARS = "★☆*"  # ＊ (full-width) becomes * when the text is made half-width
CONDITION_MAX_LENGTH = 100


@dataclass(frozen=True)
class SecrecyMark:
    """At most one of ``years``, ``months``, ``declassify_on`` and ``condition``; none of them
    means the longest period for the level. ``otherwise_provided``: a law or regulation allows a
    period beyond the usual maximum."""

    level: str
    issued_on: date
    years: int | None = None
    months: int | None = None
    declassify_on: date | None = None
    condition: str = ""
    otherwise_provided: bool = False


def _limit_message(level: str) -> str:
    return (
        f"{LEVEL_NAMES[level]}级事项的保密期限，除另有规定外，最长为{MAX_YEARS[level]}年"
        f"（{LAW}）。确有另行规定的，请勾选“另有规定”。"
    )


def validate_mark(mark: SecrecyMark) -> SecrecyMark:
    """The mark with its condition trimmed, or ValidationError at the field at fault."""
    if mark.level not in MARKED_LEVELS:
        if mark.level in ("public", "internal"):
            raise ValidationError(
                "secrecy_level", "公开和内部事项不标注密级标志；只有秘密、机密、绝密级有保密期限。"
            )
        raise ValidationError("secrecy_level", "请选择密级（秘密、机密或绝密）。")
    condition = mark.condition.strip()
    given = [
        mark.years is not None,
        mark.months is not None,
        mark.declassify_on is not None,
        bool(condition),
    ]
    if sum(given) > 1:
        raise ValidationError("secrecy_period", "保密期限、解密时间和解密条件只能填写其中一项。")
    longest = MAX_YEARS[mark.level]
    if mark.years is not None:
        if mark.years < 1:
            raise ValidationError("secrecy_period", "保密期限须大于0。")
        if mark.years > longest and not mark.otherwise_provided:
            raise ValidationError("secrecy_period", _limit_message(mark.level))
    if mark.months is not None:
        if mark.months < 1:
            raise ValidationError("secrecy_period", "保密期限须大于0。")
        if mark.months >= 12:
            raise ValidationError(
                "secrecy_period", "保密期限满一年的以年计（如“1年”），不满一年的才以月计。"
            )
    if mark.declassify_on is not None:
        if mark.declassify_on <= mark.issued_on:
            raise ValidationError(
                "declassify_on",
                f"解密时间应晚于制发日期（{format_cn_date(mark.issued_on)}）。",
            )
        if mark.declassify_on > add_years(mark.issued_on, longest) and not (
            mark.otherwise_provided
        ):
            raise ValidationError(
                "declassify_on",
                "解密时间距制发日期超过了最长保密期限：" + _limit_message(mark.level),
            )
    if condition:
        if len(condition) > CONDITION_MAX_LENGTH:
            raise ValidationError(
                "declassify_condition", f"解密条件不能超过 {CONDITION_MAX_LENGTH} 个字。"
            )
        if any(star in to_half_width(condition) for star in STARS):
            raise ValidationError("declassify_condition", "解密条件中不能有“★”。")
        if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in condition):
            raise ValidationError("declassify_condition", "解密条件应写在一行内，不能有换行。")
        if _read_tail(_compact(condition), "declassify_condition") is not None:
            raise ValidationError(
                "declassify_condition",
                "解密条件应写明条件（如“项目结题后解密”）；期限或日期请填在保密期限或解密时间栏。",
            )
    return replace(mark, condition=condition)


def _form(mark: SecrecyMark) -> str:
    forms = [
        name
        for name, present in (
            ("years", mark.years is not None),
            ("months", mark.months is not None),
            ("date", mark.declassify_on is not None),
            ("condition", bool(mark.condition.strip())),
        )
        if present
    ]
    if len(forms) > 1:
        raise ValueError(f"a secrecy mark has one period form, not {forms}")
    return forms[0] if forms else "default"


def expiry(mark: SecrecyMark) -> date | None:
    """The last day the matter stays secret, or None when a condition decides it.

    Periods run from the issue date (legal-rules D3 month arithmetic: 2024-02-29 + 1 year is
    2025-02-28); no period means the longest one for the level. The period ends at 24:00 of this
    day (民法典 第202、203条), so the matter is declassified from the next day.
    """
    form = _form(mark)
    if form == "years":
        assert mark.years is not None
        return add_years(mark.issued_on, mark.years)
    if form == "months":
        assert mark.months is not None
        return add_months(mark.issued_on, mark.months)
    if form == "date":
        return mark.declassify_on
    if form == "condition":
        return None
    return add_years(mark.issued_on, MAX_YEARS[mark.level])


def is_expired(mark: SecrecyMark, today: date) -> bool:
    """Whether the period is over on ``today``; a mark with a condition never expires by itself
    (someone has to decide that the condition is met)."""
    last_day = expiry(mark)
    return last_day is not None and today > last_day


def render(mark: SecrecyMark) -> str:
    """The standard mark, e.g. 机密★10年; ValidationError when the mark is not valid."""
    mark = validate_mark(mark)
    name = LEVEL_NAMES[mark.level]
    if mark.years is not None:
        return f"{name}★{mark.years}年"
    if mark.months is not None:
        return f"{name}★{mark.months}个月"
    if mark.declassify_on is not None:
        return f"{name}★{format_cn_date(mark.declassify_on)}"
    return f"{name}★{mark.condition}"


def carrier_mark(level: str) -> str:
    """The mark a printed document takes from the most secret content it holds: 内部 for
    internal content, 秘密★ / 机密★ / 绝密★ for state secrets (the level with the star alone
    means the default maximum period: legal-rules 8.3), nothing for public content. For a
    document derived from several records, whose own periods it does not restate."""
    if level in LEVEL_NAMES:
        return f"{LEVEL_NAMES[level]}★"
    return "内部" if level == "internal" else ""


# --- parsing ------------------------------------------------------------------------------

_NUMBER = r"(\d+|[零〇一二两三四五六七八九十]+)"
_YEARS = re.compile(_NUMBER + "年")
_MONTHS = re.compile(_NUMBER + "[个個]月")
_CN_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:解密)?")
_ISO_DATE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:解密)?")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WHITESPACE = re.compile(r"\s+")


def _compact(text: str) -> str:
    return _WHITESPACE.sub("", to_half_width(text))


def _number(text: str) -> int | None:
    """Arabic digits, or Chinese numerals up to 九十九 (六, 十, 十五, 二十, 三十)."""
    if text.isascii():
        return int(text)
    tens, ten, units = text.partition("十")
    if not ten:
        return _DIGITS.get(text)
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def _read_tail(tail: str, field: str) -> tuple[str, int | date] | None:
    """What follows the star, when it is a period or a date (not a condition)."""
    for form, pattern in (("years", _YEARS), ("months", _MONTHS)):
        match = pattern.fullmatch(tail)
        if match is not None:
            value = _number(match.group(1))
            if value is not None:
                return form, value
    for pattern in (_CN_DATE, _ISO_DATE):
        match = pattern.fullmatch(tail)
        if match is not None:
            year, month, day = (int(part) for part in match.groups())
            try:
                return "date", date(year, month, day)
            except ValueError:
                raise ValidationError(field, f"解密时间“{tail}”不是有效日期。") from None
    return None


def parse(text: str, *, issued_on: date, otherwise_provided: bool = False) -> SecrecyMark:
    """The mark written in ``text`` (the inverse of ``render``), validated.

    Tolerates spaces, full-width characters, ☆ or * for ★, "机密级" for "机密", Chinese numerals
    (机密★十年) and a date written 2030-01-05 or followed by 解密. The issue date and the
    otherwise-provided flag are not part of the mark and are passed in.
    """
    # to_half_width maps character for character, so positions in it are positions in text;
    # the condition is kept as typed (full-width brackets stay full-width).
    half = to_half_width(text)
    if not half.strip():
        raise ValidationError("secrecy_mark", "请填写密级标志，如“机密★10年”。")
    star = min((half.find(s) for s in STARS if s in half), default=-1)
    if star < 0:
        raise ValidationError(
            "secrecy_mark", "密级标志应写作“密级★保密期限”，如“机密★10年”“秘密★6个月”。"
        )
    head = _compact(half[:star]).removesuffix("级")
    levels = {name: code for code, name in LEVEL_NAMES.items()}
    if not head:
        raise ValidationError("secrecy_mark", "密级标志应以密级开头，如“机密★10年”。")
    if head not in levels:
        raise ValidationError(
            "secrecy_mark", f"密级标志中的密级只能是秘密、机密或绝密，当前为“{head}”。"
        )
    level = levels[head]
    tail = text[star + 1 :].strip()
    mark = SecrecyMark(level, issued_on, otherwise_provided=otherwise_provided)
    read = _read_tail(_compact(tail), "secrecy_mark")
    if read is None:
        mark = replace(mark, condition=tail)
    else:
        form, value = read
        if form == "years":
            assert isinstance(value, int)
            mark = replace(mark, years=value)
        elif form == "months":
            assert isinstance(value, int)
            mark = replace(mark, months=value)
        else:
            assert isinstance(value, date)
            mark = replace(mark, declassify_on=value)
    try:
        return validate_mark(mark)
    except ValidationError as e:  # the user typed one text: the error belongs to it
        raise ValidationError("secrecy_mark", e.message) from None

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.accounts import CLEARANCES
from desktop.domain.dates import add_months, add_years
from desktop.domain.secrecy import (
    LEVEL_NAMES,
    MARKED_LEVELS,
    MAX_YEARS,
    SecrecyMark,
    carrier_mark,
    expiry,
    is_expired,
    parse,
    render,
    validate_mark,
)
from desktop.errors import ValidationError

ISSUED = date(2026, 1, 5)
LAW = "（《保守国家秘密法》2024年修订第十九条，2010年版第十五条）"


def _error(call: object, *args: object, **kwargs: object) -> ValidationError:
    assert callable(call)
    with pytest.raises(ValidationError) as excinfo:
        call(*args, **kwargs)
    return excinfo.value


def test_levels_are_the_program_clearance_codes() -> None:
    assert set(MARKED_LEVELS) <= set(CLEARANCES)
    assert set(MARKED_LEVELS) == set(LEVEL_NAMES) == set(MAX_YEARS)
    assert MAX_YEARS == {"secret": 10, "confidential": 20, "top_secret": 30}


# --- validate_mark ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "mark",
    [
        SecrecyMark("secret", ISSUED),
        SecrecyMark("secret", ISSUED, years=10),
        SecrecyMark("confidential", ISSUED, years=20),
        SecrecyMark("top_secret", ISSUED, years=30),
        SecrecyMark("secret", ISSUED, months=1),
        SecrecyMark("top_secret", ISSUED, months=11),
        SecrecyMark("secret", ISSUED, declassify_on=ISSUED + timedelta(days=1)),
        SecrecyMark("secret", ISSUED, declassify_on=date(2036, 1, 5)),
        SecrecyMark("confidential", ISSUED, condition="项目结题后解密"),
        SecrecyMark("secret", ISSUED, years=50, otherwise_provided=True),
        SecrecyMark("secret", ISSUED, declassify_on=date(2060, 1, 1), otherwise_provided=True),
    ],
)
def test_valid_marks(mark: SecrecyMark) -> None:
    assert validate_mark(mark) == mark


def test_condition_is_trimmed() -> None:
    mark = SecrecyMark("secret", ISSUED, condition="\u3000 项目结题后解密 ")
    assert validate_mark(mark).condition == "项目结题后解密"


@pytest.mark.parametrize(
    "mark, field, message",
    [
        (
            SecrecyMark("public", ISSUED),
            "secrecy_level",
            "公开和内部事项不标注密级标志；只有秘密、机密、绝密级有保密期限。",
        ),
        (
            SecrecyMark("internal", ISSUED, years=1),
            "secrecy_level",
            "公开和内部事项不标注密级标志；只有秘密、机密、绝密级有保密期限。",
        ),
        (SecrecyMark("机密", ISSUED), "secrecy_level", "请选择密级（秘密、机密或绝密）。"),
        (SecrecyMark("", ISSUED), "secrecy_level", "请选择密级（秘密、机密或绝密）。"),
        (
            SecrecyMark("secret", ISSUED, years=1, months=6),
            "secrecy_period",
            "保密期限、解密时间和解密条件只能填写其中一项。",
        ),
        (
            SecrecyMark("secret", ISSUED, years=1, condition="结题后"),
            "secrecy_period",
            "保密期限、解密时间和解密条件只能填写其中一项。",
        ),
        (
            SecrecyMark("secret", ISSUED, months=1, declassify_on=date(2027, 1, 1)),
            "secrecy_period",
            "保密期限、解密时间和解密条件只能填写其中一项。",
        ),
        (SecrecyMark("secret", ISSUED, years=0), "secrecy_period", "保密期限须大于0。"),
        (SecrecyMark("secret", ISSUED, years=-1), "secrecy_period", "保密期限须大于0。"),
        (SecrecyMark("secret", ISSUED, months=0), "secrecy_period", "保密期限须大于0。"),
        (
            SecrecyMark("secret", ISSUED, months=12),
            "secrecy_period",
            "保密期限满一年的以年计（如“1年”），不满一年的才以月计。",
        ),
        (
            SecrecyMark("secret", ISSUED, years=11),
            "secrecy_period",
            f"秘密级事项的保密期限，除另有规定外，最长为10年{LAW}。确有另行规定的，请勾选“另有规定”。",
        ),
        (
            SecrecyMark("confidential", ISSUED, years=21),
            "secrecy_period",
            f"机密级事项的保密期限，除另有规定外，最长为20年{LAW}。确有另行规定的，请勾选“另有规定”。",
        ),
        (
            SecrecyMark("top_secret", ISSUED, years=31),
            "secrecy_period",
            f"绝密级事项的保密期限，除另有规定外，最长为30年{LAW}。确有另行规定的，请勾选“另有规定”。",
        ),
        (
            SecrecyMark("secret", ISSUED, declassify_on=ISSUED),
            "declassify_on",
            "解密时间应晚于制发日期（2026年1月5日）。",
        ),
        (
            SecrecyMark("secret", ISSUED, declassify_on=date(2036, 1, 6)),
            "declassify_on",
            "解密时间距制发日期超过了最长保密期限：秘密级事项的保密期限，除另有规定外，"
            f"最长为10年{LAW}。确有另行规定的，请勾选“另有规定”。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="结题" * 51),
            "declassify_condition",
            "解密条件不能超过 100 个字。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="结题★后"),
            "declassify_condition",
            "解密条件中不能有“★”。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="结题＊后"),
            "declassify_condition",
            "解密条件中不能有“★”。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="结题\n后"),
            "declassify_condition",
            "解密条件应写在一行内，不能有换行。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="5 年"),
            "declassify_condition",
            "解密条件应写明条件（如“项目结题后解密”）；期限或日期请填在保密期限或解密时间栏。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="2030年1月5日解密"),
            "declassify_condition",
            "解密条件应写明条件（如“项目结题后解密”）；期限或日期请填在保密期限或解密时间栏。",
        ),
        (
            SecrecyMark("secret", ISSUED, condition="2030年2月30日"),
            "declassify_condition",
            "解密时间“2030年2月30日”不是有效日期。",
        ),
    ],
)
def test_invalid_marks(mark: SecrecyMark, field: str, message: str) -> None:
    error = _error(validate_mark, mark)
    assert error.field == field
    assert error.message == message


@pytest.mark.parametrize("level", MARKED_LEVELS)
def test_the_longest_period_is_allowed_and_one_more_year_is_not(level: str) -> None:
    longest = MAX_YEARS[level]
    assert validate_mark(SecrecyMark(level, ISSUED, years=longest)).years == longest
    error = _error(validate_mark, SecrecyMark(level, ISSUED, years=longest + 1))
    assert f"最长为{longest}年" in error.message
    assert "2024年修订第十九条" in error.message
    assert "2010年版第十五条" in error.message
    allowed = SecrecyMark(level, ISSUED, years=longest + 1, otherwise_provided=True)
    assert validate_mark(allowed) == allowed
    last_day = add_years(ISSUED, longest)
    assert validate_mark(SecrecyMark(level, ISSUED, declassify_on=last_day)).declassify_on
    _error(validate_mark, SecrecyMark(level, ISSUED, declassify_on=last_day + timedelta(days=1)))


# --- expiry and is_expired -------------------------------------------------------------


@pytest.mark.parametrize(
    "mark, last_day",
    [
        (SecrecyMark("secret", date(2024, 2, 29), years=1), date(2025, 2, 28)),
        (SecrecyMark("secret", date(2024, 2, 29), years=4), date(2028, 2, 29)),
        (SecrecyMark("confidential", ISSUED, years=10), date(2036, 1, 5)),
        (SecrecyMark("secret", date(2025, 8, 31), months=6), date(2026, 2, 28)),
        (SecrecyMark("secret", date(2025, 1, 31), months=1), date(2025, 2, 28)),
        (SecrecyMark("secret", ISSUED), date(2036, 1, 5)),
        (SecrecyMark("confidential", ISSUED), date(2046, 1, 5)),
        (SecrecyMark("top_secret", date(2024, 2, 29)), date(2054, 2, 28)),
        (SecrecyMark("secret", ISSUED, declassify_on=date(2030, 1, 5)), date(2030, 1, 5)),
        (SecrecyMark("secret", ISSUED, condition="项目结题后解密"), None),
    ],
)
def test_expiry(mark: SecrecyMark, last_day: date | None) -> None:
    assert expiry(mark) == last_day


def test_expiry_of_an_ambiguous_mark_is_a_bug() -> None:
    with pytest.raises(ValueError, match="one period form"):
        expiry(SecrecyMark("secret", ISSUED, years=1, months=1))


def test_is_expired_counts_the_last_day_as_secret() -> None:
    mark = SecrecyMark("secret", ISSUED, years=1)
    assert not is_expired(mark, ISSUED)
    assert not is_expired(mark, date(2027, 1, 4))
    assert not is_expired(mark, date(2027, 1, 5))
    assert is_expired(mark, date(2027, 1, 6))


def test_a_condition_never_expires_by_itself() -> None:
    mark = SecrecyMark("secret", ISSUED, condition="项目结题后解密")
    assert not is_expired(mark, date(9999, 12, 31))


# --- render ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mark, text",
    [
        (SecrecyMark("confidential", ISSUED, years=10), "机密★10年"),
        (SecrecyMark("secret", ISSUED, months=6), "秘密★6个月"),
        (SecrecyMark("top_secret", ISSUED, years=1), "绝密★1年"),
        (SecrecyMark("confidential", ISSUED, declassify_on=date(2030, 1, 5)), "机密★2030年1月5日"),
        (SecrecyMark("secret", ISSUED, condition="项目结题后解密"), "秘密★项目结题后解密"),
        (SecrecyMark("secret", ISSUED, condition=" 项目结题后解密\u3000"), "秘密★项目结题后解密"),
        (SecrecyMark("confidential", ISSUED), "机密★"),
        (SecrecyMark("top_secret", ISSUED), "绝密★"),
        (SecrecyMark("secret", ISSUED, years=40, otherwise_provided=True), "秘密★40年"),
    ],
)
def test_render(mark: SecrecyMark, text: str) -> None:
    assert render(mark) == text


def test_render_refuses_an_invalid_mark() -> None:
    error = _error(render, SecrecyMark("secret", ISSUED, years=11))
    assert error.field == "secrecy_period"


# --- parse -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("机密★10年", SecrecyMark("confidential", ISSUED, years=10)),
        ("秘密★6个月", SecrecyMark("secret", ISSUED, months=6)),
        ("机密★2030年1月5日", SecrecyMark("confidential", ISSUED, declassify_on=date(2030, 1, 5))),
        ("秘密★项目结题后解密", SecrecyMark("secret", ISSUED, condition="项目结题后解密")),
        ("机密★", SecrecyMark("confidential", ISSUED)),
        (" 机密 ★ 10 年 ", SecrecyMark("confidential", ISSUED, years=10)),
        ("机密☆10年", SecrecyMark("confidential", ISSUED, years=10)),
        ("机密＊１０年", SecrecyMark("confidential", ISSUED, years=10)),
        ("机密*10年", SecrecyMark("confidential", ISSUED, years=10)),
        ("机密级★10年", SecrecyMark("confidential", ISSUED, years=10)),
        ("\u3000绝密\u3000★\u3000", SecrecyMark("top_secret", ISSUED)),
        ("机密★十年", SecrecyMark("confidential", ISSUED, years=10)),
        ("机密★十五年", SecrecyMark("confidential", ISSUED, years=15)),
        ("绝密★三十年", SecrecyMark("top_secret", ISSUED, years=30)),
        ("秘密★两年", SecrecyMark("secret", ISSUED, years=2)),
        ("秘密★六个月", SecrecyMark("secret", ISSUED, months=6)),
        ("秘密★6個月", SecrecyMark("secret", ISSUED, months=6)),
        ("机密★2030-01-05", SecrecyMark("confidential", ISSUED, declassify_on=date(2030, 1, 5))),
        ("机密★2030.1.5", SecrecyMark("confidential", ISSUED, declassify_on=date(2030, 1, 5))),
        (
            "机密★2030年1月5日解密",
            SecrecyMark("confidential", ISSUED, declassify_on=date(2030, 1, 5)),
        ),
        (
            "秘密★项目结题（验收）后解密",
            SecrecyMark("secret", ISSUED, condition="项目结题（验收）后解密"),
        ),
        ("秘密★ 成果 转化 后", SecrecyMark("secret", ISSUED, condition="成果 转化 后")),
        ("秘密★一二年", SecrecyMark("secret", ISSUED, condition="一二年")),
    ],
)
def test_parse(text: str, expected: SecrecyMark) -> None:
    assert parse(text, issued_on=ISSUED) == expected


def test_parse_takes_the_flag_that_the_text_cannot_carry() -> None:
    error = _error(parse, "秘密★40年", issued_on=ISSUED)
    assert "最长为10年" in error.message
    mark = parse("秘密★40年", issued_on=ISSUED, otherwise_provided=True)
    assert mark == SecrecyMark("secret", ISSUED, years=40, otherwise_provided=True)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "请填写密级标志，如“机密★10年”。"),
        ("\u3000 ", "请填写密级标志，如“机密★10年”。"),
        ("机密10年", "密级标志应写作“密级★保密期限”，如“机密★10年”“秘密★6个月”。"),
        ("★10年", "密级标志应以密级开头，如“机密★10年”。"),
        ("内部★1年", "密级标志中的密级只能是秘密、机密或绝密，当前为“内部”。"),
        ("机 要★1年", "密级标志中的密级只能是秘密、机密或绝密，当前为“机要”。"),
        ("秘密★12个月", "保密期限满一年的以年计（如“1年”），不满一年的才以月计。"),
        ("秘密★0年", "保密期限须大于0。"),
        ("秘密★零年", "保密期限须大于0。"),
        (
            "秘密★11年",
            f"秘密级事项的保密期限，除另有规定外，最长为10年{LAW}。确有另行规定的，请勾选“另有规定”。",
        ),
        ("机密★2030年2月30日", "解密时间“2030年2月30日”不是有效日期。"),
        ("机密★2020年1月5日", "解密时间应晚于制发日期（2026年1月5日）。"),
        ("秘密★结题★后", "解密条件中不能有“★”。"),
    ],
)
def test_parse_errors_belong_to_the_mark(text: str, message: str) -> None:
    error = _error(parse, text, issued_on=ISSUED)
    assert error.field == "secrecy_mark"
    assert error.message == message


# --- properties ------------------------------------------------------------------------

_LEVELS = st.sampled_from(MARKED_LEVELS)
_ISSUED = st.dates(min_value=date(1950, 1, 1), max_value=date(2200, 12, 31))
_CONDITION = (
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
            st.sampled_from("（）()、，,。.：:ABCxyz0123456789年月日个- \u3000"),
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


def _valid(mark: SecrecyMark) -> bool:
    try:
        validate_mark(mark)
    except ValidationError:
        return False
    return True


@st.composite
def _marks(draw: st.DrawFn, otherwise_provided: bool = False) -> SecrecyMark:
    level = draw(_LEVELS)
    issued_on = draw(_ISSUED)
    longest = 99 if otherwise_provided else MAX_YEARS[level]
    base = SecrecyMark(level, issued_on, otherwise_provided=otherwise_provided)
    form = draw(st.sampled_from(("years", "months", "date", "condition", "default")))
    if form == "years":
        return replace(base, years=draw(st.integers(1, longest)))
    if form == "months":
        return replace(base, months=draw(st.integers(1, 11)))
    if form == "date":
        last = add_years(issued_on, longest)
        return replace(
            base,
            declassify_on=draw(st.dates(issued_on + timedelta(days=1), last)),
        )
    if form == "condition":
        return replace(
            base, condition=draw(_CONDITION.filter(lambda c: _valid(replace(base, condition=c))))
        )
    return base


@given(_marks())
def test_render_and_parse_round_trip(mark: SecrecyMark) -> None:
    assert parse(render(mark), issued_on=mark.issued_on) == mark


@given(_marks(otherwise_provided=True))
def test_round_trip_with_otherwise_provided(mark: SecrecyMark) -> None:
    assert parse(render(mark), issued_on=mark.issued_on, otherwise_provided=True) == mark


@given(_marks())
def test_render_tolerant_variants_parse_the_same(mark: SecrecyMark) -> None:
    text = render(mark)
    level, _, rest = text.partition("★")
    for variant in (f" {level} ☆ {rest} ", f"{level}＊{rest}", f"\u3000{level}级★{rest}"):
        assert parse(variant, issued_on=mark.issued_on) == mark


def _period_mark(level: str, issued_on: date, months: int) -> SecrecyMark:
    """A period of ``months`` months written as a mark would write it."""
    if months < 12:
        return SecrecyMark(level, issued_on, months=months)
    return SecrecyMark(level, issued_on, years=months // 12)


_PERIODS = st.one_of(st.integers(1, 11), st.integers(1, 30).map(lambda years: 12 * years))


@given(_LEVELS, _ISSUED, _PERIODS, _PERIODS)
def test_expiry_is_monotonic_in_the_period(
    level: str, issued_on: date, first: int, second: int
) -> None:
    short, long = sorted((first, second))
    longest = 12 * MAX_YEARS[level]
    short, long = min(short, longest), min(long, longest)
    short_end = expiry(_period_mark(level, issued_on, short))
    long_end = expiry(_period_mark(level, issued_on, long))
    assert short_end is not None
    assert long_end is not None
    assert issued_on < short_end <= long_end
    if short < long:
        assert short_end < long_end
    assert short_end == add_months(issued_on, short)


@given(_LEVELS, _ISSUED)
def test_no_period_means_the_longest(level: str, issued_on: date) -> None:
    default = SecrecyMark(level, issued_on)
    longest = SecrecyMark(level, issued_on, years=MAX_YEARS[level])
    assert expiry(default) == expiry(longest) == add_years(issued_on, MAX_YEARS[level])
    assert render(default) == f"{LEVEL_NAMES[level]}★"


@given(_marks(), st.dates(), st.dates())
def test_is_expired_is_monotonic_in_today(mark: SecrecyMark, a: date, b: date) -> None:
    early, late = sorted((a, b))
    if is_expired(mark, early):
        assert is_expired(mark, late)
    last_day = expiry(mark)
    if last_day is None:
        assert not is_expired(mark, late)
    else:
        assert is_expired(mark, late) == (late > last_day)


@pytest.mark.parametrize(
    ("level", "mark"),
    [
        ("public", ""),
        ("internal", "内部"),
        ("secret", "秘密★"),
        ("confidential", "机密★"),
        ("top_secret", "绝密★"),
    ],
)
def test_a_document_carries_the_mark_of_its_most_secret_content(level: str, mark: str) -> None:
    assert carrier_mark(level) == mark

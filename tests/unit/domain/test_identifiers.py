from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.identifiers import (
    CREDIT_CODE_CHARSET,
    credit_code_check_char,
    id_number_check_char,
    to_half_width,
    validate_credit_code,
    validate_id_number,
)
from desktop.errors import ValidationError

TODAY = date(2026, 1, 5)


def _message(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    return excinfo.value.message


# --- 统一社会信用代码 ---------------------------------------------------------


@pytest.mark.parametrize(
    "first17, check",
    [
        ("91350100M000100Y4", "3"),
        ("12100000400000398", "0"),  # a 事业单位 (registry code 1), state-level
        ("91110000600037341", "L"),
    ],
)
def test_credit_code_check_char_golden(first17: str, check: str) -> None:
    assert credit_code_check_char(first17) == check
    assert validate_credit_code(first17 + check) == first17 + check


@pytest.mark.parametrize(
    "raw",
    [
        " 91350100M000100Y43 ",
        "91350100m000100y43",
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "\u300091350100M000100Y43\u3000",
    ],
)
def test_credit_code_is_normalised(raw: str) -> None:
    assert validate_credit_code(raw) == "91350100M000100Y43"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("", "请填写统一社会信用代码。"),
        ("   ", "请填写统一社会信用代码。"),
        ("91350100M000100Y4", "统一社会信用代码应为18位，当前为17位。"),
        ("91350100M000100Y433", "统一社会信用代码应为18位，当前为19位。"),
        ("91350100M000100Y44", "统一社会信用代码校验位不正确，请核对。"),
    ],
)
def test_credit_code_errors(raw: str, expected: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code(raw)
    assert excinfo.value.field == "credit_code"
    assert _message(excinfo) == expected


@pytest.mark.parametrize("bad", ["I", "O", "Z", "S", "V", "-", "中"])
def test_credit_code_names_the_illegal_character(bad: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code("9135010" + bad + "M000100Y43")
    assert f"第8位“{bad}”" in _message(excinfo)


def test_credit_code_error_does_not_reveal_the_check_char() -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_credit_code("91350100M000100Y44")
    assert "3" not in _message(excinfo)


credit_bodies = st.text(alphabet=CREDIT_CODE_CHARSET, min_size=17, max_size=17)


@given(credit_bodies)
def test_any_body_with_computed_check_char_validates(body: str) -> None:
    code = body + credit_code_check_char(body)
    assert validate_credit_code(code) == code


@given(credit_bodies, st.integers(0, 17), st.characters(codec="utf-8"))
def test_credit_code_single_change_is_rejected(body: str, position: int, new: str) -> None:
    code = body + credit_code_check_char(body)
    changed = code[:position] + new + code[position + 1 :]
    if to_half_width(changed).strip().upper() == code:
        return  # a case or width variant of the same character is not a change
    with pytest.raises(ValidationError):
        validate_credit_code(changed)


# --- 居民身份证号 ---------------------------------------------------------------


def test_id_number_standard_example() -> None:
    # The worked example printed in GB 11643-1999.
    assert id_number_check_char("11010519491231002") == "X"
    assert validate_id_number("11010519491231002x", today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize(
    "first17, check",
    [("21010219900307123", "3"), ("21020320000229004", "4"), ("44030420251231567", "1")],
)
def test_id_number_golden(first17: str, check: str) -> None:
    assert id_number_check_char(first17) == check
    assert validate_id_number(first17 + check, today=TODAY) == first17 + check


def test_id_number_full_width_is_normalised() -> None:
    assert validate_id_number(" １１０１０５１９４９１２３１００２ｘ ", today=TODAY) == (
        "11010519491231002X"
    )


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("", "请填写居民身份证号。"),
        ("1101051949123100", "居民身份证号应为18位，当前为16位。"),
        ("1101051949123100AX", "居民身份证号前17位只能是数字。"),
        ("11010519491231002Y", "居民身份证号最后一位只能是数字或 X。"),
        ("110105194902300025", "居民身份证号中的出生日期（第7–14位）不是有效日期。"),
        ("110105202601060020", "居民身份证号中的出生日期晚于今天，请核对。"),
        ("110105194912310021", "居民身份证号校验位不正确，请核对。"),
    ],
)
def test_id_number_errors(raw: str, expected: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        validate_id_number(raw, today=TODAY)
    assert excinfo.value.field == "id_number"
    assert _message(excinfo) == expected


def test_born_today_is_accepted() -> None:
    body = "11010520260105001"
    assert validate_id_number(body + id_number_check_char(body), today=TODAY)


def test_today_is_keyword_only_and_required() -> None:
    with pytest.raises(TypeError):
        validate_id_number("11010519491231002X")  # type: ignore[call-arg]


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    region = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    serial = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    body = f"{region}{born:%Y%m%d}{serial}"
    return body + id_number_check_char(body)


@given(id_numbers())
def test_any_real_date_with_computed_check_validates(number: str) -> None:
    assert validate_id_number(number.lower(), today=TODAY) == number


@given(id_numbers(), st.integers(0, 17), st.sampled_from("0123456789Xx"))
def test_id_number_single_change_is_rejected(number: str, position: int, new: str) -> None:
    changed = number[:position] + new + number[position + 1 :]
    if changed.upper() == number:
        return
    with pytest.raises(ValidationError):
        validate_id_number(changed, today=TODAY)


@given(id_numbers())
def test_birth_date_after_today_is_rejected(number: str) -> None:
    born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    with pytest.raises(ValidationError, match="晚于今天"):
        validate_id_number(number, today=born - timedelta(days=1))

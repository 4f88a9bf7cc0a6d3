from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.domain.ip_numbers import (
    APPLICATION_TYPE_DIGITS,
    PATENT_KINDS,
    is_pct_national_phase,
    patent_application_kind,
    patent_application_year,
    patent_check_digit,
    patent_document_kind,
    validate_layout_design_number,
    validate_patent_application_number,
    validate_patent_document_number,
    validate_plant_variety_number,
    validate_software_registration_number,
)
from desktop.errors import ValidationError

TODAY = date(2026, 1, 5)
WEIGHTS_12 = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
WEIGHTS_8 = (2, 3, 4, 5, 6, 7, 8, 9)


def _error(call: object, *args: object, **kwargs: object) -> ValidationError:
    assert callable(call)
    with pytest.raises(ValidationError) as excinfo:
        call(*args, **kwargs)
    return excinfo.value


# --- 专利申请号: published numbers ---------------------------------------------------------
# Numbers published by their holders (researchers' pages, company sites) or printed as worked
# examples on pages explaining the rule; none of them was computed by us. See the module
# docstring for the sources.

PUBLISHED_APPLICATIONS = [
    # worked examples on the pages that explain the rule
    ("201710601862.3", "invention_patent"),
    ("201310699744.2", "invention_patent"),
    ("95115608.X", "invention_patent"),
    ("97101765.4", "invention_patent"),
    # inventions
    ("202010566088.9", "invention_patent"),
    ("201510958772.0", "invention_patent"),
    ("202411064734.6", "invention_patent"),
    ("202510942578.7", "invention_patent"),
    ("200510096239.4", "invention_patent"),
    ("201811564288.X", "invention_patent"),
    ("201910603565.1", "invention_patent"),
    ("202110049384.6", "invention_patent"),
    ("202111029984.2", "invention_patent"),
    ("202210350401.4", "invention_patent"),
    ("202211249697.7", "invention_patent"),
    ("202511679882.3", "invention_patent"),
    ("202210035660.8", "invention_patent"),
    ("202210977079.8", "invention_patent"),
    ("202311059330.3", "invention_patent"),
    ("200510030457.8", "invention_patent"),
    ("200510025251.6", "invention_patent"),
    ("202310397744.0", "invention_patent"),
    ("202511071601.6", "invention_patent"),
    ("201911044411.X", "invention_patent"),
    ("201911044384.6", "invention_patent"),
    ("201711439836.1", "invention_patent"),
    ("202110251250.2", "invention_patent"),
    ("202510014068.3", "invention_patent"),
    # utility models
    ("202322865413.3", "utility_model"),
    ("202521843307.8", "utility_model"),
    ("202220828888.8", "utility_model"),
    ("202021067017.6", "utility_model"),
    # designs
    ("202230203004.5", "design"),
    ("201330496875.1", "design"),
    # the form used before 2003-10-01
    ("99113861.9", "invention_patent"),
    ("01105715.7", "invention_patent"),
    ("00125301.8", "invention_patent"),
    ("01126463.2", "invention_patent"),
]


@pytest.mark.parametrize("number, kind", PUBLISHED_APPLICATIONS)
def test_published_application_numbers_validate(number: str, kind: str) -> None:
    body, check = number.split(".")
    assert patent_check_digit(body) == check
    assert validate_patent_application_number(number, today=TODAY) == number
    assert validate_patent_application_number(number, declared_kind=kind) == number
    assert patent_application_kind(number) == kind
    assert not is_pct_national_phase(number)


@pytest.mark.parametrize(
    "placeholder",
    # placeholders found beside the real numbers: "123456" serials made up for a demo page
    ["202310123456.7", "202410123456.7", "202310123456.X", "99123456.7"],
)
def test_made_up_numbers_fail_the_check(placeholder: str) -> None:
    error = _error(validate_patent_application_number, placeholder)
    assert error.message == "专利申请号校验位不正确，请核对。"


@pytest.mark.parametrize(
    "body, check",
    [("202310123456", "6"), ("99123456", "1"), ("20171060186", None)],
)
def test_check_digit_of_the_brief_examples(body: str, check: str | None) -> None:
    if check is None:
        with pytest.raises(ValueError, match="8 or 12"):
            patent_check_digit(body)
    else:
        assert patent_check_digit(body) == check


@pytest.mark.parametrize("bad", ["", "1234567", "1234567890123", "2017106018６2", "20171060186X"])
def test_check_digit_needs_8_or_12_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="8 or 12 ASCII digits"):
        patent_check_digit(bad)


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("ZL 2017 1 0601862.3", "201710601862.3"),  # ZC 0006-2003 spacing
        ("CN 201710601862.3", "201710601862.3"),
        ("CN201710601862.3", "201710601862.3"),
        ("zl201811564288.x", "201811564288.X"),
        ("２０１８１１５６４２８８．Ｘ", "201811564288.X"),
        ("ＺＬ２０１８１１５６４２８８．ｘ", "201811564288.X"),
        ("\u3000CN 201811564288.X\u3000", "201811564288.X"),
        ("201710601862·3", "201710601862.3"),
        ("201710601862。3", "201710601862.3"),
        ("201710601862 . 3", "201710601862.3"),
        ("ZL2013106997442", "201310699744.2"),  # written without the dot
        ("95115608x", "95115608.X"),
        ("ZL 95 1 15608.X", "95115608.X"),
        ("  ZL01105715.7 ", "01105715.7"),
    ],
)
def test_application_number_forms_people_type(raw: str, canonical: str) -> None:
    assert validate_patent_application_number(raw) == canonical


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "请填写专利申请号。"),
        ("   ", "请填写专利申请号。"),
        ("ZL", "请填写专利申请号。"),
        (
            "201710601862",
            "专利申请号缺少校验位：请把“.”和其后的一位数字或 X 一并填写（见受理通知书）。",
        ),
        (
            "ZL95115608",
            "专利申请号缺少校验位：请把“.”和其后的一位数字或 X 一并填写（见受理通知书）。",
        ),
        ("201710601862.", "专利申请号的“.”后缺少校验位（一位数字或 X）。"),
        ("201710601862.34", "专利申请号的“.”后只有一位校验位（数字或 X）。"),
        ("2017.10601862.3", "专利申请号中只能有一个“.”（在校验位之前）。"),
        ("2017A0601862.3", "专利申请号第5位“A”不是数字。"),
        ("2017-10601862.3", "专利申请号第5位“-”不是数字。"),
        (
            "20171060186.3",
            "专利申请号应为12位数字（2003年10月1日以前受理的为8位）加校验位，当前为11位数字。",
        ),
        (
            "2017106018623.3",
            "专利申请号应为12位数字（2003年10月1日以前受理的为8位）加校验位，当前为13位数字。",
        ),
        ("201710601862.Y", "专利申请号的校验位“Y”只能是数字或 X。"),
        ("201710601862Y", "专利申请号的校验位“Y”只能是数字或 X。"),
        (
            "200210601862.3",
            "12位专利申请号自2003年10月1日起使用，前4位年份不能是 2002；"
            "此前受理的申请号为8位（如 99113861.9）。",
        ),
        (
            "50115608.X",
            "8位专利申请号的前2位是1985—2003年的年份，“50”不是；"
            "2003年10月1日以后受理的申请号为12位。",
        ),
        (
            "04115608.X",
            "8位专利申请号的前2位是1985—2003年的年份，“04”不是；"
            "2003年10月1日以后受理的申请号为12位。",
        ),
        (
            "201740601862.3",
            "专利申请号第5位是申请种类号，只能是 1（发明）、2（实用新型）、3（外观设计）、"
            "8（PCT 发明）或 9（PCT 实用新型），当前为“4”。",
        ),
        (
            "95015608.X",
            "专利申请号第3位是申请种类号，只能是 1（发明）、2（实用新型）、3（外观设计）、"
            "8（PCT 发明）或 9（PCT 实用新型），当前为“0”。",
        ),
        ("201710601862.4", "专利申请号校验位不正确，请核对。"),
        ("201811564288.0", "专利申请号校验位不正确，请核对。"),
        ("95115608.9", "专利申请号校验位不正确，请核对。"),
    ],
)
def test_application_number_errors(raw: str, message: str) -> None:
    error = _error(validate_patent_application_number, raw)
    assert error.field == "application_number"
    assert error.message == message


def test_application_number_error_uses_the_given_field() -> None:
    error = _error(validate_patent_application_number, "1", field="ip_numbers.0.number")
    assert error.field == "ip_numbers.0.number"


def test_application_number_in_the_future_is_refused_when_today_is_known() -> None:
    body = "202710012345"
    number = f"{body}.{patent_check_digit(body)}"
    assert validate_patent_application_number(number) == number
    error = _error(validate_patent_application_number, number, today=TODAY)
    assert error.message == "专利申请号中的年份 2027 晚于今年，请核对。"
    assert validate_patent_application_number(number, today=date(2027, 1, 1)) == number


@pytest.mark.parametrize(
    "number, declared, message",
    [
        (
            "202220828888.8",
            "invention_patent",
            "申请号第5位为“2”，表示实用新型专利申请，与成果类型“发明专利”不符。",
        ),
        (
            "201710601862.3",
            "utility_model",
            "申请号第5位为“1”，表示发明专利申请，与成果类型“实用新型专利”不符。",
        ),
        (
            "202230203004.5",
            "invention_patent",
            "申请号第5位为“3”，表示外观设计专利申请，与成果类型“发明专利”不符。",
        ),
        (
            "201710601862.3",
            "design",
            "申请号第5位为“1”，表示发明专利申请，与成果类型“外观设计专利”不符。",
        ),
        (
            "99113861.9",
            "design",
            "申请号第3位为“1”，表示发明专利申请，与成果类型“外观设计专利”不符。",
        ),
    ],
)
def test_type_digit_must_agree_with_the_declared_kind(
    number: str, declared: str, message: str
) -> None:
    error = _error(validate_patent_application_number, number, declared_kind=declared)
    assert error.field == "application_number"
    assert error.message == message


@pytest.mark.parametrize("declared", ["software_copyright", "know_how", "other", None])
def test_kinds_that_are_not_patents_are_not_compared(declared: str | None) -> None:
    assert (
        validate_patent_application_number("202220828888.8", declared_kind=declared)
        == "202220828888.8"
    )


@pytest.mark.parametrize(
    "type_digit, kind, declared_ok, declared_wrong",
    [
        ("8", "invention_patent", "invention_patent", "utility_model"),
        ("9", "utility_model", "utility_model", "invention_patent"),
    ],
)
def test_pct_national_phase_numbers(
    type_digit: str, kind: str, declared_ok: str, declared_wrong: str
) -> None:
    # synthetic: built with the rule verified above on published numbers
    body = f"2018{type_digit}0012345"
    number = f"{body}.{patent_check_digit(body)}"
    assert validate_patent_application_number(number, declared_kind=declared_ok) == number
    assert patent_application_kind(number) == kind
    assert is_pct_national_phase(number)
    error = _error(validate_patent_application_number, number, declared_kind=declared_wrong)
    assert "进入中国国家阶段的 PCT" in error.message


@pytest.mark.parametrize(
    "number, year",
    [
        ("201710601862.3", 2017),
        ("200510096239.4", 2005),
        ("95115608.X", 1995),
        ("99113861.9", 1999),
        ("01105715.7", 2001),
        ("00125301.8", 2000),
    ],
)
def test_application_year(number: str, year: int) -> None:
    assert patent_application_year(number) == year


@pytest.mark.parametrize("bad", ["ZL201710601862.3", "2017106018623", "2017106018.3", ""])
def test_helpers_need_a_canonical_number(bad: str) -> None:
    for helper in (patent_application_kind, is_pct_national_phase, patent_application_year):
        with pytest.raises(ValueError, match="canonical"):
            helper(bad)


def test_type_digits_map_onto_patent_kinds() -> None:
    assert set(APPLICATION_TYPE_DIGITS) == set("12389")
    assert set(APPLICATION_TYPE_DIGITS.values()) == set(PATENT_KINDS)


# --- 专利申请号: properties of the check character -------------------------------------------

_TYPE = st.sampled_from("12389")
_BODY_12 = st.builds(
    lambda year, kind, serial: f"{year}{kind}{serial:07d}",
    st.integers(2003, 2099),
    _TYPE,
    st.integers(0, 9_999_999),
)
_BODY_8 = st.builds(
    lambda year, kind, serial: f"{year % 100:02d}{kind}{serial:05d}",
    st.integers(1985, 2003),
    _TYPE,
    st.integers(0, 99_999),
)
_BODY = st.one_of(_BODY_12, _BODY_8)


def _weights(body: str) -> tuple[int, ...]:
    return WEIGHTS_12 if len(body) == 12 else WEIGHTS_8


def _number(body: str) -> str:
    return f"{body}.{patent_check_digit(body)}"


@given(_BODY)
def test_a_computed_check_digit_always_validates(body: str) -> None:
    number = _number(body)
    assert validate_patent_application_number(number) == number
    assert validate_patent_application_number(f"ZL {number.lower()}") == number
    full_width = number.translate({cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)})
    assert validate_patent_application_number(full_width) == number
    assert validate_patent_application_number(number.replace(".", "")) == number
    type_digit = body[4] if len(body) == 12 else body[2]
    assert patent_application_kind(number) == APPLICATION_TYPE_DIGITS[type_digit]


@given(_BODY, st.data())
def test_every_single_digit_change_is_caught(body: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, len(body) - 1))
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != body[position]))
    changed = body[:position] + digit + body[position + 1 :]
    assert patent_check_digit(changed) != patent_check_digit(body)
    with pytest.raises(ValidationError):
        validate_patent_application_number(f"{changed}.{patent_check_digit(body)}")


@given(_BODY, st.sampled_from("0123456789X"))
def test_every_change_of_the_check_character_is_caught(body: str, check: str) -> None:
    assume(check != patent_check_digit(body))
    with pytest.raises(ValidationError):
        validate_patent_application_number(f"{body}.{check}")


def _swap(text: str, i: int, j: int) -> str:
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


@given(_BODY, st.data())
def test_adjacent_swaps_are_always_caught(body: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(body) - 2))
    assume(body[i] != body[i + 1])
    swapped = _swap(body, i, i + 1)
    assert patent_check_digit(swapped) != patent_check_digit(body)
    with pytest.raises(ValidationError):
        validate_patent_application_number(f"{swapped}.{patent_check_digit(body)}")


@given(_BODY, st.data())
def test_a_swap_is_caught_exactly_when_the_weights_differ(body: str, data: st.DataObject) -> None:
    """mod 11: swapping digits a ≠ b at positions i, j changes the sum by (a − b)(wᵢ − wⱼ), which
    is 0 modulo 11 only when wᵢ = wⱼ (positions 1↔9, 2↔10, 3↔11, 4↔12 of the 12-digit form)."""
    weights = _weights(body)
    i, j = data.draw(
        st.lists(st.integers(0, len(body) - 1), min_size=2, max_size=2, unique=True).map(sorted)
    )
    assume(body[i] != body[j])
    swapped = _swap(body, i, j)
    caught = patent_check_digit(swapped) != patent_check_digit(body)
    assert caught == (weights[i] != weights[j])


def test_the_blind_spot_is_real() -> None:
    # positions 3 and 11 (both weight 4): 201710601862 → 206710601812, same check character
    body = "201710601862"
    swapped = _swap(body, 2, 10)
    assert swapped == "206710601812"
    assert patent_check_digit(swapped) == patent_check_digit(body) == "3"


@given(_BODY, st.data())
def test_a_swap_with_the_check_digit_is_always_caught(body: str, data: st.DataObject) -> None:
    """(1 + wᵢ)(c − a) would have to be 0 modulo 11, and 1 + wᵢ is never 11."""
    check = patent_check_digit(body)
    assume(check != "X")
    i = data.draw(st.integers(0, len(body) - 1))
    assume(body[i] != check)
    swapped = body[:i] + check + body[i + 1 :]
    assert patent_check_digit(swapped) != body[i]
    with pytest.raises(ValidationError):
        validate_patent_application_number(f"{swapped}.{body[i]}")


@given(_BODY, st.data())
def test_twin_errors_are_caught_unless_the_weights_add_up_to_11(
    body: str, data: st.DataObject
) -> None:
    """aa → bb at positions i, i+1 changes the sum by (b − a)(wᵢ + wᵢ₊₁)."""
    weights = _weights(body)
    i = data.draw(st.integers(0, len(body) - 2))
    twin = data.draw(st.sampled_from("0123456789"))
    other = data.draw(st.sampled_from("0123456789").filter(lambda d: d != twin))
    before = body[:i] + twin + twin + body[i + 2 :]
    after = body[:i] + other + other + body[i + 2 :]
    caught = patent_check_digit(before) != patent_check_digit(after)
    assert caught == ((weights[i] + weights[i + 1]) % 11 != 0)


# --- 授权公告号 / 公布号 ------------------------------------------------------------------

PUBLISHED_DOCUMENTS = [
    # (as published, canonical, kind); the application numbers above are for the same patents
    ("CN 116455754 B", "CN116455754B", "invention_patent"),  # 202310397744.0
    ("CN110941994B", "CN110941994B", "invention_patent"),  # 201911044411.X
    ("CN108182316B", "CN108182316B", "invention_patent"),  # 201711439836.1
    ("CN 112856361 B", "CN112856361B", "invention_patent"),  # 202110251250.2
    ("CN 120551632 B", "CN120551632B", "invention_patent"),  # 202511071601.6
    ("CN112534743B", "CN112534743B", "invention_patent"),
    ("CN 112029006 B", "CN112029006B", "invention_patent"),
    ("CN 110092777 B", "CN110092777B", "invention_patent"),
    ("CN 216979871 U", "CN216979871U", "utility_model"),  # 202220828888.8
    ("CN212520711U", "CN212520711U", "utility_model"),  # 202021067017.6
    ("CN212748439U", "CN212748439U", "utility_model"),
    ("CN 204260680 U", "CN204260680U", "utility_model"),
]


@pytest.mark.parametrize("raw, canonical, kind", PUBLISHED_DOCUMENTS)
def test_published_grant_numbers(raw: str, canonical: str, kind: str) -> None:
    assert validate_patent_document_number(raw) == canonical
    assert validate_patent_document_number(raw, declared_kind=kind) == canonical
    assert patent_document_kind(canonical) == kind


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("cn 116455754 b", "CN116455754B"),
        ("ＣＮ１１６４５５７５４Ｂ", "CN116455754B"),
        ("116455754B", "CN116455754B"),
        ("CN1234567C", "CN1234567C"),  # the 7-digit numbers used until about 2007
        ("CN2345678Y", "CN2345678Y"),
        ("CN3456789D", "CN3456789D"),
        ("CN305123456S", "CN305123456S"),
    ],
)
def test_grant_number_forms(raw: str, canonical: str) -> None:
    assert validate_patent_document_number(raw) == canonical


def test_publication_numbers_only_when_allowed() -> None:
    error = _error(validate_patent_document_number, "CN 120551632 A")
    assert error.field == "grant_number"
    assert error.message == (
        "以 A 结尾的是发明专利申请的公布号，不是授权公告号；"
        "发明专利的授权公告号以 B（2010年以前为 C）结尾。"
    )
    assert (
        validate_patent_document_number("CN 120551632 A", allow_publication=True) == "CN120551632A"
    )


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "请填写授权公告号。"),
        ("CN", "授权公告号应为 CN、9位（2007年以前为7位）数字和文献种类代码，如 CN116455754B。"),
        (
            "ZL202310397744.0",
            "授权公告号应为 CN、9位（2007年以前为7位）数字和文献种类代码，如 CN116455754B。",
        ),
        (
            "CN116455754BB",
            "授权公告号应为 CN、9位（2007年以前为7位）数字和文献种类代码，如 CN116455754B。",
        ),
        ("CN11645575B", "授权公告号中的数字应为9位（2007年以前为7位），当前为8位。"),
        ("CN1164557541B", "授权公告号中的数字应为9位（2007年以前为7位），当前为10位。"),
        (
            "CN416455754B",
            "授权公告号的第一位数字表示专利类型：1（发明）、2（实用新型）、3（外观设计），"
            "当前为“4”。",
        ),
        ("CN116455754", "授权公告号末尾缺少文献种类代码（发明专利为 B、C）。"),
        ("CN216979871", "授权公告号末尾缺少文献种类代码（实用新型专利为 U、Y）。"),
        (
            "CN216979871B",
            "以“2”开头的是实用新型专利文献，种类代码应为 U、Y，不能是“B”。",
        ),
        (
            "CN216979871A",
            "以“2”开头的是实用新型专利文献，种类代码应为 U、Y，不能是“A”。",
        ),
        (
            "CN116455754U",
            "以“1”开头的是发明专利文献，种类代码应为 B、C，不能是“U”。",
        ),
        (
            "CN305123456B",
            "以“3”开头的是外观设计专利文献，种类代码应为 S、D，不能是“B”。",
        ),
    ],
)
def test_grant_number_errors(raw: str, message: str) -> None:
    error = _error(validate_patent_document_number, raw)
    assert error.field == "grant_number"
    assert error.message == message


def test_grant_number_must_agree_with_the_declared_kind() -> None:
    error = _error(
        validate_patent_document_number, "CN216979871U", declared_kind="invention_patent"
    )
    assert error.message == "授权公告号以“2”开头，是实用新型专利，与成果类型“发明专利”不符。"
    assert (
        validate_patent_document_number("CN216979871U", declared_kind="software_copyright")
        == "CN216979871U"
    )


@pytest.mark.parametrize("bad", ["CN416455754B", "ZL116455754B", ""])
def test_document_kind_needs_a_canonical_number(bad: str) -> None:
    with pytest.raises(ValueError, match="canonical"):
        patent_document_kind(bad)


# --- 软件著作权登记号 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("2023SR0123456", "2023SR0123456"),
        ("2021SR0164984", "2021SR0164984"),  # published
        ("2021SR1447927", "2021SR1447927"),  # published
        ("2012SR040914", "2012SR040914"),  # published, 6-digit serial
        ("2008SRBJ0833", "2008SRBJ0833"),  # published, Beijing office code
        ("2021sr 0805085", "2021SR0805085"),
        ("２０２１ＳＲ０１６４９８４", "2021SR0164984"),
        (" 2021SR0164984号", "2021SR0164984"),
    ],
)
def test_software_registration_numbers(raw: str, canonical: str) -> None:
    assert validate_software_registration_number(raw, today=TODAY) == canonical


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "请填写软件著作权登记号。"),
        (
            "软著登字第1234567号",
            "这是登记证书号（软著登字第…号），请填写证书上的登记号，如 2023SR0123456。",
        ),
        ("2023SR012", "软件著作权登记号应为4位年份、SR 和4—7位流水号，如 2023SR0123456。"),
        ("2023SR01234567", "软件著作权登记号应为4位年份、SR 和4—7位流水号，如 2023SR0123456。"),
        ("SR0123456", "软件著作权登记号应为4位年份、SR 和4—7位流水号，如 2023SR0123456。"),
        ("2023RS0123456", "软件著作权登记号应为4位年份、SR 和4—7位流水号，如 2023SR0123456。"),
        ("1990SR012345", "软件著作权登记号中的年份 1990 早于1991年，请核对。"),
        ("2027SR0123456", "软件著作权登记号中的年份 2027 晚于今年，请核对。"),
    ],
)
def test_software_registration_number_errors(raw: str, message: str) -> None:
    error = _error(validate_software_registration_number, raw, today=TODAY)
    assert error.field == "software_registration_number"
    assert error.message == message


# --- 集成电路布图设计登记号 ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("BS.185559220", "BS.185559220"),  # published
        ("BS.235012345", "BS.235012345"),
        ("bs185559220", "BS.185559220"),
        ("185559220", "BS.185559220"),
        ("BS.18555922.0", "BS.185559220"),
        ("ＢＳ．１８５５５９２２０", "BS.185559220"),
        ("BS. 2350 1234 x", "BS.23501234X"),
    ],
)
def test_layout_design_numbers(raw: str, canonical: str) -> None:
    assert validate_layout_design_number(raw) == canonical


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "请填写布图设计登记号。"),
        ("BS.18555922", "布图设计登记号应为 BS. 加9位（最后一位可为 X），如 BS.185559220。"),
        ("BS.1855592201", "布图设计登记号应为 BS. 加9位（最后一位可为 X），如 BS.185559220。"),
        ("BT.185559220", "布图设计登记号应为 BS. 加9位（最后一位可为 X），如 BS.185559220。"),
        ("BS.18555922Y", "布图设计登记号应为 BS. 加9位（最后一位可为 X），如 BS.185559220。"),
    ],
)
def test_layout_design_number_errors(raw: str, message: str) -> None:
    error = _error(validate_layout_design_number, raw)
    assert error.field == "layout_design_number"
    assert error.message == message


def test_layout_design_last_character_is_not_checked() -> None:
    # documented as lenient: any last digit is accepted
    assert validate_layout_design_number("BS.185559221") == "BS.185559221"


# --- 植物新品种权号 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, canonical",
    [
        ("CNA20080376.X", "CNA20080376.X"),  # published
        ("CNA20191006012", "CNA20191006012"),  # published, newer form without a dot
        ("CNA20191003728", "CNA20191003728"),  # published
        ("CNA20191234.5", "CNA20191234.5"),
        ("cna 20080376.x", "CNA20080376.X"),
        ("ＣＮＡ２００８０３７６．Ｘ", "CNA20080376.X"),
        ("20190123", "20190123"),  # forestry form, accepted as typed
    ],
)
def test_plant_variety_numbers(raw: str, canonical: str) -> None:
    assert validate_plant_variety_number(raw, today=TODAY) == canonical


_PLANT_FORMAT = (
    "品种权号应为 CNA、4位年份和流水号（可带“.”和校验位），如 CNA20080376.X；"
    "林业植物新品种权号为不带字母的数字。"
)


@pytest.mark.parametrize(
    "raw, message",
    [
        ("", "请填写品种权号。"),
        ("CNB20080376.X", _PLANT_FORMAT),
        ("CNA2008037", _PLANT_FORMAT),
        ("CNA20080376.Y", _PLANT_FORMAT),
        ("CNA20080376X", _PLANT_FORMAT),
        ("CNA2008037612345", _PLANT_FORMAT),
        ("CNA19901234.5", "品种权号中的年份 1990 早于1997年（植物新品种保护条例施行），请核对。"),
        ("12345678", "品种权号中的年份 1234 早于1997年（植物新品种保护条例施行），请核对。"),
        ("CNA20271234.5", "品种权号中的年份 2027 晚于今年，请核对。"),
    ],
)
def test_plant_variety_number_errors(raw: str, message: str) -> None:
    error = _error(validate_plant_variety_number, raw, today=TODAY)
    assert error.field == "plant_variety_number"
    assert error.message == message

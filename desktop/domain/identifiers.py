"""Chinese identifiers: 统一社会信用代码 (GB 32100-2015) and 居民身份证号 (GB 11643-1999)."""

from __future__ import annotations

from datetime import date

from desktop.errors import ValidationError

CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"

# Codes are often typed with a Chinese input method still on, which yields full-width forms.
_HALF_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def credit_code_check_char(first17: str) -> str:
    """The 18th character for 17 characters drawn from ``CREDIT_CODE_CHARSET``."""
    if len(first17) != 17:
        raise ValueError("need exactly 17 characters")
    total = sum(
        CREDIT_CODE_CHARSET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def validate_credit_code(text: str) -> str:
    """The normalised code, or ValidationError("credit_code", …)."""
    code = to_half_width(text).strip().upper()
    if not code:
        raise ValidationError("credit_code", "请填写统一社会信用代码。")
    if len(code) != 18:
        raise ValidationError("credit_code", f"统一社会信用代码应为18位，当前为{len(code)}位。")
    for position, char in enumerate(code, start=1):
        if char not in CREDIT_CODE_CHARSET:
            raise ValidationError(
                "credit_code",
                f"第{position}位“{char}”不是统一社会信用代码中的字符"
                "（只能是数字和除 I、O、Z、S、V 以外的大写字母）。",
            )
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError("credit_code", "统一社会信用代码校验位不正确，请核对。")
    return code


def id_number_check_char(first17: str) -> str:
    """The 18th character (ISO 7064 MOD 11-2) for 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def validate_id_number(text: str, *, today: date) -> str:
    """The normalised number (upper-case X), or ValidationError("id_number", …)."""
    number = to_half_width(text).strip().upper()
    if not number:
        raise ValidationError("id_number", "请填写居民身份证号。")
    if len(number) != 18:
        raise ValidationError("id_number", f"居民身份证号应为18位，当前为{len(number)}位。")
    body, last = number[:17], number[17]
    if not (body.isascii() and body.isdigit()):
        raise ValidationError("id_number", "居民身份证号前17位只能是数字。")
    if not (last == "X" or (last.isascii() and last.isdigit())):
        raise ValidationError("id_number", "居民身份证号最后一位只能是数字或 X。")
    try:
        born = date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        raise ValidationError(
            "id_number", "居民身份证号中的出生日期（第7–14位）不是有效日期。"
        ) from None
    if born > today:
        raise ValidationError("id_number", "居民身份证号中的出生日期晚于今天，请核对。")
    if id_number_check_char(body) != last:
        raise ValidationError("id_number", "居民身份证号校验位不正确，请核对。")
    return number

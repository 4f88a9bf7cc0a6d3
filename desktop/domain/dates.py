"""Dates as Chinese documents write them (2026年1月5日, without leading zeros), and dates as
people type them."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime

from desktop.domain.identifiers import to_half_width

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


class NoSuchDay(ValueError):
    """Written like a date, but the day does not exist (2024-02-30)."""


def parse_date(text: str) -> date | None:
    """A date typed as 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日 or 20240315 (full-width
    digits too); None when blank. Anything else raises ValueError; a day that does not exist,
    NoSuchDay. The one reading of typed dates: the forms and the spreadsheet import use it."""
    text = to_half_width(text).strip()
    if not text:
        return None
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise NoSuchDay(text) from None


def format_cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_iso_date(iso: str | None) -> str:
    """An ISO date as data stores it, written the Chinese way; "" when there is none."""
    return format_cn_date(date.fromisoformat(iso)) if iso else ""


def format_cn_datetime(dt: datetime) -> str:
    """Wall-clock time as stored; the caller converts to local time first if it needs to."""
    return f"{format_cn_date(dt)} {dt:%H:%M}"


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (or earlier, if negative), or the last day of that month when
    it is shorter (民法典 第202条; legal-rules D3): 2025-01-31 + 1 → 2025-02-28.

    Raises ValueError when the result falls outside the years 1–9999.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    month = month0 + 1
    return date(year, month, min(d.day, monthrange(year, month)[1]))


def add_years(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    return add_months(d, 12 * years)

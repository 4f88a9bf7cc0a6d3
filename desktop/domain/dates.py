"""Dates as Chinese documents write them: 2026年1月5日, without leading zeros."""

from __future__ import annotations

from datetime import date, datetime


def format_cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_cn_datetime(dt: datetime) -> str:
    """Wall-clock time as stored; the caller converts to local time first if it needs to."""
    return f"{format_cn_date(dt)} {dt:%H:%M}"

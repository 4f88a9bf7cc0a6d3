"""Unit settings with their defaults and limits."""

from __future__ import annotations

from desktop.errors import ValidationError

IDLE_LOCK_DEFAULT = 5
IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 30
DEFAULTS: dict[str, object] = {"idle_lock_minutes": IDLE_LOCK_DEFAULT}


def validate_idle_lock_minutes(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("idle_lock_minutes", "自动锁定时间须为整数分钟。")
    if not IDLE_LOCK_MIN <= value <= IDLE_LOCK_MAX:
        raise ValidationError(
            "idle_lock_minutes",
            f"自动锁定时间须在 {IDLE_LOCK_MIN}–{IDLE_LOCK_MAX} 分钟之间。",
        )
    return value

"""Unit settings with their defaults and limits.

Publicity periods are unit parameters: the Liaoning measures say "公示" without a period, and the
national sources differ (see ../shared/legal-rules.md 5.6, 6.2 and 103号). The defaults are the
common practice and each unit sets its own.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.errors import ValidationError

IDLE_LOCK_DEFAULT = 5
IDLE_LOCK_MIN = 1
IDLE_LOCK_MAX = 30
PUBLICITY_MIN = 1
PUBLICITY_MAX = 90

DEFAULTS: dict[str, object] = {
    "idle_lock_minutes": IDLE_LOCK_DEFAULT,
    # 协议定价公示 (calendar days), 奖励公示 (working days), 赋权公示 (calendar days)
    "publicity_days_pricing": 15,
    "publicity_workdays_reward": 15,
    "publicity_days_grant": 15,
    # Whether one account may hold several roles (never two of the three administrators).
    "several_roles_allowed": True,
}


def validate_idle_lock_minutes(value: object) -> int:
    return _int_between(
        "idle_lock_minutes", value, IDLE_LOCK_MIN, IDLE_LOCK_MAX, "自动锁定时间", "分钟"
    )


def _int_between(key: str, value: object, low: int, high: int, name: str, unit: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(key, f"{name}须为整数{unit}。")
    if not low <= value <= high:
        raise ValidationError(key, f"{name}须在 {low}–{high} {unit}之间。")
    return value


def _bool(key: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(key, "请选择是或否。")
    return value


_VALIDATORS: dict[str, Callable[[object], object]] = {
    "idle_lock_minutes": validate_idle_lock_minutes,
    "publicity_days_pricing": lambda v: _int_between(
        "publicity_days_pricing", v, PUBLICITY_MIN, PUBLICITY_MAX, "协议定价公示期", "日"
    ),
    "publicity_workdays_reward": lambda v: _int_between(
        "publicity_workdays_reward", v, PUBLICITY_MIN, PUBLICITY_MAX, "奖励公示期", "个工作日"
    ),
    "publicity_days_grant": lambda v: _int_between(
        "publicity_days_grant", v, PUBLICITY_MIN, PUBLICITY_MAX, "赋权公示期", "日"
    ),
    "several_roles_allowed": lambda v: _bool("several_roles_allowed", v),
}
assert _VALIDATORS.keys() == DEFAULTS.keys()


def validate_setting(key: str, value: object) -> object:
    if key not in _VALIDATORS:
        raise ValidationError(key, "未知的设置项。")
    return _VALIDATORS[key](value)

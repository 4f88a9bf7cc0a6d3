"""Checks shared by every place that sets a passphrase."""

from __future__ import annotations

from desktop.domain.passphrase import assess
from desktop.errors import ValidationError


def check_new_passphrase(passphrase: str, repeat: str, *, login: str, display_name: str) -> None:
    result = assess(passphrase, login=login, display_name=display_name)
    if not result.ok:
        raise ValidationError("passphrase", result.problems[0])
    if passphrase != repeat:
        raise ValidationError("passphrase_repeat", "两次输入的口令不一致。")

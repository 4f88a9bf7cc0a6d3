"""How long a user waits after failed logins.

The Argon2id key derivation already costs about half a second per guess; the growing wait on top
of it makes guessing at the keyboard slow and visible. The first two mistakes cost nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

FREE_FAILURES = 2
MAX_DELAY_SECONDS = 300


def delay_seconds(failures: int) -> int:
    """The wait after ``failures`` consecutive failures: 0, 0, 2, 4, 8 … up to five minutes."""
    if failures <= FREE_FAILURES:
        return 0
    return min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS)


def seconds_left(failures: int, last_failure: datetime | None, now: datetime) -> int:
    if last_failure is None:
        return 0
    until = last_failure + timedelta(seconds=delay_seconds(failures))
    left = (until - now).total_seconds()
    # A clock set back must not lock anyone out for longer than the longest wait.
    return max(0, min(MAX_DELAY_SECONDS, int(left + 0.999)))

"""The line every benchmark prints first: what machine the figures come from."""

from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path


def cpu_and_system() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def with_sqlite() -> str:
    """The machine, and both SQLite versions a database benchmark compares."""
    from sqlcipher3 import dbapi2

    return (
        f"{cpu_and_system()}, SQLCipher's SQLite {dbapi2.sqlite_version}, "
        f"stdlib SQLite {sqlite3.sqlite_version}"
    )

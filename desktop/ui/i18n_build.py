"""Refresh the zh_CN catalogue from the sources and compile it (``make translations``).

lupdate keeps existing translations; new strings arrive as ``unfinished`` and a test fails
until they are translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "transfer_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))


def update(ts: Path = TS) -> None:
    subprocess.run(
        [tool("lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


if __name__ == "__main__":
    update()
    release()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")

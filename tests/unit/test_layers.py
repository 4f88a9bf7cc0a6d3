"""Dependencies run one way: the core has no Qt, only db/ talks SQL, the UI never reaches db/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The core: no Qt, no SQL, and nothing from the layers above it.
CORE_BANNED = ("PySide6", "sqlalchemy", "sqlcipher3", "db", "desktop.services", "desktop.ui")
RULES = {
    "desktop/domain": CORE_BANNED,
    "desktop/reports": CORE_BANNED,
    "desktop/exchange": ("PySide6", "sqlalchemy", "sqlcipher3", "desktop.ui"),
    "desktop/sealing": ("PySide6", "sqlalchemy", "sqlcipher3", "db", "desktop.ui"),
    "desktop/services": ("PySide6", "sqlalchemy", "sqlcipher3", "desktop.ui"),
    "desktop/ui": ("db", "sqlalchemy", "sqlcipher3"),
    "db": ("PySide6", "desktop.ui", "desktop.services"),
}


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def violations(folder: str, banned: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in imported_modules(path):
            if any(name == b or name.startswith(b + ".") for b in banned):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


@pytest.mark.parametrize(("folder", "banned"), RULES.items())
def test_imports_follow_the_layers(folder: str, banned: tuple[str, ...]) -> None:
    assert violations(folder, banned) == []


def test_the_check_itself_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlalchemy.orm\n", "utf-8")
    assert imported_modules(bad) == ["PySide6.QtWidgets", "sqlalchemy.orm"]

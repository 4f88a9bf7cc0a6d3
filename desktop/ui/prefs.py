"""Per-machine preferences kept outside the vault (language only: nothing about records)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class Preferences:
    def __init__(self, path: Path) -> None:
        self._path = path

    def language(self) -> str:
        try:
            value = json.loads(self._path.read_text("utf-8")).get("language")
        except (OSError, ValueError, AttributeError):
            return DEFAULT_LANGUAGE
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._path.write_text(json.dumps({"language": language}), "utf-8")

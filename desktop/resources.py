"""Where the bundled resources (font, translations, templates, icons) live.

In the PyInstaller bundle: ``_MEIPASS/resources``. From the source tree (and an editable
install): ``resources/`` beside ``desktop/``. From an installed wheel (the offline wheel kit): the
package ``transfer_desk_resources`` that pyproject.toml maps resources/ to.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_SOURCE = Path(__file__).resolve().parent.parent / "resources"
_PACKAGE = "transfer_desk_resources"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    if _SOURCE.is_dir():
        return _SOURCE
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return _SOURCE


def resource_path(relative: str) -> Path:
    return resources_dir() / relative

"""The program's version, from one place: the package metadata (pyproject.toml's ``version``).

The PyInstaller bundle carries the metadata too (installers/pyinstaller/transfer-desk.spec), so
``--version``, the About dialog and the installers' file names agree.
"""

from __future__ import annotations

import importlib.metadata

DISTRIBUTION = "transfer-desk"


def version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # run from a source tree never installed
        return "0+unknown"

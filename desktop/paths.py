"""Where the vault and this machine's preferences live by default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "TransferDesk"


def default_vault_path() -> Path:
    # TRANSFER_DESK_HOME lets an office keep the vault on a dedicated (encrypted) drive.
    home = os.environ.get("TRANSFER_DESK_HOME")
    base = Path(home) if home else Path(user_data_dir(APP, appauthor=False))
    return base / "vault.db"


def preferences_path() -> Path:
    return Path(user_config_dir(APP, appauthor=False)) / "preferences.json"

"""Documents the user saves: rendered by reports/, written atomically."""

from __future__ import annotations

from pathlib import Path

from db.atomic import write_atomic
from desktop.services.setup import CreatedVault


class DocumentService:
    def save_recovery_sheet(self, path: Path, created: CreatedVault, unit_name: str) -> None:
        # reportlab is imported on first use: it costs ~0.1 s of start-up otherwise.
        from desktop.reports.recovery_sheet import render_recovery_sheet

        pdf = render_recovery_sheet(
            unit_name=unit_name,
            vault_id=created.vault_id,
            code=created.recovery_code,
            created_at=created.created_at,
        )
        write_atomic(path, pdf)

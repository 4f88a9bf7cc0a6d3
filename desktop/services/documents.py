"""Documents the user saves: rendered by reports/, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from db.atomic import write_atomic
from desktop.domain.achievements import KIND_NAMES
from desktop.domain.audit import AuditEntry
from desktop.domain.audit_diff import EntryLine, changes_in_words, field_changes
from desktop.domain.dates import format_cn_datetime
from desktop.domain.secrecy import carrier_mark
from desktop.services.audit import AuditExtract
from desktop.services.pool import PoolVersionExport
from desktop.services.setup import CreatedVault


def chinese_kind_name(code: str) -> str:
    return KIND_NAMES.get(code, code)


def plain_entry_line(entry: AuditEntry) -> EntryLine:
    """An entry in words without the UI's labels (codes as stored): for headless callers."""
    return EntryLine(
        seq=entry.seq,
        time=format_cn_datetime(datetime.fromisoformat(entry.ts)),
        person=entry.actor_name or entry.actor,
        action=entry.action,
        object=f"{entry.object_type} {entry.object_id}".strip(),
        changes=""
        if not entry.content_visible
        else changes_in_words(field_changes(entry.before, entry.after)),
        withheld=not entry.content_visible,
    )


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

    def save_audit_extract(
        self,
        path: Path,
        extract: AuditExtract,
        *,
        filter_text: str = "",
        describe: Callable[[AuditEntry], EntryLine] = plain_entry_line,
    ) -> None:
        """Render ``extract`` (from ``AuditService.extract``) and write it atomically to ``path``.
        ``describe`` puts an entry in words (the UI passes its labels)."""
        from desktop.reports.audit_extract import render_audit_extract

        pdf = render_audit_extract(
            unit_name=extract.unit_name,
            vault_id=extract.vault_id,
            exported_by=extract.exported_by,
            exported_at=extract.exported_at,
            filter_text=filter_text,
            head=extract.head,
            lines=[describe(entry) for entry in extract.entries],
            total=extract.total,
            mark=carrier_mark(extract.level),
        )
        write_atomic(path, pdf)

    def save_pool_version_pdf(
        self,
        path: Path,
        export: PoolVersionExport,
        *,
        kind_name: Callable[[str], str] = chinese_kind_name,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Render a published pool version (from ``PoolService.export_data``) as a PDF and
        write it atomically to ``path``; a cancelled rendering (``Cancelled``) writes nothing."""
        from desktop.reports.pool_version import render_pool_version

        pdf = render_pool_version(
            unit_name=export.unit_name,
            number=export.number,
            published_at=export.published,
            note=export.note,
            rule=export.rule,
            items=export.items,
            kind_name=kind_name,
            progress=progress,
            cancelled=cancelled,
        )
        write_atomic(path, pdf)

    def save_pool_version_xlsx(
        self,
        path: Path,
        export: PoolVersionExport,
        *,
        kind_name: Callable[[str], str] = chinese_kind_name,
    ) -> None:
        """Write a published pool version (from ``PoolService.export_data``) as an xlsx
        spreadsheet, atomically, to ``path``."""
        # openpyxl is imported on first use, as reportlab is.
        from desktop.exchange.pool_xlsx import write_pool_version

        data = write_pool_version(
            unit_name=export.unit_name,
            number=export.number,
            published_at=export.published,
            note=export.note,
            rule=export.rule,
            items=export.items,
            kind_name=kind_name,
        )
        write_atomic(path, data)

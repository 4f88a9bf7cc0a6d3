"""The technology-export catalogue check of a cooperation, one current check per object."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from db.schema import export_checks
from desktop.domain.gates import ExportCheck


def get(conn: Connection, object_type: str, object_id: str) -> ExportCheck | None:
    row = conn.execute(
        sa.select(export_checks).where(
            export_checks.c.object_type == object_type, export_checks.c.object_id == object_id
        )
    ).first()
    if row is None:
        return None
    return ExportCheck(
        row.category,
        row.catalogue_version,
        row.checked_on,
        row.licence_no,
        row.contract_registration_no,
    )


def put(
    conn: Connection,
    object_type: str,
    object_id: str,
    check: ExportCheck,
    *,
    recorded_by: str,
    recorded_at: str,
) -> None:
    conn.execute(
        sa.delete(export_checks).where(
            export_checks.c.object_type == object_type, export_checks.c.object_id == object_id
        )
    )
    conn.execute(
        sa.insert(export_checks).values(
            object_type=object_type,
            object_id=object_id,
            category=check.category,
            catalogue_version=check.catalogue_version,
            checked_on=check.checked_on,
            licence_no=check.licence_no,
            contract_registration_no=check.contract_registration_no,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )
    )

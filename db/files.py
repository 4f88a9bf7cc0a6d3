"""Files kept in the vault beside a record (the attachments of achievements and of decisions):
the same table shape, so one set of queries serves both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from desktop.domain.attachments import StoredFile


@dataclass(frozen=True)
class FileTable:
    table: Table
    owner: str  # the column naming the record a file belongs to

    def insert(
        self,
        conn: Connection,
        owner_id: int,
        *,
        filename: str,
        media_type: str,
        content: bytes,
        sha256: str,
        added_by: str,
        added_at: str,
    ) -> int:
        result = conn.execute(
            insert(self.table).values(
                {
                    self.owner: owner_id,
                    "filename": filename,
                    "media_type": media_type,
                    "size": len(content),
                    "sha256": sha256,
                    "content": content,
                    "added_by": added_by,
                    "added_at": added_at,
                }
            )
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def owned_by(self, conn: Connection, owner_id: int) -> list[StoredFile]:
        """Metadata only (never the bytes), in the order they were added."""
        rows = conn.execute(
            select(*self._info()).where(self.table.c[self.owner] == owner_id).order_by(self._id)
        )
        return [self._file(row) for row in rows]

    def get(self, conn: Connection, file_id: int) -> StoredFile | None:
        row = conn.execute(select(*self._info()).where(self._id == file_id)).first()
        return None if row is None else self._file(row)

    def content(self, conn: Connection, file_id: int) -> bytes | None:
        value = conn.execute(
            select(self.table.c.content).where(self._id == file_id)
        ).scalar_one_or_none()
        return None if value is None else bytes(value)

    def delete(self, conn: Connection, file_id: int) -> bool:
        """False when there was no such file. ``secure_delete`` overwrites the freed pages."""
        return conn.execute(delete(self.table).where(self._id == file_id)).rowcount > 0

    @property
    def _id(self) -> Any:
        return self.table.c.id

    def _info(self) -> list[Any]:
        names = ("id", self.owner, "filename", "media_type", "size", "sha256", "added_by")
        return [self.table.c[name] for name in (*names, "added_at")]

    def _file(self, row: Any) -> StoredFile:
        return StoredFile(
            id=row.id,
            owner_id=row._mapping[self.owner],
            filename=row.filename,
            media_type=row.media_type,
            size=row.size,
            sha256=row.sha256,
            added_by=row.added_by,
            added_at=row.added_at,
        )

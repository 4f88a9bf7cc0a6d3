"""The achievement register: list, search, read, register and change records.

Records above the reader's clearance are never listed, found, counted or opened; a researcher sees
and drafts only the records they registered."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypedDict

from db import achievements, audit, people, rights_grants, unit
from db.atomic import write_atomic
from db.audit import NewEntry
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.achievements import (
    Achievement,
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
    IpHolder,
    first_holders,
    ip_taken,
    next_status,
    snapshot,
    validate_registration,
)
from desktop.domain.dates import format_cn_datetime
from desktop.domain.permissions import (
    can_see,
    level_rank,
    may_open_record,
    require_level,
    sees_whole_register,
    visible_levels,
)
from desktop.domain.pool import cutoff as pool_cutoff
from desktop.errors import Cancelled, PermissionDenied, StorageError, ValidationError
from desktop.exchange.achievements_xlsx import (
    IP_NUMBERS,
    LEVEL,
    ImportPreview,
    RowProblem,
    department_index,
    describe_query,
    export_bytes,
    people_index,
    person_labels,
    read_import,
)
from desktop.exchange.make_template import TEMPLATE
from desktop.resources import resource_path
from desktop.services.base import Service

# Life-cycle steps an officer takes by hand; the rest follow from pricing and trading.
MANUAL_EVENTS = ("terminate", "reopen")


class AchievementService(Service):
    def count(self, actor: User, query: AchievementQuery) -> int:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.count(
                conn, query, pool_cutoff=self._pool_cutoff(), **self._scope(actor)
            )

    def page(
        self, actor: User, offset: int, limit: int, query: AchievementQuery
    ) -> list[AchievementRow]:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.list_page(
                conn,
                query,
                offset=offset,
                limit=limit,
                pool_cutoff=self._pool_cutoff(),
                **self._scope(actor),
            )

    def years(self, actor: User) -> list[int]:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.years(conn, **self._scope(actor))

    def get(self, actor: User, achievement_id: int) -> Achievement:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return self._visible(conn, actor, achievement_id)

    def create(self, actor: User, draft: AchievementDraft) -> int:
        self._authorize(actor, "achievement.edit")
        draft = validate_registration(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            self._check_references(conn, draft)
            self._check_ip_free(conn, actor, draft)
            achievement_id = achievements.insert_achievement(
                conn, draft, created_by=actor.id, created_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "achievement.created",
                "achievement",
                achievement_id,
                after=snapshot(draft),
                level=draft.level,
            )
        return achievement_id

    def update(self, actor: User, achievement_id: int, draft: AchievementDraft) -> None:
        self._authorize(actor, "achievement.edit")
        draft = validate_registration(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, achievement_id)
            if not sees_whole_register(actor) and before.status != "registered":
                raise PermissionDenied("成果已进入转化程序，请联系成果转化专员修改。")
            self._check_references(conn, draft)
            self._check_ip_free(conn, actor, draft, achievement_id)
            achievements.update_achievement(
                conn, achievement_id, draft, updated_at=self._timestamp()
            )
            rights_grants.follow_achievement(
                conn, achievement_id, level=draft.level, mark=draft.secrecy_mark
            )
            # The entry keeps the old content too: it is as secret as the higher of the two.
            level = max(before.draft.level, draft.level, key=level_rank)
            self._audit(
                conn,
                actor,
                "achievement.updated",
                "achievement",
                achievement_id,
                before=snapshot(before.draft),
                after=snapshot(draft),
                level=level,
            )

    # -- Excel in and out -------------------------------------------------------------------
    def preview_import(self, actor: User, path: Path) -> ImportPreview:
        """Read an import file and check every row; nothing is written. Rows above the actor's
        clearance are problems too (they could not be registered by this user), and so are IP
        numbers already registered or given twice in the file."""
        self._authorize(actor, "achievement.edit")
        with self._vault.read() as conn:
            active = people.list_page(
                conn, offset=0, limit=people.count(conn, active_only=True), active_only=True
            )
            departments = unit.department_choices(conn)
        preview = read_import(
            Path(path),
            people=people_index(active),
            departments=department_index(departments),
            today=self._now().date(),
        )
        with self._vault.read() as conn:
            holders = achievements.ip_holders(
                conn, [ip.number for r in preview.rows for ip in r.draft.ip_rights]
            )
        found: list[RowProblem] = []
        for r in preview.rows:
            if not can_see(actor, r.draft.level):
                found.append(RowProblem(r.row, LEVEL, "该成果的密级高于您的涉密等级，您不能登记。"))
            for ip in r.draft.ip_rights:
                taken = _taken(actor, ip.number, holders)
                if taken:
                    found.append(RowProblem(r.row, IP_NUMBERS, taken))
        numbered = [(r.row, [ip.number for ip in r.draft.ip_rights]) for r in preview.rows]
        for row, messages in first_holders(numbered).items():
            found += [RowProblem(row, IP_NUMBERS, m) for m in messages]
        if not found:
            return preview
        bad = {p.row for p in found}
        return replace(
            preview,
            rows=tuple(r for r in preview.rows if r.row not in bad),
            problems=tuple(sorted([*preview.problems, *found], key=lambda p: p.row)),
        )

    def import_rows(self, actor: User, preview: ImportPreview, *, only_good: bool) -> int:
        """Register the preview's good rows in one transaction: all of them or none. With
        problems in the file, ``only_good`` must be True (the user chose to skip the bad rows).
        Each record is audited as ``achievement.created`` with the reason "导入：FILE 第 N 行"."""
        self._authorize(actor, "achievement.edit")
        if preview.problems and not only_good:
            raise ValidationError(
                "import",
                f"文件中有 {len(preview.bad_rows)} 行有问题，未导入任何成果。"
                "请改正后重新导入，或选择只导入没有问题的行。",
            )
        if not preview.rows:
            raise ValidationError("import", "没有可以导入的成果。")
        today = self._now().date()
        drafts = []
        for row in preview.rows:  # checked again: the preview may be stale, or made by hand
            try:
                draft = validate_registration(row.draft, today=today)
            except ValidationError as e:
                raise ValidationError(e.field, f"第 {row.row} 行：{e.message}") from None
            require_level(actor, draft.level)
            drafts.append((row.row, draft))
        numbered = [(row, [ip.number for ip in d.ip_rights]) for row, d in drafts]
        twice = first_holders(numbered)
        if twice:
            row_number = min(twice)
            raise ValidationError("ip_rights", f"第 {row_number} 行：{twice[row_number][0]}")
        with self._vault.transaction() as conn:
            departments = dict(unit.department_choices(conn))
            known = {p.id for p in people.list_page(conn, offset=0, limit=people.count(conn))}
            holders = achievements.ip_holders(conn, [n for _, ns in numbered for n in ns])
            for row_number, draft in drafts:
                if draft.department_id is not None and draft.department_id not in departments:
                    raise ValidationError(
                        "department", f"第 {row_number} 行：所选部门不存在或已停用。"
                    )
                if any(c.person_id not in known for c in draft.completers):
                    raise ValidationError(
                        "completers", f"第 {row_number} 行：所选完成人不在人员名册中。"
                    )
                for ip in draft.ip_rights:
                    taken = _taken(actor, ip.number, holders)
                    if taken:
                        raise ValidationError("ip_rights", f"第 {row_number} 行：{taken}")
            now = self._timestamp()
            ids = achievements.insert_many(
                conn, [d for _, d in drafts], created_by=actor.id, created_at=now
            )
            audit.append_many(
                conn,
                [
                    NewEntry(
                        ts=now,
                        actor=actor.id,
                        action="achievement.created",
                        object_type="achievement",
                        object_id=str(achievement_id),
                        after=snapshot(draft),
                        reason=f"导入：{preview.source} 第 {row_number} 行",
                        level=draft.level,
                    )
                    for achievement_id, (row_number, draft) in zip(ids, drafts, strict=True)
                ],
            )
        self._vault.optimize()  # a large import changes what the query planner should choose
        return len(drafts)

    def save_import_template(self, actor: User, path: Path) -> None:
        """Copy the shipped import template to ``path``, written atomically. Not audited: the
        template holds no records."""
        self._authorize(actor, "achievement.edit")
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise ValidationError("file", "模板文件名须以 .xlsx 结尾。")
        try:
            data = resource_path(TEMPLATE).read_bytes()
        except OSError as e:
            raise StorageError(f"找不到程序自带的导入模板：{e.strerror or e}") from e
        write_atomic(path, data)

    def export_xlsx(
        self,
        actor: User,
        path: Path,
        query: AchievementQuery,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write the list as the actor sees it (filter and clearance) to an xlsx file; returns
        how many records it holds. Audited as ``achievement.exported`` (file, filter, count) at
        the highest level exported; if the file cannot be written, nothing is recorded.

        100,000 records take about half a minute: ``progress(done, total)`` counts each record
        twice (read, then written), and ``cancelled`` is asked as often; when it says yes,
        ``Cancelled`` is raised before anything is written or recorded."""
        self._authorize(actor, "achievement.read")
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            raise ValidationError("file", "导出文件名须以 .xlsx 结尾。")
        scope = self._scope(actor)
        # Read in one snapshot, build the file in memory, then record and write it in one short
        # write transaction (a large export does not hold up other writers while it is built).
        with self._vault.read() as conn:
            pool_cutoff = self._pool_cutoff()
            total = achievements.count(conn, query, pool_cutoff=pool_cutoff, **scope)
            rows = achievements.list_page(
                conn, query, offset=0, limit=total, pool_cutoff=pool_cutoff, **scope
            )
            steps = 2 * len(rows)

            def step(done: int) -> None:
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(done, steps)

            records = achievements.get_many(conn, [row.id for row in rows], on_chunk=step)
            drafts = {achievement_id: found.draft for achievement_id, found in records.items()}
            everyone = people.list_page(conn, offset=0, limit=people.count(conn))
            department_names = {d.id: d.name for d in unit.list_departments(conn)}
        data = export_bytes(
            rows,
            drafts=drafts,
            person_labels=person_labels(everyone),
            filters=describe_query(query, department_names),
            exported_at=format_cn_datetime(self._now()),
            exported_by=actor.display_name,
            on_row=lambda n: step(len(rows) + n),
        )
        step(steps)
        written = False
        try:
            with self._vault.transaction() as conn:
                self._audit(
                    conn,
                    actor,
                    "achievement.exported",
                    "achievement",
                    "",
                    after={"file": str(path), "count": len(rows), "filter": _query_snapshot(query)},
                    # The count of classified records is itself not for everyone.
                    level=max((r.level for r in rows), key=level_rank, default="public"),
                )
                write_atomic(path, data)
                written = True
        except BaseException:
            if written:  # the file is out but its audit entry did not commit: take it back
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        return len(rows)

    def change_status(self, actor: User, achievement_id: int, event: str, reason: str) -> str:
        """Terminate a record or reopen a terminated one, with a reason; the other steps of the
        life cycle belong to the actions that cause them (pricing, trading), not to this method."""
        self._authorize(actor, "achievement.status")
        if event not in MANUAL_EVENTS:
            raise ValidationError("status", "该状态变化只能由相应的业务操作引起。")
        reason = reason.strip()
        if not reason:
            raise ValidationError("reason", "请填写理由。")
        with self._vault.transaction() as conn:
            found = self._visible(conn, actor, achievement_id)
            status = next_status(found.status, event)
            achievements.set_status(conn, achievement_id, status, updated_at=self._timestamp())
            self._audit(
                conn,
                actor,
                "achievement.status_changed",
                "achievement",
                achievement_id,
                before={"status": found.status},
                after={"status": status},
                reason=reason,
                level=found.draft.level,
            )
        return status

    # -- internals --------------------------------------------------------------------------
    def _pool_cutoff(self) -> dt.date:
        return pool_cutoff(self._now().date())

    @staticmethod
    def _scope(actor: User) -> _Scope:
        return {
            "levels": visible_levels(actor),
            "created_by": None if sees_whole_register(actor) else actor.id,
        }

    @staticmethod
    def _visible(conn: Conn, actor: User, achievement_id: int) -> Achievement:
        return visible_achievement(conn, actor, achievement_id)

    @staticmethod
    def _check_ip_free(
        conn: Conn, actor: User, draft: AchievementDraft, own_id: int | None = None
    ) -> None:
        holders = achievements.ip_holders(conn, [ip.number for ip in draft.ip_rights])
        for ip in draft.ip_rights:
            taken = _taken(actor, ip.number, holders, own_id)
            if taken:
                raise ValidationError("ip_rights", taken)

    @staticmethod
    def _check_references(conn: Conn, draft: AchievementDraft) -> None:
        if draft.department_id is not None and draft.department_id not in dict(
            unit.department_choices(conn)
        ):
            raise ValidationError("department", "所选部门不存在或已停用。")
        for completer in draft.completers:
            if people.get(conn, completer.person_id) is None:
                raise ValidationError("completers", "所选完成人不在人员名册中。")


def _taken(
    actor: User, number: str, holders: dict[str, tuple[int, str]], own_id: int | None = None
) -> str:
    """Why ``number`` cannot be registered (another record holds it), or "" when it can."""
    holder = holders.get(number)
    if holder is None or holder[0] == own_id:
        return ""
    held_by, level = holder
    return ip_taken(IpHolder(number, held_by, can_see(actor, level)))


def _query_snapshot(query: AchievementQuery) -> dict[str, object]:
    values = {
        "text": query.text.strip() or None,
        "kind": query.kind,
        "status": query.status,
        "level": query.level,
        "department_id": query.department_id,
        "year": query.year,
        "pool": query.pool,
    }
    return {k: v for k, v in values.items() if v is not None}


def visible_achievement(conn: Conn, actor: User, achievement_id: int) -> Achievement:
    """The record if the actor may open it. Not there, above the clearance, or someone else's
    draft all get the same answer, so the reply says nothing about what exists."""
    found = achievements.get(conn, achievement_id)
    if found is None or not may_open_record(actor, found.draft.level, found.created_by):
        raise PermissionDenied("该成果不存在，或您无权查看。")
    return found


class _Scope(TypedDict):
    levels: tuple[str, ...]
    created_by: str | None

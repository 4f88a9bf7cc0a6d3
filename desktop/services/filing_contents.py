"""What goes into a sealed filing for each record chosen: its data as JSON and its documents as
PDFs (plus an achievement's attachments), gathered through the services that own each kind, so
every permission and clearance check of theirs applies to the export as well."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from desktop.domain.accounts import User
from desktop.domain.achievements import AchievementQuery
from desktop.domain.filings import Item, jsonable, safe_file_name
from desktop.domain.permissions import allowed

Content = bytes | Callable[[], Any]
LIST_LIMIT = 100_000


@dataclass(frozen=True)
class Gathered:
    items: tuple[Item, ...]  # titles and levels as they stand now
    records: tuple[dict[str, object], ...]  # for filing.json
    files: tuple[tuple[str, bytes], ...]  # (name under data/, content)


class Contents:
    """Reads through the sibling services (``desktop.services.bundle`` hands them in)."""

    def __init__(self, services: Any, unit_name: Callable[[], str]) -> None:
        self._s = services
        self._unit_name = unit_name

    def candidates(self, actor: User) -> list[Item]:
        s = self._s
        found: list[Item] = []
        if allowed(actor, "achievement.read"):
            rows = s.achievements.page(actor, 0, LIST_LIMIT, AchievementQuery(sort="id"))
            found += [Item("achievement", r.id, r.title, r.level) for r in rows]
        if allowed(actor, "grant.read"):
            found += [
                Item("grant", g.id, _grant_title(g), g.level) for g in s.grants.visible(actor)
            ]
        if allowed(actor, "confidentiality.read"):
            found += [
                Item("confidentiality", c.id, f"{c.doc_no} {c.draft.party_name}", c.draft.level)
                for c in s.confidentiality.visible(actor)
            ]
        if allowed(actor, "transformation.read"):
            found += [
                Item("transformation", t.id, t.draft.title, t.level)
                for t in s.transformations.visible(actor)
            ]
        if allowed(actor, "reward.read"):
            found += [Item("reward", r.id, r.title, r.level) for r in s.rewards.visible(actor)]
        return sorted(found, key=lambda i: (i.kind, i.id))

    def gather(self, actor: User, items: Sequence[Item]) -> Gathered:
        records: list[dict[str, object]] = []
        files: list[tuple[str, bytes]] = []
        fresh: list[Item] = []
        unit = _UnitFacts(self._s, actor, self._unit_name)  # read once for all the sheets
        for item in items:
            item, record, documents = getattr(self, f"_{item.kind}")(actor, item.id, unit)
            folder = item.ref
            names = []
            for name, content in documents:
                path = f"{folder}/{name}"
                names.append(path)
                files.append((path, content))
            fresh.append(item)
            records.append(
                {
                    "kind": item.kind,
                    "id": item.id,
                    "title": item.title,
                    "level": item.level,
                    "record": jsonable(record),
                    "documents": names,
                }
            )
        return Gathered(tuple(fresh), tuple(records), tuple(files))

    # -- one kind each ----------------------------------------------------------------------
    def _achievement(
        self, actor: User, record_id: int, unit: _UnitFacts
    ) -> tuple[Item, object, list]:
        s = self._s
        found = s.achievements.get(actor, record_id)
        sheet = self._achievement_sheet(found, unit)
        documents: list[tuple[str, bytes]] = [("科技成果登记表.pdf", sheet)]
        for stored in s.achievement_files.list(actor, record_id):
            content = s.achievement_files.content(actor, stored.id)
            documents.append((f"附件/{stored.id}-{safe_file_name(stored.filename)}", content))
        item = Item("achievement", found.id, found.draft.title, found.draft.level)
        return item, found, documents

    @staticmethod
    def _achievement_sheet(found: Any, unit: _UnitFacts) -> bytes:
        from desktop.reports.filing_documents import render_achievement_sheet

        names = list(found.completer_names) + [""] * len(found.draft.completers)
        completers = [
            (names[n] or str(c.person_id), c.role, f"{c.share:f}%")
            for n, c in enumerate(found.draft.completers)
        ]
        return render_achievement_sheet(
            unit_name=unit.name,
            achievement=found,
            department=unit.departments.get(found.draft.department_id, ""),
            completers=completers,
            printed_at=found.updated_at,
        )

    def _grant(self, actor: User, record_id: int, _unit: _UnitFacts) -> tuple[Item, object, list]:
        view = self._s.grants.get(actor, record_id)
        grant = view.grant
        documents = [
            (f"{safe_file_name(grant.doc_no)}.pdf", self._s.grants.document(actor, record_id))
        ]
        return Item("grant", grant.id, _grant_title(grant), grant.level), grant, documents

    def _confidentiality(
        self, actor: User, record_id: int, _unit: _UnitFacts
    ) -> tuple[Item, object, list]:
        c = self._s.confidentiality.get(actor, record_id)
        pdf = self._s.confidentiality.document(actor, record_id)
        item = Item("confidentiality", c.id, f"{c.doc_no} {c.draft.party_name}", c.draft.level)
        return item, c, [(f"{safe_file_name(c.doc_no)}.pdf", pdf)]

    def _transformation(
        self, actor: User, record_id: int, _unit: _UnitFacts
    ) -> tuple[Item, object, list]:
        view = self._s.transformations.get(actor, record_id)
        t = view.transformation
        record = {"transformation": t, "ledger": view.entries, "receivables": view.receivables}
        pdf = self._s.evidence.document(actor, record_id)
        item = Item("transformation", t.id, t.draft.title, t.level)
        return item, record, [("尽职免责证明材料.pdf", pdf)]

    def _reward(self, actor: User, record_id: int, _unit: _UnitFacts) -> tuple[Item, object, list]:
        r = self._s.rewards.get(actor, record_id)
        pdf = self._s.rewards.document(actor, record_id, "statement")
        return Item("reward", r.id, r.title, r.level), r, [("奖励计算说明.pdf", pdf)]


class _UnitFacts:
    """The unit's name and departments, read on first use and then kept for one gathering."""

    def __init__(self, services: Any, actor: User, unit_name: Callable[[], str]) -> None:
        self._services, self._actor, self._unit_name = services, actor, unit_name

    @cached_property
    def name(self) -> str:
        return self._unit_name()

    @cached_property
    def departments(self) -> dict[int | None, str]:
        return dict(self._services.unit.departments(self._actor))


def _grant_title(grant: Any) -> str:
    title = getattr(grant, "achievement_title", "")
    return f"{grant.doc_no} {title}".strip()

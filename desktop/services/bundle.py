"""The services the UI is given, built once in app.py."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.audit import AuditService
from desktop.services.documents import DocumentService
from desktop.services.people import PeopleService
from desktop.services.session import SessionService
from desktop.services.settings import SettingsService
from desktop.services.setup import SetupService
from desktop.services.unit import UnitService


@dataclass(frozen=True)
class Services:
    setup: SetupService
    session: SessionService
    unit: UnitService
    settings: SettingsService
    people: PeopleService
    audit: AuditService
    documents: DocumentService

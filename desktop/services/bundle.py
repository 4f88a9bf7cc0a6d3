"""The services the program uses, built once by the composition root (app.py, cli.py).

Qt-free, so the command line does not load Qt."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from types import SimpleNamespace

from db.kdf import KdfParams, calibrate
from db.vault import Vault
from desktop.services.accounts import AccountService
from desktop.services.achievement_files import AchievementFileService
from desktop.services.achievements import AchievementService
from desktop.services.approvals import ApprovalService
from desktop.services.audit import AuditService
from desktop.services.calendar import CalendarService
from desktop.services.confidentiality import ConfidentialityService
from desktop.services.counterparties import CounterpartyService
from desktop.services.decisions import DecisionService
from desktop.services.documents import DocumentService
from desktop.services.evidence import EvidenceService
from desktop.services.filings import FilingService
from desktop.services.people import PeopleService
from desktop.services.pool import PoolService
from desktop.services.rewards import RewardService
from desktop.services.rights_grants import RightsGrantService
from desktop.services.session import SessionService
from desktop.services.settings import SettingsService
from desktop.services.setup import SetupService
from desktop.services.todo import TodoService
from desktop.services.transformations import TransformationService
from desktop.services.unit import UnitService


@dataclass(frozen=True)
class Services:
    setup: SetupService
    session: SessionService
    accounts: AccountService
    unit: UnitService
    settings: SettingsService
    people: PeopleService
    achievements: AchievementService
    achievement_files: AchievementFileService
    pool: PoolService
    audit: AuditService
    approvals: ApprovalService
    decisions: DecisionService
    documents: DocumentService
    grants: RightsGrantService
    confidentiality: ConfidentialityService
    todo: TodoService
    counterparties: CounterpartyService
    calendar: CalendarService
    transformations: TransformationService
    evidence: EvidenceService
    rewards: RewardService
    filings: FilingService


def local_now() -> datetime:
    return datetime.now().astimezone()


def build_services(
    vault: Vault,
    *,
    now: Callable[[], datetime] = local_now,
    kdf: Callable[[], KdfParams] | None = None,
    randbytes: Callable[[int], bytes] = os.urandom,
) -> Services:
    # Calibrate the KDF once per run, and only when a slot is actually written.
    kdf = kdf or cache(calibrate)
    parts = dict(
        setup=SetupService(vault, now=now, kdf=kdf, randbytes=randbytes),
        session=SessionService(vault, now=now, kdf=kdf),
        accounts=AccountService(vault, now=now, kdf=kdf, randbytes=randbytes),
        unit=UnitService(vault, now=now),
        settings=SettingsService(vault, now=now),
        people=PeopleService(vault, now=now),
        achievements=AchievementService(vault, now=now),
        achievement_files=AchievementFileService(vault, now=now),
        pool=PoolService(vault, now=now),
        audit=AuditService(vault, now=now),
        approvals=ApprovalService(vault, now=now),
        decisions=DecisionService(vault, now=now),
        documents=DocumentService(),
        grants=RightsGrantService(vault, now=now),
        confidentiality=ConfidentialityService(vault, now=now),
        todo=TodoService(vault, now=now),
        counterparties=CounterpartyService(vault, now=now),
        calendar=CalendarService(vault, now=now),
        transformations=TransformationService(vault, now=now),
        evidence=EvidenceService(vault, now=now),
        rewards=RewardService(vault, now=now),
    )
    # Filings read records through the services that own them, with their checks.
    filings = FilingService(vault, now=now, services=SimpleNamespace(**parts))
    return Services(**parts, filings=filings)  # type: ignore[arg-type]

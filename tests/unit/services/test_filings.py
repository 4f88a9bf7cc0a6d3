"""Sealed filings between two real vaults: keys and key cards, the trust store, export to a
folder, verification and import, and every refusal a receiver must make."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import audit, filings
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.filings import Item, parse_card
from desktop.domain.identifiers import credit_code_check_char
from desktop.errors import Cancelled, PermissionDenied, StorageError, ValidationError
from desktop.sealing import age
from desktop.sealing.packet import Rejected
from desktop.services.bundle import Services, build_services
from desktop.services.setup import SetupService
from tests.conftest import TEST_KDF, FixedClock
from tests.support import TEST_PASSPHRASE, first_run_draft
from tests.unit.services.test_rights_grants import World

OTHER_CODE = "11210000MB000000" + "0"
OTHER_CODE += credit_code_check_char(OTHER_CODE)


class Office:
    """One unit's vault with its services and the people who work there."""

    def __init__(self, folder: Path, clock: FixedClock, *, name: str, code: str | None) -> None:
        vault = Vault(folder / "vault.db")
        unit = first_run_draft().unit
        unit = replace(unit, name=name, credit_code=code or unit.credit_code)
        created = SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom).create(
            first_run_draft(unit=unit)
        )
        self.services: Services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
        self.admin = self.services.session.unlock(created.admin_id, TEST_PASSPHRASE)
        self.vault = vault
        self.world = World(vault, clock)
        self.officer: User = self.world.officer
        self.secrecy: User = self.world.secrecy
        self.name = name

    @property
    def f(self):  # type: ignore[no-untyped-def]
        return self.services.filings

    def card(self, tmp: Path) -> bytes:
        card, _pdf = self.f.save_key_card(self.admin, tmp)
        return card.read_bytes()

    def trust(self, other: Office, tmp: Path) -> int:
        data = other.card(tmp / f"card-{other.name}")
        typed = other.f.own_keys(other.admin).fingerprint
        return self.f.trust(self.secrecy, data, typed.lower().replace(" ", "-")).id


@pytest.fixture
def offices(tmp_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    sender = Office(tmp_path / "a", clock, name="辽宁省示范大学", code=None)
    receiver = Office(tmp_path / "b", clock, name="辽宁省科学技术厅", code=OTHER_CODE)
    for office in (sender, receiver):
        office.f.create_keys(office.admin)
    (tmp_path / "card-辽宁省示范大学").mkdir()
    (tmp_path / "card-辽宁省科学技术厅").mkdir()
    to_receiver = sender.trust(receiver, tmp_path)
    receiver.trust(sender, tmp_path)
    yield sender, receiver, to_receiver
    sender.vault.lock()
    receiver.vault.lock()


def _export(sender: Office, recipient: int, folder: Path, *items: Item, encrypt: bool = True):  # type: ignore[no-untyped-def]
    folder.mkdir(exist_ok=True)
    return sender.f.export(sender.officer, list(items), recipient, folder, encrypt=encrypt)


def test_a_filing_goes_from_one_office_to_the_other(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    achievement = sender.world.achievement()
    stick = tmp_path / "stick"
    exported = _export(sender, to_receiver, stick, Item("achievement", achievement))
    assert exported.path.name.endswith(".sfp.age") and exported.path.exists()
    assert sorted(p.name for p in stick.iterdir()) == [exported.path.name]  # no .partial left

    found = receiver.f.verify(receiver.officer, exported.path)
    assert (found.office, found.sequence, found.encrypted) == ("辽宁省示范大学", 1, True)
    assert [i.title for i in found.items] == ["一种高强度镁合金"]
    assert [n for n, _ in found.documents] == [f"achievement-{achievement}/科技成果登记表.pdf"]

    imported = receiver.f.import_(receiver.officer, exported.path)
    assert (imported.added, imported.already) == (1, False)
    (row,) = receiver.f.received(receiver.officer)
    (record,) = receiver.f.received_records(receiver.officer, row.id)
    assert (
        record.origin_id == achievement and record.content["draft"]["title"] == "一种高强度镁合金"
    )
    pdf = receiver.f.received_document(receiver.officer, row.id, record.documents[0])
    text = PdfReader(__import__("io").BytesIO(pdf)).pages[0].extract_text()
    assert "科技成果登记表" in text and "一种高强度镁合金" in text

    again = receiver.f.import_(receiver.officer, exported.path)
    assert again.already and again.added == 0
    assert len(receiver.f.received(receiver.officer)) == 1

    with sender.vault.read() as conn:
        (entry,) = [
            e for e in audit.list_page(conn, offset=0, limit=5) if e.action == "filing.exported"
        ]
    assert exported.sha256 in (entry.after or "")


def test_the_sender_cannot_read_someone_elses_filing_and_a_stranger_is_refused(  # type: ignore[no-untyped-def]
    offices, tmp_path: Path, clock: FixedClock
) -> None:
    sender, receiver, _ = offices
    stranger = Office(tmp_path / "c", clock, name="某市科技局", code=None)
    stranger.f.create_keys(stranger.admin)
    (tmp_path / "card-某市科技局").mkdir()
    to_sender = stranger.trust(sender, tmp_path)
    exported = _export(
        stranger, to_sender, tmp_path / "s", Item("achievement", stranger.world.achievement())
    )
    # addressed to the sender, so the receiver's identity cannot open it
    with pytest.raises(Rejected) as raised:
        receiver.f.verify(receiver.officer, exported.path)
    assert raised.value.reason == "not_for_us"
    # the sender can decrypt it but has not trusted the stranger's key
    with pytest.raises(Rejected) as raised:
        sender.f.verify(sender.officer, exported.path)
    assert raised.value.reason == "untrusted"
    with sender.vault.read() as conn:
        entry = audit.list_page(conn, offset=0, limit=1)[0]
    assert entry.action == "filing.rejected" and "untrusted" in (entry.after or "")
    stranger.vault.lock()


def test_an_older_sequence_is_a_replay(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    a = sender.world.achievement()
    first = _export(sender, to_receiver, tmp_path / "1", Item("achievement", a))
    second = _export(sender, to_receiver, tmp_path / "2", Item("achievement", a))
    receiver.f.import_(receiver.officer, second.path)
    with pytest.raises(Rejected) as raised:
        receiver.f.import_(receiver.officer, first.path)
    assert raised.value.reason == "replay"
    assert len(receiver.f.received(receiver.officer)) == 1


def test_consecutive_filings_prove_the_log_only_grew(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    a = sender.world.achievement()
    first = _export(sender, to_receiver, tmp_path / "1", Item("achievement", a))
    receiver.f.import_(receiver.officer, first.path)
    sender.world.achievement(title="第二项成果")
    second = _export(sender, to_receiver, tmp_path / "2", Item("achievement", a))
    found = receiver.f.verify(receiver.officer, second.path)
    assert found.checkpoint_size > receiver.f.received(receiver.officer)[0].checkpoint_size
    receiver.f.import_(receiver.officer, second.path)
    assert len(receiver.f.received(receiver.officer)) == 2


def test_a_changed_record_is_kept_beside_the_earlier_copy(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    a = sender.world.achievement()
    receiver.f.import_(
        receiver.officer, _export(sender, to_receiver, tmp_path / "1", Item("achievement", a)).path
    )
    draft = sender.services.achievements.get(sender.officer, a).draft
    sender.services.achievements.update(sender.officer, a, replace(draft, abstract="补充了摘要。"))
    result = receiver.f.import_(
        receiver.officer, _export(sender, to_receiver, tmp_path / "2", Item("achievement", a)).path
    )
    assert result.differing == ("一种高强度镁合金",)
    newest, oldest = receiver.f.received(receiver.officer)
    (old,) = receiver.f.received_records(receiver.officer, oldest.id)
    (new,) = receiver.f.received_records(receiver.officer, newest.id)
    assert new.differs_from == old.id and old.content["draft"]["abstract"] == ""


def test_a_flipped_byte_anywhere_is_refused(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    exported = _export(
        sender, to_receiver, tmp_path / "s", Item("achievement", sender.world.achievement())
    )
    data = exported.path.read_bytes()
    reasons = set()
    for offset in range(0, len(data), max(1, len(data) // 40)):
        bad = tmp_path / f"bad-{offset}.sfp.age"
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :])
        with pytest.raises(Rejected) as raised:
            receiver.f.verify(receiver.officer, bad)
        if offset < len(age.INTRO):  # no longer an age file, and not a ZIP either
            assert raised.value.reason == "not_zip"
        else:
            reasons.add(raised.value.reason)
    # a stanza no longer ours, the header's MAC, or a chunk's tag
    assert reasons <= {"not_for_us", "damaged"} and "damaged" in reasons
    assert receiver.f.received(receiver.officer) == []


def test_a_plain_filing_is_checked_by_the_packet_rules(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    exported = _export(
        sender,
        to_receiver,
        tmp_path / "s",
        Item("achievement", sender.world.achievement()),
        encrypt=False,
    )
    assert exported.path.name.endswith(".sfp")
    with zipfile.ZipFile(exported.path) as z:
        names = z.namelist()
        assert names[0] == "mimetype" and "META-INF/checkpoint.txt" in names
    bad = tmp_path / "bad.sfp"
    with zipfile.ZipFile(exported.path) as src, zipfile.ZipFile(bad, "w") as out:
        for entry in src.infolist():
            content = src.read(entry)
            if entry.filename.endswith(".pdf"):
                content = content.replace(b"%%EOF", b"%%EOX")
            out.writestr(entry, content)
    with pytest.raises(Rejected) as raised:
        receiver.f.verify(receiver.officer, bad)
    assert raised.value.reason == "payload_changed"


def test_a_filing_for_another_office_is_refused_even_from_a_trusted_sender(  # type: ignore[no-untyped-def]
    offices, tmp_path: Path, clock: FixedClock
) -> None:
    sender, receiver, _ = offices
    third = Office(
        tmp_path / "c",
        clock,
        name="某市科技局",
        code="12210000MB000000" + "1" + credit_code_check_char("12210000MB0000001"),
    )
    third.f.create_keys(third.admin)
    (tmp_path / "card-某市科技局").mkdir()
    to_third = sender.trust(third, tmp_path)
    item = Item("achievement", sender.world.achievement())
    exported = _export(sender, to_third, tmp_path / "s", item, encrypt=False)
    # the receiver trusts the sender and can read the plain packet, but it is not addressed to it
    with pytest.raises(Rejected) as raised:
        receiver.f.verify(receiver.officer, exported.path)
    assert raised.value.reason == "wrong_recipient"
    third.vault.lock()


def test_a_retired_key_is_no_longer_accepted(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    exported = _export(
        sender, to_receiver, tmp_path / "s", Item("achievement", sender.world.achievement())
    )
    (trusted,) = receiver.f.trusted(receiver.officer)
    receiver.f.retire(receiver.secrecy, trusted.id, "对方更换了密钥")
    with pytest.raises(Rejected) as raised:
        receiver.f.verify(receiver.officer, exported.path)
    assert raised.value.reason == "retired_key"


def test_classified_content_needs_the_secrecy_approval(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    secret = Item("achievement", sender.world.achievement(level="secret", secrecy_mark="秘密★5年"))
    with pytest.raises(PermissionDenied):
        _export(sender, to_receiver, tmp_path / "s", secret)
    preview = sender.f.preview(sender.officer, [secret], to_receiver, encrypt=True)
    assert preview.level == "secret" and preview.needs_approval
    request = sender.f.request_approval(
        sender.officer, [secret], to_receiver, encrypt=True, reason="年度报送"
    )
    (draft,) = sender.f.drafts(sender.officer)
    assert draft.approval == "pending"
    with pytest.raises(PermissionDenied):
        sender.f.export(
            sender.officer,
            [secret],
            to_receiver,
            tmp_path / "s",
            encrypt=True,
            draft_id=draft.filing.id,
        )
    sender.services.approvals.decide(sender.secrecy, request.id, approve=True, note="同意")
    (tmp_path / "s").mkdir(exist_ok=True)
    exported = sender.f.export(
        sender.officer,
        [secret],
        to_receiver,
        tmp_path / "s",
        encrypt=True,
        draft_id=draft.filing.id,
    )
    assert exported.level == "secret"
    assert sender.f.drafts(sender.officer) == []
    found = receiver.f.verify(receiver.officer, exported.path)
    assert found.level == "secret"


def test_the_key_card_is_signed_and_the_fingerprint_must_be_typed(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, _ = offices
    (tmp_path / "k").mkdir()
    card_path, pdf_path = sender.f.save_key_card(sender.admin, tmp_path / "k")
    data = card_path.read_bytes()
    body, _sig = parse_card(data)
    own = sender.f.own_keys(sender.admin)
    assert body.recipient == own.recipient
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "报送密钥卡" in text and own.fingerprint.split()[0] in text
    # a card whose receiving key was swapped fails its signature
    swapped = data.replace(own.recipient.encode(), age.Identity.generate().recipient().encode())
    with pytest.raises(ValidationError) as raised:
        receiver.f.read_card(receiver.secrecy, swapped)
    assert raised.value.field == "card"
    # a wrong fingerprint is refused at its field; nothing is stored
    fresh = Office(tmp_path / "d", sender.world.clock, name="新单位", code=None)
    fresh.f.create_keys(fresh.admin)
    with pytest.raises(ValidationError) as raised:
        fresh.f.trust(fresh.secrecy, data, "0000 " * 16)
    assert raised.value.field == "fingerprint"
    assert fresh.f.trusted(fresh.officer) == []
    # only the secrecy administrator decides whom to trust
    with pytest.raises(PermissionDenied):
        fresh.f.trust(fresh.admin, data, own.fingerprint)
    fresh.vault.lock()


def test_keys_are_replaced_with_a_reason_and_the_old_ones_still_decrypt(  # type: ignore[no-untyped-def]
    offices, tmp_path: Path
) -> None:
    sender, receiver, to_receiver = offices
    exported = _export(
        sender, to_receiver, tmp_path / "s", Item("achievement", sender.world.achievement())
    )
    old = receiver.f.own_keys(receiver.admin)
    with pytest.raises(ValidationError):
        receiver.f.create_keys(receiver.admin)
    new = receiver.f.create_keys(receiver.admin, reason="年度更换")
    assert new.fingerprint != old.fingerprint
    assert receiver.f.verify(receiver.officer, exported.path).sequence == 1


def test_a_cancel_or_a_failing_stick_leaves_nothing(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, _, to_receiver = offices
    item = Item("achievement", sender.world.achievement())
    stick = tmp_path / "stick"
    stick.mkdir()
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        sender.f.export(
            sender.officer, [item], to_receiver, stick, encrypt=True, cancelled=cancel_midway
        )
    assert list(stick.iterdir()) == [] and sender.f.sent(sender.officer) == []
    gone = tmp_path / "pulled-out"  # a stick removed before the export starts
    with pytest.raises(StorageError) as raised:
        sender.f.export(sender.officer, [item], to_receiver, gone, encrypt=True)
    assert "U 盘" in raised.value.message and not gone.exists()
    assert sender.f.sent(sender.officer) == []
    with sender.vault.read() as conn:
        actions = [e.action for e in audit.list_page(conn, offset=0, limit=50)]
    assert "filing.exported" not in actions


def test_the_stock_tools_accept_what_we_write(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    if shutil.which("age") is None or shutil.which("minisign") is None:
        pytest.skip("Debian's age and minisign are not installed")
    exported = _export(
        sender, to_receiver, tmp_path / "s", Item("achievement", sender.world.achievement())
    )
    with receiver.vault.read() as conn:
        keys = filings.current_keys(conn)
    assert keys is not None
    identity = tmp_path / "identity.txt"
    identity.write_text(age.Identity(keys.receiving_secret).text() + "\n")
    plain = tmp_path / "plain.sfp"
    subprocess.run(
        ["age", "-d", "-i", str(identity), "-o", str(plain), str(exported.path)], check=True
    )
    bag = tmp_path / "bag"
    with zipfile.ZipFile(plain) as z:
        z.extractall(bag)
    signing_key = sender.f.own_keys(sender.admin).signing_key
    subprocess.run(
        [
            "minisign",
            "-V",
            "-P",
            signing_key,
            "-m",
            str(bag / "tagmanifest-sha256.txt"),
            "-x",
            str(bag / "META-INF" / "signature.minisig"),
        ],
        check=True,
        capture_output=True,
    )


def test_a_sender_whose_log_went_back_is_refused(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A sender's vault restored from an old backup files again: its log is shorter than the one
    the receiver last saw."""
    from sqlalchemy import update

    from db.schema import filings as filings_table

    sender, receiver, to_receiver = offices
    a = sender.world.achievement()
    receiver.f.import_(
        receiver.officer, _export(sender, to_receiver, tmp_path / "1", Item("achievement", a)).path
    )
    with receiver.vault.transaction() as conn:  # as if the last filing had come from a longer log
        conn.execute(update(filings_table).values(checkpoint_size=10_000))
    later = _export(sender, to_receiver, tmp_path / "2", Item("achievement", a))
    with pytest.raises(Rejected) as raised:
        receiver.f.import_(receiver.officer, later.path)
    assert raised.value.reason == "rollback"


def test_a_sender_cannot_file_over_a_rewritten_log(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from db.schema import filings as filings_table

    sender, _, to_receiver = offices
    a = sender.world.achievement()
    _export(sender, to_receiver, tmp_path / "1", Item("achievement", a))
    with sender.vault.transaction() as conn:  # the head sent last time is not in today's log
        conn.execute(update(filings_table).values(checkpoint_root=bytes(32)))
    with pytest.raises(StorageError) as raised:
        _export(sender, to_receiver, tmp_path / "2", Item("achievement", a))
    assert "审计日志" in raised.value.message
    assert not (tmp_path / "2").exists() or list((tmp_path / "2").iterdir()) == []


def test_a_stick_too_small_is_refused_before_writing(offices, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil as shutil_module
    from collections import namedtuple

    sender, _, to_receiver = offices
    item = Item("achievement", sender.world.achievement())
    stick = tmp_path / "stick"
    stick.mkdir()
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil_module, "disk_usage", lambda _p: usage(10**6, 10**6 - 4096, 4096))
    with pytest.raises(StorageError) as raised:
        sender.f.export(sender.officer, [item], to_receiver, stick, encrypt=True)
    assert "空间不足" in raised.value.message and "MB" in raised.value.message
    assert list(stick.iterdir()) == [] and sender.f.sent(sender.officer) == []


def test_the_export_seals_what_the_preview_showed(offices, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sender, receiver, to_receiver = offices
    a = sender.world.achievement()
    items = [Item("achievement", a)]
    preview = sender.f.preview(sender.officer, items, to_receiver, encrypt=True)
    rendered = []
    import desktop.reports.filing_documents as documents

    original = documents.render_achievement_sheet
    monkeypatch.setattr(
        documents,
        "render_achievement_sheet",
        lambda **kw: rendered.append(1) or original(**kw),
    )
    (tmp_path / "s").mkdir()
    exported = sender.f.export(
        sender.officer, items, to_receiver, tmp_path / "s", encrypt=True, prepared=preview
    )
    assert rendered == []  # nothing rendered again
    found = receiver.f.verify(receiver.officer, exported.path)
    assert found.documents == preview.documents
    # a preview of other records is not used
    other = [Item("achievement", sender.world.achievement(title="另一项"))]
    (tmp_path / "t").mkdir()
    sender.f.export(
        sender.officer, other, to_receiver, tmp_path / "t", encrypt=True, prepared=preview
    )
    assert rendered == [1]

"""A store from before signing keys (tests/fixtures/legacy_0003), opened by this build.

Its signed snapshots hold postal addresses, two of them of people with protected identity (one
signed while protected, one protected afterwards). The upgrade makes the store key and seals
the signed versions; no print, export, invitation or calendar file shows those addresses, and
the files printed by the old build still verify.
"""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sip_desk.bootstrap import open_services
from sip_desk.db.models import Meeting
from sip_desk.domain.audit import UserContext
from sip_desk.domain.enums import MeetingStatus
from sip_desk.domain.verification import DamagedVersionError, KeyOrigin
from sip_desk.services.context import Clock
from tests.pdf.pdf_text import normalise, pypdf_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "legacy_0003"
ALVA, RANIA, JONAS = 2, 3, 1  # plan ids in the fixture
PROTECTED = ("Ekbackavägen 21", "Parkgatan 18")  # Alva's and Rania's addresses
CLOCK = Clock(lambda: datetime(2026, 11, 30, 9, 0, tzinfo=UTC))


@pytest.fixture
def legacy(tmp_path):
    shutil.copy(FIXTURE / "sip_desk.sqlite", tmp_path / "sip_desk.sqlite")
    services = open_services(
        str(tmp_path / "sip_desk.sqlite"), user=UserContext(user="t"), clock=CLOCK
    )
    yield services
    services.ctx.db.dispose()


def _no_protected_address(text: str) -> None:
    for address in PROTECTED:
        assert address not in text


def test_legacy_store_gets_a_private_key_file_and_seals_its_signed_versions(legacy, tmp_path):
    key = tmp_path / "sip_desk.sqlite.key"

    checks = legacy.signing.check_store()

    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert [(c.plan_id, c.number) for c in checks] == [(1, 1), (2, 1), (2, 2), (3, 1)]
    assert all(c.ok and c.on_upgrade and c.origin is KeyOrigin.OWN for c in checks)


@pytest.mark.parametrize("language", ["sv", "en", "ar"])
def test_legacy_store_prints_no_protected_address_in_any_version(legacy, language):
    for plan_id, numbers in ((ALVA, (1, 2)), (RANIA, (1, 2))):
        for number in numbers:
            pdf = legacy.documents.render(plan_id, number, language, seal=False)

            _no_protected_address(normalise(pypdf_text(pdf.data)))


def test_legacy_store_prints_a_signed_version_without_any_address(legacy):
    signed = normalise(pypdf_text(legacy.documents.render(JONAS, 1, "sv", seal=False).data))
    draft = normalise(pypdf_text(legacy.documents.render(JONAS, 2, "sv", seal=False).data))

    assert "Tallvägen" not in signed  # contact data, not plan content
    assert "Tallvägen 4 B" in draft  # the draft shows the person record (not protected)


def test_legacy_store_exports_no_protected_address_and_the_export_imports(legacy, tmp_path):
    other = open_services(str(tmp_path / "other.sqlite"), user=UserContext(user="t"), clock=CLOCK)
    for plan_id in (ALVA, RANIA):
        text = legacy.transfer.export_plan(plan_id)

        _no_protected_address(text)
        imported = other.transfer.import_with_report(text).plan
        signed = [v.number for v in imported.versions if v.state.value == "signed"]
        for number in signed:
            pdf = other.documents.render(imported.id, number, "sv", seal=False)
            assert pdf.other_store and pdf.signed
            _no_protected_address(normalise(pypdf_text(pdf.data)))
    checks = other.signing.check_store()
    assert all(c.ok and c.origin is KeyOrigin.OTHER for c in checks)
    assert any(c.redacted for c in checks)  # the address was cut from a schema-1 snapshot
    other.ctx.db.dispose()


def test_legacy_store_invitation_and_calendar_carry_no_protected_address(legacy, tmp_path):
    with legacy.ctx.db.read() as s:
        meeting_id = s.scalars(
            select(Meeting.id).where(
                Meeting.plan_id == RANIA, Meeting.status == MeetingStatus.BOOKED
            )
        ).first()
    assert meeting_id is not None

    pdf, ics = legacy.follow_ups.meetings.write_invitation(
        RANIA, meeting_id, tmp_path / "kallelse.pdf"
    )

    _no_protected_address(normalise(pypdf_text(pdf.read_bytes())))
    _no_protected_address(ics.read_text(encoding="utf-8"))
    _no_protected_address(legacy.calendar.worklist_calendar().decode("utf-8"))


@pytest.mark.parametrize("name", ["plan2-v2.pdf", "plan3-v1.pdf"])
def test_legacy_store_files_printed_by_the_old_build_still_verify(legacy, name):
    report = legacy.documents.verify_pdf(FIXTURE / name)

    assert report.ok, report
    assert report.file_known and report.version is not None and report.version.on_upgrade


def test_legacy_export_file_of_format_1_imports_but_is_not_printed_as_signed(legacy):
    text = (FIXTURE / "plan3.json").read_text(encoding="utf-8")
    assert json.loads(text)["schema_version"] == 1

    plan = legacy.transfer.import_with_report(text, as_new=True).plan  # plan 3 is stored

    with pytest.raises(DamagedVersionError) as info:
        legacy.documents.render(plan.id, 1, "sv", seal=False)
    assert "äldre exportfil" in info.value.message("sv")

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import DomainError
from sip_desk.services.export_service import DocumentSettings
from tests.services.seal_helpers import make_certificate
from tests.services.signing_helpers import paper_signature, person_signature


@pytest.fixture
def signed_plan(sqlite_services, clock):
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services).complete(first_name="Александра", last_name="Nour")
    today = clock.today()
    return sqlite_services.signing.sign_version(
        plan.id, plan.version, [person_signature(today), paper_signature(today)]
    )


def _seal_settings(services: Any, tmp_path: Any) -> Any:
    cert = make_certificate(tmp_path)
    services.documents.save_settings(
        DocumentSettings(seal_pkcs12_path=str(cert.pkcs12_path), seal_pkcs12_password=cert.password)
    )
    return cert


def test_export_writes_signed_version_with_hash_in_metadata(sqlite_services, signed_plan, tmp_path):
    target = tmp_path / "out" / "plan.pdf"

    pdf = sqlite_services.documents.export_pdf(signed_plan.id, target, language="en")

    meta = PdfReader(target).metadata
    assert meta is not None
    assert str(meta["/SIPDeskHash"]) == signed_plan.versions[0].content_hash == pdf.content_hash
    assert str(meta["/SIPDeskVersion"]) == "1"
    assert str(meta["/SIPDeskPlanId"]) == str(signed_plan.id)
    assert not list(target.parent.glob("*.partial"))
    entries = sqlite_services.audit.entries(plan_id=signed_plan.id)
    assert any(e.action is AuditAction.EXPORT and e.new == pdf.sha256 for e in entries)


def test_verify_accepts_an_unchanged_export(sqlite_services, signed_plan, tmp_path):
    target = tmp_path / "plan.pdf"
    sqlite_services.documents.export_pdf(signed_plan.id, target)

    report = sqlite_services.documents.verify_pdf(target)

    assert report.ok and report.file_known and report.stored_hash_ok
    assert report.content_hash == signed_plan.versions[0].content_hash


@pytest.mark.parametrize("offset", [400, -2000])
def test_verify_catches_a_flipped_byte(sqlite_services, signed_plan, tmp_path, offset):
    data = bytearray(sqlite_services.documents.export_pdf(signed_plan.id, tmp_path / "p.pdf").data)
    data[offset] ^= 0x01

    report = sqlite_services.documents.verify_pdf(bytes(data))

    assert not report.ok and not report.file_matches


def test_verify_catches_edited_text(sqlite_services, signed_plan, tmp_path):
    data = sqlite_services.documents.export_pdf(signed_plan.id, tmp_path / "p.pdf").data
    edited = data.replace(b"/Producer", b"/Producex", 1)
    assert edited != data

    report = sqlite_services.documents.verify_pdf(edited)

    assert report.readable and report.version_found and not report.ok


def test_verify_catches_a_tampered_database_row(sqlite_services, signed_plan, tmp_path):
    target = tmp_path / "plan.pdf"
    sqlite_services.documents.export_pdf(signed_plan.id, target)
    db = sqlite_services.ctx.db
    with db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER trg_plan_versions_signed_no_update"))
        conn.execute(
            text("UPDATE plan_versions SET snapshot = replace(snapshot, 'Ha ett eget', 'Ha inget')")
        )

    report = sqlite_services.documents.verify_pdf(target)

    assert report.version_found and not report.stored_hash_ok and not report.ok


def test_verify_refuses_a_draft_print(sqlite_services, signed_plan, tmp_path):
    saved = sqlite_services.plans.update_fields(
        signed_plan.id,
        signed_plan.version,
        dataclasses.replace(signed_plan.fields, what_matters="Nytt"),
    )
    pdf = sqlite_services.documents.export_pdf(saved.plan.id, tmp_path / "draft.pdf")

    report = sqlite_services.documents.verify_pdf(tmp_path / "draft.pdf")

    assert not pdf.signed and pdf.version_number == 2
    assert report.readable and not report.version_found and not report.ok


def test_revised_plan_prints_what_changed_since_signing(sqlite_services, signed_plan):
    sqlite_services.plans.update_fields(
        signed_plan.id,
        signed_plan.version,
        dataclasses.replace(signed_plan.fields, what_matters="Att få bo kvar"),
    )

    doc = sqlite_services.documents.build_document(signed_plan.id, language="sv")

    assert doc.version_number == 2
    assert doc.changes_since_signed == ("Ändrat: det som är viktigt för dig.",)


def test_build_document_refuses_unknown_language(sqlite_services, signed_plan):
    with pytest.raises(DomainError) as info:
        sqlite_services.documents.build_document(signed_plan.id, language="fi")

    assert "sv, en, ar, so, ti, prs, fa eller uk" in info.value.message("sv")


def test_sealed_pdf_validates_against_the_throwaway_certificate(
    sqlite_services, signed_plan, tmp_path
):
    _seal_settings(sqlite_services, tmp_path)
    target = tmp_path / "sealed.pdf"

    pdf = sqlite_services.documents.export_pdf(signed_plan.id, target)
    report = sqlite_services.documents.verify_pdf(target)

    assert pdf.sealed
    assert report.seal.present and report.seal.ok and report.seal.whole_file
    assert "Testkommun" in report.seal.signer
    assert report.ok


def test_seal_reports_content_appended_after_sealing(sqlite_services, signed_plan, tmp_path):
    from io import BytesIO

    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    cert = _seal_settings(sqlite_services, tmp_path)
    data = sqlite_services.documents.export_pdf(signed_plan.id, tmp_path / "s.pdf").data
    writer = IncrementalPdfFileWriter(BytesIO(data))
    writer.root[NameObject("/Lang")] = TextStringObject("fi")
    writer.update_root()  # type: ignore[no-untyped-call]
    out = BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]

    report = sqlite_services.documents.verify_pdf(out.getvalue(), trust=[str(cert.pem_path)])

    assert report.seal.present and report.seal.intact
    assert not report.seal.whole_file and not report.seal.ok and not report.ok


def test_seal_with_wrong_password_gives_a_clear_message(sqlite_services, signed_plan, tmp_path):
    cert = make_certificate(tmp_path)
    sqlite_services.documents.save_settings(
        DocumentSettings(seal_pkcs12_path=str(cert.pkcs12_path), seal_pkcs12_password="fel")
    )

    with pytest.raises(DomainError) as info:
        sqlite_services.documents.export_pdf(signed_plan.id, tmp_path / "x.pdf")

    assert "lösenordet" in info.value.message("sv")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig not installed")
def test_pdfsig_reads_the_seal_as_a_second_reader(sqlite_services, signed_plan, tmp_path):
    _seal_settings(sqlite_services, tmp_path)
    target = tmp_path / "sealed.pdf"
    sqlite_services.documents.export_pdf(signed_plan.id, target)

    result = subprocess.run(
        ["pdfsig", str(target)], capture_output=True, text=True, check=False, timeout=60
    )

    assert "Signature #1" in result.stdout
    assert "Signature is Valid" in result.stdout
    assert "Total document signed" in result.stdout or "Signed Ranges" in result.stdout


def test_revised_plan_pdf_shows_the_changes_on_the_persons_page(
    sqlite_services, signed_plan, tmp_path
):
    sqlite_services.plans.update_fields(
        signed_plan.id,
        signed_plan.version,
        dataclasses.replace(signed_plan.fields, what_matters="Att få bo kvar"),
    )
    target = tmp_path / "revised.pdf"

    sqlite_services.documents.export_pdf(signed_plan.id, target, language="en")

    first_page = PdfReader(target).pages[0].extract_text()
    assert "Changed: what matters to you." in first_page

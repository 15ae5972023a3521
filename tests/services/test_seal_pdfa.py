"""The digital seal is an incremental update that keeps a PDF/A-2b plan PDF/A-2b."""

from __future__ import annotations

from pathlib import Path

from sip_desk.pdf.render_plan import render_plan
from sip_desk.services.pdf_seal import load_certificate, seal_pdf, validate_seal
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.pdf import rich_plan
from tests.pdf.pdfa_check import assert_archival, needs_qpdf, qpdf_check, xmp
from tests.services.seal_helpers import make_certificate


@needs_qpdf
def test_sealed_plan_stays_pdfa_and_the_seal_still_validates(
    sqlite_services: Services, tmp_path: Path
) -> None:
    plan = rich_plan.enrich(sqlite_services, PlanBuilder(sqlite_services).complete())
    original = render_plan(rich_plan.document(plan, "ar", signed=True))
    cert = make_certificate(tmp_path)

    sealed = seal_pdf(original, str(cert.pkcs12_path), cert.password, reason="SIP")

    assert sealed.startswith(original)  # an incremental update: the original bytes are kept
    assert_archival(sealed, "ar")
    assert xmp(sealed)["dc:title"] == xmp(original)["dc:title"]
    assert qpdf_check(sealed).returncode == 0
    status = validate_seal(sealed, [load_certificate(str(cert.pem_path))])
    assert status.ok, status.detail

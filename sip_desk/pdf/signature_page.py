"""The signature page: one line per signer, the person or guardian first, signatures in place."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, PageBreak, Spacer

from sip_desk.domain.document import PlanDocument, SignatureDto
from sip_desk.pdf.flowables import TextBlock
from sip_desk.pdf.kit import Cell, Kit, fmt_date
from sip_desk.pdf.outline import PartMark

_SIGN_WIDTH = 48 * mm
_SIGN_HEIGHT = 15 * mm


@dataclass(frozen=True)
class Signer:
    """One line of the signature page."""

    name: str
    organisation: str
    role: str
    is_person: bool = False


def signers(doc: PlanDocument, kit: Kit) -> list[Signer]:
    """The person, then guardians/representatives, then every other participant."""
    labels, person = kit.labels, doc.plan.person
    lines = [Signer(person.full_name, "", labels("sig.person"), is_person=True)]
    lines += [Signer(r.name, "", labels.enum(r.kind)) for r in person.representatives]
    names = {line.name for line in lines}
    for participant in doc.plan.participants:
        if participant.name not in names:
            names.add(participant.name)
            lines.append(Signer(participant.name, participant.organisation, participant.role))
    for signature in doc.signatures:
        if signature.signer_name not in names and not signature.is_person:
            names.add(signature.signer_name)
            lines.append(Signer(signature.signer_name, signature.organisation, signature.role))
    return lines


def _find(doc: PlanDocument, signer: Signer) -> SignatureDto | None:
    for signature in doc.signatures:
        if signature.signer_name == signer.name or (signer.is_person and signature.is_person):
            return signature
    return None


def _signature_cell(signature: SignatureDto | None, kit: Kit) -> Cell:
    """The signature (image or "signed on paper"), over a strut that gives room to sign.

    The strut sets the row's least height, so a long name or organisation makes the row taller
    (and lets it split across pages) instead of running out of its cell.
    """
    if signature is not None and signature.image_png:
        reader = ImageReader(BytesIO(signature.image_png))
        width, height = reader.getSize()
        scale = min(_SIGN_WIDTH / width, _SIGN_HEIGHT / height)
        image = Image(BytesIO(signature.image_png), width * scale, height * scale)
        return [image, Spacer(1, _SIGN_HEIGHT + 2 - height * scale)]
    cell: list[Flowable] = [Spacer(1, _SIGN_HEIGHT + 2)]
    if signature is not None:
        label = kit.labels("sig.paper", date=fmt_date(signature.signed_on))
        cell.insert(0, TextBlock(label, kit.styles.cell))
        cell[1] = Spacer(1, _SIGN_HEIGHT + 2 - kit.styles.cell.leading)
    return cell


def signature_page(doc: PlanDocument, kit: Kit) -> list[Flowable]:
    """The signature page, on a page of its own."""
    labels = kit.labels
    header = kit.header_row("col.name", "col.organisation", "col.role", "col.signature", "col.date")
    rows: list[list[Cell]] = [header]
    for signer in signers(doc, kit):
        signature = _find(doc, signer)
        signed_on = fmt_date(signature.signed_on) if signature else ""
        cells: list[Cell] = [signer.name, signer.organisation, signer.role]
        rows.append([*cells, _signature_cell(signature, kit), signed_on])
    table = kit.table(rows, (0.22, 0.22, 0.16, 0.26, 0.14))
    story: list[Flowable] = [
        PageBreak(),
        PartMark("signatures", labels("outline.signatures")),
        kit.heading("sec.signatures"),
        kit.text(labels("sig.intro")),
    ]
    story.append(table)
    organisation = doc.plan.fields.lead_organisation
    if organisation:
        story.append(kit.text(labels("sig.original", org=organisation), kit.styles.small))
    return story

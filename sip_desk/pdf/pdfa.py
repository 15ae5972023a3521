"""Finishing reportlab's output as PDF/A-2b, the archival profile municipal archives ask for.

reportlab already embeds every font (subset TrueType, see :mod:`sip_desk.pdf.fonts`), never
encrypts, and in invariant mode writes a fixed file identifier. What it lacks is added here with
pikepdf (qpdf):

* an XMP metadata packet (uncompressed) that says PDF/A-2b (``pdfaid:part`` 2,
  ``pdfaid:conformance`` B) and carries title, author, subject, keywords, language, creation and
  modification date, the same values as the document information dictionary (PDF/A requires
  the two to agree, so both are written here from one :class:`ArchiveFacts`);
* an output intent with the sRGB ICC profile shipped in ``resources/color`` (every colour in the
  documents is DeviceRGB or DeviceGray);
* the document language (``/Lang``) in the catalogue;
* ToUnicode maps that write characters outside the Basic Multilingual Plane (emoji, musical
  symbols) as UTF-16 surrogate pairs: reportlab writes their code point as 5 hex digits, which
  readers cut to the wrong character.

The output is deterministic (same input, same bytes): dates come from the facts and the file
identifier is derived from the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from sip_desk.paths import resource

SRGB_IDENTIFIER = "sRGB IEC61966-2.1"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_WIDE_CODE = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


@dataclass(frozen=True, kw_only=True)
class ArchiveFacts:
    """What the XMP packet and the information dictionary say about a document."""

    title: str
    author: str
    subject: str
    keywords: str = ""
    language: str
    created: date
    creator_tool: str = "SIP Desk"

    @property
    def pdf_date(self) -> str:
        """The creation date as a PDF date string (midnight UTC)."""
        return f"D:{self.created.strftime('%Y%m%d')}000000+00'00'"

    @property
    def xmp_date(self) -> str:
        """The creation date as an XMP (ISO 8601) date-time."""
        return f"{self.created.isoformat()}T00:00:00+00:00"


@cache
def srgb_profile() -> bytes:
    """The shipped sRGB ICC profile."""
    return resource("color", "sRGB.icc").read_bytes()


def make_archival(pdf: bytes, facts: ArchiveFacts) -> bytes:
    """``pdf`` (reportlab's output) as PDF/A-2b with ``facts`` as its metadata."""
    with pikepdf.open(BytesIO(pdf)) as document:
        _fix_to_unicode(document)
        _write_info(document, facts)
        root = document.Root
        root.Metadata = document.make_stream(
            xmp_packet(facts, producer=str(document.docinfo.get("/Producer", ""))).encode()
        )
        root.Metadata.Type = Name.Metadata
        root.Metadata.Subtype = Name.XML
        root.Lang = String(facts.language)
        root.OutputIntents = Array([_output_intent(document)])
        out = BytesIO()
        document.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
        return out.getvalue()


def _write_info(document: pikepdf.Pdf, facts: ArchiveFacts) -> None:
    """The standard entries of the information dictionary, equal to the XMP values."""
    info = document.docinfo
    info.Title = String(_NOT_XML.sub("", facts.title))
    info.Author = String(_NOT_XML.sub("", facts.author))
    info.Subject = String(_NOT_XML.sub("", facts.subject))
    info.Keywords = String(_NOT_XML.sub("", facts.keywords))
    info.Creator = String(_NOT_XML.sub("", facts.creator_tool))
    info.CreationDate = String(facts.pdf_date)
    info.ModDate = String(facts.pdf_date)
    if "/Trapped" in info:
        del info["/Trapped"]  # not in the XMP; PDF/A allows it only with a matching pdf:Trapped


def _output_intent(document: pikepdf.Pdf) -> Dictionary:
    profile = document.make_stream(srgb_profile())
    profile.N = 3
    return Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(SRGB_IDENTIFIER),
        Info=String(SRGB_IDENTIFIER),
        DestOutputProfile=profile,
    )


def _fix_to_unicode(document: pikepdf.Pdf) -> None:
    """Rewrite ToUnicode entries above U+FFFF as UTF-16 surrogate pairs."""
    done: set[tuple[int, int]] = set()
    for page in document.pages:
        fonts = page.Resources.get("/Font", Dictionary())
        for font in fonts.values():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in done:
                continue
            done.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = _WIDE_CODE.sub(_surrogates, data)
            if fixed != data:
                cmap.write(fixed)


def _surrogates(match: re.Match[bytes]) -> bytes:
    code = int(match.group(2), 16)
    utf16 = chr(code).encode("utf-16-be").hex().upper().encode()
    return b"<" + match.group(1) + b"> <" + utf16 + b">"


def _xml(text: str) -> str:
    """``text`` escaped for XML (characters XML 1.0 forbids and bidi controls dropped)."""
    return escape(_NOT_XML.sub("", text))


def xmp_packet(facts: ArchiveFacts, producer: str) -> str:
    """The XMP packet: PDF/A identification, Dublin Core, XMP basic and PDF properties."""
    title, author, subject = (_xml(x) for x in (facts.title, facts.author, facts.subject))
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{subject}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_xml(facts.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{facts.xmp_date}</xmp:CreateDate>
   <xmp:ModifyDate>{facts.xmp_date}</xmp:ModifyDate>
   <xmp:MetadataDate>{facts.xmp_date}</xmp:MetadataDate>
   <xmp:CreatorTool>{_xml(facts.creator_tool)}</xmp:CreatorTool>
   <pdf:Producer>{_xml(producer)}</pdf:Producer>
   <pdf:Keywords>{_xml(facts.keywords)}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

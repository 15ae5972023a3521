"""Self-test checks that stand alone: calendar file, FHIR bundles, translations, drivers."""

from __future__ import annotations

from datetime import UTC
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sip_desk.domain.languages import PRINT_LANGUAGES
from sip_desk.paths import resource
from sip_desk.self_test.base import CheckFailed, Optional, inside, installation_root

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

TITLE_KEY = "pdf.doc.title"


def calendar(services: Services, plan_ids: list[int], folder: Path) -> str:
    """Write one demo meeting as an .ics file, read it back and compare UID and start."""
    from icalendar import Calendar

    from sip_desk.services.calendar_ics import meeting_uid

    meetings = (
        (plan_id, meeting)
        for plan_id in plan_ids
        for meeting in services.plans.get_plan(plan_id).meetings
    )
    found = next(meetings, None)
    if found is None:
        raise CheckFailed("no demo plan has a meeting (the demo check failed?)")
    plan_id, meeting = found
    data = services.calendar.invitation_calendar(plan_id, meeting.id, lang="sv")
    path = services.calendar.write(folder / "meeting.ics", data)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    if len(events) != 1:
        raise CheckFailed(f"{path.name} holds {len(events)} events, not 1")
    event = events[0]
    uid = meeting_uid(meeting.id, services.calendar.store_id())
    if str(event.get("UID")) != uid:
        raise CheckFailed(f"UID {event.get('UID')!r} read back, {uid!r} written")
    start = event.decoded("DTSTART")
    if start.astimezone(UTC) != meeting.starts_at.astimezone(UTC):
        raise CheckFailed(f"start {start} read back, {meeting.starts_at} written")
    return f"1 event, {len(data)} bytes"


FHIR_TYPES = frozenset({"CarePlan", "Goal", "CareTeam", "Patient", "Organization", "Provenance"})


def fhir(services: Services, plan_ids: list[int]) -> str:
    """Export every demo plan as a FHIR R4 Bundle and check its resources and references."""
    import json

    from sip_desk.services.fhir.service import FhirExportService

    exporter = FhirExportService(services.ctx, services.keys)
    kinds: set[str] = set()
    for plan_id in plan_ids:
        bundle = json.loads(exporter.export_bundle(plan_id))
        entries = bundle.get("entry", [])
        urls = {entry["fullUrl"] for entry in entries}
        dangling = {ref for ref in _references(entries) if ref not in urls}
        if bundle.get("resourceType") != "Bundle" or dangling:
            raise CheckFailed(f"plan {plan_id}: references outside the bundle {sorted(dangling)}")
        kinds |= {entry["resource"]["resourceType"] for entry in entries}
    missing = FHIR_TYPES - kinds
    if missing:
        raise CheckFailed(f"no {', '.join(sorted(missing))} in the demo plans' bundles")
    return f"{len(plan_ids)} bundles, {len(kinds)} resource types"


def _references(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [ref for item in value.values() for ref in _references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []


def qt_platform() -> str:
    """Qt starts on its platform plugin (offscreen without a display); names the plugin."""
    from sip_desk.self_test.qt_checks import platform_name

    return platform_name()


def qt_translations() -> str:
    """Our Swedish UI translation and Qt's own Swedish texts load (English needs none)."""
    from sip_desk.self_test.qt_checks import translation_loads

    ours = translation_loads("sip_desk_sv", resource("i18n"))
    inside(ours, installation_root(), "the translation")
    qt = translation_loads("qtbase_sv")
    return f"{ours.name}, {qt.name}"


def text_catalogues() -> str:
    """Each print language's gettext catalogue is installed and translates the plan's title."""
    from sip_desk.domain.text import text

    swedish = text("sv", TITLE_KEY)
    for lang in PRINT_LANGUAGES:
        mo = files("sip_desk") / "locale" / lang / "LC_MESSAGES" / "sip_desk.mo"
        if not mo.is_file():
            raise CheckFailed(f"the catalogue {lang}/LC_MESSAGES/sip_desk.mo is missing")
        title = text(lang, TITLE_KEY)
        if title == TITLE_KEY or (lang != "sv" and title == swedish):
            raise CheckFailed(f"the {lang} catalogue does not translate {TITLE_KEY}")
    return f"{len(PRINT_LANGUAGES)} languages: {' '.join(PRINT_LANGUAGES)}"


def postgres_driver() -> str:
    """The PostgreSQL driver and its libpq load (optional: the ``postgres`` extra)."""
    try:
        import psycopg
    except ImportError:
        raise Optional("psycopg is not installed (PostgreSQL stores unavailable)") from None
    from sqlalchemy.engine import make_url

    make_url("postgresql+psycopg://").get_dialect()  # SQLAlchemy's dialect for it loads too
    version = psycopg.pq.version()
    return f"psycopg {psycopg.__version__}, libpq {version // 10000}.{version % 10000}"


def sqlcipher() -> str:
    """SQLCipher opens an encrypted database in memory (optional: the ``encryption`` extra)."""
    try:
        import sqlcipher3
    except ImportError:
        raise Optional("sqlcipher3 is not installed (encrypted stores unavailable)") from None
    connection = sqlcipher3.connect(":memory:")
    try:
        connection.execute("PRAGMA key = 'self-test'")
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    if not row:
        raise CheckFailed("sqlcipher3 loads but is not SQLCipher")
    return f"SQLCipher {row[0]}"

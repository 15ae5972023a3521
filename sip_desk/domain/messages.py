"""User-facing message catalogue for domain errors, in Swedish (default) and English.

The domain layer has no Qt, so its messages cannot go through ``tr()``; the UI, CLI and PDF pick
the language and call :func:`render`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sip_desk.domain.field_labels import FIELD_LABELS
from sip_desk.domain.messages_seal import SEAL_MESSAGES
from sip_desk.domain.person_messages import PERSON_MESSAGES

__all__ = ["FIELD_LABELS", "LANGUAGES", "MESSAGES", "label", "render"]

LANGUAGES = ("sv", "en")


MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Swedish, English). Placeholders use str.format names.
    "validation.required": ("{label} måste fyllas i.", "{label} is required."),
    "validation.too_long": (
        "{label} får vara högst {max} tecken.",
        "{label} may be at most {max} characters.",
    ),
    "validation.identity_format": (
        "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN, t.ex. 19840312-1234.",
        "Write the identity number as YYYYMMDD-NNNN, e.g. 19840312-1234.",
    ),
    "validation.identity_checksum": (
        "Personnumret stämmer inte: kontrollsiffran är fel. Kontrollera siffrorna.",
        "The identity number is not valid: the check digit is wrong. Check the digits.",
    ),
    "validation.identity_date": (
        "Personnumret innehåller inget giltigt datum.",
        "The identity number does not contain a valid date.",
    ),
    "validation.identity_future": (
        "Personnumret anger ett födelsedatum i framtiden.",
        "The identity number gives a birth date in the future.",
    ),
    "validation.identity_taken": (
        "Det finns redan en person med personnumret {value}.",
        "A person with the identity number {value} already exists.",
    ),
    "validation.email": (
        '{label}: "{value}" är ingen giltig e-postadress.',
        '{label}: "{value}" is not a valid e-mail address.',
    ),
    "validation.end_before_start": (
        "Slutdatum ({end}) ligger före startdatum ({start}).",
        "The end date ({end}) is before the start date ({start}).",
    ),
    "validation.valid_until_before_from": (
        "Samtycket gäller till ({end}) före det gäller från ({start}).",
        "The consent ends ({end}) before it starts ({start}).",
    ),
    "validation.revoked_before_from": (
        "Återkallelsen ({end}) ligger före samtyckets startdatum ({start}).",
        "The revocation ({end}) is before the consent starts ({start}).",
    ),
    "validation.date_in_future": (
        "{label} kan inte ligga i framtiden ({value}).",
        "{label} cannot be in the future ({value}).",
    ),
    "validation.follow_up_in_past": (
        "Uppföljningen kan inte bokas i det förflutna ({value}).",
        "The follow-up cannot be booked in the past ({value}).",
    ),
    "validation.reason_required": (
        "Ange skäl: {label}.",
        "Give a reason: {label}.",
    ),
    "validation.unknown_reference": (
        "{label} hänvisar till något som inte finns i planen.",
        "{label} refers to something that is not in the plan.",
    ),
    "validation.goal_parent_cycle": (
        "Ett mål kan inte vara delmål till sig självt.",
        "A goal cannot be a sub-goal of itself.",
    ),
    "validation.several": ("{count} fält behöver rättas.", "{count} fields need correcting."),
    "validation.out_of_range": (
        "{label} ska vara mellan {low} och {high} (angivet: {value}).",
        "{label} must be between {low} and {high} (given: {value}).",
    ),
    "follow_up.not_booked": (
        "Mötet är inte ett bokat uppföljningsmöte; det kan redan vara registrerat eller inställt.",
        "The meeting is not a booked follow-up; it may already be recorded or cancelled.",
    ),
    "follow_up.unevaluated": (
        "Inte bedömt än ({count}): {items}. Välj en bedömning för var och en innan "
        "uppföljningen slutförs.",
        "Not yet evaluated ({count}): {items}. Choose an evaluation for each before the "
        "follow-up is completed.",
    ),
    "follow_up.unevaluated_goal": ("målet ”{name}”", 'the goal "{name}"'),
    "follow_up.unevaluated_action": ("insatsen ”{name}”", 'the action "{name}"'),
    "follow_up.no_draft": (
        "Ingen uppföljning håller på att skrivas för planen. Den kan redan vara avslutad.",
        "No follow-up record is being written for this plan. It may already be completed.",
    ),
    "follow_up.nothing_booked": (
        "Planen har inget bokat uppföljningsmöte. Boka det under Nästa uppföljning först.",
        "The plan has no booked follow-up meeting. Book it under Next follow-up first.",
    ),
    "follow_up.draft_exists": (
        "Uppföljningen av mötet {when} håller på att skrivas. Slutför eller släng den först.",
        "The follow-up record of the meeting {when} is being written. Complete or discard it "
        "first.",
    ),
    "calendar.write_failed": (
        "Kalenderfilen kunde inte skrivas: {path} ({detail}).",
        "The calendar file could not be written: {path} ({detail}).",
    ),
    "error.not_found": (
        "Hittar inte {entity} {id}. Den kan ha tagits bort.",
        "Cannot find {entity} {id}. It may have been deleted.",
    ),
    "error.stale": (
        "Planen har ändrats av någon annan sedan du öppnade den. Din ändring sparades inte; "
        "öppna planen igen.",
        "Someone else has changed the plan since you opened it. Your change was not saved; "
        "open the plan again.",
    ),
    "error.signed_immutable": (
        "Version {number} av planen är undertecknad och kan inte ändras.",
        "Version {number} of the plan is signed and cannot be changed.",
    ),
    "error.signed_locked": (
        "En undertecknad version av planen kan inte ändras eller tas bort. Inget ändrades.",
        "A signed version of the plan cannot be changed or deleted. Nothing was changed.",
    ),
    "error.unexpected": (
        "Något oväntat gick fel ({kind}). Det som redan sparats är kvar. "
        "Detaljerna finns i loggen: {log}",
        "Something unexpected went wrong ({kind}). What was already saved is kept. "
        "The details are in the log: {log}",
    ),
    "error.unexpected_no_log": (
        "Något oväntat gick fel ({kind}). Det som redan sparats är kvar. "
        "Kör kommandot igen med --debug för att se detaljerna.",
        "Something unexpected went wrong ({kind}). What was already saved is kept. "
        "Run the command again with --debug to see the details.",
    ),
    "error.plan_not_closed": (
        "Planen är inte avslutad.",
        "The plan is not closed.",
    ),
    "error.plan_closed": (
        "Planen är avslutad och kan inte ändras.",
        "The plan is closed and cannot be changed.",
    ),
    "store.locked": (
        "Databasen är upptagen av ett annat program. Försök igen om en stund.",
        "The database is busy in another program. Try again in a moment.",
    ),
    "store.read_only": (
        "Databasen går bara att läsa, inte skriva: {path}. Kontrollera behörigheter.",
        "The database is read-only: {path}. Check the permissions.",
    ),
    "store.full": (
        "Disken är full. Inget sparades. Frigör utrymme och försök igen.",
        "The disk is full. Nothing was saved. Free some space and try again.",
    ),
    "store.corrupt": (
        "Databasfilen är skadad eller inte en SIP Desk-databas: {path}. "
        "Den senaste säkerhetskopian är {backup}. Stäng SIP Desk och flytta den skadade filen "
        "(och filerna -wal och -shm bredvid den) åt sidan; kopiera sedan säkerhetskopian dit och "
        "ge den samma namn. Det som ändrats efter säkerhetskopian finns inte i den.",
        "The database file is damaged or not a SIP Desk database: {path}. "
        "The newest backup is {backup}. Close SIP Desk and move the damaged file (and the -wal "
        "and -shm files beside it) aside; then copy the backup there under the same name. "
        "Changes made after the backup are not in it.",
    ),
    "store.corrupt_no_backup": (
        "Databasfilen är skadad eller inte en SIP Desk-databas: {path}. Det finns ingen "
        "säkerhetskopia i {backups}. Låt filen vara som den är och kontakta er IT-support.",
        "The database file is damaged or not a SIP Desk database: {path}. There is no backup "
        "in {backups}. Leave the file as it is and contact your IT support.",
    ),
    "store.corrupt_server": (
        "Databasen är skadad eller inte en SIP Desk-databas: {path}. "
        "Be databasens administratör att återställa en säkerhetskopia.",
        "The database is damaged or not a SIP Desk database: {path}. "
        "Ask the database administrator to restore a backup.",
    ),
    "store.no_folder": (
        "Mappen för databasen kan inte skapas: {path} ({detail}). "
        "Välj en annan plats med --db eller kontrollera behörigheterna.",
        "The folder for the database cannot be created: {path} ({detail}). "
        "Choose another place with --db or check the permissions.",
    ),
    "store.cannot_open": (
        "Databasfilen kan inte öppnas eller skapas: {path}. Kontrollera att det är en fil, "
        "att mappen finns och att du får skriva i den.",
        "The database file cannot be opened or created: {path}. Check that it is a file, that "
        "the folder exists and that you may write in it.",
    ),
    "store.too_new": (
        "Databasen har skapats av en nyare version av SIP Desk ({revision}). "
        "Uppdatera programmet för att öppna den.",
        "The database was written by a newer version of SIP Desk ({revision}). "
        "Update the program to open it.",
    ),
    "store.unreachable": (
        "Kan inte ansluta till databasen: {detail}",
        "Cannot connect to the database: {detail}",
    ),
    "store.failed": (
        "Databasen svarade med ett fel; inget ändrades: {detail}",
        "The database reported an error; nothing was changed: {detail}",
    ),
    "snapshot.invalid": (
        "Den sparade versionen av planen går inte att läsa: {detail}",
        "The stored version of the plan cannot be read: {detail}",
    ),
    "signing.no_signatures": (
        "Minst en person måste skriva under innan versionen kan låsas.",
        "At least one person must sign before the version can be locked.",
    ),
    "signing.drawing_missing": (
        '{name} har inte ritat någon underskrift. Rita i rutan eller välj "på papper".',
        '{name} has not drawn a signature. Draw in the box or choose "on paper".',
    ),
    "signing.nothing_new": (
        "Version {number} är redan undertecknad och inget har ändrats sedan dess.",
        "Version {number} is already signed and nothing has changed since.",
    ),
    "signing.incomplete": (
        "Planen kan inte skrivas under än. Det här saknas ({count}):",
        "The plan cannot be signed yet. Missing ({count}):",
    ),
    "signing.late_needs_paper": (
        "En underskrift som lämnas efteråt registreras som underskrift på papper.",
        "A signature given afterwards is recorded as a signature on paper.",
    ),
    "signing.not_signed": (
        "Version {number} är inte undertecknad än.",
        "Version {number} is not signed yet.",
    ),
    "signing.before_version": (
        "Datumet ligger före den dag versionen skrevs under ({date}).",
        "The date is before the day the version was signed ({date}).",
    ),
    "signing.already_signed": (
        "{name} har redan skrivit under den här versionen.",
        "{name} has already signed this version.",
    ),
    "export.write_failed": (
        "Kunde inte spara filen {path}: {detail}",
        "Could not save the file {path}: {detail}",
    ),
    "export.read_failed": (
        "Kunde inte läsa filen {path}: {detail}",
        "Could not read the file {path}: {detail}",
    ),
    "export.language": (
        "Språket {value} finns inte för utskrift. Välj sv, en eller ar.",
        "The language {value} is not available for printing. Choose sv, en or ar.",
    ),
    "seal.load_failed": (
        "Organisationens certifikat (PKCS#12) kunde inte läsas: {detail}. "
        "Kontrollera filen och lösenordet i inställningarna.",
        "The organisation's certificate (PKCS#12) could not be read: {detail}. "
        "Check the file and the password in the settings.",
    ),
    "import.invalid": (
        "Filen kan inte läsas in. Fel vid {where}: {detail}",
        "The file cannot be imported. Error at {where}: {detail}",
    ),
    "import.unknown_version": (
        "Filen har schemaversion {version}, som den här versionen av SIP Desk inte känner till.",
        "The file has schema version {version}, which this version of SIP Desk does not know.",
    ),
    "import.unknown_format": (
        "Filen är ingen plan från SIP Desk (format {format}, väntat sip-desk-plan).",
        "The file is not a SIP Desk plan (format {format}, expected sip-desk-plan).",
    ),
    "import.syntax": (
        "Filen är inte giltig JSON: rad {line}, kolumn {column}: {detail}",
        "The file is not valid JSON: line {line}, column {column}: {detail}",
    ),
    "import.duplicate_ref": (
        "Referensen {value} används av mer än en rad.",
        "The reference {value} is used by more than one row.",
    ),
    "import.signed_other_person": (
        "Den undertecknade versionen {value} gäller en annan person än filens person "
        "(personnumret skiljer sig).",
        "The signed version {value} is about another person than the file's person "
        "(the identity number differs).",
    ),
    "import.signed_changed": (
        "Den undertecknade versionen {value} stämmer inte med sin kontrollsumma: "
        "innehållet har ändrats efter underskriften.",
        "The signed version {value} does not match its checksum: "
        "its content was changed after signing.",
    ),
    "import.duplicate_version": (
        "Versionsnummer {value} finns mer än en gång.",
        "Version number {value} appears more than once.",
    ),
    "import.file_unreadable": (
        "Kan inte läsa filen {path}: {detail}",
        "Cannot read the file {path}: {detail}",
    ),
    "import.not_utf8": (
        "Filen {path} är inte UTF-8-text (byte {position}).",
        "The file {path} is not UTF-8 text (byte {position}).",
    ),
    **SEAL_MESSAGES,
}
MESSAGES.update(PERSON_MESSAGES)


def label(field: str, lang: str) -> str:
    """The display label of a field key in ``lang``; falls back to the key's last part."""
    pair = FIELD_LABELS.get(field)
    if pair is None:
        return field.rsplit(".", 1)[-1]
    return pair[0] if lang == "sv" else pair[1]


def render(code: str, lang: str, params: Mapping[str, object]) -> str:
    """Render message ``code`` in ``lang`` with ``params``; unknown codes render as the code."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    template = pair[0] if lang == "sv" else pair[1]
    values = {k: ("" if v is None else v) for k, v in params.items()}
    field = params.get("field")
    if isinstance(field, str):
        values.setdefault("label", label(field, lang))
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template

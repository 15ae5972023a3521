"""Messages about matching a person against the stored one (new plan, import), sv and en.

Kept beside :mod:`messages`, which merges them into the one catalogue.
"""

from __future__ import annotations

PERSON_MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Swedish, English). Placeholders use str.format names.
    "person.exists_one": (
        "Personen finns redan: {name}, 1 plan. Starta planen för den sparade personen.",
        "The person is already stored: {name}, 1 plan. Start the plan for the stored person.",
    ),
    "person.exists_many": (
        "Personen finns redan: {name}, {count} planer. Starta planen för den sparade personen.",
        "The person is already stored: {name}, {count} plans. "
        "Start the plan for the stored person.",
    ),
    "person.protection_sticky": (
        "Skyddad identitet kan bara tas bort i planens personuppgifter, efter en bekräftelse.",
        "Protected identity can only be removed in the plan's person section, "
        "after a confirmation.",
    ),
    "person.protection_not_removed": (
        "Skyddad identitet behölls.",
        "Protected identity was kept.",
    ),
    "person.import_matched_one": (
        "Personen finns redan: {name}, 1 plan. Den importerade planen kopplades till den "
        "sparade personen.",
        "The person is already stored: {name}, 1 plan. The imported plan was attached to the "
        "stored person.",
    ),
    "person.import_matched_many": (
        "Personen finns redan: {name}, {count} planer. Den importerade planen kopplades till "
        "den sparade personen.",
        "The person is already stored: {name}, {count} plans. The imported plan was attached "
        "to the stored person.",
    ),
    "person.import_differences": (
        "Filens uppgifter om personen skiljer sig från de sparade:",
        "The file's details of the person differ from the stored ones:",
    ),
    "person.difference": (
        "{label} – sparat: {stored}; i filen: {incoming}",
        "{label} – stored: {stored}; in the file: {incoming}",
    ),
    "person.import_not_applied": (
        "De sparade uppgifterna ändrades inte. Importera med --update-person för att föra in "
        "skillnaderna.",
        "The stored details were not changed. Import with --update-person to apply the "
        "differences.",
    ),
    "person.import_applied": (
        "Skillnaderna fördes in i de sparade uppgifterna om personen.",
        "The differences were applied to the stored person.",
    ),
    "person.protection_switched_on": (
        "Filen anger skyddad identitet, så skyddet slås på.",
        "The file marks the identity as protected, so protection is switched on.",
    ),
    "person.protection_kept": (
        "Skyddad identitet behålls: en import slår aldrig av den.",
        "Protected identity is kept: an import never switches it off.",
    ),
    "person.address_kept": (
        "Adressen visas inte och tas aldrig från en fil när identiteten är skyddad.",
        "The address is not shown and never taken from a file when the identity is protected.",
    ),
}

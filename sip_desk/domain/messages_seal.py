"""Messages about signing keys, seals of signed versions and their checks (Swedish, English)."""

from __future__ import annotations

SEAL_MESSAGES: dict[str, tuple[str, str]] = {
    "seal.snapshot_changed": (
        "Det sparade innehållet i version {number} stämmer inte med dess hash: "
        "det har ändrats efter underskriften.",
        "The stored content of version {number} does not match its hash: "
        "it was changed after signing.",
    ),
    "seal.chain_broken": (
        "Version {number} hänger inte ihop med den undertecknade versionen före "
        "(hashkedjan är bruten).",
        "Version {number} does not follow on from the signed version before it "
        "(the hash chain is broken).",
    ),
    "seal.not_sealed": (
        "Version {number} saknar databasnyckelns signatur och kan inte bevisas (den kan vara "
        "tillagd i efterhand, eller inläst från en äldre exportfil).",
        "Version {number} has no signature by a store key and cannot be proven (it may have "
        "been added afterwards, or imported from an older export file).",
    ),
    "seal.signatures_changed": (
        "Underskrifterna på version {number} har lagts till, tagits bort eller ändrats "
        "efter underskriften.",
        "The signatures on version {number} were added, removed or changed after signing.",
    ),
    "seal.key_signature_bad": (
        "Nyckelsignaturen på version {number} stämmer inte (nyckel {key}).",
        "The key signature on version {number} does not match (key {key}).",
    ),
    "seal.key_unknown": (
        "Version {number} är signerad med nyckel {key}, som den här databasen inte känner till.",
        "Version {number} was signed with key {key}, which this store does not know.",
    ),
    "seal.key_file_missing": (
        "Databasens nyckelfil finns inte på den här datorn, så version {number} (nyckel {key}) "
        "kan inte kontrolleras. Ange nyckelfilen med SIP_DESK_SIGNING_KEY eller den publika "
        "nyckeln med --trust-key.",
        "The store's key file is not on this computer, so version {number} (key {key}) cannot "
        "be checked. Give the key file with SIP_DESK_SIGNING_KEY or the public key with "
        "--trust-key.",
    ),
    "seal.key_file_other": (
        "Nyckelfilen på den här datorn hör inte till databasen, så version {number} "
        "(databasens nyckel {key}) kan inte kontrolleras. Ange rätt nyckelfil med "
        "SIP_DESK_SIGNING_KEY eller den publika nyckeln med --trust-key.",
        "The key file on this computer does not belong to the store, so version {number} "
        "(the store's key {key}) cannot be checked. Give the right key file with "
        "SIP_DESK_SIGNING_KEY or the public key with --trust-key.",
    ),
    "seal.late_unsealed": (
        "Underskriften av {name} på version {number} har lagts till utan databasens nyckel.",
        "The signature by {name} on version {number} was added without the store's key.",
    ),
    "seal.wrong_plan": (
        "Version {number} hör inte till plan {plan}: den undertecknades i plan {origin} och har "
        "kopierats hit.",
        "Version {number} does not belong to plan {plan}: it was signed in plan {origin} and "
        "copied here.",
    ),
    "seal.wrong_person": (
        "Version {number} gäller en annan person än plan {plan} (personnumret i den "
        "undertecknade versionen är ett annat).",
        "Version {number} is about another person than plan {plan} (the identity number in the "
        "signed version differs).",
    ),
    "store.version_missing": (
        "Före version {number} saknas version {missing}: en version har tagits bort ur databasen.",
        "Before version {number}, version {missing} is missing: a version was deleted from the "
        "store.",
    ),
    "store.seal_on_draft": (
        "Version {number} är inte undertecknad men har en försegling eller underskrifter: en "
        "undertecknad version har gjorts om till utkast.",
        "Version {number} is not signed but has a seal or signatures: a signed version was "
        "turned back into a draft.",
    ),
    "store.draft_below_signed": (
        "Version {number} är ett utkast men version {signed} är undertecknad: ett utkast kan "
        "bara vara den senaste versionen.",
        "Version {number} is a draft but version {signed} is signed: only the latest version "
        "can be a draft.",
    ),
    "seal.no_signatures": (
        "Version {number} har inga underskrifter.",
        "Version {number} has no signatures.",
    ),
    "seal.unreadable": (
        "Version {number} går inte att läsa: {detail}",
        "Version {number} cannot be read: {detail}",
    ),
    "seal.other_store": (
        "undertecknad i en annan databas (nyckel {key})",
        "signed in another store (key {key})",
    ),
    "version.damaged": (
        "Plan {plan}, version {number} skrivs inte ut och exporteras inte som undertecknad, "
        "eftersom kontrollen misslyckades:\n{detail}",
        "Plan {plan}, version {number} is not printed or exported as signed, because its "
        "check failed:\n{detail}",
    ),
    "key.missing": (
        "Databasens signeringsnyckel (nyckel {key}) finns inte på den här datorn: {path}. "
        "Ange nyckelfilen med miljövariabeln SIP_DESK_SIGNING_KEY.",
        "The store's signing key (key {key}) is not on this computer: {path}. "
        "Give the key file with the environment variable SIP_DESK_SIGNING_KEY.",
    ),
    "key.mismatch": (
        "Nyckelfilen {path} (nyckel {found}) hör inte till den här databasen (nyckel {key}).",
        "The key file {path} (key {found}) does not belong to this store (key {key}).",
    ),
    "key.too_open_checked": (
        "Varning: nyckelfilen {path} kan läsas av andra än ägaren. Kontrollen görs ändå (den "
        "behöver bara den publika nyckeln), men gör filen privat: chmod 600 {path}",
        "Warning: the key file {path} can be read by others than its owner. The check is made "
        "anyway (it needs only the public key), but make the file private: chmod 600 {path}",
    ),
    "key.checked_with_recorded": (
        "Obs: databasens nyckelfil finns inte här, så kontrollen använder den publika nyckeln "
        "{key} som finns i databasen. Den som kan ändra databasen kan också byta ut den: "
        "jämför nyckel-id med 'sip-desk key export' på datorn som har nyckelfilen.",
        "Note: the store's key file is not here, so the check uses the public key {key} "
        "recorded in the store. Whoever can change the store can also replace it: compare the "
        "key id with 'sip-desk key export' on the computer that holds the key file.",
    ),
    "key.too_open": (
        "Nyckelfilen {path} kan läsas av andra än ägaren. Gör den privat: chmod 600 {path}",
        "The key file {path} can be read by others than its owner. Make it private: "
        "chmod 600 {path}",
    ),
    "key.invalid": (
        "{path} är ingen Ed25519-nyckel i PEM-format: {detail}",
        "{path} is not an Ed25519 key in PEM format: {detail}",
    ),
    "key.not_configured": (
        "Ingen signeringsnyckel är angiven för databasen {store}. Ange en nyckelfil med "
        "miljövariabeln SIP_DESK_SIGNING_KEY.",
        "No signing key is set for the store {store}. Give a key file with the environment "
        "variable SIP_DESK_SIGNING_KEY.",
    ),
    "key.write_failed": (
        "Nyckelfilen {path} kunde inte skapas: {detail}",
        "The key file {path} could not be created: {detail}",
    ),
    "import.key_signature_bad": (
        "Den undertecknade versionen {value} har en nyckelsignatur som inte stämmer: filen har "
        "ändrats eller förfalskats. Inget lästes in.",
        "The signed version {value} carries a key signature that does not check: the file was "
        "changed or forged. Nothing was imported.",
    ),
    "import.key_missing": (
        "Den undertecknade versionen {value} saknar nyckelsignatur, eller filen saknar den "
        "publika nyckeln. Inget lästes in.",
        "The signed version {value} has no key signature, or the file lacks the public key. "
        "Nothing was imported.",
    ),
    "import.key_conflict": (
        "Filen anger nyckel {value} med en annan publik nyckel än den databasen redan har. "
        "Inget lästes in.",
        "The file gives key {value} with another public key than the one this store holds. "
        "Nothing was imported.",
    ),
}

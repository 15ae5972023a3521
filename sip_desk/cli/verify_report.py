"""The text of ``sip-desk verify`` and ``verify-store`` (Swedish and English)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from sip_desk.domain.verification import KeyOrigin, Problem, VerificationReport, VersionCheck

TEXT = {
    "sv": {
        "saved": "Sparade plan {plan} version {version} ({state}) till {path}",
        "signed": "undertecknad",
        "draft": "utkast, inte undertecknad",
        "sealed": "Filen är digitalt stämplad.",
        "other_store": "Versionen är undertecknad i en annan databas (nyckel {key}).",
        "hash": "Versionens hash (SHA-256): {value}",
        "plan": "Plan {plan}, version {version}",
        "unreadable": "Filen är ingen plan-PDF från SIP Desk (metadata saknas).",
        "draft_file": "Filen är ett utkast, inte en undertecknad version.",
        "found": "Undertecknad version i databasen: {value}",
        "chain": "Hashen räknad från den lagrade versionen: {value}",
        "key": "Nyckelsignatur: {value}",
        "signatures": "Underskrifterna i filen: {value}",
        "file": "Filen jämfört med den lagrade versionen: {value}",
        "seal": "Digital stämpel: {value}",
        "yes": "hittad",
        "no": "SAKNAS",
        "chain_ok": "stämmer",
        "chain_bad": "STÄMMER INTE (den lagrade versionen har ändrats)",
        "key_own": "giltig, den här databasens nyckel {key}",
        "key_other": "giltig, undertecknad i en annan databas (nyckel {key}), betrodd",
        "key_untrusted": "undertecknad i en annan databas (nyckel {key}), INTE BETRODD: "
        "ange dess publika nyckel med --trust-key FIL",
        "key_bad": "FEL",
        "sigs_ok": "förseglade, samma som i databasen",
        "sigs_later": "förseglade; {count} har skrivit under efter utskriften",
        "sigs_bad": "STÄMMER INTE med de förseglade underskrifterna",
        "file_ok": "oförändrad",
        "file_bad": "okänd: de här byten har inte skrivits ut från den här databasen "
        "(filen kan vara ändrad)",
        "file_missing": "kan inte jämföras: versionen i filen finns inte i databasen (den "
        "kan ha tagits bort eller ändrats där; det säger inget om att filen har ändrats)",
        "file_stored_bad": "kan inte bekräftas: den LAGRADE versionen klarade inte kontrollen "
        "(det säger inget om att filen har ändrats)",
        "but_failed": "{value}, men den lagrade versionen klarade inte kontrollen (se nedan)",
        "failed_parts": "Det som inte stämmer: {parts}",
        "part_found": "versionen finns inte i databasen",
        "part_stored": "den lagrade versionen",
        "part_key": "nyckelsignaturen",
        "part_signatures": "underskrifterna",
        "part_file": "filen",
        "part_seal": "den digitala stämpeln",
        "seal_none": "ingen",
        "seal_ok": "giltig, täcker hela filen ({signer})",
        "seal_bad": "OGILTIG: {reason}",
        "appended": "innehåll har lagts till efter stämpeln",
        "untrusted": "certifikatet är inte betrott (ange --trust CERT)",
        "broken": "signaturen stämmer inte med innehållet",
        "result_ok": "Resultat: OK",
        "result_bad": "Resultat: KONTROLLEN MISSLYCKADES",
        "store_count": "Kontrollerade {count} undertecknade versioner.",
        "store_failed": "FEL i plan {plan}, version {version}:",
        "store_other": "Plan {plan}, version {version}: undertecknad i en annan databas "
        "(nyckel {key}){trust}",
        "store_trusted": ", betrodd",
        "store_untrusted": ", inte betrodd (--trust-key FIL)",
        "store_failures": "Resultat: {count} versioner klarade inte kontrollen",
    },
    "en": {
        "saved": "Saved plan {plan} version {version} ({state}) to {path}",
        "signed": "signed",
        "draft": "draft, not signed",
        "sealed": "The file carries a digital seal.",
        "other_store": "The version was signed in another store (key {key}).",
        "hash": "Version hash (SHA-256): {value}",
        "plan": "Plan {plan}, version {version}",
        "unreadable": "The file is not a SIP Desk plan PDF (no metadata).",
        "draft_file": "The file is a draft, not a signed version.",
        "found": "Signed version in the store: {value}",
        "chain": "Hash recomputed from the stored version: {value}",
        "key": "Key signature: {value}",
        "signatures": "Signatures in the file: {value}",
        "file": "File compared with the stored version: {value}",
        "seal": "Digital seal: {value}",
        "yes": "found",
        "no": "MISSING",
        "chain_ok": "matches",
        "chain_bad": "DOES NOT MATCH (the stored version was changed)",
        "key_own": "valid, this store's key {key}",
        "key_other": "valid, signed in another store (key {key}), trusted",
        "key_untrusted": "signed in another store (key {key}), NOT TRUSTED: "
        "give its public key with --trust-key FILE",
        "key_bad": "FAILED",
        "sigs_ok": "sealed, as in the store",
        "sigs_later": "sealed; {count} signed after this print",
        "sigs_bad": "DO NOT MATCH the sealed signatures",
        "file_ok": "unchanged",
        "file_bad": "unknown: these bytes were not printed from this store (the file may "
        "have been changed)",
        "file_missing": "cannot be compared: the version in the file is not in the store (it "
        "may have been deleted or changed there; this does not say the file was changed)",
        "file_stored_bad": "cannot be confirmed: the STORED version failed its check (this "
        "does not say the file was changed)",
        "but_failed": "{value}, but the stored version failed its check (see below)",
        "failed_parts": "What failed: {parts}",
        "part_found": "the version is not in the store",
        "part_stored": "the stored version",
        "part_key": "the key signature",
        "part_signatures": "the signatures",
        "part_file": "the file",
        "part_seal": "the digital seal",
        "seal_none": "none",
        "seal_ok": "valid, covers the whole file ({signer})",
        "seal_bad": "INVALID: {reason}",
        "appended": "content was added after sealing",
        "untrusted": "the certificate is not trusted (give --trust CERT)",
        "broken": "the signature does not match the content",
        "result_ok": "Result: OK",
        "result_bad": "Result: VERIFICATION FAILED",
        "store_count": "Checked {count} signed versions.",
        "store_failed": "FAILED: plan {plan}, version {version}:",
        "store_other": "Plan {plan}, version {version}: signed in another store (key {key}){trust}",
        "store_trusted": ", trusted",
        "store_untrusted": ", not trusted (--trust-key FILE)",
        "store_failures": "Result: {count} versions failed the check",
    },
}


def text(lang: str) -> dict[str, str]:
    """The texts in ``lang`` (Swedish unless English)."""
    return TEXT["en" if lang == "en" else "sv"]


def report_lines(report: VerificationReport, lang: str) -> list[str]:
    """The verification as lines in ``lang`` (sv or en)."""
    t = text(lang)
    if not report.readable:
        return [t["unreadable"], t["result_bad"]]
    lines = [
        t["plan"].format(plan=report.plan_id, version=report.version_number),
        t["hash"].format(value=report.content_hash or "–"),
    ]
    if not report.content_hash:
        return [*lines, t["draft_file"], t["result_bad"]]
    lines.append(t["found"].format(value=t["yes"] if report.version_found else t["no"]))
    check = report.version
    if check is not None:
        lines.append(
            t["chain"].format(value=t["chain_ok" if report.stored_hash_ok else "chain_bad"])
        )
        lines.append(t["key"].format(value=_qualified(check, _key_text(check, t), t)))
        lines.append(
            t["signatures"].format(value=_qualified(check, _signatures_text(report, t), t))
        )
        lines += [f"  - {line}" for line in check.messages(lang)]
    lines.append(t["file"].format(value=_file_text(report, t)))
    lines.append(t["seal"].format(value=_seal_text(report, t)))
    if not report.ok:
        lines.append(t["failed_parts"].format(parts=", ".join(_failed_parts(report, t))))
    lines.append(t["result_ok" if report.ok else "result_bad"])
    return lines


def _qualified(check: VersionCheck, value: str, t: dict[str, str]) -> str:
    """A line that checks out on its own, said not to vouch for a stored version that failed."""
    good = value not in {t["key_bad"], t["sigs_bad"]}
    return t["but_failed"].format(value=value) if good and not check.ok else value


def _file_text(report: VerificationReport, t: dict[str, str]) -> str:
    """The file line: an unknown file is only called so when the stored version is sound."""
    if report.file_matches:
        return t["file_ok"]
    if not report.version_found:
        return t["file_missing"]
    if report.version is None or not report.version.ok:
        return t["file_stored_bad"]
    return t["file_bad"]


def _failed_parts(report: VerificationReport, t: dict[str, str]) -> list[str]:
    """Which parts of the check failed, in the order of the lines above."""
    check = report.version
    parts = [
        ("part_found", not report.version_found),
        ("part_stored", check is not None and not check.ok),
        ("part_key", check is not None and check.ok and not check.trusted),
        ("part_signatures", check is not None and not report.signatures_match),
        ("part_file", report.version_found and not report.file_matches),
        ("part_seal", report.seal.present and not report.seal.ok),
    ]
    return [t[name] for name, failed in parts if failed]


def _key_text(check: VersionCheck, t: dict[str, str]) -> str:
    if not check.key_id or any(p.code.startswith("seal.key") for p in check.problems):
        return t["key_bad"]
    if check.origin is KeyOrigin.OWN:
        return t["key_own"].format(key=check.key_id)
    return t["key_other" if check.trusted else "key_untrusted"].format(key=check.key_id)


def _signatures_text(report: VerificationReport, t: dict[str, str]) -> str:
    chain = report.version.accepted_chain if report.version else ()
    if not report.signatures_match:
        return t["sigs_bad"]
    if report.signatures_hash and chain and report.signatures_hash != chain[-1]:
        later = len(chain) - 1 - chain.index(report.signatures_hash)
        return t["sigs_later"].format(count=later)
    return t["sigs_ok"]


def _seal_text(report: VerificationReport, t: dict[str, str]) -> str:
    seal = report.seal
    if not seal.present:
        return t["seal_none"]
    if seal.ok:
        return t["seal_ok"].format(signer=seal.signer)
    if not seal.intact:
        reason = t["broken"]
    elif not seal.whole_file:
        reason = t["appended"]
    elif not seal.trusted:
        reason = t["untrusted"]
    else:
        reason = seal.detail or t["broken"]
    return t["seal_bad"].format(reason=reason)


def print_key_notes(notes: Sequence[Problem], lang: str) -> None:
    """Warnings about the key used for the check, on standard error."""
    for note in notes:
        print(note.message(lang), file=sys.stderr)


def store_lines(checks: list[VersionCheck], lang: str) -> list[str]:
    """``verify-store``: each failure with its problems, notes on other stores' keys, result."""
    t = text(lang)
    lines = [t["store_count"].format(count=sum(c.signed for c in checks))]
    for check in checks:
        if not check.ok:
            lines.append(t["store_failed"].format(plan=check.plan_id, version=check.number))
            lines += [f"  - {line}" for line in check.messages(lang)]
        elif check.origin is KeyOrigin.OTHER:
            trust = t["store_trusted" if check.trusted else "store_untrusted"]
            lines.append(
                t["store_other"].format(
                    plan=check.plan_id, version=check.number, key=check.key_id, trust=trust
                )
            )
    failures = sum(not c.ok for c in checks)
    lines.append(t["store_failures"].format(count=failures) if failures else t["result_ok"])
    return lines


def check_json(check: VersionCheck, lang: str) -> dict[str, Any]:
    """One version check as JSON."""
    return {
        "plan_id": check.plan_id,
        "version": check.number,
        "signed": check.signed,
        "ok": check.ok,
        "content_hash": check.content_hash,
        "key_id": check.key_id,
        "key_origin": check.origin.value,
        "key_trusted": check.trusted,
        "sealed_on_upgrade": check.on_upgrade,
        "problems": [{"code": p.code, "message": p.message(lang)} for p in check.problems],
    }


def report_json(report: VerificationReport, lang: str) -> dict[str, Any]:
    """The verification of a file as JSON."""
    return {
        "ok": report.ok,
        "plan_id": report.plan_id,
        "version": report.version_number,
        "content_hash": report.content_hash,
        "file_sha256": report.file_sha256,
        "version_found": report.version_found,
        "stored_hash_ok": report.stored_hash_ok,
        "key_ok": report.key_ok,
        "signatures_match": report.signatures_match,
        "file_matches": report.file_matches,
        "check": check_json(report.version, lang) if report.version else None,
        "seal": {
            "present": report.seal.present,
            "ok": report.seal.ok,
            "intact": report.seal.intact,
            "trusted": report.seal.trusted,
            "whole_file": report.seal.whole_file,
            "signer": report.seal.signer,
        },
    }

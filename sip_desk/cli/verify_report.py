"""The report of ``sip-desk verify`` and ``verify-store`` (texts: ``cli.verify.*``)."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from typing import Any

from sip_desk.cli.common import Runner
from sip_desk.domain.text import text as catalogue_text
from sip_desk.domain.verification import KeyOrigin, VerificationReport, VersionCheck

Texts = Callable[..., str]


def text(lang: str) -> Texts:
    """The texts of ``verify`` in ``lang``: ``t(key, **params)`` is ``cli.verify.<key>``."""
    return lambda key, /, **params: catalogue_text(lang, f"cli.verify.{key}", **params)


def report_lines(report: VerificationReport, lang: str) -> list[str]:
    """The verification as lines in ``lang`` (sv or en)."""
    t = text(lang)
    if not report.readable:
        return [t("unreadable"), t("result_bad")]
    lines = [
        t("plan", plan=report.plan_id, version=report.version_number),
        t("hash", value=report.content_hash or "–"),
    ]
    if not report.content_hash:
        return [*lines, t("draft_file"), t("result_bad")]
    lines.append(t("found", value=t("yes") if report.version_found else t("no")))
    check = report.version
    if check is not None:
        lines.append(t("chain", value=t("chain_ok" if report.stored_hash_ok else "chain_bad")))
        lines.append(t("key", value=_qualified(check, _key_text(check, t), t)))
        lines.append(t("signatures", value=_qualified(check, _signatures_text(report, t), t)))
        lines += [f"  - {line}" for line in check.messages(lang)]
    lines.append(t("file", value=_file_text(report, t)))
    lines.append(t("seal", value=_seal_text(report, t)))
    if not report.ok:
        lines.append(t("failed_parts", parts=", ".join(_failed_parts(report, t))))
    lines.append(t("result_ok" if report.ok else "result_bad"))
    return lines


def _qualified(check: VersionCheck, value: str, t: Texts) -> str:
    """A line that checks out on its own, said not to vouch for a stored version that failed."""
    good = value not in {t("key_bad"), t("sigs_bad")}
    return t("but_failed", value=value) if good and not check.ok else value


def _file_text(report: VerificationReport, t: Texts) -> str:
    """The file line: an unknown file is only called so when the stored version is sound."""
    if report.file_matches:
        return t("file_ok")
    if not report.version_found:
        return t("file_missing")
    if report.version is None or not report.version.ok:
        return t("file_stored_bad")
    return t("file_bad")


def _failed_parts(report: VerificationReport, t: Texts) -> list[str]:
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
    return [t(name) for name, failed in parts if failed]


def _key_text(check: VersionCheck, t: Texts) -> str:
    if not check.key_id or any(p.code.startswith("seal.key") for p in check.problems):
        return t("key_bad")
    if check.origin is KeyOrigin.OWN:
        return t("key_own", key=check.key_id)
    return t("key_other" if check.trusted else "key_untrusted", key=check.key_id)


def _signatures_text(report: VerificationReport, t: Texts) -> str:
    chain = report.version.accepted_chain if report.version else ()
    if not report.signatures_match:
        return t("sigs_bad")
    if report.signatures_hash and chain and report.signatures_hash != chain[-1]:
        later = len(chain) - 1 - chain.index(report.signatures_hash)
        return t("sigs_later", count=later)
    return t("sigs_ok")


def _seal_text(report: VerificationReport, t: Texts) -> str:
    seal = report.seal
    if not seal.present:
        return t("seal_none")
    if seal.ok:
        return t("seal_ok", signer=seal.signer)
    if not seal.intact:
        reason = t("broken")
    elif not seal.whole_file:
        reason = t("appended")
    elif not seal.trusted:
        reason = t("untrusted")
    else:
        reason = seal.detail or t("broken")
    return t("seal_bad", reason=reason)


def print_report(runner: Runner, as_json: bool, value: Any, lines: list[str]) -> None:
    """Warnings about the key used on standard error, then ``value`` as JSON or else ``lines``."""
    for note in runner.services.signing.keys.notes:
        print(note.message(runner.lang), file=sys.stderr)
    if as_json:
        runner.print_json(value)
    else:
        print("\n".join(lines))


def store_lines(checks: list[VersionCheck], lang: str) -> list[str]:
    """``verify-store``: each failure with its problems, notes on other stores' keys, result."""
    t = text(lang)
    lines = [t("store_count", count=sum(c.signed for c in checks))]
    for check in checks:
        if not check.ok:
            lines.append(t("store_failed", plan=check.plan_id, version=check.number))
            lines += [f"  - {line}" for line in check.messages(lang)]
        elif check.origin is KeyOrigin.OTHER:
            trust = t("store_trusted" if check.trusted else "store_untrusted")
            lines.append(
                t(
                    "store_other",
                    plan=check.plan_id,
                    version=check.number,
                    key=check.key_id,
                    trust=trust,
                )
            )
    failures = sum(not c.ok for c in checks)
    lines.append(t("store_failures", count=failures) if failures else t("result_ok"))
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
        "seal": {k: v for k, v in dataclasses.asdict(report.seal).items() if k != "detail"},
    }

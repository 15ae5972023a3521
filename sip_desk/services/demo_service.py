"""Demo data for trying the tool and for benchmarks: the example cases and generated plans.

The example cases of DOMAIN.md are plan files (``resources/demo/*.json``, the export format of
docs/plan-json.md) loaded through the importer as ``sip-desk import`` does, with their dates moved
to today (see :mod:`sip_desk.services.plan_json.dates`). The complete cases are then signed on
paper through the signing service, and one is edited after signing, so the demo shows a draft
with changes awaiting approval. A case whose person (by identity number) is already stored is
skipped, so loading the demo twice adds nothing.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sip_desk.db.cipher import PASSPHRASE_STDIN_ENV
from sip_desk.domain.codec import decode
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import MeetingStatus, PlanStatus, SignatureMethod
from sip_desk.domain.errors import DomainError
from sip_desk.domain.goal import GoalData
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.paths import resource
from sip_desk.services.context import ServiceContext
from sip_desk.services.demo_generator import BATCH_SIZE, GenerationResult, generate_plans
from sip_desk.services.plan_json.dates import aged_identity, written_on

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

# The example cases, in the order they are loaded: resources/demo/<key>.json.
DEMO_CASES = ("adult", "youth", "family", "protected")


@dataclass(frozen=True, kw_only=True)
class DemoLoadResult:
    """What loading the demo cases did (``skipped``: cases whose person was already stored)."""

    created: tuple[tuple[str, int], ...] = ()
    skipped: tuple[str, ...] = ()
    signed: tuple[int, ...] = ()


class DemoService:
    """Fills a store with fictional plans."""

    def __init__(self, ctx: ServiceContext, services: Services) -> None:
        self._ctx = ctx
        self._services = services  # the cases are built through all the other services

    def load_cases(self) -> DemoLoadResult:
        """Import the demo cases that are not stored yet, then sign the complete ones."""
        services = self._services
        today = self._ctx.clock.today()
        created: list[tuple[str, int]] = []
        skipped: list[str] = []
        for key in DEMO_CASES:
            text = demo_case_text(key)
            doc = json.loads(text)
            number = doc["plan"]["person"]["identity_number"]
            if services.plans.find_person(aged_identity(number, written_on(doc), today) or ""):
                skipped.append(key)
                continue
            result = services.transfer.import_with_report(text, as_of_today=True)
            created.append((key, result.plan.id))
        signed = [plan_id for _, plan_id in created if _sign(services, plan_id)]
        if signed:
            _revise_after_signing(services, signed[0])
        return DemoLoadResult(created=tuple(created), skipped=tuple(skipped), signed=tuple(signed))

    def generate(
        self,
        n: int,
        seed: int = 1,
        *,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, int], None] | None = None,
    ) -> GenerationResult:
        """Insert ``n`` generated plans, deterministic for ``seed`` (see :mod:`demo_generator`).

        ``progress(done, n)`` follows each write transaction of ``batch_size`` plans.
        """
        return generate_plans(self._ctx, n, seed, batch_size, progress)

    def generate_apart(
        self,
        n: int,
        seed: int = 1,
        *,
        lang: str = "sv",
        batch_size: int = BATCH_SIZE,
        progress: Callable[[int, int], None] | None = None,
    ) -> GenerationResult:
        """:meth:`generate` in a child process (``sip-desk demo --generated-only``).

        A window calls this from its worker: thousands of plans built in Python would otherwise
        hold the interpreter lock the window needs to paint (gaps of 40–90 ms measured with a
        worker thread). The child writes to the same store (its URL passed in the environment,
        never on the command line); its progress lines reach ``progress``. A failure raises a
        :class:`DomainError` with the child's own message in ``lang``. The passphrase of an
        encrypted store goes to the child on its standard input (a pipe only the two share).
        """
        url = self._ctx.db.engine.url.render_as_string(hide_password=False)
        args = ["demo", "--plans", str(n), "--seed", str(seed), "--generated-only", "--progress"]
        args += ["--batch", str(batch_size), "--lang", lang, "--user", self._ctx.user.user]
        key = self._ctx.db.passphrase
        return run_generation_child(args, {"SIP_DESK_DB": url}, progress, key)


def demo_case_text(key: str) -> str:
    """The plan file of one example case."""
    return resource("demo", f"{key}.json").read_text(encoding="utf-8")


def _sign(services: Services, plan_id: int) -> bool:
    """Sign an active demo plan on paper: the person (or guardians) and every professional present.

    The signatures are dated the day of the first meeting. A draft is left unsigned.
    """
    plan = services.plans.get_plan(plan_id)
    if plan.status is not PlanStatus.ACTIVE:
        return False
    services.signing.sign_version(plan_id, plan.version, _paper_signatures(plan, services))
    return True


def _revise_after_signing(services: Services, plan_id: int) -> None:
    """Edit one signed demo plan: a draft with changes awaiting the person's approval."""
    plan = services.plans.get_plan(plan_id)
    fields = dataclasses.replace(
        plan.fields,
        what_matters=(plan.fields.what_matters + " Att få träffa mina barn varje vecka.").strip(),
    )
    saved = services.plans.update_fields(plan_id, plan.version, fields)
    services.items.add(
        "goal", plan_id, saved.plan.version, GoalData(text="Börja på arbetsträning till våren")
    )


def _paper_signatures(plan: PlanDetail, services: Services) -> list[SignatureDto]:
    held = [m.starts_at for m in plan.meetings if m.status is MeetingStatus.HELD]
    day = min(held).astimezone(LOCAL_TZ).date() if held else services.ctx.clock.today()
    signers = [r.name for r in plan.person.representatives] or [plan.person.full_name]
    signatures = [
        SignatureDto(signer_name=name, is_person=True, method=SignatureMethod.PAPER, signed_on=day)
        for name in signers
    ]
    signatures += [
        SignatureDto(
            signer_name=p.name,
            organisation=p.organisation,
            role=p.role,
            method=SignatureMethod.PAPER,
            signed_on=day,
        )
        for p in plan.participants
        if p.present and not p.is_relative
    ]
    return signatures


def run_generation_child(
    args: list[str],
    env: dict[str, str],
    progress: Callable[[int, int], None] | None,
    passphrase: str | None = None,
) -> GenerationResult:
    """Run ``sip-desk ARGS`` (a ``demo --generated-only --progress`` command) and read its lines.

    ``passphrase`` is written to the child's standard input, with ``SIP_DESK_PASSPHRASE_STDIN``
    telling it to read it from there.
    """
    if passphrase is not None:
        env = {**env, PASSPHRASE_STDIN_ENV: "1"}
    frozen = getattr(sys, "frozen", False)  # a bundled app is its own command line
    command = [sys.executable, *([] if frozen else ["-m", "sip_desk"]), *args]
    result: GenerationResult | None = None
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as errors,
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL if passphrase is None else subprocess.PIPE,
            env={**os.environ, **env},
            text=True,
            encoding="utf-8",
        ) as child,
    ):
        _children.add(child)
        try:
            if passphrase is not None:
                assert child.stdin is not None
                child.stdin.write(passphrase + "\n")
                child.stdin.close()
            assert child.stdout is not None
            for line in child.stdout:
                kind, _, rest = line.strip().partition(" ")
                if kind == "progress" and progress is not None:
                    done, total = rest.split()
                    progress(int(done), int(total))
                elif kind == "generated":
                    result = decode(GenerationResult, json.loads(rest), "generated")
            code = child.wait()
        finally:
            _children.discard(child)
        errors.seek(0)
        said = errors.read().strip()
    if code != 0 or result is None:
        reason = said.splitlines()[-1] if said else f"exit code {code}"
        raise DomainError("demo.generation_failed", reason=reason)
    return result


_children: set[subprocess.Popen[str]] = set()


@atexit.register
def _end_children() -> None:
    """A window closed while generating: its child stops too (its open batch is rolled back)."""
    for child in list(_children):
        child.terminate()

"""What ``verify-store`` checks beyond each signed version: the shape of every plan's versions.

Someone with write access to the store (and the immutability triggers dropped) can demote a
signed version to a draft or delete it. The seal of a single version cannot show that, so the
versions of each plan are checked together: a seal or signature on a version that is not
signed, a missing version number, a draft numbered below a signed version. A broken
``previous_hash`` chain is found by each version's own check (``seal.chain_broken``). Deleting
the *newest* signed version leaves nothing behind in the store; see SECURITY.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sip_desk.db.models import PlanVersion
from sip_desk.domain.enums import VersionState
from sip_desk.domain.verification import Problem


def structure_problems(rows: Iterable[PlanVersion]) -> dict[tuple[int, int], list[Problem]]:
    """Problems by (plan id, version number) for the versions of every plan in ``rows``."""
    by_plan: dict[int, list[PlanVersion]] = defaultdict(list)
    for row in rows:
        by_plan[row.plan_id].append(row)
    found: dict[tuple[int, int], list[Problem]] = defaultdict(list)
    for plan_id, versions in by_plan.items():
        versions.sort(key=lambda v: v.number)
        signed = [v.number for v in versions if v.state is VersionState.SIGNED]
        expected = 1
        for row in versions:
            n, here = row.number, found[(plan_id, row.number)]
            if n > expected:
                missing = ", ".join(str(k) for k in range(expected, n))
                here.append(Problem("store.version_missing", number=n, missing=missing))
            expected = n + 1
            if row.state is VersionState.SIGNED:
                continue
            if row.seal is not None or row.signatures:
                here.append(Problem("store.seal_on_draft", number=n))
            if signed and n < signed[-1]:
                here.append(Problem("store.draft_below_signed", number=n, signed=signed[-1]))
    return {k: v for k, v in found.items() if v}

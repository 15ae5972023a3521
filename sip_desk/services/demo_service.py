"""Demo data for trying the tool and for benchmarks: the example cases and generated plans."""

from __future__ import annotations

from collections.abc import Callable

from sip_desk.services.context import ServiceContext
from sip_desk.services.demo_cases import DemoLoadResult, load_demo_cases
from sip_desk.services.demo_generator import BATCH_SIZE, GenerationResult, generate_plans


class DemoService:
    """Fills a store with fictional plans."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def load_cases(self) -> DemoLoadResult:
        """Store the example cases of DOMAIN.md that are not stored yet (see :mod:`demo_cases`)."""
        # The cases are built through all the other services, which the registry assembles.
        from sip_desk.services.registry import Services

        return load_demo_cases(Services.build(self._ctx))

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

"""Demo data for trying the tool and for benchmarks: the example cases and generated plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sip_desk.services.context import ServiceContext
from sip_desk.services.demo_cases import DemoLoadResult, load_demo_cases
from sip_desk.services.demo_generator import GenerationResult, generate_plans

if TYPE_CHECKING:
    from sip_desk.services.registry import Services


class DemoService:
    """Fills a store with fictional plans."""

    def __init__(self, ctx: ServiceContext, services: Services) -> None:
        self._ctx = ctx
        self._services = services  # the cases are built through all the other services

    def load_cases(self) -> DemoLoadResult:
        """Store the example cases of DOMAIN.md that are not stored yet (see :mod:`demo_cases`)."""
        return load_demo_cases(self._services)

    def generate(self, n: int, seed: int = 1) -> GenerationResult:
        """Insert ``n`` generated plans, deterministic for ``seed`` (see :mod:`demo_generator`)."""
        return generate_plans(self._ctx, n, seed)

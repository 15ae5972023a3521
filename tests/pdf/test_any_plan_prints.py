"""Any plan prints: random plans of every size, in every language, give a PDF showing all text.

The normal run tries a few examples; ``pytest -m soak`` runs many more.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.pdf.render_plan import render_plan
from tests.pdf.pdf_text import needs_poppler
from tests.pdf.random_plan import Sizes, document, words

SIZES = st.builds(
    Sizes,
    actions=st.integers(0, 200),
    participants=st.integers(0, 60),
    changes=st.integers(0, 100),
    long_text=st.integers(0, 20_000),
    seed=st.integers(0, 2**32 - 1),
    language=st.sampled_from(PRINT_LANGUAGES),
)


def _extract(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "plan.pdf"
        source.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
        )
    return done.stdout


def _prints_every_text(sizes: Sizes) -> None:
    doc, shown = document(sizes)

    pdf = render_plan(doc)

    assert pdf.startswith(b"%PDF")
    expected = sum((words(value) for value in shown), start=Counter[str]())
    missing = expected - words(_extract(pdf))
    assert not missing, f"{sum(missing.values())} words missing, e.g. {list(missing)[:10]}"


@needs_poppler
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=SIZES)
def test_any_random_plan_prints_every_text(sizes: Sizes) -> None:
    _prints_every_text(sizes)


@needs_poppler
@pytest.mark.soak
@pytest.mark.timeout(6 * 3600)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=SIZES)
def test_any_random_plan_prints_every_text_soak(sizes: Sizes) -> None:
    _prints_every_text(sizes)

"""Values at the edges, for damaging import files: moments, dates, text, numbers, sizes."""

from __future__ import annotations

from typing import Any

MOMENTS = [
    "9999-12-31T23:59:59-14:00",  # the year 10000 in UTC
    "0001-01-01T00:00:00+14:00",  # the year 0 in UTC
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00Z",
    "2026-02-29T10:00:00Z",
    "2024-02-29T10:00:00+01:00",
    "2026-11-23T24:00:00Z",
    "2026-11-23T10:00:00+99:99",
    "2026-11-23T10:00:00.1234567Z",
    "2026-03-29T02:30:00+01:00",  # inside the spring daylight-saving gap in Sweden
    "2026-10-25T02:30:00+02:00",  # inside the autumn repeat
    "2026-11-23T10:00:00",
    "1900-01-01T00:00:00+00:00",
    "3000-01-01T00:00:00Z",
]
DATES = [
    "9999-12-31",
    "0001-01-01",
    "0000-01-01",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-00-10",
    "1899-12-31",
    "2100-01-01",
    "2026-11-23",
    "2026-1-1",
    "",
]
ODD_TEXT = [
    "\ud800",  # a lone surrogate: valid JSON escape, not encodable as UTF-8
    "\udfff\ud800",
    "\x00",
    "a\x00b",
    "\u202eevil.exe",
    "e\u0301",
    "\ufeff",
    "\uffff",
    "\U0010ffff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂",
    "\r\n\t\x0b\x0c\x1b[31m",
    "' OR 1=1; DROP TABLE plans; --",
    "%s %d {0} {label}",
    "ملخص الخطة",
    "   ",
]
NUMBERS: list[Any] = [
    -1,
    0,
    2**31,
    2**63,
    -(2**63) - 1,
    10**30,
    10**400,
    1.5,
    60.0,
    -0.0,
    1e308,
    float("nan"),
    float("inf"),
    float("-inf"),
]
LENGTHS = [0, 1, 255, 256, 1_000, 10_001, 100_001, 1_000_001]
DEPTHS = [1, 2, 50, 1_000, 100_000]

"""Reads which way a header's sort arrow points, from the pixels the user sees."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView


def arrow_direction(header: QHeaderView, section: int) -> str:
    """ "up" or "down": the arrow's narrow end, found in the section's right-hand part."""
    image = header.grab().toImage()
    left = header.sectionViewportPosition(section) + header.sectionSize(section) - 24
    right = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    widths = []
    for y in range(image.height()):
        dark = [x for x in range(left, right) if image.pixelColor(x, y).lightness() < 110]
        if dark:
            widths.append(len(dark))
    assert len(widths) >= 2, "no sort arrow drawn"
    return "up" if widths[0] < widths[-1] else "down"

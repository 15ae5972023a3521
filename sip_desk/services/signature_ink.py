"""How much ink a drawn signature's PNG holds: a blank or near-blank image is no signature.

Only 8-bit PNGs with an alpha channel (what the signature pad exports) are judged; for any
other kind the ink cannot be told from the background, and ``None`` is returned.
"""

from __future__ import annotations

import struct
import zlib

MIN_INKED_PIXELS = 80  # a dot or a click gives a dozen; a short real stroke several hundred
_CHANNELS = {4: 2, 6: 4}  # colour type -> bytes per pixel (grey+alpha, RGBA), 8 bits each


def inked_pixels(png: bytes) -> int | None:
    """The number of pixels that are not fully transparent, or ``None`` when not judged."""
    try:
        return _count(png)
    except (ValueError, struct.error, zlib.error):
        return None


def _count(png: bytes) -> int | None:
    pos, header, data = 8, b"", bytearray()
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            data += body
        pos += 12 + length
    width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", header[:13])
    if depth != 8 or colour not in _CHANNELS or interlace:
        return None
    bpp = _CHANNELS[colour]
    raw, stride = zlib.decompress(bytes(data)), width * bpp
    previous, inked = bytearray(stride), 0
    for y in range(height):
        start = y * (stride + 1)
        row = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, bpp)
        inked += sum(1 for x in range(bpp - 1, stride, bpp) if row[x])
        previous = row
    return inked


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        above, corner = up[i], up[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + above) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + above) // 2) & 0xFF
        elif kind == 4:
            p = left + above - corner
            pa, pb, pc = abs(p - left), abs(p - above), abs(p - corner)
            best = left if pa <= pb and pa <= pc else above if pb <= pc else corner
            row[i] = (row[i] + best) & 0xFF
    return row

"""PNG pictures read and written with the standard library's zlib (no imaging package):
enough to tell whether a browser's screenshot shows anything, and to crop one for docs/.

Handles what Chromium writes: 8-bit RGB or RGBA, not interlaced (PNG specification,
https://www.w3.org/TR/png/: chunks, zlib-compressed scanlines, one filter byte each).
"""
import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Image:
    def __init__(self, width, height, channels, rows):
        self.width, self.height, self.channels = width, height, channels
        self.rows = rows  # one bytes object per scanline, filters undone

    def pixel(self, x, y):
        at = x * self.channels
        return tuple(self.rows[y][at:at + 3])

    def _dark_mask(self, row, threshold):
        """A number whose byte x is 1 when pixel x of the row is not (nearly) white."""
        dark = row.translate(bytes(1 if b < threshold else 0 for b in range(256)))
        ch = self.channels
        return (int.from_bytes(dark[0::ch], "big") | int.from_bytes(dark[1::ch], "big")
                | int.from_bytes(dark[2::ch], "big"))

    def non_white(self, threshold=245):
        """How many pixels are not (nearly) white."""
        return sum(bin(self._dark_mask(row, threshold)).count("1") for row in self.rows)

    def non_white_columns(self, threshold=245):
        """The columns that hold at least one pixel that is not white."""
        mask = 0
        for row in self.rows:
            mask |= self._dark_mask(row, threshold)
        flags = mask.to_bytes(self.width, "big")
        return {x for x, flag in enumerate(flags) if flag}

    def cropped(self, height):
        return Image(self.width, min(height, self.height), self.channels, self.rows[:height])

    def encode(self):
        """The picture as PNG bytes (filter "none" on every line, best compression)."""
        colour_type = 6 if self.channels == 4 else 2
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, colour_type, 0, 0, 0)
        raw = b"".join(b"\x00" + row for row in self.rows)

        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

        return (SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                + chunk(b"IEND", b""))


_MASKS = {}


def _add_bytes(a, b):
    """(a + b) mod 256, byte by byte, with whole-line integer arithmetic: the high bit of
    each byte is added apart, so no carry crosses into the next byte."""
    n = len(a)
    if n not in _MASKS:
        _MASKS[n] = (int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big"))
    low, high = _MASKS[n]
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return bytearray((((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(n, "big"))


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(data):
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    at, idat, header = len(SIGNATURE), b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        at += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}")
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind in (0, 2):  # none, up: whole lines at once
            line = line if kind == 0 else _add_bytes(line, previous)
            rows.append(bytes(line))
            previous = line
            continue
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, up, corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return Image(width, height, channels, rows)

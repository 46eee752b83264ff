#!/usr/bin/env python3
"""Prints a PNG's size, how many distinct colours it has, and how many of its
pixels are close to each colour given (#rrggbb): enough to tell that a
screenshot of a report rendered (not blank) and shows the colours it should.
Only the standard library (zlib): 8-bit RGB or RGBA, the PNGs Chromium and
Graphviz write.

    scripts/png-colours.py IMAGE.png [#c21a1a ...]
    -> {"width": 1280, "height": 2400, "colours": 5123, "near": {"#c21a1a": 812}}
"""
import json
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB/RGBA, not interlaced (got depth {depth}, colour type {colour})")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        offset = y * (stride + 1)
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    width, height, channels, rows = pixels(path)
    targets = {w: tuple(int(w[i:i + 2], 16) for i in (1, 3, 5)) for w in wanted}
    colours, near = set(), {w: 0 for w in wanted}
    for row in rows:
        for x in range(0, len(row), channels):
            rgb = tuple(row[x:x + 3])
            colours.add(rgb)
            for name, target in targets.items():
                if sum(abs(p - q) for p, q in zip(rgb, target)) <= 30:
                    near[name] += 1
    print(json.dumps({"width": width, "height": height, "colours": len(colours), "near": near}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Generates the Device Explorer's state icons (16x16 and @2x 32x32 PNGs): a shaded dot per state.
# Drawn here, no downloaded art. Run from the repository root: python3 releng/scripts/generate-state-icons.py
import math
import os
import struct
import zlib

OUT = "bundles/dev.onramp.ui/icons/full/obj16"
STATES = {  # name: (fill RGB, outline RGB)
    "state_online": ((46, 160, 67), (28, 110, 45)),
    "state_offline": ((150, 150, 150), (100, 100, 100)),
    "state_usb": ((52, 120, 200), (30, 80, 150)),
    "state_identifying": ((240, 180, 40), (170, 120, 20)),
    "state_failed": ((210, 50, 50), (150, 30, 30)),
    "state_endpoint": ((140, 90, 190), (95, 55, 140)),
}


def png(width, height, pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * width * 4:(y + 1) * width * 4]) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def dot(size, fill, outline):
    pixels = []
    centre = size / 2.0
    radius = size * 0.34
    ring = max(1.0, size / 16.0)
    for y in range(size):
        for x in range(size):
            # 4x4 supersampling for smooth edges
            inside = edge = 0
            for sy in range(4):
                for sx in range(4):
                    d = math.hypot(x + (sx + 0.5) / 4 - centre, y + (sy + 0.5) / 4 - centre)
                    if d <= radius:
                        inside += 1
                        if d > radius - ring:
                            edge += 1
            alpha = inside / 16.0
            if inside == 0:
                pixels += [0, 0, 0, 0]
                continue
            t = edge / inside
            # a light spot up left gives the dot some depth
            light = max(0.0, 1.0 - math.hypot(x - centre * 0.8, y - centre * 0.8) / radius) * 0.35
            colour = [int(min(255, (f * (1 - t) + o * t) + (255 - f) * light * (1 - t))) for f, o in zip(fill, outline)]
            pixels += colour + [int(alpha * 255)]
    return pixels


os.makedirs(OUT, exist_ok=True)
for name, (fill, outline) in STATES.items():
    for size, suffix in ((16, ""), (32, "@2x")):
        with open(os.path.join(OUT, name + suffix + ".png"), "wb") as f:
            f.write(png(size, size, dot(size, fill, outline)))

# Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
# binascii as ESP32 firmware has it: the built-in C module, whose a2b_base64 takes str as well as bytes.
# The WebAssembly port used by the snippet check (check-snippets.mjs) also freezes micropython-lib's binascii.py,
# which rejects str and shadows the built-in module; this file stands before it on sys.path and hands out the
# built-in functions. With no usable entry on sys.path, import finds only the built-in module.
import sys

_self = sys.modules.pop('binascii')
_path = sys.path[:]
sys.path[:] = ['/nonexistent']
try:
    import binascii as _builtin
finally:
    sys.path[:] = _path
    sys.modules['binascii'] = _self

a2b_base64 = _builtin.a2b_base64
b2a_base64 = _builtin.b2a_base64
crc32 = _builtin.crc32
hexlify = _builtin.hexlify
unhexlify = _builtin.unhexlify
del sys, _self, _path, _builtin

# Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
# Run by check-snippets.mjs in every fresh MicroPython before the raw REPL starts: makes the WebAssembly port look
# like ESP32 firmware where the two differ in what snippets use. Leaves no names in the REPL's globals.
import sys
import os
import collections

# The firmware's modules (network, machine, the built-in binascii) come before the port's frozen ones.
sys.path.insert(1, '/firmware-stubs')

# ESP32 firmware has os.uname(); this port's os has none.
_uname = collections.namedtuple('uname_result', ('sysname', 'nodename', 'release', 'version', 'machine'))(
    'esp32', 'esp32', '%d.%d.%d' % sys.implementation.version[:3],
    'v%d.%d.%d on 2025-12-10' % sys.implementation.version[:3], 'Generic ESP32 module with ESP32')
os.uname = lambda _result=_uname: _result

del sys, os, collections, _uname

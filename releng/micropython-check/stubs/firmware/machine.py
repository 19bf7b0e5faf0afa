# Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
# Stand-in for the ESP32 firmware's built-in machine module, for the snippet check (check-snippets.mjs).
# A real reset ends the REPL session; here it raises BoardReset, which the check recognises: it counts the snippet
# as having reset the board and starts a fresh MicroPython that keeps the files, as a board keeps its flash.

# The base MAC of the example board; the Wi-Fi station's MAC is the same on an ESP32.
_ID = b'\x24\x6f\x28\xa1\xb2\xc3'


class BoardReset(BaseException):
    pass


def reset():
    raise BoardReset('machine.reset()')


def soft_reset():
    raise BoardReset('machine.soft_reset()')


def unique_id():
    return _ID


def freq(hz=None):
    if hz is None:
        return 160000000

# Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
# Stand-in for the ESP32 firmware's built-in network module, for the snippet check (check-snippets.mjs).
# Constants have the ESP32 port's values. The air around the example board holds three networks:
#   'HomeNet'      WPA2, password 'correct horse' (connects),
#   'Cafe Guest'   open,
#   'Neighbour 5G' WPA2, password unknown (wrong password: STAT_WRONG_PASSWORD).
# Any other SSID gives STAT_NO_AP_FOUND. After connect() the first status()/isconnected() says STAT_CONNECTING, so
# that polling loops run at least once, as on a board.

STA_IF = 0
AP_IF = 1

STAT_IDLE = 1000
STAT_CONNECTING = 1001
STAT_GOT_IP = 1010
STAT_BEACON_TIMEOUT = 200
STAT_NO_AP_FOUND = 201
STAT_WRONG_PASSWORD = 202
STAT_ASSOC_FAIL = 203
STAT_HANDSHAKE_TIMEOUT = 204

AUTH_OPEN = 0
AUTH_WEP = 1
AUTH_WPA_PSK = 2
AUTH_WPA2_PSK = 3
AUTH_WPA_WPA2_PSK = 4

_MAC = (b'\x24\x6f\x28\xa1\xb2\xc3', b'\x24\x6f\x28\xa1\xb2\xc4')
_AIR = (
    (b'HomeNet', b'\x10\x20\x30\x40\x50\x60', 6, -48, AUTH_WPA2_PSK, False, 'correct horse'),
    (b'Cafe Guest', b'\x10\x20\x30\x40\x50\x61', 11, -71, AUTH_OPEN, False, ''),
    (b'Neighbour 5G', b'\x10\x20\x30\x40\x50\x62', 1, -83, AUTH_WPA2_PSK, False, None),
)
_OFFLINE = ('0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0')
_ONLINE = ('192.168.1.42', '255.255.255.0', '192.168.1.1', '192.168.1.1')
_hostname = 'espressif'
_interfaces = {}


def hostname(name=None):
    global _hostname
    if name is None:
        return _hostname
    _hostname = name


class WLAN:
    def __new__(cls, interface=STA_IF):
        if interface not in (STA_IF, AP_IF):
            raise ValueError('invalid WLAN interface identifier')
        if interface not in _interfaces:
            wlan = object.__new__(cls)
            wlan._if = interface
            wlan._active = False
            wlan._status = STAT_IDLE
            wlan._pending = None
            _interfaces[interface] = wlan
        return _interfaces[interface]

    def __init__(self, interface=STA_IF):
        pass

    def _started(self):
        if not self._active:
            raise OSError('Wifi Not Started')

    def active(self, value=None):
        if value is None:
            return self._active
        self._active = bool(value)
        if not self._active:
            self._status = STAT_IDLE
            self._pending = None

    def scan(self):
        self._started()
        return [entry[:6] for entry in _AIR]

    def connect(self, ssid=None, key=None, *, bssid=None):
        self._started()
        if isinstance(ssid, (bytes, bytearray)):
            ssid = ssid.decode()
        self._status = STAT_CONNECTING
        self._pending = STAT_NO_AP_FOUND
        for entry in _AIR:
            if entry[0].decode() == ssid:
                self._pending = STAT_GOT_IP if entry[6] is not None and entry[6] == (key or '') else STAT_WRONG_PASSWORD

    def disconnect(self):
        self._status = STAT_IDLE
        self._pending = None

    def status(self, param=None):
        if param == 'rssi':
            if self._status != STAT_GOT_IP:
                raise OSError('STA is not connected')
            return -48
        if param is not None:
            raise ValueError('unknown status param')
        current = self._status
        if self._pending is not None:
            self._status = self._pending
            self._pending = None
        return current

    def isconnected(self):
        return self.status() == STAT_GOT_IP

    def ifconfig(self, config=None):
        if config is not None:
            return
        return _ONLINE if self._status == STAT_GOT_IP else _OFFLINE

    def config(self, *args, **kwargs):
        global _hostname
        if kwargs:
            for name, value in kwargs.items():
                if name in ('hostname', 'dhcp_hostname'):
                    _hostname = value
                elif name not in ('ssid', 'key', 'password', 'channel', 'authmode', 'txpower', 'pm', 'reconnects'):
                    raise ValueError('unknown config param')
            return
        if len(args) != 1:
            raise TypeError('can query only one param')
        if args[0] == 'mac':
            return _MAC[self._if]
        if args[0] in ('hostname', 'dhcp_hostname'):
            return _hostname
        if args[0] == 'channel':
            return 6
        raise ValueError('unknown config param')

# Copyright (c) 2026 Onramp contributors. SPDX-License-Identifier: EPL-2.0
# Stand-in for pyDirect's lib/sys/settings.py, for the snippet check (check-snippets.mjs), written from its documented
# behaviour: get() answers the user's value, else the default, else the caller's default, for dotted keys
# ('wifi.ssid'); set() changes the user's values in memory; save() writes them to /settings/user_settings.json
# (creating /settings; on failure it prints and returns False), leaving /settings/default_settings.json untouched;
# reload() reads both files again.
import json

_DEFAULTS = '/settings/default_settings.json'
_USER = '/settings/user_settings.json'
_state = None


def _read(path):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError:
        return {}


def _loaded():
    global _state
    if _state is None:
        _state = (_read(_DEFAULTS), _read(_USER))
    return _state


def _lookup(tree, parts):
    for part in parts:
        if not isinstance(tree, dict):
            return None
        tree = tree.get(part)
        if tree is None:
            return None
    return tree


def get(key, default=None):
    defaults, user = _loaded()
    parts = key.split('.')
    value = _lookup(user, parts)
    if value is None:
        value = _lookup(defaults, parts)
    return default if value is None else value


def set(key, value):
    parts = key.split('.')
    tree = _loaded()[1]
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    tree[parts[-1]] = value


def save():
    import os
    try:
        try:
            os.mkdir('/settings')
        except OSError:
            pass
        with open(_USER, 'w') as f:
            json.dump(_loaded()[1], f)
        return True
    except Exception as e:
        # pyDirect reports a failed save on the console and returns False rather than raising
        print('[settings] Error saving:', e)
        return False


def reload():
    global _state
    _state = None
    _loaded()

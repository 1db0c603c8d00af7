"""The one deterministic zip layout of a bundle (stored entries, fixed headers)."""

from __future__ import annotations

import datetime as dt
import stat
import struct
import zlib


def _zip_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    try:
        moment = dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        return (1980, 1, 1, 0, 0, 0)
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)



_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20
_UTF8 = 0x800
_EXTERNAL = (stat.S_IFREG | 0o644) << 16


def _zip(entries: list[tuple[str, bytes]], created_at: str) -> bytes:
    """The one canonical zip layout of a bundle: stored entries, fixed headers, no extras.

    Entries are stored, not deflated: then every byte of the file is either
    content (covered by the manifest's hashes and signature) or a header that
    :func:`open_bundle` rebuilds and compares, so no byte can change unseen
    (deflate streams have ignored padding bits), and the output does not depend
    on the zlib version.
    """
    return b"".join(_zip_parts(entries, created_at))


def _zip_parts(entries: list[tuple[str, bytes]], created_at: str) -> list[bytes]:
    """The bytes of :func:`_zip`, in pieces (the entries' own bytes among them), so that
    a reader can compare a file with them in place, without building a copy."""
    year, month, day, hour, minute, second = _zip_time(created_at)
    dos_time = (hour << 11) | (minute << 5) | (second // 2)
    dos_date = ((year - 1980) << 9) | (month << 5) | day
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        raw = name.encode("utf-8")
        crc = zlib.crc32(data) & 0xFFFFFFFF
        local = _LOCAL.pack(b"PK\x03\x04", _VERSION, _UTF8, 0, dos_time, dos_date, crc,
                            len(data), len(data), len(raw), 0)
        out += (local, raw, data)
        central.append(_CENTRAL.pack(b"PK\x01\x02", (3 << 8) | _VERSION, _VERSION, _UTF8, 0,
                                     dos_time, dos_date, crc, len(data), len(data), len(raw),
                                     0, 0, 0, 0, _EXTERNAL, offset))
        central.append(raw)
        offset += len(local) + len(raw) + len(data)
    size = sum(map(len, central))
    out += central
    out.append(_END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), size, offset, 0))
    return out


def same_bytes(data: bytes, parts: list[bytes]) -> bool:
    """Whether ``data`` is exactly ``parts`` one after the other (compared in place)."""
    pos = 0
    for part in parts:
        if not data.startswith(part, pos):
            return False
        pos += len(part)
    return pos == len(data)

"""The program's canonical JSON of a row, written by SQLite itself (the bulk paths).

Export and the merge's journal encode tens of thousands of rows; doing it in Python
(one ``json`` call and one dict per row) was most of their time. SQLite builds the
same text in C: keys in sorted order, no spaces, each value through ``json_quote``,
which escapes a text exactly as ``core.journal.canonical_json`` does (checked once per
process, :func:`quotes_like_python`; if a SQLite ever differs, every caller keeps the
Python path). Integers and ``NULL`` are written the same by both; a real or a blob is
not (``1e+16`` is ``1.0e+16`` in SQLite, bytes are ``{"$bytes": base64}`` here), so a
row holding one gets ``NULL`` from the expression and the caller encodes that row in
Python. The text is then byte for byte what ``canonical_json(row)`` gives.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

_CHECKED: list[bool] = []

#: Every character SQLite or Python might escape, and a few that neither should.
_PROBE = "".join(chr(i) for i in range(0x80)) + "\u007f\u0080\u009f\u00a0\u00f1\u00e9" \
    "\u2028\u2029\ufeff\uffff\U0001f600\U0010ffff"


def quotes_like_python(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite's ``json_quote`` (and ``json_object``, which escapes the same
    way) writes texts and integers as the program's canonical encoder does (asked once
    per process)."""
    if not _CHECKED:
        try:
            texts = [_PROBE, "", "ñandú \"comillas\" \\ /", *(_PROBE[i] for i in range(0x80))]
            got = conn.execute("SELECT " + ", ".join("json_quote(?)" for _t in texts),
                               texts).fetchone()
            numbers = [0, -1, 7, 2 ** 53 - 1, -(2 ** 63), 2 ** 63 - 1]
            nums = conn.execute("SELECT " + ", ".join("json_quote(?)" for _n in numbers),
                                numbers).fetchone()
            objects = conn.execute("SELECT " + ", ".join("json_object('k', ?)" for _v in
                                                         texts + numbers),
                                   texts + numbers).fetchone()
            ok = list(got) == [json.encoder.encode_basestring(t) for t in texts] and \
                list(nums) == [str(n) for n in numbers] and \
                list(objects) == ['{"k":' + v + "}" for v in (*got, *nums)]
        except sqlite3.Error:
            ok = False
        _CHECKED.append(ok)
    return _CHECKED[0]


#: Below SQLite's limit on a function's arguments (``printf`` takes one per column).
MAX_COLUMNS = 90


def usable(conn: sqlite3.Connection, columns: Iterable[str]) -> bool:
    """Whether :func:`row_json` can write rows of these columns on this connection."""
    return len(list(columns)) <= MAX_COLUMNS and quotes_like_python(conn)


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A SQL string literal of ``text``."""
    return _literal(text)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def text_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The columns of ``table`` with TEXT affinity: SQLite stores a number put in one as
    text, so such a column never holds a real (a blob, it may)."""
    found = set()
    for _cid, name, declared, *_rest in conn.execute(f"PRAGMA table_info({_quoted(table)})"):
        kind = (declared or "").upper()
        if "INT" not in kind and any(t in kind for t in ("CHAR", "CLOB", "TEXT")):
            found.add(name)
    return found


def row_json(columns: Iterable[str], *, raw: Iterable[str] = (),
             texts: Iterable[str] = ()) -> str:
    """A SQL expression giving ``canonical_json`` of the row's ``columns`` (all of them:
    the whole row), or ``NULL`` for a row holding a real or a blob.

    ``raw`` names columns that hold canonical JSON text already (or ``NULL``, written
    ``null``), put in as they are; one ``printf`` then builds each text (joining the
    pieces with ``||`` copied the growing text once per field). Without them
    ``json_object`` builds it, a third faster. ``texts`` names columns of TEXT affinity
    (:func:`text_columns`): they are not checked row by row for a real or a blob (the
    guard was a fifth of the time of writing the journal); a blob in one makes SQLite
    refuse the whole query (``sqlite3.OperationalError``: "JSON cannot hold BLOB
    values"), and the caller then writes those rows in Python."""
    raw, texts = set(raw), set(texts)
    names = sorted(columns)
    if not names:
        return "'{}'"
    plain = [n for n in names if n not in raw]
    guard = " OR ".join(f"typeof({_quoted(n)}) IN ('real', 'blob')" for n in plain
                        if n not in texts) or "0"
    if not raw and 2 * len(names) <= MAX_COLUMNS:
        pairs = ", ".join(f"{_literal(n)}, {_quoted(n)}" for n in names)
        build = f"json_object({pairs})"
    else:
        template = "{" + ",".join(json.encoder.encode_basestring(n) + ":%s"
                                  for n in names) + "}"
        args = [f"COALESCE({_quoted(n)}, 'null')" if n in raw else f"json_quote({_quoted(n)})"
                for n in names]
        build = f"printf({_literal(template)}, {', '.join(args)})"
    if guard == "0":
        return build
    return f"CASE WHEN {guard} THEN NULL ELSE {build} END"

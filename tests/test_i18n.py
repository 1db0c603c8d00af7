"""Translations: Spanish source, English complete, catalogues compiled, rules kept."""

from __future__ import annotations

import ast
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from cocrea_desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cocrea_desktop"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "plural": (1, 2)}


def source_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), keywords=KEYWORDS, comment_tags=()):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(lang: str):
    with (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "cocrea.po").open("rb") as fh:
        return read_po(fh)


def test_english_catalogue_is_complete():
    cat = catalogue("en")
    missing = []
    for msgid in sorted(source_messages()):
        message = cat.get(msgid)
        strings = () if message is None else (
            message.string if isinstance(message.string, tuple) else (message.string,))
        if message is None or not all(strings) or message.fuzzy:
            missing.append(msgid)
    assert missing == [], "untranslated (run scripts/i18n.py all): {}".format(missing[:20])


def test_placeholders_match_in_translations():
    fmt = string.Formatter()
    bad = []
    for message in catalogue("en"):
        if not message.id or not message.string or (
                isinstance(message.string, tuple) and not all(message.string)):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strs = message.string if isinstance(message.string, tuple) else (message.string,)
        for i, text in enumerate(strs):
            # msgstr[0] says what the singular msgid says, the others what the plural says
            source = ids[min(i, len(ids) - 1)]
            names = {f for _t, f, _s, _c in fmt.parse(source) if f is not None}
            if {f for _t, f, _s, _c in fmt.parse(text) if f is not None} != names:
                bad.append(message.id)
    assert bad == []


def _messages_of_mo(data: bytes) -> dict:
    """The translations a compiled catalogue holds, without its header (tool versions)."""
    import gettext

    table = gettext.GNUTranslations(io.BytesIO(data))._catalog  # noqa: SLF001 - the real table
    return {key: value for key, value in table.items() if key != ""}


def test_compiled_catalogue_is_up_to_date():
    """The .mo holds the same messages as the .po; its header (tool versions) may differ."""
    buffer = io.BytesIO()
    write_mo(buffer, catalogue("en"), use_fuzzy=True)
    compiled = (i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "cocrea.mo").read_bytes()
    expected = _messages_of_mo(buffer.getvalue())
    assert expected, "the English catalogue holds no message"
    assert _messages_of_mo(compiled) == expected, "run: python scripts/i18n.py compile"


def test_catalogue_comparison_ignores_the_tool_header_only():
    """A different Generated-By header passes; one changed translation fails."""
    cat = catalogue("en")
    cat.fuzzy = False
    plain, other_tool, changed = io.BytesIO(), io.BytesIO(), io.BytesIO()
    write_mo(plain, cat, use_fuzzy=True)
    header = cat.mime_headers
    cat.mime_headers = [(k, "Babel 0.0" if k == "Generated-By" else v) for k, v in header]
    write_mo(other_tool, cat, use_fuzzy=True)
    assert _messages_of_mo(plain.getvalue()) == _messages_of_mo(other_tool.getvalue())
    first = next(m for m in cat if m.id and isinstance(m.id, str) and m.string)
    first.string = first.string + " (changed)"
    write_mo(changed, cat, use_fuzzy=True)
    assert _messages_of_mo(changed.getvalue()) != _messages_of_mo(plain.getvalue())


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("_", "N_", "ngettext"):
            yield node


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_translation_calls_follow_the_rules(path):
    tree = ast.parse(path.read_text("utf-8"))
    for call in _calls(tree):
        for arg in call.args[:2]:
            where = "{}:{}".format(path.name, call.lineno)
            assert not isinstance(arg, ast.JoinedStr), "f-string inside _(): " + where
            assert not (isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Mod)), \
                "% inside _(): " + where
            if isinstance(arg, ast.Constant):
                assert arg.value != "", "_(\"\") at " + where
                assert not re.search(r"%\(?\w", arg.value or ""), "%-format at " + where


def test_language_changes_at_run_time():
    seen = []
    remove = i18n.on_language_changed(seen.append)
    try:
        assert i18n.set_language("en") == "en"
        assert i18n._("Sesiones") == "Sessions"
        assert i18n.set_language("es") == "es"
        assert i18n._("Sesiones") == "Sesiones"
        assert i18n.set_language("xx") == "es"  # unknown: Spanish
    finally:
        remove()
    assert seen == ["en", "es"]

"""Maintain the gettext catalogue with Babel.

    python scripts/i18n.py extract   # write resources/locale/cocrea.pot from the sources
    python scripts/i18n.py update    # merge the template into every language's .po
    python scripts/i18n.py compile   # write the .mo files the program loads
    python scripts/i18n.py all       # the three, in order
    python scripts/i18n.py apply     # fill English from i18n-pending/*.tsv (msgid TAB translation)
    python scripts/i18n.py missing   # list messages still untranslated (exit 1 if any)

Source strings are Spanish; every other language must be complete (a test checks).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages import frontend

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
POT = LOCALE / "cocrea.pot"
DOMAIN = "cocrea"
KEYWORDS = "_ N_ ngettext:1,2 pgettext:1c,2 plural:1,2"


def _run(argv: list[str]) -> None:
    frontend.CommandLineInterface().run(["pybabel", "-q", *argv])


def extract() -> None:
    _run(["extract", "--no-location", "--sort-output", "-k", KEYWORDS, "--no-default-keywords",
          "--project", "CoCrea Desktop", "-o", str(POT), str(ROOT / "cocrea_desktop")])
    extract_cli_help()


def extract_cli_help() -> None:
    """Add the help texts of every `cocrea` command (docstrings, options' help=) to the POT.

    Babel reads ``_()`` and ``N_()`` calls but not docstrings, and a command's help is its
    docstring; so the command tree itself is walked (what ``--help`` shows is exactly what
    is extracted, whoever wrote the command and however).
    """
    from babel.messages.pofile import read_po, write_po

    sys.path.insert(0, str(ROOT))
    from cocrea_desktop.cli import cli
    from cocrea_desktop.clihelp import help_messages

    with POT.open("rb") as fh:
        catalog = read_po(fh)
    for msgid in help_messages(cli):
        if msgid not in catalog:
            catalog.add(msgid)
    with POT.open("wb") as fh:
        write_po(fh, catalog, sort_output=True)


def update() -> None:
    _run(["update", "--no-fuzzy-matching", "--ignore-obsolete", "-i", str(POT), "-d", str(LOCALE),
          "-D", DOMAIN])


def compile_() -> None:
    _run(["compile", "-d", str(LOCALE), "-D", DOMAIN, "--use-fuzzy"])


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def apply(lang: str = "en") -> int:
    """Fill untranslated messages of ``lang`` from the TSV files in ``i18n-pending/``."""
    from babel.messages.pofile import read_po, write_po

    pending: dict[str, str] = {}
    for tsv in sorted((ROOT / "i18n-pending").glob("*.tsv")):
        for line in tsv.read_text("utf-8").splitlines():
            if "\t" in line:
                source, target = line.split("\t", 1)
                pending[_unescape(source)] = _unescape(target)
    po = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    filled = 0
    for message in catalog:
        if message.id and isinstance(message.id, str) and not message.string \
                and message.id in pending:
            message.string = pending[message.id]
            message.flags.discard("fuzzy")
            filled += 1
        elif message.id and isinstance(message.id, tuple):
            # Plurals: the singular and the plural msgid each on a line of their own.
            singular, plural = message.id[0], message.id[1]
            if singular in pending and (not any(message.string) or plural in pending):
                message.string = (pending[singular], pending.get(plural, pending[singular]))
                message.flags.discard("fuzzy")
                filled += 1
    with po.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False)
    print(f"{lang}: filled {filled} messages")
    return filled


def missing() -> int:
    from babel.messages.pofile import read_po

    count = 0
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings) or message.fuzzy:
                count += 1
                print(f"{po.parent.parent.name}: {message.id!r}")
    return 1 if count else 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "all"
    if cmd in ("extract", "all"):
        extract()
    if cmd in ("update", "all"):
        update()
    if cmd in ("apply", "all"):
        apply()
    if cmd in ("compile", "all"):
        compile_()
    if cmd == "missing":
        sys.exit(missing())

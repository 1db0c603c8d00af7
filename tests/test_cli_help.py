"""`cocrea --help` in the user's language: Spanish by default, English with --lang en.

Every command of the tree (the areas load lazily; methods add their own) shows its
help, its options' help and click's own words in Spanish, and in English when asked;
every help text is in the catalogue with an English translation.
"""

from __future__ import annotations

import click
import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from cocrea_desktop import i18n
from cocrea_desktop.cli import cli
from cocrea_desktop.clihelp import CLICK_ES, Command, help_messages, help_msgid, walk

#: Click's English words that must never show in the Spanish help.
ENGLISH_CLICK = ("Usage:", "Options:", "Commands:", "Show this message", "[required]",
                 "[default:", "Show the version")
#: Click's (and our) Spanish words that must never show in the English help.
SPANISH_CLICK = ("Uso:", "Opciones:", "Comandos:", "Muestra este mensaje", "[obligatorio]",
                 "[predeterminado:", "[OPCIONES]")

PATHS = [path for path, _command in walk(cli)]


def helptext(path: str, *lang: str) -> str:
    args = [*lang, *path.split()[1:], "--help"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False, prog_name="cocrea")
    assert result.exit_code == 0, result.output
    return result.output


def english_catalogue() -> dict[str, str]:
    with (i18n.LOCALE_DIR / "en" / "LC_MESSAGES" / "cocrea.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh)
                if isinstance(m.id, str) and m.id and not m.fuzzy}


def test_the_tree_has_every_area():
    # The lazy areas and the methods' own groups are walked, not only what is loaded.
    assert len(PATHS) > 100
    for path in ("cocrea attendance sheet", "cocrea ballots scan", "cocrea assembly vote",
                 "cocrea scores agree", "cocrea report third", "cocrea stl add"):
        assert path in PATHS


@pytest.mark.parametrize("path", PATHS)
def test_help_is_spanish_by_default_and_english_on_request(path):
    es = helptext(path)
    en = helptext(path, "--lang", "en")
    assert es != en
    assert es.startswith("Uso: cocrea") and en.startswith("Usage: cocrea")
    assert "Muestra este mensaje y sale." in es and "Show this message and exit." in en
    for word in ENGLISH_CLICK:
        assert word not in es, (path, word)
    for word in SPANISH_CLICK:
        assert word not in en, (path, word)


@pytest.mark.parametrize("path", PATHS)
def test_every_command_says_what_it_does_in_both_languages(path):
    command = dict(walk(cli))[path]
    msgid = help_msgid(command.help)
    assert msgid, f"{path} has no help (its docstring, in Spanish)"
    english = english_catalogue().get(msgid)
    assert english and english != msgid, f"{path}: no English for {msgid!r}"
    first_line = msgid.split("\n")[0].split()[0]
    assert first_line in helptext(path)
    assert english.split()[0] in helptext(path, "--lang", "en")


def test_every_help_text_has_an_english_translation():
    catalogue = english_catalogue()
    missing = [(msgid, where[0]) for msgid, where in help_messages(cli).items()
               if not catalogue.get(msgid)]
    assert missing == [], "add them to i18n-pending/<branch>.tsv, run scripts/i18n.py all " \
                          f"and apply: {missing[:10]}"


def test_clicks_own_words_have_english():
    catalogue = english_catalogue()
    for english, spanish in CLICK_ES.items():
        assert catalogue.get(spanish) == english


def test_option_help_is_translated():
    es = helptext("cocrea attendance sheet")
    en = helptext("cocrea attendance sheet", "--lang", "en")
    assert "Archivo PDF que se escribe." in es and "[obligatorio]" in es
    assert "PDF file to write." in en and "[required]" in en
    assert "Tamaño de papel" in es and "[predeterminado: letter]" in helptext(
        "cocrea ballots print")


def test_group_lists_its_commands_in_the_language():
    es = helptext("cocrea attendance")
    en = helptext("cocrea attendance", "--lang", "en")
    assert "Comandos:" in es and "Guarda un conteo anónimo de asistencia." in es
    assert "Commands:" in en and "Record an anonymous attendance count." in en


def test_usage_errors_are_spanish_by_default():
    runner = CliRunner()

    def invoke(args):
        return runner.invoke(cli, args, prog_name="cocrea")

    result = invoke(["attendance", "sheet"])
    assert result.exit_code == 2
    assert "Error: Falta el argumento 'FILE'." in result.output
    assert "Escriba «cocrea attendance sheet --help» para ver la ayuda." in result.output
    result = invoke(["session", "list", "x.cocrea", "--bogus"])
    assert "No existe la opción '--bogus'." in result.output
    result = invoke(["no-such"])
    assert "No existe el comando 'no-such'." in result.output
    result = invoke(["attendance", "count", "x", "y", "--dimension", "zzz"])
    assert "Valor no válido para '--dimension'" in result.output
    result = invoke(["--lang", "en", "attendance", "sheet"])
    assert "Error: Missing argument 'FILE'." in result.output
    assert "Try 'cocrea attendance sheet --help' for help." in result.output


def test_lang_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("COCREA_LANG", "en")
    assert helptext("cocrea session").startswith("Usage:")
    assert helptext("cocrea session", "--lang", "es").startswith("Uso:")


def test_version_in_the_language():
    runner = CliRunner()
    assert "versión" in runner.invoke(cli, ["--version"]).output
    assert ", version " in runner.invoke(cli, ["--lang", "en", "--version"]).output


def test_every_command_translates_its_help():
    # A command made apart with click.command() (as `report third` is, by the
    # prioritisation method) must say cls=Command, or its help would stay untranslated.
    plain = [path for path, command in walk(cli) if not isinstance(command, Command)]
    assert plain == [], f"use cls=cocrea_desktop.clihelp.Command: {plain}"


def test_every_option_says_what_it_is_for():
    silent = [f"{path} {param.opts[-1]}" for path, command in walk(cli)
              for param in command.params
              if isinstance(param, click.Option) and not param.hidden and not param.help]
    assert silent == [], f"give these options a help= in Spanish: {silent}"

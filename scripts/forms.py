"""Compile the Qt Designer forms: ui/<name>.ui -> cocrea_desktop/ui/forms/<name>_form.py.

    python scripts/forms.py           # compile the forms whose .ui is newer than their .py
    python scripts/forms.py --all     # compile every form
    python scripts/forms.py --check   # compile to memory; exit 1 if a committed form differs

Each .ui is compiled with ``pyside6-uic`` (the one beside this interpreter, so the venv's),
then its ``QCoreApplication.translate(context, text)`` calls become ``_(text)`` from
``cocrea_desktop.i18n``: the Spanish texts of the .ui files are gettext msgids, extracted by
``scripts/i18n.py`` from the generated module like any other ``_()`` call, and the generated
``retranslateUi`` follows a language switch. The generated files are committed, so the
program runs without this step; ``tests/ui/test_forms.py`` fails when one is stale.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
TARGET = ROOT / "cocrea_desktop" / "ui" / "forms"

#: uic's translation call: context, source text, disambiguation (a .ui "comment").
_TRANSLATE = re.compile(
    r'QCoreApplication\.translate\("(?P<context>[^"]*)", (?P<text>u?"(?:[^"\\]|\\.)*"), '
    r'(?P<comment>None|u?"(?:[^"\\]|\\.)*")\)')
#: uic's own header: a comment block up to its closing line of #.
_UIC_HEADER = re.compile(r"\A# -\*- coding: utf-8 -\*-\n\n#{10,}\n.*?\n#{10,}\n", re.DOTALL)


def target_for(ui: Path) -> Path:
    return TARGET / (ui.stem + "_form.py")


def uic_command() -> list[str]:
    """``pyside6-uic`` from this interpreter's environment, run by this interpreter."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        tool = scripts / name
        if tool.exists():
            return [str(tool)] if tool.suffix == ".exe" else [sys.executable, str(tool)]
    raise SystemExit(f"pyside6-uic is not beside {sys.executable} (run scripts/venv.sh test)")


def _python_string(text: str) -> str:
    """A double-quoted literal that keeps accents readable (the file is UTF-8)."""
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 32 or ch in "\u2028\u2029":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def compile_form(ui: Path, rel: str | None = None) -> str:
    """The Python module for ``ui``, as it should be committed (``rel``: the .ui's path
    in the header, by default its place under the project)."""
    rel = rel or ui.relative_to(ROOT).as_posix()
    result = subprocess.run([*uic_command(), "-g", "python", str(ui)], capture_output=True,
                            text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {rel}:\n{result.stderr}")
    code = result.stdout.replace("\r\n", "\n")

    def translate(match: re.Match) -> str:
        if match["comment"] != "None":
            raise SystemExit(f"{rel}: a translation comment (disambiguation) is not supported: "
                             f"{match[0]}")
        return "_({})".format(_python_string(ast.literal_eval(match["text"])))

    code = _TRANSLATE.sub(translate, code)
    code = _UIC_HEADER.sub("", code, count=1)
    lines = code.splitlines(keepends=True)
    last_import = max(node.end_lineno for node in ast.parse(code).body
                      if isinstance(node, ast.Import | ast.ImportFrom))
    lines.insert(last_import, "from cocrea_desktop.i18n import _\n")
    code = "".join(lines)
    header = (f"# Generated from {rel} by scripts/forms.py — do not edit.\n"
              f"# Change the form in Qt Designer ({rel}), then run: python scripts/forms.py\n")
    return header + code.lstrip("\n").rstrip() + "\n"


def forms() -> list[Path]:
    return sorted(SOURCES.glob("*.ui"))


def stale(ui: Path) -> bool:
    target = target_for(ui)
    return not target.exists() or ui.stat().st_mtime > target.stat().st_mtime


def main(argv: list[str]) -> int:
    if "--check" in argv:
        differ = [ui for ui in forms()
                  if not target_for(ui).exists()
                  or target_for(ui).read_text("utf-8") != compile_form(ui)]
        for ui in differ:
            print(f"stale: {target_for(ui).relative_to(ROOT)} (run: python scripts/forms.py)")
        return 1 if differ else 0
    every = "--all" in argv
    for ui in forms():
        if every or stale(ui):
            target = target_for(ui)
            target.write_text(compile_form(ui), "utf-8", newline="\n")
            print(f"{ui.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""ruff keeps the package to the project's rule set ([tool.ruff.lint] in pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cocrea_desktop"


def test_ruff_finds_nothing_in_the_package():
    exe = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(exe), "check", "--no-cache", "--output-format", "concise",
                             "cocrea_desktop"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _formatted_literals_inside_translation_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("_", "N_", "ngettext"):
            for arg in node.args[:2]:
                if isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and \
                        arg.func.attr == "format" and isinstance(arg.func.value, ast.Constant):
                    yield node.lineno


def test_the_rules_never_ask_for_an_f_string_inside_a_translation():
    # UP032 turns "...".format() into an f-string. A message is translated first and
    # formatted after (_("... {n}").format(n=...)), which UP032 leaves alone; only a
    # literal formatted inside _() (a bug of its own: no catalogue holds the result)
    # would be turned into the f-string that tests/test_i18n.py forbids.
    found = [f"{path.relative_to(ROOT)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
             for line in _formatted_literals_inside_translation_calls(
                 ast.parse(path.read_text("utf-8")))]
    assert found == []

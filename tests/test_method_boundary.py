"""A method is one package (issue 13): outside ``cocrea_desktop/methods/`` no module asks
which method a session is (``.method ==``, ``method.key ==``, ``method in (...)``) or
names a built-in method by its key. What differs between methods is asked of the
method's package (its store, migrations, report, room, cli, qt modules), so a new
method needs no edit anywhere else."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cocrea_desktop"
BUILTIN_KEYS = ("nominal_group", "fishbowl", "idea_fair")

#: A comparison with a method key.
COMPARISON = re.compile(
    r"""\.method\s*(==|!=)"""                       # session.method == ...
    r"""|\[\s*["']method["']\s*\]\s*(==|!=)"""      # snap.session["method"] == ...
    r"""|\bmethod\.key\s*(==|!=)"""                 # method.key == ...
    r"""|\bmethod\s+(not\s+)?in\s*[(\[{]"""         # method in ("fishbowl", ...)
    r"""|\.method\s+(not\s+)?in\s*[(\[{]""")
#: A built-in method's key written as a string.
KEY_STRING = re.compile("[\"'](" + "|".join(BUILTIN_KEYS) + ")[\"']")

#: Files allowed to name a method key, and why (data only: no behaviour depends on it).
ALLOWED_KEY_STRINGS = {
    "store/demo.py": "the demo sessions' data names each session's method",
}


def offenders(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(("methods/", "ui/forms/")):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if COMPARISON.search(code):
                found.append(f"{relative}:{number}: compares a method: {line.strip()}")
            if KEY_STRING.search(code) and relative not in ALLOWED_KEY_STRINGS:
                found.append(f"{relative}:{number}: names a method key: {line.strip()}")
    return found


def test_no_module_outside_the_method_packages_branches_on_a_method():
    assert offenders() == []


def test_the_check_sees_a_branch(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "x.py").write_text(
        'if snap.session["method"] == "fishbowl":\n    pass\n'
        "if method.key == KEY:\n    pass\n"
        "if session.method in (A, B):\n    pass\n"
        'KIND = "idea_fair"  # a key as data\n', encoding="utf-8")
    (tmp_path / "methods" / "fishbowl").mkdir(parents=True)
    (tmp_path / "methods" / "fishbowl" / "x.py").write_text(
        'if method.key == "fishbowl":\n    pass\n', encoding="utf-8")
    found = offenders(tmp_path)
    assert len(found) == 5 and all(f.startswith("store/x.py") for f in found), found

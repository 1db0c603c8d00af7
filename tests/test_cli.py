"""The `cocrea` command, driven with click's CliRunner on real files; docs cover every command."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from cocrea_desktop.cli import cli, load_areas
from cocrea_desktop.store.demo import DEMO_SESSIONS

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_init_add_list_info_verify(tmp_path):
    path = tmp_path / "pal"
    out = run("init", str(path), "--name", "PAL Ixtlán 2027", "--municipality", "Ixtlán",
              "--state", "Oaxaca", "--period", "2027", "--body", "STL Ixtlán").output
    db = tmp_path / "pal.cocrea.db"
    assert str(db) in out and db.exists()

    added = json.loads(run("session", "add", str(db), "--method", "nominal_group",
                           "--question", "¿Qué le falta al mercado?", "--table", "Mesa 1",
                           "--date", "2027-04-02", "--json").output)
    assert added["method_name"] == "Grupo nominal" and added["table"] == "Mesa 1"
    run("session", "add", str(db), "--method", "fishbowl", "--question", "¿Y el agua?")

    listed = json.loads(run("session", "list", str(db), "--json").output)
    assert [s["question"] for s in listed] == ["¿Qué le falta al mercado?", "¿Y el agua?"]
    assert "Grupo nominal" in run("session", "list", str(db)).output

    run("session", "edit", str(db), added["id"][:8], "--place", "Mercado", "--status", "closed")
    run("session", "archive", str(db), added["id"])
    listed = json.loads(run("session", "list", str(db), "--all", "--json").output)
    first = [s for s in listed if s["id"] == added["id"]][0]
    assert first["place"] == "Mercado" and first["archived"] and first["status"] == "closed"

    info = json.loads(run("info", str(db), "--json").output)
    assert info["name"] == "PAL Ixtlán 2027" and info["sessions"] == 1
    assert info["archived_sessions"] == 1
    assert "Municipio: Ixtlán" in run("info", str(db)).output

    verified = run("verify", str(db))
    assert "Integridad: ok" in verified.output and "correcta" in verified.output


def test_user_errors_are_one_clear_line(tmp_path):
    db = tmp_path / "x.cocrea.db"
    run("init", str(db), "--name", "X")
    bad = run("session", "add", str(db), "--method", "asamblea", "--question", "¿?", ok=False)
    assert bad.exit_code == 1
    assert "no es un método conocido" in bad.output and "Traceback" not in bad.output
    text = tmp_path / "notas.cocrea.db"
    text.write_text("hola")
    bad = run("info", str(text), ok=False)
    assert bad.exit_code == 1 and "no es un proceso de CoCrea" in bad.output


def test_english_messages(tmp_path):
    db = tmp_path / "x.cocrea.db"
    run("init", str(db), "--name", "X")
    assert "Integrity: ok" in run("--lang", "en", "verify", str(db)).output


def test_demo_command(tmp_path):
    db = tmp_path / "demo.cocrea.db"
    run("demo", str(db))
    listed = json.loads(run("session", "list", str(db), "--json").output)
    from cocrea_desktop.store.demo import DEMO_SESSIONS

    assert len(listed) == len(DEMO_SESSIONS)
    assert {s["method"] for s in listed} == {m for m, *_rest in DEMO_SESSIONS}


def test_verify_reports_a_tampered_journal(tmp_path):
    import sqlite3

    db = tmp_path / "x.cocrea.db"
    run("init", str(db), "--name", "X")
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER journal_no_update")
    conn.execute("UPDATE journal SET action = 'forged' WHERE seq = 1")
    conn.commit()
    conn.close()
    result = run("verify", str(db), ok=False)
    assert result.exit_code == 2 and "ALTERADA" in result.output


def all_command_paths(group: click.Group, prefix: str = "cocrea") -> list[str]:
    load_areas()
    paths = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            paths += all_command_paths(command, path)
        else:
            paths.append(path)
    return paths


def test_every_command_is_documented():
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    headings = {line.lstrip("#").strip().strip("`") for line in doc.splitlines()
                if line.startswith("#")}
    missing = [p for p in all_command_paths(cli) if not any(h.startswith(p) for h in headings)]
    assert missing == []


def test_every_option_is_documented():
    load_areas()
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")

    def walk(group):
        for command in group.commands.values():
            if isinstance(command, click.Group):
                yield from walk(command)
            else:
                yield command

    missing = []
    for command in walk(cli):
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--") and opt not in doc:
                        missing.append(f"{command.name} {opt}")
    assert missing == []


def test_session_end_lists_what_is_left_then_concludes(tmp_path):
    from cocrea_desktop.store.repo import Repo

    db = tmp_path / "agua.cocrea.db"
    with Repo.create(db, name="PAL 2027") as repo:
        sid, _ = repo.add_session(method="fishbowl", question="¿Cómo cuidar el río?")
        repo.fishbowl.add_group(sid, "Ejidatarios")
        repo.phases.go_to(sid, "turns")
        repo.ideas.add(sid, "Reforestar la ribera")
    checked = run("session", "end", str(db), sid[:8], "--check").output
    assert "Queda pendiente:" in checked
    assert "La idea 1 no está en ningún grupo de ideas." in checked
    assert "La relatoría está vacía." in checked
    assert "Sesión concluida." not in checked
    with Repo.open(db, read_only=True) as repo:
        assert repo.session(sid).status == "in_progress"
    assert "Sesión concluida." in run("session", "end", str(db), sid[:8]).output
    with Repo.open(db, read_only=True) as repo:
        assert repo.session(sid).status == "closed"
    again = run("session", "end", str(db), sid[:8], ok=False)
    assert again.exit_code != 0 and "ya está concluida" in again.output

"""`cocrea jury ...`: the citizens' jury from the command line (found by
``commands.load_all`` as this package's ``cli`` module): the pool, the quotas, the
draw and its record, its verification, replacements, witnesses, recommendations and
the jury's report."""

from __future__ import annotations

import click

from cocrea_desktop.cli import cli, echo_json, fail_cleanly, open_repo
from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import _

FILE = click.argument("file", type=click.Path(exists=True, dir_okay=False))


@cli.group()
def jury() -> None:
    """Citizens' jury drawn by lot: pool, quotas, draw, witnesses, recommendations."""


@jury.command("pool")
@FILE
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--with-contacts", is_flag=True,
              help="Include names and contacts (personal data; left out by default).")
@fail_cleanly
def jury_pool(file: str, session_id: str, as_json: bool, with_contacts: bool) -> None:
    """The volunteers' pool: number, features, status (names only with --with-contacts)."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = []
        for v in repo.jury.volunteers(session.id):
            if v.erased:
                continue
            row = {"number": v.number, "features": v.features, "status": v.status}
            if with_contacts:
                row.update(name=v.name, contact=v.contact)
            rows.append(row)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['number']:>4}  " + " · ".join(
            f"{k}: {val}" for k, val in sorted(row["features"].items()))
            + f"  [{row['status']}]" + (f"  {row['name']}" if with_contacts else ""))
    click.echo(_("{count} personas voluntarias").format(count=len(rows)))


@jury.command("add")
@FILE
@click.argument("session_id")
@click.option("--name", required=True, help="The volunteer's name.")
@click.option("--contact", default="", help="Phone or other contact.")
@click.option("--community", required=True)
@click.option("--sex", required=True)
@click.option("--age", required=True, help="Age band, e.g. 18-29.")
@click.option("--feature", "extra", multiple=True, metavar="NAME=VALUE",
              help="Another feature the quotas count (repeatable).")
@click.option("--consent", is_flag=True,
              help="The person heard the privacy notice and accepts to enter the draw.")
@fail_cleanly
def jury_add(file: str, session_id: str, name: str, contact: str, community: str, sex: str,
             age: str, extra: tuple[str, ...], consent: bool) -> None:
    """Register one volunteer (only with --consent, after the privacy notice)."""
    features = {"comunidad": community, "sexo": sex, "edad": age}
    for item in extra:
        key, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput(_("Cada característica se escribe NOMBRE=VALOR: «{item}».")
                               .format(item=item))
        features[key] = value
    with open_repo(file) as repo:
        session = repo.session(session_id)
        v, _c = repo.jury.add_volunteer(session.id, name=name, contact=contact,
                                        features=features, consent=consent)
    click.echo(_("Registrada la persona voluntaria {number}.").format(number=v.number))


@jury.command("quota")
@FILE
@click.argument("session_id")
@click.argument("feature")
@click.argument("value")
@click.argument("minimum", type=int)
@click.argument("maximum", type=int)
@fail_cleanly
def jury_quota(file: str, session_id: str, feature: str, value: str, minimum: int,
               maximum: int) -> None:
    """Set the quota of one value of one feature: at least MINIMUM, at most MAXIMUM."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.jury.set_quota(session.id, feature, value, minimum, maximum)
    click.echo(_("Cuota fijada: «{feature}: {value}», de {low} a {high}.").format(
        feature=feature, value=value, low=minimum, high=maximum))


@jury.command("quotas")
@FILE
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def jury_quotas(file: str, session_id: str, as_json: bool) -> None:
    """The quotas set."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        rows = [{"feature": q.feature, "value": q.value, "min": q.min, "max": q.max}
                for q in repo.jury.quotas(session.id)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['feature']}: {row['value']}  {row['min']}–{row['max']}")


def _record_dict(record, panel) -> dict:
    return {"seed": record.seed, "dice": record.dice, "witnesses": record.witnesses,
            "algorithm": record.algorithm, "size": record.size, "quotas": record.quotas,
            "probabilities": record.probabilities, "panel": record.panel,
            "replacements": record.replacements, "current_panel": [v.number for v in panel]}


@jury.command("draw")
@FILE
@click.argument("session_id")
@click.option("--size", type=click.IntRange(10, 30), default=12, show_default=True,
              help="People on the jury.")
@click.option("--dice", required=True, help="The dice rolls made in the room (at least 10).")
@click.option("--witnesses", required=True, help="Who saw the dice rolled.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def jury_draw(file: str, session_id: str, size: int, dice: str, witnesses: str,
              as_json: bool) -> None:
    """Draw the jury (maximin, seeded by the dice) and record it."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        record, _c = repo.jury.draw(session.id, size=size, dice=dice, witnesses=witnesses,
                                    progress=lambda text: click.echo(text, err=True))
        data = _record_dict(record, repo.jury.panel(session.id))
    if as_json:
        echo_json(data)
        return
    click.echo(_("Semilla: {seed} · algoritmo: {algorithm}").format(**data))
    click.echo(_("Jurado: {numbers}").format(numbers=", ".join(map(str, data["panel"]))))
    click.echo(_("Suplentes en orden: {numbers}").format(
        numbers=", ".join(map(str, data["replacements"]))))


@jury.command("show")
@FILE
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@fail_cleanly
def jury_show(file: str, session_id: str, as_json: bool) -> None:
    """The recorded draw: seed, quotas, probabilities, panel, replacements."""
    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        record = repo.jury.record(session.id)
        if record is None:
            from cocrea_desktop.core.errors import RuleViolation

            raise RuleViolation(_("Aún no hay sorteo."))
        data = _record_dict(record, repo.jury.panel(session.id))
    if as_json:
        echo_json(data)
        return
    click.echo(_("Semilla: {seed} · algoritmo: {algorithm}").format(**data))
    click.echo(_("Jurado: {numbers}").format(numbers=", ".join(map(str, data["current_panel"]))))
    for key, p in sorted(data["probabilities"].items(), key=lambda kv: int(kv[0])):
        click.echo(f"{key:>4}  {100 * p:5.1f} %")


@jury.command("verify")
@FILE
@click.argument("session_id")
@fail_cleanly
def jury_verify(file: str, session_id: str) -> None:
    """Draw again from the recorded dice, pool and quotas; say whether the same jury comes
    out (exit 1 if not)."""
    from cocrea_desktop.methods.jury import draw as lottery

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        record = repo.jury.record(session.id)
        if record is None:
            from cocrea_desktop.core.errors import RuleViolation

            raise RuleViolation(_("Aún no hay sorteo."))
        volunteers = {k: dict(repo.jury.volunteer_by_number(session.id, int(k)).features)
                      for k in record.probabilities}
    data = lottery.DrawInput(volunteers, tuple(lottery.Quota(**q) for q in record.quotas),
                             record.size, record.seed)
    result = lottery.run_draw(data)
    same = ([int(k) for k in result.panel] == record.panel
            and [int(k) for k in result.replacements] == record.replacements)
    if same:
        click.echo(_("El sorteo se repitió y dio el mismo jurado y los mismos suplentes."))
        return
    click.echo(_("El sorteo repetido NO coincide con el registrado."), err=True)
    raise SystemExit(1)


@jury.command("replace")
@FILE
@click.argument("session_id")
@click.argument("number", type=int)
@click.option("--reason", default="", help="Why the person withdraws.")
@fail_cleanly
def jury_replace(file: str, session_id: str, number: int, reason: str) -> None:
    """A jury member withdraws: the next replacement that keeps the quotas enters."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        new, _c = repo.jury.replace(session.id, number, reason=reason)
    click.echo(_("Entra al jurado la persona suplente {new} en lugar de la {old}.").format(
        new=new.number, old=number))


@jury.command("witness")
@FILE
@click.argument("session_id")
@click.option("--name", required=True)
@click.option("--role", required=True)
@click.option("--summary", default="")
@click.option("--document", "documents", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="A document (repeatable).")
@fail_cleanly
def jury_witness(file: str, session_id: str, name: str, role: str, summary: str,
                 documents: tuple[str, ...]) -> None:
    """Record a witness heard, with the SHA-256 of each document."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        w, _c = repo.jury.add_witness(session.id, name=name, role=role, summary=summary,
                                      documents=list(documents))
    click.echo(_("Testimonio {number} anotado: {name}.").format(number=w.number, name=w.name))
    for d in w.documents:
        click.echo(f"  {d['sha256']}  {d['name']}")


@jury.command("note")
@FILE
@click.argument("session_id")
@click.argument("text")
@fail_cleanly
def jury_note(file: str, session_id: str, text: str) -> None:
    """Add a note of the deliberation."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.jury.add_note(session.id, text)
    click.echo(_("Nota anotada."))


@jury.command("recommend")
@FILE
@click.argument("session_id")
@click.argument("text")
@click.option("--support", type=int, default=None,
              help="Without consensus: members in favour (then --against, --abstain).")
@click.option("--against", type=int, default=0)
@click.option("--abstain", type=int, default=0)
@fail_cleanly
def jury_recommend(file: str, session_id: str, text: str, support: int | None, against: int,
                   abstain: int) -> None:
    """Record a recommendation: by consensus, or with its level of support (--support)."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        if support is None:
            rec, _c = repo.jury.add_recommendation(session.id, text=text)
        else:
            rec, _c = repo.jury.add_recommendation(session.id, text=text, agreement="support",
                                                   support=support, against=against,
                                                   abstain=abstain)
    click.echo(_("Recomendación {number} anotada: {agreement}.").format(
        number=rec.number, agreement=rec.agreement_text()))


@jury.command("record")
@FILE
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter")
@fail_cleanly
def jury_record(file: str, session_id: str, output: str, paper: str) -> None:
    """Print the record of the draw (acta del sorteo)."""
    from cocrea_desktop.methods.jury.pdf import write_draw_record

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_draw_record(repo, session.id, output, paper=paper)
    click.echo(_("Acta escrita en {path}").format(path=target))


@jury.command("report")
@FILE
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter")
@fail_cleanly
def jury_report(file: str, session_id: str, output: str, paper: str) -> None:
    """Print the jury's report: witnesses, deliberation, recommendations."""
    from cocrea_desktop.methods.jury.pdf import write_jury_report

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_jury_report(repo, session.id, output, paper=paper)
    click.echo(_("Informe escrito en {path}").format(path=target))

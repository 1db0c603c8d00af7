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
    """Jurado ciudadano por sorteo: padrón, cuotas, sorteo, testigos, recomendaciones."""


@jury.command("pool")
@FILE
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@click.option("--with-contacts", is_flag=True,
              help="Incluye nombres y contactos (datos personales; se omiten por omisión).")
@fail_cleanly
def jury_pool(file: str, session_id: str, as_json: bool, with_contacts: bool) -> None:
    """El padrón de voluntarios: número, características, estado (nombres solo con
    --with-contacts)."""
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
@click.option("--name", required=True, help="El nombre del voluntario.")
@click.option("--contact", default="", help="Teléfono u otro contacto.")
@click.option("--community", required=True, help="Comunidad donde vive.")
@click.option("--sex", required=True,
              help="Sexo, como lo cuentan las cuotas (p. ej. mujer, hombre).")
@click.option("--age", required=True, help="Rango de edad, p. ej. 18-29.")
@click.option("--feature", "extra", multiple=True, metavar="NAME=VALUE",
              help="Otra característica que cuentan las cuotas (se puede repetir).")
@click.option("--consent", is_flag=True,
              help="La persona escuchó el aviso de privacidad y acepta entrar al sorteo.")
@fail_cleanly
def jury_add(file: str, session_id: str, name: str, contact: str, community: str, sex: str,
             age: str, extra: tuple[str, ...], consent: bool) -> None:
    """Registra a un voluntario (solo con --consent, después del aviso de privacidad)."""
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
    """Fija la cuota de un valor de una característica: al menos MINIMUM, a lo más MAXIMUM."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.jury.set_quota(session.id, feature, value, minimum, maximum)
    click.echo(_("Cuota fijada: «{feature}: {value}», de {low} a {high}.").format(
        feature=feature, value=value, low=minimum, high=maximum))


@jury.command("quotas")
@FILE
@click.argument("session_id")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def jury_quotas(file: str, session_id: str, as_json: bool) -> None:
    """Las cuotas fijadas."""
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
              help="Personas en el jurado.")
@click.option("--dice", required=True, help="Las tiradas de dados hechas en la sala (al menos "
                                            "10).")
@click.option("--witnesses", required=True, help="Quién vio tirar los dados.")
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def jury_draw(file: str, session_id: str, size: int, dice: str, witnesses: str,
              as_json: bool) -> None:
    """Sortea el jurado (maximin, con semilla de los dados) y lo registra."""
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
@click.option("--json", "as_json", is_flag=True, help="Imprime JSON.")
@fail_cleanly
def jury_show(file: str, session_id: str, as_json: bool) -> None:
    """El sorteo registrado: semilla, cuotas, probabilidades, jurado, reemplazos."""
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
    """Sortea de nuevo con los dados, el padrón y las cuotas registrados; dice si sale el
    mismo jurado (sale con 1 si no)."""
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
@click.option("--reason", default="", help="Por qué se retira la persona.")
@fail_cleanly
def jury_replace(file: str, session_id: str, number: int, reason: str) -> None:
    """Un integrante del jurado se retira: entra el siguiente reemplazo que respeta las cuotas."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        new, _c = repo.jury.replace(session.id, number, reason=reason)
    click.echo(_("Entra al jurado la persona suplente {new} en lugar de la {old}.").format(
        new=new.number, old=number))


@jury.command("witness")
@FILE
@click.argument("session_id")
@click.option("--name", required=True, help="Nombre del testigo.")
@click.option("--role", required=True, help="Cargo o de dónde viene.")
@click.option("--summary", default="", help="Lo que dijo, en resumen.")
@click.option("--document", "documents", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="Un documento (se puede "
                                                                 "repetir).")
@fail_cleanly
def jury_witness(file: str, session_id: str, name: str, role: str, summary: str,
                 documents: tuple[str, ...]) -> None:
    """Registra a un testigo escuchado, con el SHA-256 de cada documento."""
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
    """Agrega una nota de la deliberación."""
    with open_repo(file) as repo:
        session = repo.session(session_id)
        repo.jury.add_note(session.id, text)
    click.echo(_("Nota anotada."))


@jury.command("recommend")
@FILE
@click.argument("session_id")
@click.argument("text")
@click.option("--support", type=int, default=None,
              help="Sin consenso: integrantes a favor (luego --against, --abstain).")
@click.option("--against", type=int, default=0, help="Integrantes en contra.")
@click.option("--abstain", type=int, default=0, help="Integrantes que se abstienen.")
@fail_cleanly
def jury_recommend(file: str, session_id: str, text: str, support: int | None, against: int,
                   abstain: int) -> None:
    """Registra una recomendación: por consenso, o con su nivel de apoyo (--support)."""
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
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def jury_record(file: str, session_id: str, output: str, paper: str) -> None:
    """Imprime el acta del sorteo."""
    from cocrea_desktop.methods.jury.pdf import write_draw_record

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_draw_record(repo, session.id, output, paper=paper)
    click.echo(_("Acta escrita en {path}").format(path=target))


@jury.command("report")
@FILE
@click.argument("session_id")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Archivo PDF que se escribe.")
@click.option("--paper", type=click.Choice(["letter", "a4"]), default="letter",
              help="Tamaño de papel (letter = carta, a4).")
@fail_cleanly
def jury_report(file: str, session_id: str, output: str, paper: str) -> None:
    """Imprime el informe del jurado: testigos, deliberación, recomendaciones."""
    from cocrea_desktop.methods.jury.pdf import write_jury_report

    with open_repo(file, read_only=True) as repo:
        session = repo.session(session_id)
        target = write_jury_report(repo, session.id, output, paper=paper)
    click.echo(_("Informe escrito en {path}").format(path=target))

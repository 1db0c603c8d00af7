"""The citizens' jury's draw: fair to each volunteer, reproducible by anyone.

The panel is chosen with the Sortition Foundation's ``sortition-algorithms``
(Flanigan et al., Nature 2021): a distribution over every panel that meets the
quotas is computed that makes the smallest selection probability of any volunteer as
large as possible (*maximin*; *leximin*, the fairest, needs a commercial solver that
cannot be installed from the registries, so it is never used here), and one panel is
drawn from that distribution. The randomness comes only from a public seed made in
the room from dice rolls: the same seed, pool and quotas give the same panel and the
same replacement order on any computer. To be sure of that the computation runs in a
child process with a fixed ``PYTHONHASHSEED`` (set iteration order would otherwise
change between runs) and feeds the volunteers in the order of their numbers.

Nothing here touches the process file: :func:`run_draw` takes plain values and
returns plain values (:class:`DrawResult`), so that the store journals the result
and the tests can draw thousands of times.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace

from cocrea_desktop.core.errors import InvalidInput, RuleViolation
from cocrea_desktop.i18n import _

#: The selection algorithm used and printed in the record.
ALGORITHM = "maximin"
#: A process-wide constant, so that set iteration in the package is the same everywhere.
HASH_SEED = "0"
MIN_PANEL = 2
MAX_PANEL = 60


@dataclass(frozen=True)
class Quota:
    feature: str
    value: str
    min: int
    max: int


@dataclass(frozen=True)
class DrawInput:
    """What a draw depends on, all of it printed in the record."""

    #: Volunteer key (their number in the pool, as text) -> {feature: value}.
    volunteers: dict[str, dict[str, str]]
    quotas: tuple[Quota, ...]
    size: int
    seed: int


@dataclass
class DrawResult:
    algorithm: str
    seed: int
    #: Volunteer key -> probability of being on the panel under the distribution drawn from.
    probabilities: dict[str, float]
    #: The panel's volunteer keys, sorted by number.
    panel: list[str]
    #: The others, in the order they are called when someone on the panel withdraws.
    replacements: list[str]
    #: The distribution itself: panels (sorted keys) and their probabilities.
    committees: list[list[str]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


def seed_from_dice(dice: Sequence[int | str]) -> tuple[int, str]:
    """The public seed: the first 12 hexadecimal digits of SHA-256 of the rolls joined
    by commas ("3,6,1,..."), read as a number. Returns (seed, the text hashed)."""
    rolls = parse_dice(dice)
    text = ",".join(str(r) for r in rolls)
    return int(hashlib.sha256(text.encode("ascii")).hexdigest()[:12], 16), text


def parse_dice(dice: Sequence[int | str] | str) -> list[int]:
    if isinstance(dice, str):
        dice = [p for p in dice.replace(",", " ").split() if p]
    rolls: list[int] = []
    for part in dice:
        text = str(part).strip()
        if not text.isdigit() or not 1 <= int(text) <= 6:
            raise InvalidInput(_("Cada tirada de dado debe ser un número del 1 al 6; «{value}» "
                                 "no lo es.").format(value=text))
        rolls.append(int(text))
    if len(rolls) < 10:
        raise InvalidInput(_("Se necesitan al menos 10 tiradas de dado para la semilla pública "
                             "(hay {count}).").format(count=len(rolls)))
    return rolls


def check_quotas(volunteers: Mapping[str, Mapping[str, str]], quotas: Sequence[Quota],
                 size: int) -> None:
    """Refuse, in Spanish and naming the quota, what no panel can meet."""
    if not MIN_PANEL <= size <= MAX_PANEL:
        raise InvalidInput(_("El jurado debe tener entre {low} y {high} personas.").format(
            low=MIN_PANEL, high=MAX_PANEL))
    if len(volunteers) < size:
        raise RuleViolation(_("Hay {count} personas voluntarias y el jurado pide {size}: se "
                              "necesitan más voluntarias.").format(count=len(volunteers),
                                                                   size=size))
    features: dict[str, list[Quota]] = {}
    for q in quotas:
        if q.min < 0 or q.max < q.min:
            raise InvalidInput(_("La cuota de «{feature}: {value}» no es válida: el mínimo "
                                 "({low}) no puede ser mayor que el máximo ({high}).").format(
                feature=q.feature, value=q.value, low=q.min, high=q.max))
        features.setdefault(q.feature, []).append(q)
    for feature, qs in features.items():
        values = {q.value for q in qs}
        for key, data in volunteers.items():
            if data.get(feature, "") not in values:
                raise RuleViolation(_("La persona voluntaria {number} tiene «{value}» en "
                                      "«{feature}», que no tiene cuota. Agregue una cuota "
                                      "para ese valor.").format(
                    number=key, value=data.get(feature, "") or "—", feature=feature))
        for q in qs:
            available = sum(1 for d in volunteers.values() if d.get(feature) == q.value)
            if q.min > available:
                raise RuleViolation(_("La cuota «{feature}: {value}» pide al menos {low} y "
                                      "solo hay {available} voluntarias con ese valor.").format(
                    feature=feature, value=q.value, low=q.min, available=available))
        low = sum(q.min for q in qs)
        high = sum(min(q.max, sum(1 for d in volunteers.values() if d.get(feature) == q.value))
                   for q in qs)
        if low > size:
            raise RuleViolation(_("Las cuotas de «{feature}» piden al menos {low} personas en "
                                  "total y el jurado es de {size}.").format(
                feature=feature, low=low, size=size))
        if high < size:
            raise RuleViolation(_("Las cuotas de «{feature}» permiten a lo más {high} personas "
                                  "en total y el jurado es de {size}.").format(
                feature=feature, high=high, size=size))


def _package_inputs(data: DrawInput):
    from sortition_algorithms.features import FeatureValueMinMax, set_default_max_flex
    from sortition_algorithms.people import People
    from sortition_algorithms.utils import CaseInsensitiveDict

    features = CaseInsensitiveDict()
    for q in data.quotas:
        features.setdefault(q.feature, CaseInsensitiveDict())
        features[q.feature][q.value] = FeatureValueMinMax(min=q.min, max=q.max)
    set_default_max_flex(features)
    people = People(list(features))
    for row, key in enumerate(sorted(data.volunteers, key=_key_order), start=2):
        values = {f: data.volunteers[key].get(f, "") for f in features}
        people.add(key, values, features, row)
    return features, people


def _key_order(key: str) -> tuple[int, str]:
    return (int(key), key) if key.isdigit() else (10**9, key)


def distribution(data: DrawInput) -> tuple[list[list[str]], list[float], dict[str, float]]:
    """The maximin distribution over panels and each volunteer's probability (in process)."""
    from sortition_algorithms import errors as sa_errors
    from sortition_algorithms.committee_generation import (
        find_distribution_maximin,
        standardize_distribution,
    )
    from sortition_algorithms.utils import set_random_provider

    check_quotas(data.volunteers, data.quotas, data.size)
    set_random_provider(data.seed or 1)
    features, people = _package_inputs(data)
    try:
        committees, weights, _report = find_distribution_maximin(features, people, data.size, [])
    except sa_errors.InfeasibleQuotasError as err:
        raise RuleViolation(_infeasible_message(data, err.features)) from err
    except sa_errors.SortitionBaseError as err:
        raise RuleViolation(_("No hay ningún jurado posible con estas cuotas y estas "
                              "voluntarias. Revise las cuotas.")) from err
    committees, weights = standardize_distribution(committees, weights)
    ordered = sorted(zip((sorted(c, key=_key_order) for c in committees), weights, strict=True))
    panels = [c for c, _w in ordered]
    weights = [w for _c, w in ordered]
    probabilities = {key: 0.0 for key in data.volunteers}
    for panel, weight in zip(panels, weights, strict=True):
        for key in panel:
            probabilities[key] += weight
    return panels, weights, {k: min(1.0, max(0.0, p)) for k, p in probabilities.items()}


def _infeasible_message(data: DrawInput, relaxed) -> str:
    changes = []
    for q in data.quotas:
        try:
            new = relaxed[q.feature][q.value]
        except KeyError:
            continue
        if new.min != q.min or new.max != q.max:
            changes.append(_("«{feature}: {value}» (de {low}–{high} a {nlow}–{nhigh})").format(
                feature=q.feature, value=q.value, low=q.min, high=q.max, nlow=new.min,
                nhigh=new.max))
    if not changes:
        return _("Las cuotas juntas no se pueden cumplir con estas voluntarias.")
    return _("Las cuotas juntas no se pueden cumplir con estas voluntarias; habría que "
             "cambiar: {changes}.").format(changes="; ".join(changes))


def pick(panels: list[list[str]], weights: list[float], volunteers: Sequence[str],
         seed: int) -> tuple[list[str], list[str]]:
    """Draw one panel from the distribution and the replacement order, from ``seed`` alone."""
    rng = random.Random(seed)
    point = rng.random()
    chosen = panels[-1]
    total = 0.0
    for panel, weight in zip(panels, weights, strict=True):
        total += weight
        if point < total:
            chosen = panel
            break
    rest = [k for k in sorted(volunteers, key=_key_order) if k not in set(chosen)]
    rng.shuffle(rest)
    return list(chosen), rest


def compute(data: DrawInput) -> DrawResult:
    """The whole draw, in this process."""
    panels, weights, probabilities = distribution(data)
    panel, replacements = pick(panels, weights, list(data.volunteers), data.seed)
    return DrawResult(ALGORITHM, data.seed, probabilities, panel, replacements, panels, weights)


def _encode(data: DrawInput) -> str:
    return json.dumps({"volunteers": data.volunteers, "quotas": [asdict(q) for q in data.quotas],
                       "size": data.size, "seed": data.seed}, sort_keys=True)


def _decode(text: str) -> DrawInput:
    raw = json.loads(text)
    return DrawInput({str(k): dict(v) for k, v in raw["volunteers"].items()},
                     tuple(Quota(**q) for q in raw["quotas"]), int(raw["size"]), int(raw["seed"]))


def canonical(data: DrawInput) -> DrawInput:
    """The same draw input in one order: quotas by feature and value, each volunteer's
    features by name. The solver's result depends on the order it is given the features,
    so a pool and quotas read back from a file (in the file's order) must draw exactly as
    when they were typed in: the demo's stored draw did not repeat from its own file."""
    quotas = tuple(sorted(data.quotas, key=lambda q: (q.feature, q.value)))
    volunteers = {k: {f: v[f] for f in sorted(v)} for k, v in data.volunteers.items()}
    return replace(data, quotas=quotas, volunteers=volunteers)


def run_draw(data: DrawInput, *, progress: Callable[[str], None] | None = None,
             timeout: float = 1800) -> DrawResult:
    """The draw in a child process with a fixed hash seed (reproducible everywhere).

    The quotas are checked here first, so that an impossible one is refused at once with
    its Spanish explanation. A frozen program (whose executable is not a Python
    interpreter) runs it in this process instead: its build fixes the hash seed to the
    same value (``packaging/cocrea.spec``).
    """
    data = canonical(data)
    check_quotas(data.volunteers, data.quotas, data.size)
    if progress:
        progress(_("Calculando la probabilidad de cada persona voluntaria…"))
    if getattr(sys, "frozen", False):
        return compute(data)
    env = dict(os.environ, PYTHONHASHSEED=HASH_SEED)
    try:
        proc = subprocess.run([sys.executable, "-m", __name__], input=_encode(data),
                              capture_output=True, text=True, env=env, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired as err:
        raise RuleViolation(_("El sorteo tardó más de {minutes} minutos y se detuvo; nada "
                              "cambió. Pruebe con menos características o cuotas más "
                              "amplias.").format(minutes=round(timeout / 60))) from err
    except OSError as err:
        raise RuleViolation(_("El sorteo no pudo completarse: {reason}").format(
            reason=err.strerror or str(err))) from err
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuleViolation(_("El sorteo no pudo completarse: {reason}").format(
            reason=(proc.stderr.strip().splitlines() or ["?"])[-1]))
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(_MARK)]
    if not lines:
        raise RuleViolation(_("El sorteo no pudo completarse: {reason}").format(
            reason=(proc.stderr.strip().splitlines() or ["?"])[-1]))
    answer = json.loads(lines[-1][len(_MARK):])
    if "error" in answer:
        raise RuleViolation(answer["error"])
    if progress:
        progress(_("Sorteo hecho."))
    return DrawResult(**answer)


_MARK = "COCREA-JURY-DRAW "


def _main() -> None:  # the child process: JSON in, one marked JSON line out
    import logging

    logging.disable(logging.CRITICAL)
    data = _decode(sys.stdin.read())
    try:
        answer = asdict(compute(data))
    except (RuleViolation, InvalidInput) as err:
        answer = {"error": str(err)}
    sys.stdout.write("\n" + _MARK + json.dumps(answer) + "\n")


if __name__ == "__main__":
    _main()

"""Personal data: the privacy notice, attendance dimensions, and checks for leaks.

Rules (methods.md, "Personal data"): the attendance sheet prints a simplified
privacy notice before anyone writes; the responsible body's name and the notice
text are set per process (never a hard-coded authority: the legal frame changed
in 2025). Attendance is recorded as anonymous counts by dimension; a person's
name, optional phone and consent ticks only when the process needs them.
Sensitive traits (origin, language, political opinion...) exist only as counts:
the person record has no field for them. Open data never holds a name or a
contact, and :func:`find_personal_values` checks that.

Pure functions, no files, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cocrea_desktop.core.errors import InvalidInput
from cocrea_desktop.i18n import N_, _

#: Placeholders a notice text may use; filled from the process when printed.
BODY_PLACEHOLDER = "{responsable}"
FULL_NOTICE_PLACEHOLDER = "{aviso_integral}"
#: Printed where a name or a place is not configured, so it can be filled by hand.
BLANK = "________________________________"

MAX_NOTICE_LENGTH = 4000
MAX_CATEGORY_LENGTH = 80
MAX_NAME_LENGTH = 200
MAX_COUNT = 100_000

#: Attendance dimensions, in display order, with their Spanish labels.
DIMENSIONS: dict[str, str] = {
    "sector": N_("Sector"),
    "sex": N_("Sexo"),
    "age_band": N_("Edad"),
    "community": N_("Comunidad"),
    "language": N_("Lengua"),
}

#: Fixed categories per dimension (key -> label); dimensions not here take free text.
CATEGORIES: dict[str, dict[str, str]] = {
    "sector": {
        "gobierno": N_("Gobierno"),
        "sociedad_civil": N_("Sociedad civil"),
        "academia": N_("Academia"),
        "ciudadania": N_("Ciudadanía"),
        "otro": N_("Otro"),
    },
    "sex": {
        "mujer": N_("Mujer"),
        "hombre": N_("Hombre"),
        "otro": N_("Otra identidad"),
        "no_dice": N_("Prefiere no decir"),
    },
    "age_band": {
        "menos_18": N_("Menos de 18"),
        "18_29": N_("18 a 29"),
        "30_44": N_("30 a 44"),
        "45_59": N_("45 a 59"),
        "60_mas": N_("60 o más"),
    },
}

#: Dimensions tallied by hand at the foot of the paper attendance sheet.
SHEET_TALLIES = ("sex", "age_band")


def dimension_label(dimension: str) -> str:
    return _(DIMENSIONS[dimension]) if dimension in DIMENSIONS else dimension


def category_label(dimension: str, category: str) -> str:
    """The label of a fixed category, or the free-text category as typed."""
    fixed = CATEGORIES.get(dimension, {})
    return _(fixed[category]) if category in fixed else category


def _fold(text: str) -> str:
    """Lower case without accents and with single spaces/underscores, for matching."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\s_]+", " ", text).strip().lower()


def clean_dimension(dimension: str) -> str:
    key = str(dimension).strip()
    if key not in DIMENSIONS:
        raise InvalidInput(_("«{dimension}» no es una dimensión de asistencia; use una de: "
                             "{known}.").format(dimension=key, known=", ".join(DIMENSIONS)))
    return key


def clean_category(dimension: str, category: str) -> str:
    """The stored key of a category: a fixed key (by key or label), or clean free text."""
    dimension = clean_dimension(dimension)
    text = " ".join(str(category).split())
    if not text:
        raise InvalidInput(_("Escriba la categoría (por ejemplo, el nombre de la comunidad)."))
    fixed = CATEGORIES.get(dimension)
    if fixed is None:
        if len(text) > MAX_CATEGORY_LENGTH:
            raise InvalidInput(_("La categoría es demasiado larga (máximo {max} caracteres).")
                               .format(max=MAX_CATEGORY_LENGTH))
        return text
    wanted = _fold(text)
    for key, label in fixed.items():
        if wanted in (_fold(key), _fold(label), _fold(_(label))):
            return key
    raise InvalidInput(_("«{category}» no es una categoría de «{dimension}»; use una de: "
                         "{known}.").format(category=text, dimension=dimension_label(dimension),
                                            known=", ".join(fixed)))


def clean_count(value: object) -> int:
    try:
        count = int(str(value).strip())
    except (TypeError, ValueError):
        raise InvalidInput(_("El conteo debe ser un número entero.")) from None
    if count < 0:
        raise InvalidInput(_("El conteo no puede ser negativo."))
    if count > MAX_COUNT:
        raise InvalidInput(_("El conteo es demasiado grande."))
    return count


# -- the privacy notice ---------------------------------------------------------------


def default_notice() -> str:
    """The simplified notice (Spanish source), with the placeholders for the process.

    It names no authority: ``{responsable}`` is filled with the responsible body
    configured for the process, ``{aviso_integral}`` with where the full notice is.
    """
    return _(
        "{responsable} es responsable del tratamiento de los datos personales que usted "
        "anote en esta lista. Los usamos para registrar su asistencia y dar cuenta de quiénes "
        "participaron en este ejercicio de cocreación; para eso no se necesita su "
        "consentimiento. Solo con su consentimiento (marque la casilla si está de acuerdo) "
        "usaremos su teléfono para informarle del seguimiento de las propuestas y podremos "
        "publicar fotografías en las que usted aparezca. No haremos transferencias de sus "
        "datos que requieran su consentimiento. Si no desea que sus datos se usen para las "
        "finalidades que requieren consentimiento, deje las casillas sin marcar o dígalo a la "
        "persona que facilita; en cualquier momento puede pedir ver, corregir o borrar sus "
        "datos. El aviso de privacidad integral está en: {aviso_integral}.")


@dataclass(frozen=True)
class PrivacySettings:
    """What a process says about personal data; empty fields fall back to defaults."""

    body: str = ""
    notice: str = ""
    full_notice_at: str = ""

    def effective_body(self, fallback: str = "") -> str:
        return self.body.strip() or fallback.strip()

    def template(self) -> str:
        return self.notice.strip() or default_notice()


def render_notice(settings: PrivacySettings, *, fallback_body: str = "") -> str:
    """The notice as printed: placeholders filled, blanks left to fill by hand.

    Only the two known placeholders are replaced (a typed brace elsewhere is kept).
    """
    body = settings.effective_body(fallback_body) or BLANK
    where = settings.full_notice_at.strip() or BLANK
    text = settings.template()
    return text.replace(BODY_PLACEHOLDER, body).replace(FULL_NOTICE_PLACEHOLDER, where)


def clean_privacy(body: str, notice: str, full_notice_at: str) -> PrivacySettings:
    body = " ".join(str(body).split())
    where = " ".join(str(full_notice_at).split())
    notice = str(notice).strip()
    if notice == default_notice().strip():
        notice = ""  # keep following the default (and its translations)
    if len(notice) > MAX_NOTICE_LENGTH:
        raise InvalidInput(_("El aviso es demasiado largo (máximo {max} caracteres).").format(
            max=MAX_NOTICE_LENGTH))
    if len(body) > MAX_NAME_LENGTH or len(where) > MAX_NAME_LENGTH * 2:
        raise InvalidInput(_("El nombre del responsable o la dirección del aviso integral son "
                             "demasiado largos."))
    return PrivacySettings(body=body, notice=notice, full_notice_at=where)


# -- people (only when the process needs them) ------------------------------------------


@dataclass(frozen=True)
class Person:
    """One row of the attendance list kept in the program (only when the process needs it).

    There is no field for sex, age, origin, language or opinions: those are counts only.
    An erased person keeps the row number (so the sheet's numbering stays) and nothing else.
    """

    id: str
    session_id: str
    number: int
    name: str = ""
    phone: str = ""
    consent_contact: bool = False
    consent_photos: bool = False
    erased: bool = False


def clean_person_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise InvalidInput(_("Escriba el nombre de la persona."))
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(_("El nombre es demasiado largo."))
    return name


def clean_phone(phone: str) -> str:
    """A phone as typed, with only digits, spaces and + - ( ) kept; empty is fine."""
    phone = " ".join(str(phone or "").split())
    if not phone:
        return ""
    if not re.fullmatch(r"[0-9+()\- ]{4,30}", phone) or sum(ch.isdigit() for ch in phone) < 4:
        raise InvalidInput(_("«{phone}» no parece un número de teléfono.").format(phone=phone))
    return phone


# -- leak checks ------------------------------------------------------------------------


def personal_needles(values: Iterable[str]) -> list[str]:
    """The forms of each personal value to search for (folded text; phones as digits)."""
    needles: set[str] = set()
    for value in values:
        value = str(value or "").strip()
        if not value:
            continue
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 7 and len(digits) >= len(value.replace(" ", "")) - 4:
            needles.add(digits)
            if len(digits) > 10:
                needles.add(digits[-10:])  # without a country code
        else:
            needles.add(_fold(value))
    return sorted(n for n in needles if len(n) >= 3)


def find_personal_values(text: str, needles: Iterable[str]) -> list[str]:
    """The needles (see :func:`personal_needles`) that occur in ``text``."""
    folded = _fold(text)
    # Digits written with spaces, dashes, dots or brackets between them read as one run.
    digits = re.sub(r"(?<=\d)[ \-().]+(?=\d)", "", text)
    found = []
    for needle in needles:
        if needle.isdigit():
            if needle in digits:
                found.append(needle)
        elif re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", folded):
            found.append(needle)
    return found


def inclusion_summary(rows: Iterable[Mapping[str, object]]) -> dict[str, dict[str, int]]:
    """Sum ``{dimension, category, count}`` rows per dimension and category (zeros dropped).

    Fixed categories come in their declared order, free ones alphabetically.
    """
    sums: dict[str, dict[str, int]] = {d: {} for d in DIMENSIONS}
    for row in rows:
        dimension, category = str(row["dimension"]), str(row["category"])
        count = int(row["count"])  # type: ignore[call-overload]
        if count:
            bucket = sums.setdefault(dimension, {})
            bucket[category] = bucket.get(category, 0) + count
    ordered: dict[str, dict[str, int]] = {}
    for dimension, bucket in sums.items():
        fixed = list(CATEGORIES.get(dimension, {}))
        keys = [k for k in fixed if k in bucket] + sorted(
            (k for k in bucket if k not in fixed), key=_fold)
        ordered[dimension] = {k: bucket[k] for k in keys}
    return ordered

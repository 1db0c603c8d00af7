"""Spanish phrases shared by the voting results: option nouns, lists, numbers.

Results name options by number with the noun of the method: ideas (nominal
group), groups of ideas (fishbowl clusters), proposals (criteria), stands
(idea fair), or plain options. Sentences elsewhere are written so that no word
has to agree in gender with the noun (Spanish "la idea" / "el grupo"): the noun
phrase carries its own article, and verbs do not change with gender.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cocrea_desktop.i18n import _, ngettext


@dataclass(frozen=True)
class OptionNoun:
    """How a kind of option is named in result sentences."""

    key: str
    _one: Callable[[int], str]
    _many: Callable[[str], str]
    _count: Callable[[int], str]
    _bare: Callable[[], str]

    def one(self, number: int) -> str:
        """With its article: "la idea 4"."""
        return self._one(number)

    def many(self, numbers: Iterable[int]) -> str:
        """A list with its article: "las ideas 4, 9 y 11" (one number: "la idea 4")."""
        numbers = list(numbers)
        if len(numbers) == 1:
            return self._one(numbers[0])
        return self._many(join_numbers(numbers))

    def count(self, count: int) -> str:
        """A quantity: "5 ideas"."""
        return self._count(count)

    def bare(self) -> str:
        """The noun alone, singular: "idea"."""
        return self._bare()


IDEA = OptionNoun(
    "idea",
    lambda n: _("la idea {number}").format(number=n),
    lambda ns: _("las ideas {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} idea", "{count} ideas", c).format(count=c),
    lambda: _("idea"),
)
CLUSTER = OptionNoun(
    "cluster",
    lambda n: _("el grupo de ideas {number}").format(number=n),
    lambda ns: _("los grupos de ideas {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} grupo de ideas", "{count} grupos de ideas", c).format(count=c),
    lambda: _("grupo de ideas"),
)
PROPOSAL = OptionNoun(
    "proposal",
    lambda n: _("la propuesta {number}").format(number=n),
    lambda ns: _("las propuestas {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} propuesta", "{count} propuestas", c).format(count=c),
    lambda: _("propuesta"),
)
STAND = OptionNoun(
    "stand",
    lambda n: _("el stand {number}").format(number=n),
    lambda ns: _("los stands {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} stand", "{count} stands", c).format(count=c),
    lambda: _("stand"),
)
OPTION = OptionNoun(
    "option",
    lambda n: _("la opción {number}").format(number=n),
    lambda ns: _("las opciones {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} opción", "{count} opciones", c).format(count=c),
    lambda: _("opción"),
)

NOUNS: dict[str, OptionNoun] = {n.key: n for n in (IDEA, CLUSTER, PROPOSAL, STAND, OPTION)}


def join_items(items: Iterable[str]) -> str:
    """ "a, b y c"."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return _("{items} y {last}").format(items=", ".join(items[:-1]), last=items[-1])


def join_numbers(numbers: Iterable[int]) -> str:
    return join_items(str(n) for n in numbers)


def capital(text: str) -> str:
    """First letter upper case: "la idea 4" -> "La idea 4"."""
    return text[:1].upper() + text[1:]


def sentence(*clauses: str) -> str:
    """Clauses joined by "; ", first letter capitalised, one final period."""
    text = capital("; ".join(c for c in clauses if c))
    return text if text.endswith(".") else text + "."


def points(count: int) -> str:
    return ngettext("{count} punto", "{count} puntos", count).format(count=count)


def votes(count: int) -> str:
    return ngettext("{count} voto", "{count} votos", count).format(count=count)


def ballots(count: int) -> str:
    return ngettext("{count} boleta", "{count} boletas", count).format(count=count)


def people(count: int) -> str:
    return ngettext("{count} persona", "{count} personas", count).format(count=count)


def decimal(value: float) -> str:
    """Two decimals with a point, as written in Mexico: 3.40."""
    return f"{value:.2f}"


def score(value: float) -> str:
    return _("un puntaje de {score}").format(score=decimal(value))


def contract(text: str) -> str:
    """Spanish contractions where a noun's article follows a preposition: "delante de el
    stand 5" -> "delante del stand 5", "a el" -> "al" (English text has neither)."""
    return text.replace(" de el ", " del ").replace(" a el ", " al ")

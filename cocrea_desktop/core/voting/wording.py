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

from cocrea_desktop.core.changes import Label
from cocrea_desktop.i18n import N_, _, ngettext


@dataclass(frozen=True)
class OptionNoun:
    """How a kind of option is named in result sentences."""

    key: str
    _one: Callable[[int], str]
    _many: Callable[[str], str]
    _count: Callable[[int], str]
    _bare: Callable[[], str]
    #: The message ids of ``one`` and ``many`` ("la idea {number}", "las ideas {numbers}"),
    #: for texts that are stored and must follow a language switch (:meth:`one_label`).
    one_msgid: str = ""
    many_msgid: str = ""

    def one_label(self, number: int, *, capital: bool = False) -> Label | str:
        """:meth:`one` as a :class:`Label` (plain text for a noun without message ids)."""
        if not self.one_msgid:
            text = self.one(number)
            return capital_first(text) if capital else text
        label = Label(self.one_msgid, number=number)
        return label.capitalised() if capital else label

    def many_label(self, numbers: Iterable[int]) -> Label | str:
        """:meth:`many` as a :class:`Label` (plain text for a noun without message ids)."""
        numbers = list(numbers)
        if len(numbers) == 1:
            return self.one_label(numbers[0])
        if not self.many_msgid:
            return self.many(numbers)
        return Label(self.many_msgid, numbers=join_numbers_label(numbers))

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
    N_("la idea {number}"),
    N_("las ideas {numbers}"),
)
CLUSTER = OptionNoun(
    "cluster",
    lambda n: _("el grupo de ideas {number}").format(number=n),
    lambda ns: _("los grupos de ideas {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} grupo de ideas", "{count} grupos de ideas", c).format(count=c),
    lambda: _("grupo de ideas"),
    N_("el grupo de ideas {number}"),
    N_("los grupos de ideas {numbers}"),
)
PROPOSAL = OptionNoun(
    "proposal",
    lambda n: _("la propuesta {number}").format(number=n),
    lambda ns: _("las propuestas {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} propuesta", "{count} propuestas", c).format(count=c),
    lambda: _("propuesta"),
    N_("la propuesta {number}"),
    N_("las propuestas {numbers}"),
)
STAND = OptionNoun(
    "stand",
    lambda n: _("el stand {number}").format(number=n),
    lambda ns: _("los stands {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} stand", "{count} stands", c).format(count=c),
    lambda: _("stand"),
    N_("el stand {number}"),
    N_("los stands {numbers}"),
)
OPTION = OptionNoun(
    "option",
    lambda n: _("la opción {number}").format(number=n),
    lambda ns: _("las opciones {numbers}").format(numbers=ns),
    lambda c: ngettext("{count} opción", "{count} opciones", c).format(count=c),
    lambda: _("opción"),
    N_("la opción {number}"),
    N_("las opciones {numbers}"),
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


def join_numbers_label(numbers: Iterable[int]) -> Label | str:
    """:func:`join_numbers` as a :class:`Label`."""
    items = [str(n) for n in numbers]
    if len(items) < 2:
        return "".join(items)
    return Label(N_("{items} y {last}"), items=", ".join(items[:-1]), last=items[-1])


def points_label(count: int) -> Label:
    """:func:`points` as a :class:`Label`."""
    return Label.plural("{count} punto", "{count} puntos", count, count=count)


def capital_first(text: str) -> str:
    return text[:1].upper() + text[1:]


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

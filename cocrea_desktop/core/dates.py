"""Dates and times as people write them, in the language in force (no Qt).

Spanish follows Mexican usage (CLDR ``es_MX``): "2 de diciembre de 2026", "02/12/2026",
"1:05 p.m."; English: "December 2, 2026", "12/02/2026", "1:05 PM". Every date the window,
the PDFs and the command line show goes through these functions; files and the journal
keep ISO 8601 (``2026-12-02T13:05:07Z``), which :func:`parse` reads back.
"""

from __future__ import annotations

import datetime as dt

from babel import dates as babel_dates

from cocrea_desktop import i18n

#: The CLDR locale for each language of the program.
LOCALES = {"es": "es_MX", "en": "en_US"}

#: The numeric date format for each language (four-digit year, as people write it).
NUMERIC = {"es": "dd/MM/yyyy", "en": "MM/dd/yyyy"}

#: How the numeric date is described to people typing it ("dd/mm/aaaa").
NUMERIC_HINT = {"es": "dd/mm/aaaa", "en": "mm/dd/yyyy"}


def locale(language: str | None = None) -> str:
    return LOCALES.get(language or i18n.current_language(), "es_MX")


def parse(value: str | dt.date | dt.datetime | None) -> dt.date | dt.datetime | None:
    """An ISO date or date-time (text or value) as a value; ``None`` when empty or invalid.

    A date-time with a time zone (the journal's ``Z``) is turned into local time.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        parsed = value
    else:
        text = str(value).strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed


def format_date(value, style: str = "long", *, language: str | None = None) -> str:
    """A date: ``long`` "2 de diciembre de 2026", ``numeric`` "02/12/2026",
    ``medium`` "2 dic 2026". Text that is not a date is returned as it was."""
    parsed = parse(value)
    if parsed is None:
        return "" if value in (None, "") else str(value)
    day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    lang = language or i18n.current_language()
    pattern = NUMERIC.get(lang, NUMERIC["es"]) if style == "numeric" else style
    return babel_dates.format_date(day, pattern, locale=locale(lang))


def format_time(value, *, seconds: bool = False, language: str | None = None) -> str:
    """A time of day: "1:05 p.m." ("1:05:07 p.m." with ``seconds``)."""
    parsed = parse(value) if not isinstance(value, dt.time) else value
    if parsed is None:
        return "" if value in (None, "") else str(value)
    text = babel_dates.format_time(parsed, "medium" if seconds else "short",
                                   locale=locale(language))
    return text.replace("\u202f", "\u00a0")  # a plain no-break space: every PDF font has it


def warm(language: str | None = None) -> None:
    """Read the language's calendar words and formats now (babel reads them from disk on
    first use, a few tens of milliseconds), so that the first date or time shown does not
    wait for them. Safe from a background thread."""
    format_date(dt.date(2027, 1, 1), language=language)
    format_time(dt.time(12, 0), language=language)


def format_datetime(value, style: str = "long", *, language: str | None = None) -> str:
    """A date and a time: "2 de diciembre de 2026, 1:05 p.m."

    ``numeric``: "02/12/2026 1:05 p.m."."""
    parsed = parse(value)
    if parsed is None:
        return "" if value in (None, "") else str(value)
    if not isinstance(parsed, dt.datetime):
        return format_date(parsed, style, language=language)
    joiner = ", " if style != "numeric" else " "
    return format_date(parsed, style, language=language) + joiner + format_time(
        parsed, language=language)


def numeric_hint(language: str | None = None) -> str:
    """How a typed date looks: "dd/mm/aaaa"."""
    return NUMERIC_HINT.get(language or i18n.current_language(), NUMERIC_HINT["es"])


def parse_typed(text: str, language: str | None = None) -> str:
    """A date as a person types it, as ISO text ("" when empty).

    Accepts the numeric form of the language in force ("27/03/2027", "27/3/27" in
    Spanish; "03/27/2027" in English; "-" or "." between the parts) and ISO
    ("2027-03-27"). A two-digit year is 20xx. Anything else raises ``InvalidInput``
    with a Spanish message saying how to write it.
    """
    from cocrea_desktop.core.errors import InvalidInput

    raw = " ".join(str(text or "").split())
    if not raw:
        return ""
    lang = language or i18n.current_language()
    parts = raw.replace("-", "/").replace(".", "/").split("/")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            year, month, day = (int(p) for p in parts)
        elif len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) in (2, 4):
            first, second, year = (int(p) for p in parts)
            day, month = (second, first) if lang == "en" else (first, second)
            year = 2000 + year if year < 100 else year
        else:
            raise ValueError(raw)
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise InvalidInput(i18n._("La fecha «{date}» no es válida; escríbala como "
                                  "{hint}.").format(date=raw, hint=numeric_hint(lang))
                           ) from None


def language_names(text: str, language: str | None = None) -> str:
    """Languages as typed for a session, with ISO codes spelled out ("es, mixteco" ->
    "español, mixteco"): a session's default is the code "es", which a report should not
    show as a code. Words that are not known codes are kept as typed."""
    from babel import Locale

    names = Locale.parse(locale(language)).languages
    parts = [p.strip() for p in str(text or "").split(",")]
    spelled = [names.get(p.lower(), p) if 2 <= len(p) <= 3 and p.isalpha() else p
               for p in parts if p]
    return ", ".join(spelled)

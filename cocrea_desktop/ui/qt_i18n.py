"""Bridge the gettext catalogue to Qt: Qt's own strings and live retranslation.

Qt's standard dialogs (file chooser, message box buttons) are translated with
the catalogue Qt ships (``qt_<lang>.qm``); that catalogue is written in Spain's
Spanish ("fichero", "Control+Retorno") and leaves a few words in English. A
second translator, :class:`QtWording`, sits in front of it: the Qt strings a
facilitator meets are named in :data:`QT_WORDING` with Mexican wording taken
from our own catalogue (so they follow the language too), and the rest of Qt's
Spanish is corrected word by word. Key names ("Ctrl+Intro", "Mayús", "Supr")
come from :data:`KEY_NAMES`; :func:`key_text` renders a shortcut for display.
When the language changes, ``language_signal().changed`` fires and every
window calls its ``retranslate()``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from cocrea_desktop import i18n
from cocrea_desktop.i18n import N_

#: Qt strings shown in our dialogs, by (Qt context, Qt's English text): our Spanish msgid.
QT_WORDING: dict[tuple[str, str], str] = {
    ("QFileDialog", "Look in:"): N_("Buscar en:"),
    ("QFileDialog", "&Look in:"): N_("&Buscar en:"),
    ("QFileDialog", "Files of &type:"): N_("Archivos de &tipo:"),
    ("QFileDialog", "File &name:"): N_("&Nombre del archivo:"),
    ("QFileDialog", "File name"): N_("Nombre del archivo"),
    ("QFileDialog", "Files of type:"): N_("Archivos de tipo:"),
    ("QFileDialog", "Directory:"): N_("Carpeta:"),
    ("QFileDialog", "Parent Directory"): N_("Carpeta de arriba"),
    ("QFileDialog", "Back"): N_("Atrás"),
    ("QFileDialog", "Forward"): N_("Adelante"),
    ("QFileDialog", "Create New Folder"): N_("Crear carpeta nueva"),
    ("QFileDialog", "New Folder"): N_("Carpeta nueva"),
    ("QFileDialog", "List View"): N_("Vista de lista"),
    ("QFileDialog", "Detail View"): N_("Vista de detalles"),
    ("QFileDialog", "Recent Places"): N_("Lugares recientes"),
    ("QFileDialog", "All Files (*)"): N_("Todos los archivos (*)"),
    ("QFileDialog", "&Open"): N_("&Abrir"),
    ("QFileDialog", "&Save"): N_("&Guardar"),
    ("QFileDialog", "&Choose"): N_("&Elegir"),
    ("QFileDialog", "Open"): N_("Abrir"),
    ("QFileDialog", "Save As"): N_("Guardar como"),
    ("QFileDialog", "Find Directory"): N_("Buscar carpeta"),
    ("QFileDialog", "&Delete"): N_("&Borrar"),
    ("QFileDialog", "&Rename"): N_("&Cambiar el nombre"),
    ("QFileDialog", "Show &hidden files"): N_("Mostrar los archivos &ocultos"),
    ("QFileDialog", "&New Folder"): N_("Carpeta &nueva"),
    ("QFileDialog", "My Computer"): N_("Mi equipo"),
    ("QFileSystemModel", "Name"): N_("Nombre"),
    ("QFileSystemModel", "Size"): N_("Tamaño"),
    ("QFileSystemModel", "Type"): N_("Tipo"),
    ("QFileSystemModel", "Kind"): N_("Tipo"),
    ("QFileSystemModel", "Date Modified"): N_("Fecha de modificación"),
    ("QFileSystemModel", "Computer"): N_("Computadora"),
    # The Type column: Qt's catalogue leaves these in English.
    ("QAbstractFileIconProvider", "Folder"): N_("Carpeta"),
    ("QAbstractFileIconProvider", "Drive"): N_("Unidad"),
    ("QAbstractFileIconProvider", "File"): N_("Archivo"),
    ("QPlatformTheme", "OK"): N_("Aceptar"),
    ("QPlatformTheme", "Cancel"): N_("Cancelar"),
    ("QPlatformTheme", "&Yes"): N_("&Sí"),
    ("QPlatformTheme", "&No"): N_("&No"),
    ("QPlatformTheme", "Yes to &All"): N_("Sí a &todo"),
    ("QPlatformTheme", "N&o to All"): N_("N&o a todo"),
    ("QPlatformTheme", "Save"): N_("Guardar"),
    ("QPlatformTheme", "Save All"): N_("Guardar todo"),
    ("QPlatformTheme", "Discard"): N_("Descartar"),
    ("QPlatformTheme", "Don't Save"): N_("No guardar"),
    ("QPlatformTheme", "Close"): N_("Cerrar"),
    ("QPlatformTheme", "Open"): N_("Abrir"),
    ("QPlatformTheme", "Apply"): N_("Aplicar"),
    ("QPlatformTheme", "Reset"): N_("Restablecer"),
    ("QPlatformTheme", "Restore Defaults"): N_("Restaurar los valores iniciales"),
    ("QPlatformTheme", "Help"): N_("Ayuda"),
    ("QPlatformTheme", "Abort"): N_("Interrumpir"),
    ("QPlatformTheme", "Retry"): N_("Reintentar"),
    ("QPlatformTheme", "Ignore"): N_("Ignorar"),
    ("QMessageBox", "Show Details..."): N_("Mostrar los detalles…"),
    ("QMessageBox", "Hide Details..."): N_("Ocultar los detalles…"),
    ("QProgressDialog", "Cancel"): N_("Cancelar"),
}

#: Key names as printed on keyboards sold in Mexico, by Qt's English name.
KEY_NAMES: dict[str, str] = {
    "Ctrl": N_("Ctrl"),
    "Shift": N_("Mayús"),
    "Return": N_("Intro"),
    "Enter": N_("Intro"),
    "Del": N_("Supr"),
    "Ins": N_("Insert"),
    "PgUp": N_("RePág"),
    "PgDown": N_("AvPág"),
    "Home": N_("Inicio"),
    "End": N_("Fin"),
    "Backspace": N_("Retroceso"),
    "Space": N_("Espacio"),
    "Tab": N_("Tab"),
    "Esc": N_("Esc"),
    "Print": N_("Impr Pant"),
}

#: Arrow keys as the arrows printed on the keys (the same in every language).
ARROWS = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓"}

#: Spain's words in Qt's Spanish catalogue, and the words used in Mexico.
_SPAIN_WORDS = {"fichero": "archivo", "ficheros": "archivos", "directorio": "carpeta",
                "directorios": "carpetas"}
_SPAIN_RE = re.compile(r"\b(" + "|".join(sorted({w for k in _SPAIN_WORDS for w in
                                                  (k, k.capitalize())}, key=len,
                                                 reverse=True)) + r")\b")


def mexican(text: str) -> str:
    """Qt's Spanish text with Spain's words replaced by Mexico's ("fichero" → "archivo")."""
    def swap(match: re.Match) -> str:
        word = match.group(1)
        if word in _SPAIN_WORDS:
            return _SPAIN_WORDS[word]
        return _SPAIN_WORDS[word.lower()].capitalize()
    return _SPAIN_RE.sub(swap, text)


class QtWording(QTranslator):
    """Our wording for Qt's own strings, in front of the catalogue Qt ships."""

    def __init__(self, parent: QObject | None, code: str) -> None:
        super().__init__(parent)
        self.code = code
        self._answers: dict[tuple, str | None] = {}
        self.qt_catalogue = QTranslator(self)
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self.has_qt_catalogue = code != "en" and (
            self.qt_catalogue.load("qt_" + code, path)
            or self.qt_catalogue.load("qtbase_" + code, path))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # Qt asks again and again for the same few words (a session screen opening asked
        # 1,300 times, for its shortcuts' key names among others): each answer is kept,
        # per language (a language change also installs a new translator).
        key = (context, source, disambiguation, n, i18n.current_language())
        try:
            return self._answers[key]
        except KeyError:
            pass
        text = self._answers[key] = self._translate(context, source, disambiguation, n)
        return text

    def _translate(self, context: str, source: str, disambiguation: str | None,
                   n: int) -> str | None:
        msgid = QT_WORDING.get((context, source))
        if msgid is None and context == "QShortcut":
            if source in ARROWS:
                return ARROWS[source]
            msgid = KEY_NAMES.get(source)
        if msgid is not None:
            return i18n._(msgid)
        # None (a null string) lets Qt fall back to its English source text.
        if not self.has_qt_catalogue:
            return None
        text = self.qt_catalogue.translate(context, source, disambiguation, n)
        if not text:
            return None
        return mexican(text) if self.code == "es" else text


class LanguageSignal(QObject):
    changed = Signal(str)


_signal: LanguageSignal | None = None
_qt_translator: QTranslator | None = None


def language_signal() -> LanguageSignal:
    global _signal
    if _signal is None:
        _signal = LanguageSignal()
        i18n.on_language_changed(lambda code: (_install_qt_catalogue(code),
                                               _signal.changed.emit(code)))
    return _signal


def _install_qt_catalogue(code: str) -> None:
    global _qt_translator
    app = QApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
                       if code == "es" else QLocale(code))
    translator = QtWording(app, code)
    app.installTranslator(translator)
    _qt_translator = translator


def key_text(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A shortcut as people read it in the current language ("Ctrl+Intro", "Alt+→")."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def install(code: str) -> None:
    """Set up the bridge at start-up in ``code`` (call once a QApplication exists)."""
    language_signal()
    i18n.set_language(code)
    _install_qt_catalogue(i18n.current_language())

"""Bridge the gettext catalogue to Qt: Qt's own strings and live retranslation.

Qt's standard dialogs (file chooser, message box buttons) are translated with
the catalogue Qt ships (``qtbase_<lang>.qm``); our own strings come from the
gettext catalogue. When the language changes, ``language_signal().changed``
fires and every window calls its ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from cocrea_desktop import i18n


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
    QLocale.setDefault(QLocale(code))
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_" + code, path):
        app.installTranslator(translator)
        _qt_translator = translator


def install(code: str) -> None:
    """Set up the bridge at start-up in ``code`` (call once a QApplication exists)."""
    language_signal()
    i18n.set_language(code)
    _install_qt_catalogue(i18n.current_language())

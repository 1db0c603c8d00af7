"""The process file: SQLite through sqlite-utils, migrations, the write path (no Qt).

sqlite-utils imports NumPy when it is installed (to accept NumPy values), which
costs the program's start-up about 50 ms and 15 MB; the program never stores
NumPy values, and NumPy is there only for the webcam reader (OpenCV). So
sqlite-utils is imported here once with NumPy hidden from it; NumPy stays
importable for everything else.
"""

from __future__ import annotations

import sys

if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "not installed", for a moment
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]

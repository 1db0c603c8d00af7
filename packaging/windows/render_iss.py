"""Write packaging/windows/cocrea.iss from the template, with the package's version."""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main() -> Path:
    version = re.search(r'__version__ = "([^"]+)"',
                        (ROOT / "cocrea_desktop" / "__init__.py").read_text()).group(1)
    text = (HERE / "cocrea.iss.in").read_text("utf-8").replace("@VERSION@", version)
    out = HERE / "cocrea.iss"
    out.write_text(text, "utf-8")
    return out


if __name__ == "__main__":
    print(main())

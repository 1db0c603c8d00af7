"""CoCrea Desktop: offline co-creation workshops for open local government."""

__version__ = "0.1.0"

"""Entry point of the frozen program: the same as the `cocrea` command."""

from cocrea_desktop.cli import main

if __name__ == "__main__":
    main()

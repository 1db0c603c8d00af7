"""`python -m cocrea_desktop`: the same entry point as the `cocrea` command."""

from cocrea_desktop.cli import main

if __name__ == "__main__":
    main()

"""The pieces the command line is declared with: the command group and the options several commands share.

Plain click rather than typer: typer imports pydantic and builds a type adapter per parameter at
every run, which cost more than the rest of `briefdeck --help`. This module imports click only.
"""

from __future__ import annotations

from pathlib import Path

import click

PATH = click.Path(path_type=Path)


class Group(click.Group):
    """The top-level command, listing its subcommands in the order they are declared (click sorts them)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


def argument(name: str, help: str, type=None):  # noqa: A002
    """A required positional argument with help (click 8.5 lists it under 'Positional arguments')."""
    return click.argument(name, help=help, type=type)


def brief_argument(help: str = "The outline, e.g. briefs/dprk-trafficking.yaml"):  # noqa: A002
    return argument("brief", help, type=PATH)


def sources_option():
    return click.option("--sources", type=PATH, default=None,
                        help="The sources folder (default: the brief's 'sources:', else the nearest seeds/ "
                             "above the brief or the current folder).")


def verify_option():
    return click.option("--verify", is_flag=True, help="Compare every source's bytes with the index, not only "
                        "its size and time, and check the index database whole (slower).")


def json_option():
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (see README, 'JSON output').")

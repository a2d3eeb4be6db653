"""`communique check-data`: the dictionaries checked as the loaders will read them."""

from __future__ import annotations

import click

from . import main
from .terminal import printable


@main.command(name="check-data")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def check_data(ctx, paths):
    """Check dictionary files: CAMEO, sector and ISO codes, dates, columns, duplicate keys.

    Without PATH, checks the packaged data files (communique/events/data and
    communique/actors/data). With PATHs, checks those user dictionaries, each in the format
    of a packaged file (recognised by the file's name, such as leaders.tsv, or by its column
    header), against the packaged tables of codes and countries. Prints one line per
    problem, FILE:LINE: severity: message, and a summary on stderr; exits 1 if any problem
    is an error, 0 otherwise.
    """
    from ..dictionaries import validate_dictionaries, validate_files

    problems = validate_files(paths) if paths else validate_dictionaries()
    for problem in problems:
        click.echo(printable(str(problem)))
    errors = sum(problem.severity == "error" for problem in problems)
    checked = (
        f"{len(paths)} file{'s' if len(paths) != 1 else ''}" if paths else "the packaged data files"
    )
    click.echo(
        f"check-data: {errors} error{'s' if errors != 1 else ''}, "
        f"{len(problems) - errors} warning{'s' if len(problems) - errors != 1 else ''} "
        f"in {checked}",
        err=True,
    )
    ctx.exit(1 if errors else 0)

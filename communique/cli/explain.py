"""`communique explain`: why one text gives the events it gives."""

from __future__ import annotations

import sys

import click

from . import main
from .options import load_settings
from .terminal import printable


@main.command()
@click.argument("text")
@click.option("--date", help="Publication date (YYYY-MM-DD) that anchors event dates.")
@click.pass_context
def explain(ctx, text, date):
    """Code TEXT (a sentence or more; - reads standard input) and explain each event: its
    clause, the pattern that fired (file and line), each actor's rule and dependency path,
    and the actors of the sentence it does not use. `code --explain` does the same for
    files."""
    from .. import CODE_STAGES
    from ..events.explain import explanation_text
    from ..model import Document
    from ..pipeline import Pipeline

    settings = load_settings(ctx, default_date=date, dedupe=False)
    if text == "-":
        text = sys.stdin.read()
    article = Pipeline(settings, stages=(*CODE_STAGES, "explain"))(
        Document(id="text", content=text, date=settings.default_date)
    )
    if article.error is not None:
        raise click.ClickException(f"{article.error.code}: {article.error}")
    explained = explanation_text(article)
    if explained:
        click.echo(printable(explained))
        return
    actors = (
        ", ".join(
            f'"{article.text[m.start : m.end]}" ({m.actors[0].code or "-"}, rule={m.rule})'
            for m in article.mentions
        )
        or "none"
    )
    click.echo(f"no event; actors found: {printable(actors)}")

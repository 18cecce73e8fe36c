"""The ``extract`` command: run, parse, eval, report, merge, demo. Each command is thin: it calls the package
that does the work, imported when the command runs."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        envvar="JOBS_DB",
        default="jobs.db",
        show_default=True,
        help="SQLite database (also $JOBS_DB).",
    )(func)


def scope_options(func: F) -> F:
    """The options choosing the postings and figures of a report (shared by ``report`` and ``explain``)."""
    options = (
        click.option(
            "--week", help="ISO week, e.g. 2026-W47: postings posted (else first seen) in that week."
        ),
        click.option("--since", help="First day (YYYY-MM-DD) a posting was posted (else first seen)."),
        click.option("--until", help="Last day (YYYY-MM-DD) a posting was posted (else first seen)."),
        click.option("--active", is_flag=True, help="The window keeps postings active in it instead."),
        click.option("--segment", help="Restrict to a segment, e.g. function=engineering."),
        click.option("--min-n", default=20, show_default=True, help="Smallest cell that is published."),
        click.option("--currency", help="Only this currency for pay figures."),
        click.option("--top", default=20, show_default=True, help="How many skills to list."),
        click.option("--required-only", is_flag=True, help="Count only required skills in shares."),
        click.option(
            "--include-partial-weeks",
            "include_partial",
            is_flag=True,
            help="Let week-over-week and 4-week changes use partial weeks.",
        ),
        click.option(
            "--ai-definition",
            type=click.Choice(["jobpulse", "any-ai-skill", "keywords"]),
            default="jobpulse",
            show_default=True,
            help="What counts as an AI posting: asks for AI skills (jobpulse), names an AI skill, or a keyword match.",
        ),
        click.option(
            "--weight",
            type=click.Choice(["industry", "occupation"]),
            help="Post-stratify the weighted figures to a reference distribution by this stratum.",
        ),
        click.option(
            "--reference",
            type=click.Path(dir_okay=False, exists=True),
            help="Reference distribution for --weight (CSV with its citation; format in report/weighting.py).",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _open_existing(db_path: str) -> Any:
    from store import open_db

    if not Path(db_path).exists():
        raise click.ClickException(f"no database at {db_path}: run a crawl and `extract run` first")
    return open_db(db_path)


class FriendlyGroup(click.Group):
    """Errors reach users as one line naming what failed; ``--debug`` shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as error:
            if "--debug" in sys.argv or (ctx.obj or {}).get("debug"):
                raise
            message = f"{type(error).__name__}: {error} (run with --debug for the traceback)"
            raise click.ClickException(message) from None


@click.group(cls=FriendlyGroup)
@click.version_option(package_name="jobpulse")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """jobpulse: job postings → a weekly labour-market index.

    Example:

        scrapy crawl greenhouse && extract run && extract report
    """
    ctx.obj = {"debug": debug}


@cli.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Re-extract every stored page, not only new ones.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any page could not be read.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for reading and analysis (e.g. the number of cores); one process writes.",
)
def run(db_path: str, everything: bool, strict: bool, quiet: bool, workers: int) -> None:
    """Turn stored pages into postings (only pages not read yet, unless --all).

    Example:

        extract run --db jobs.db --workers 2
    """
    from tqdm import tqdm

    from extract.run import pages_to_read, run_extraction
    from store import open_db

    db = open_db(db_path)
    total = pages_to_read(db, everything=everything)
    # tqdm's monitor thread only adjusts how often the bar redraws; without it, workers can fork (see extract.run).
    tqdm.monitor_interval = 0
    with tqdm(total=total, unit="page", disable=quiet or total < 50, file=sys.stderr) as bar:
        summary = run_extraction(db, everything=everything, workers=workers, on_progress=bar.update)
    for message in summary.error_messages[:20]:
        click.echo(f"error: {message}", err=True)
    click.echo(summary.line())
    if strict and summary.errors:
        sys.exit(1)


def _warn(message: str) -> None:
    click.echo(message, err=True)


@cli.command()
@click.argument("file", type=click.File("r", encoding="utf-8"), default="-")
def parse(file: TextIO) -> None:
    """Extract every field from postings given as JSON Lines (a file, or - for standard input).

    Each input line has id, format, url, fetched_at, title, company, body; each output line is the
    prediction with skill evidence (surface text and character offsets).

    Example:

        extract parse postings.jsonl > predictions.jsonl
    """
    from extract.parse import parse_lines

    for line in parse_lines(file, file.name, _warn):
        click.echo(line)


@cli.command("eval")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--predictions", "predictions_out", type=click.File("w", encoding="utf-8"), help="Write predictions here."
)
@click.option("--errors/--no-errors", default=True, help="List every error.")
def eval_command(file: TextIO, predictions_out: TextIO | None, errors: bool) -> None:
    """Score extraction on labelled postings: field accuracy, skills P/R/F1, salary exact match.

    Example:

        extract eval ../shared/eval/dev.jsonl --predictions preds.jsonl
    """
    from extract.evaluate import evaluate, format_metrics
    from extract.parse import parse_records

    predictions, result = evaluate(parse_records(file, file.name, _warn))
    if predictions_out:
        predictions_out.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
    if errors:
        for line in result.errors:
            click.echo(line)
    click.echo(format_metrics(result.metrics(), result.n))


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "csv"]), default="markdown")
@scope_options
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of standard output."
)
@click.option(
    "--html",
    "html_dir",
    type=click.Path(file_okay=False),
    help="Write a self-contained web page (index.html) and its SVG charts here; print the page's path.",
)
def report(db_path: str, fmt: str, output: str | None, html_dir: str | None, **options: Any) -> None:
    """Compute the published figures: skill shares, AI by function, pay bands, disclosure, AI premium.

    With --html, the page is written and its path printed; the --format output is then written only when
    --output is given too.

    Example:

        extract report --db jobs.db --format json -o report.json

        extract report --db jobs.db --html report-html

        extract report --ai-definition any-ai-skill --weight industry --reference jolts.csv
    """
    from report.build import build_report
    from report.html import write_html
    from report.render import to_csv_files, to_markdown

    db = _open_existing(db_path)
    try:
        figures = build_report(db, **options)
    except ValueError as error:  # a bad --week, --segment, …
        raise click.BadParameter(str(error)) from None
    if html_dir:
        from report.drilldown import drilldown_pages
        from report.html import CSS

        click.echo(write_html(figures, html_dir, drilldown_pages(db, figures, CSS, **options)))
        if not output:
            return
    if fmt == "csv":
        written = to_csv_files(figures, output or "report-csv")
        click.echo(f"wrote {len(written)} CSV files to {output or 'report-csv'}", err=True)
        return
    text = to_markdown(figures) if fmt == "markdown" else json.dumps(figures, indent=2, ensure_ascii=False)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)


@cli.command()
@db_option
@click.argument("figure_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@scope_options
def explain(db_path: str, figure_id: str, fmt: str, **options: Any) -> None:
    """List the postings behind one row of a figure, with the evidence that put each there.

    FIGURE_ID is a row's ``id`` in ``extract report --format json``; give the same scope options as the report.

    Example:

        extract explain skill_shares/all/Python --format json
    """
    from report.explain import explain as explain_row
    from report.explain import to_csv, to_text

    try:
        result = explain_row(_open_existing(db_path), figure_id, **options)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        click.echo(to_csv(result) if fmt == "csv" else to_text(result), nl=fmt != "csv")


@cli.command()
@db_option
@click.argument("others", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def merge(db_path: str, others: tuple[str, ...]) -> None:
    """Merge crawl databases from other machines into this one: pages, boards and crawl runs.

    Safe to repeat: a page already here (same URL and content) only updates when it was last fetched.
    Merged pages arrive unextracted; run ``extract run`` afterwards.

    Example:

        extract merge --db jobs.db crawl-a.db crawl-b.db && extract run --db jobs.db
    """
    from store import open_db
    from store.merge import merge_crawl

    db = open_db(db_path)
    for other in others:
        counts = merge_crawl(db, other)
        click.echo(
            f"{other}: {counts.pages_new} new pages ({counts.pages_known} already here), "
            f"{counts.boards_new} new boards, {counts.runs_new} new crawl runs"
        )


@cli.command()
@click.option(
    "--db", "db_path", default="jobs.db", show_default=True, help="Where to leave the demo database."
)
@click.option("--postings", type=int, help="How many postings the demo market holds.")
@click.option("--port", default=8765, show_default=True, help="Port on 127.0.0.1 for the demo job board.")
def demo(db_path: str, postings: int | None, port: int) -> None:
    """Run the whole job offline: a local demo job board → scrapy crawl → extract run → report.

    Example:

        extract demo --db demo.db
    """
    from demo.end_to_end import run_demo

    click.echo(run_demo(db_path, postings=postings, port=port, log=_warn))
    click.echo(f"\nDatabase: {db_path} (try: sqlite-utils tables {db_path} --counts)", err=True)


if __name__ == "__main__":
    cli()

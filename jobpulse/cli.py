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


def _weeks_hint(week: str) -> str:
    """The weeks of the year ``week`` names, when it names one ("2026-W99" → 2026-W01 … 2026-W53)."""
    from datetime import date

    year = week.strip()[:4]
    if not (year.isdigit() and 1 <= int(year) <= 9999):
        return ""
    last = date(int(year), 12, 28).isocalendar().week  # 28 December is always in the year's last ISO week
    return f"; {year} has ISO weeks {year}-W01 to {year}-W{last:02d}"


def _check_window(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A malformed or impossible ``--week``/``--since``/``--until`` is a usage error naming the option."""
    from report.scope import window

    if value is None or param.name is None:
        return value
    try:
        window(**{"week": None, "since": None, "until": None, param.name: value})
    except ValueError as error:
        hint = _weeks_hint(value) if param.name == "week" else ""
        raise click.BadParameter(f"{error}{hint}") from None
    return value


def scope_options(func: F) -> F:
    """The options choosing the postings and figures of a report (shared by ``report`` and ``explain``)."""
    options = (
        click.option(
            "--week",
            callback=_check_window,
            help="ISO week, e.g. 2026-W47: postings posted (else first seen) in that week.",
        ),
        click.option(
            "--since",
            callback=_check_window,
            help="First day (YYYY-MM-DD) a posting was posted (else first seen).",
        ),
        click.option(
            "--until",
            callback=_check_window,
            help="Last day (YYYY-MM-DD) a posting was posted (else first seen).",
        ),
        click.option("--active", is_flag=True, help="The window keeps postings active in it instead."),
        click.option(
            "--segment",
            help="Restrict to a segment, e.g. function=engineering; an unknown value is an error listing the valid ones.",
        ),
        click.option(
            "--min-n",
            type=click.IntRange(min=1),
            default=20,
            show_default=True,
            help="Smallest cell that is published.",
        ),
        click.option("--currency", help="Only this currency for pay figures (one the database holds)."),
        click.option(
            "--top",
            type=click.IntRange(min=1),
            default=20,
            show_default=True,
            help="How many skills to list.",
        ),
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
            help="Reference distribution for --weight (CSV with its citation; format in report/weighting.py); "
            "default: the shipped one, BLS JOLTS openings by industry or BLS OEWS employment by SOC major group.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _open_existing(db_path: str, *, create: bool = False, readonly: bool = False) -> Any:
    """The database at ``db_path``; a missing file is an error (a typo must not make an empty database)
    unless ``create`` is set; ``readonly`` for the commands that only read."""
    from store import open_db

    if not create and db_path != ":memory:" and not Path(db_path).exists():
        raise click.ClickException(
            f"no database at {db_path}: crawl into it first (scrapy crawlall), or check the path"
        )
    # Reading commands open it read-only: a report never migrates or writes the file it reads.
    return open_db(db_path, readonly=True) if readonly else open_db(db_path)


def _checked_scope(db: Any, options: dict[str, Any]) -> None:
    """Unknown ``--segment``/``--currency`` values are usage errors (exit 2) naming the option."""
    from jobpulse.choices import UnknownValue, check_scope_values

    try:
        check_scope_values(db, segment=options.get("segment"), currency=options.get("currency"))
    except UnknownValue as error:
        raise click.BadParameter(str(error), param_hint=f"'{error.option}'") from None


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
@click.option("--strict", is_flag=True, help="Exit 1 when any page could not be read.")
@click.option("--create", is_flag=True, help="Create the database when it does not exist (else an error).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for reading and analysis (e.g. the number of cores); one process writes.",
)
def run(db_path: str, everything: bool, strict: bool, create: bool, quiet: bool, workers: int) -> None:
    """Turn stored pages into postings (only pages not read yet, unless --all).

    The database must exist (a crawl creates it) unless --create is given. Exit codes: 0 done (pages that
    could not be read are listed and counted), 1 no database, or --strict and a page could not be read,
    2 a bad option.

    Example:

        extract run --db jobs.db --workers 2
    """
    from tqdm import tqdm

    from extract.run import pages_to_read, run_extraction

    db = _open_existing(db_path, create=create)
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


class InputFormatsHelp(click.Command):
    """A command whose help names the accepted record formats (``{formats}``), read from
    ``extract.inputs.FORMATS`` only when help is shown, so the list is never written twice."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from extract.inputs import FORMATS

        self.help = (self.help or "").replace("{formats}", " | ".join(FORMATS))
        super().format_help_text(ctx, formatter)


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


@cli.command(cls=InputFormatsHelp)
@click.argument("file", type=click.File("r", encoding="utf-8"), required=False)
def parse(file: TextIO | None) -> None:
    """Extract every field from postings given as JSON Lines (a file, or - for standard input).

    Each input line has id, format, url, fetched_at, title, company, body; format is one of {formats}
    (plain when absent). Each output line is the prediction with skill evidence (surface text and
    character offsets). Without FILE, standard input is read unless it is a terminal. Exit codes: 0 done
    (unreadable lines are reported on standard error and skipped), 2 no input or a file that cannot be
    opened.

    Example:

        extract parse postings.jsonl > predictions.jsonl
    """
    from extract.parse import parse_lines

    if file is None:
        if _stdin_is_terminal():
            raise click.UsageError("give a JSON Lines FILE, or pipe postings to standard input (-)")
        file = sys.stdin
    for line in parse_lines(file, file.name, _warn):
        click.echo(line)


@cli.command("eval")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--predictions", "predictions_out", type=click.File("w", encoding="utf-8"), help="Write predictions here."
)
@click.option(
    "--errors/--no-errors",
    default=True,
    help="List every error: fields, skills, preferred skills, salary.",
)
def eval_command(file: TextIO, predictions_out: TextIO | None, errors: bool) -> None:
    """Score extraction on labelled postings: field accuracy, skills P/R/F1, salary exact match.

    Exit codes: 0 scored (a score is not a pass or fail), 2 a file that cannot be opened.

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
    "--output",
    "-o",
    type=click.Path(),
    help="Write here instead of standard output; for --format csv (required) the folder for one CSV per table.",
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
    --output is given too. --format csv writes one file per table (header row always) into the folder
    given with -o. A --segment or --currency value no posting can have is an error listing the valid ones.
    Exit codes: 0 written, 1 no database at --db (none is created), 2 a bad option or value.

    Example:

        extract report --db jobs.db --format json -o report.json

        extract report --db jobs.db --html report-html

        extract report --ai-definition any-ai-skill --weight industry --reference jolts.csv
    """
    from report.build import build_report
    from report.html import write_html
    from report.render import to_csv_files, to_json, to_markdown

    if fmt == "csv" and not output and not html_dir:
        raise click.UsageError("--format csv writes one file per table: give their folder with -o DIR")
    db = _open_existing(db_path, readonly=True)
    _checked_scope(db, options)
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
    if fmt == "csv" and output:
        written = to_csv_files(figures, output)
        click.echo(f"wrote {len(written)} CSV files to {output}", err=True)
        return
    text = to_markdown(figures) if fmt == "markdown" else to_json(figures)
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
    Exit codes: 0 listed, 1 no database at --db (none is created), 2 a bad option, value or FIGURE_ID.

    Example:

        extract explain skill_shares/all/Python --format json
    """
    from report.explain import explain as explain_row
    from report.explain import to_csv, to_text
    from report.render import to_json

    db = _open_existing(db_path, readonly=True)
    _checked_scope(db, options)
    try:
        result = explain_row(db, figure_id, **options)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if fmt == "json":
        click.echo(to_json(result))
    else:
        click.echo(to_csv(result) if fmt == "csv" else to_text(result), nl=fmt != "csv")


@cli.command()
@db_option
@click.argument("others", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def merge(db_path: str, others: tuple[str, ...]) -> None:
    """Merge crawl databases from other machines into this one: pages, boards and crawl runs.

    Safe to repeat: a page already here (same URL and content) only updates when it was last fetched.
    Merged pages arrive unextracted; run ``extract run`` afterwards. Exit codes: 0 merged, 1 a file that
    cannot be merged, 2 a file that does not exist.

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

    Exit codes: 0 done, 1 the crawl or a step failed.

    Example:

        extract demo --db demo.db
    """
    from demo.end_to_end import run_demo

    click.echo(run_demo(db_path, postings=postings, port=port, log=_warn))
    click.echo(f"\nDatabase: {db_path} (try: sqlite-utils tables {db_path} --counts)", err=True)


if __name__ == "__main__":
    cli()

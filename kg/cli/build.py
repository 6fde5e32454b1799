"""``kg build``: report files or folders → graph.ttl, graph.html, build-report.json and texts/ (kg.build)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import console


@click.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Output folder.",
)
@click.option("--segmenter", type=click.Choice(["jieba", "pkuseg"]), default="jieba", show_default=True)
@click.option("--pkuseg-model", type=click.Path(path_type=Path), help="spacy-pkuseg model directory.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Extraction processes (default: every core; 1 = in this process).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs: local processes, or a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786); without it "
    "--executor dask starts a local cluster of --jobs workers.",
)
@click.option("--no-cache", is_flag=True, help="Extract every file again instead of reusing OUTDIR/.cache.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Skip files larger than this many bytes (default 20 MiB).",
)
@click.option("--strict", is_flag=True, help="Any skipped input or ignored file is an error: write no graph.")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links that lead out of an input folder (by default they are listed as ignored).",
)
@click.option("--no-html", is_flag=True, help="Skip graph.html.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL validation of graph.ttl (ontology/shapes.ttl).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(
    inputs: tuple[Path, ...],
    outdir: Path,
    segmenter: str,
    pkuseg_model: Path | None,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    no_cache: bool,
    max_bytes: int | None,
    strict: bool,
    follow_symlinks: bool,
    no_html: bool,
    no_validate: bool,
    quiet: bool,
) -> None:
    """Build graph.ttl and graph.html from report files or folders (default: seeds/).

    Reads .txt (UTF-8, UTF-16, GB18030), .html/.htm, .pdf and .docx. Every other file in an input folder is
    listed as ignored, with what it is and what to do (a .doc: save it as .docx). Hidden files and folders, and
    the outputs of kg build inside an input folder (a folder with a build-report.json or a .cache/*/index.json),
    are left out. Exit status 0 when every input built (ignored files are listed, not failures), 1 otherwise
    (bad inputs are listed, one line each, and skipped; the rest is built)."""
    from kg.build import BuildOptions, default_jobs  # noqa: PLC0415
    from kg.read import MAX_BYTES_DEFAULT  # noqa: PLC0415

    if scheduler and executor != "dask":
        raise click.BadParameter("--scheduler needs --executor dask", param_hint="--scheduler")
    if segmenter == "pkuseg" and not pkuseg_model:
        raise click.BadParameter("the pkuseg segmenter needs --pkuseg-model DIR", param_hint="--pkuseg-model")
    options = BuildOptions(
        segmenter=segmenter,
        pkuseg_model=str(pkuseg_model) if pkuseg_model else None,
        html=not no_html,
        jobs=jobs or default_jobs(),
        cache=not no_cache,
        max_bytes=max_bytes or MAX_BYTES_DEFAULT,
        strict=strict,
        executor=executor,
        scheduler=scheduler,
        validate=not no_validate,
        follow_symlinks=follow_symlinks,
    )
    result = _run(list(inputs) or [Path("seeds")], outdir, options, quiet)
    _echo_records(result.records)
    s = result.summary
    click.echo(
        f"{s.reports} reports, {s.regulations} regulations, {s.figures} figures, "
        f"{s.organisations} organisations, {s.measures} measures, {s.triples} triples "
        f"→ {result.graph_path}"
        + (f", {result.html_path}" if result.html_path else "")
        + (validity(result.validation) if result.validation else "")
    )
    if not result.ok:
        sys.exit(1)


def _echo_records(records) -> None:
    """One line per input that did not simply build (skipped, ignored, renamed, …), then how many were ignored."""
    for record in records:
        if record.status not in ("built",):
            click.echo(record.line(), err=True)
    ignored = sum(r.status == "ignored" for r in records)
    if ignored:
        click.echo(
            f"{ignored} file{'s' * (ignored != 1)} of the input folders not read (not reports: listed above)",
            err=True,
        )


def _run(paths: list[Path], outdir: Path, options, quiet: bool):
    """kg.build under a progress bar; a build that cannot go on, or whose graph is invalid, is a one-line error
    (after the first 20 validation results)."""
    from rich.progress import Progress  # noqa: PLC0415

    from kg.build import build as run_build  # noqa: PLC0415
    from kg.errors import GraphInvalid, KgError  # noqa: PLC0415

    with Progress(console=console(), transient=True, disable=quiet) as bar:
        task = bar.add_task("building", total=None)
        try:
            return run_build(
                paths, outdir, options, progress=lambda done, total: bar.update(task, completed=done, total=total)
            )
        except GraphInvalid as exc:
            for line in exc.report.results[:20]:
                click.echo(line.line(), err=True)
            raise click.ClickException(str(exc)) from None
        except KgError as exc:
            raise click.ClickException(str(exc)) from None


def validity(report) -> str:
    """The end of the summary line of a validated build: valid, and how many warnings."""
    warnings = len(report.warnings)
    return "; valid (ontology/shapes.ttl)" + (f", {warnings} warning{'s' * (warnings != 1)}" if warnings else "")

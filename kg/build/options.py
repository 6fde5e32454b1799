"""What a build is asked to do, and what each input became: the records the build report lists."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

from kg.read import MAX_BYTES_DEFAULT

Status = Literal["built", "partial", "duplicate", "skipped", "ignored", "renamed"]
ExecutorName = Literal["local", "dask"]
EXECUTORS: tuple[ExecutorName, ...] = ("local", "dask")


@dataclass
class FileRecord:
    """One input's fate: ``built``, ``partial`` (built, issuer or year not found), ``duplicate`` (same text as
    another input: one report), ``skipped`` (with a one-line reason), or ``ignored`` (a file in an input folder
    that is not a report: what it is and what to do); or ``renamed``: a note that several inputs had this name
    and what each was named instead (:mod:`kg.build.sources`)."""

    file: str
    status: Status
    reason: str = ""
    report: str | None = None
    encoding: str | None = None
    format: str | None = None

    def line(self) -> str:
        return f"{self.file}: {self.status}" + (f" ({self.reason})" if self.reason else "")


@dataclass
class BuildOptions:
    segmenter: str = "jieba"
    pkuseg_model: str | None = None
    max_bytes: int = MAX_BYTES_DEFAULT
    html: bool = True
    jobs: int = 1  # extraction processes; 1 runs in this process (the CLI defaults to every core)
    cache: bool = True  # read the cache; False re-extracts everything (fresh entries are still stored)
    strict: bool = False  # any skipped input is an error: no graph
    executor: ExecutorName = "local"  # "local" (processes) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a local Dask cluster of `jobs` workers
    validate: bool = True  # check the graph against ontology/shapes.ttl before it becomes graph.ttl
    follow_symlinks: bool = False  # follow symbolic links out of an input folder (kg.build.sources)


@dataclass
class BuildFacts:
    """How the build went: extracted in this build, taken from the cache, and by how many workers."""

    extracted: int = 0
    from_cache: int = 0
    workers: int = 1

    def as_dict(self) -> dict[str, int]:
        return {"extracted": self.extracted, "from_cache": self.from_cache, "workers": self.workers}


@dataclass
class Summary:
    """Counts of a built graph (``kg build`` prints them; build-report.json keeps them)."""

    reports: int = 0
    regulations: int = 0
    figures: int = 0
    organisations: int = 0
    measures: int = 0
    triples: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


@dataclass
class BuildResult:
    records: list[FileRecord] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    graph_path: os.PathLike | None = None
    html_path: os.PathLike | None = None
    extracted: int = 0  # documents extracted in this build (the others came from the cache)
    workers: int = 1  # processes (or Dask threads) that extracted; 1 = this process
    validation: object | None = None  # kg.rdf.shacl.ValidationReport, when validated

    @property
    def ok(self) -> bool:
        return all(r.status in ("built", "duplicate", "ignored", "renamed") for r in self.records)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)

"""``interop-lab campaign``: plan, journal, run in the pool, store, then the matrix and report.

Order of writes per task, so that a kill anywhere loses nothing and duplicates nothing: the
worker writes the run's files; this process stores the scorecards and the task's job graph in
the catalogue (each a whole named graph, replaced when a task is redone: its run id, and so its
scorecard IRIs, are fixed by the campaign and the profile); only then is the task journaled.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interop_lab.campaign.execute import Settings, default_workers, execute
from interop_lab.campaign.journal import Header, Journal, TaskRecord
from interop_lab.campaign.matrix import (
    Matrix,
    build_matrix,
    exit_code,
    job_graph,
    job_triples,
)
from interop_lab.campaign.notify import notify_vendors
from interop_lab.campaign.plan import ALL, Shard, Task, job_keys, parse_shard, plan
from interop_lab.campaign.progress import CampaignProgress
from interop_lab.campaign.report import matrix_lines, write_report
from interop_lab.campaign.worker import TaskDone, TaskOrder
from interop_lab.catalogue import DEFAULT_CATALOGUE, Catalogue, open_catalogue
from interop_lab.model.errors import UsageError
from interop_lab.model.ids import new_run_id, slug
from interop_lab.model.scorecard import Subject
from interop_lab.profiles import SuiteRoles
from interop_lab.runner.session import now_iso, suite_roles
from interop_lab.suites.registry import load_suites

CAMPAIGNS = Path("campaigns")


@dataclass(frozen=True, slots=True)
class CampaignRequest:
    profiles: Path | None
    out: Path | None = None
    catalogue: str | None = None
    shard: Shard = ALL
    resume: str | None = None
    campaign_id: str | None = None
    workers: int | None = None
    per_host: int = 1
    allow_private: bool = False
    allure: bool = True
    notify: bool = True


@dataclass(frozen=True, slots=True)
class CampaignResult:
    exit_code: int
    folder: Path
    matrix: Matrix
    errors: tuple[str, ...]


def run_campaign(request: CampaignRequest) -> CampaignResult:
    suites = load_suites()
    roles = suite_roles(suites)
    header, folder, tasks = _start_or_resume(request, roles)
    journal = Journal(folder)
    finished = journal.finished()
    orders = [
        TaskOrder(
            task=task,
            suites=task.suites,
            folder=folder,
            run_id=f"{header.campaign}-{slug(task.stem)}",
            allure=request.allure,
            # Connections are checked where they are made, so redirects and rebinding are too.
            public_only=not (header.allow_private or request.allow_private),
        )
        for task in tasks
        if task.stem not in finished
    ]
    errors: list[str] = []
    catalogue_url = header.catalogue
    total = len(job_keys(tasks))
    with open_catalogue(catalogue_url) as catalogue:
        done_jobs = sum(len(record.jobs) for record in finished.values())
        with CampaignProgress(total, done_jobs) as progress:
            running = [0]

            def on_finished(order: TaskOrder, done: TaskDone | None, why: str | None) -> None:
                running[0] -= 1
                if done is None:
                    errors.append(f"{order.task.stem}: {why}")
                    progress.finished(f"{order.task.stem}: fout ({why})", 0, 0, running[0])
                    return
                record = done.record
                _store(catalogue, header.campaign, order, done)
                journal.record(record)
                failed = sum(1 for job in record.jobs if job.verdict != "conformant")
                progress.finished(_label(order.task, record), len(record.jobs), failed, running[0])

            def on_running(count: int) -> None:
                running[0] = count
                progress.started(count)

            settings = Settings(request.workers or default_workers(), request.per_host)
            execute(orders, settings, on_finished, on_running)
        matrix = build_matrix(catalogue, header.campaign, sorted(suites))
    write_report(folder, matrix, header, errors)
    if request.notify:
        allowed = header.allow_private or request.allow_private
        notify_vendors(matrix, tasks, folder, public_only=not allowed)
    return CampaignResult(exit_code(matrix, errors), folder, matrix, tuple(errors))


def campaign_folder(request: CampaignRequest, campaign_id: str) -> Path:
    return request.out or CAMPAIGNS / campaign_id


def _start_or_resume(
    request: CampaignRequest, roles: dict[str, SuiteRoles]
) -> tuple[Header, Path, list[Task]]:
    if request.resume is None:
        if request.profiles is None:
            raise UsageError("campaign needs --profiles DIR (or --resume ID)")
        campaign_id = request.campaign_id or new_run_id()
        folder = campaign_folder(request, campaign_id)
        tasks = plan(request.profiles, roles, request.shard, allow_private=request.allow_private)
        header = Header(
            campaign=campaign_id,
            started=now_iso(),
            profiles=str(request.profiles.resolve()),
            shard=str(request.shard),
            jobs=tuple(job_keys(tasks)),
            catalogue=request.catalogue or DEFAULT_CATALOGUE,
            allow_private=request.allow_private,
        )
        Journal(folder).start(header)
        return header, folder, tasks
    folder = campaign_folder(request, request.resume)
    header = Journal(folder).header()
    if header.campaign != request.resume:
        raise UsageError(
            f"{folder}: holds campaign {header.campaign}, not {request.resume}; give its --out"
        )
    if request.catalogue and request.catalogue != header.catalogue:
        raise UsageError(
            f"campaign {header.campaign} writes to {header.catalogue}; resume it there "
            f"(leave out --catalogue), not to {request.catalogue}"
        )
    tasks = plan(
        Path(header.profiles),
        roles,
        parse_shard(header.shard),
        allow_private=header.allow_private or request.allow_private,
    )
    if tuple(job_keys(tasks)) != header.jobs:
        raise UsageError(
            f"the profiles in {header.profiles} changed since campaign {header.campaign} "
            "started (other jobs now): start a new campaign instead of resuming this one"
        )
    return header, folder, tasks


def _store(catalogue: Catalogue, campaign: str, order: TaskOrder, done: TaskDone) -> None:
    task, record, cards = order.task, done.record, done.cards
    for card in cards:
        catalogue.add(card)
    # Last: the job graph names the scorecards, so it never points at one that is missing.
    catalogue.replace_graph(
        job_graph(campaign, order.task.stem),
        job_triples(
            campaign,
            order.task.stem,
            subject=Subject(task.vendor, task.kbo, task.product, task.release),
            network=any(job.transport for job in record.jobs),
            exit_code=record.exit_code,
            scorecards=[card.iri for card in cards],
            unjudged=[job.suite for job in record.jobs if job.file is None],
        ),
    )


def _label(task: Task, record: TaskRecord) -> str:
    verdicts = ", ".join(f"{job.suite} {job.verdict}" for job in record.jobs)
    return f"{task.stem} ({task.vendor}, {task.product} {task.release}): {verdicts}"


def print_matrix(result: CampaignResult) -> None:
    for line in matrix_lines(result.matrix):
        print(line)

"""The campaign report: ``campaign.json`` for machines, ``campaign.html`` (Dutch) for people."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from interop_lab.campaign.journal import Header
from interop_lab.campaign.matrix import Cell, Change, Matrix
from interop_lab.reporting.files import write_text

REPORT_JSON = "campaign.json"
REPORT_HTML = "campaign.html"
VERDICTS = {"conformant": "conform", "non-conformant": "niet conform", "error": "fout"}


def matrix_json(matrix: Matrix, header: Header, errors: list[str]) -> dict[str, Any]:
    return {
        "campaign": matrix.campaign,
        "started": header.started,
        "shard": header.shard,
        "suites": list(matrix.suites),
        "rows": [
            {
                "profile": row.profile,
                "vendor": row.vendor,
                "kbo": row.kbo,
                "product": row.product,
                "release": row.release,
                "cells": {suite: _cell_json(cell) for suite, cell in row.cells.items()},
            }
            for row in matrix.rows
        ],
        "regressions": [
            {"profile": row.profile, "suite": cell.suite, **_cell_json(cell)}
            for row, cell in matrix.regressions()
        ],
        "errors": errors,
    }


def _cell_json(cell: Cell) -> dict[str, Any]:
    data = asdict(cell)
    data["change"] = cell.change.value
    data["changeLabel"] = cell.change.label
    for name in ("new_failures", "fixed", "flaky", "certified_regressions"):
        data[name] = list(data[name])
    return data


def write_report(folder: Path, matrix: Matrix, header: Header, errors: list[str]) -> None:
    document = matrix_json(matrix, header, errors)
    write_text(folder / REPORT_JSON, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    write_text(folder / REPORT_HTML, matrix_html(matrix, errors))


def matrix_lines(matrix: Matrix) -> list[str]:
    """The matrix for a terminal: one line per product release and standard."""
    lines = [f"campagne {matrix.campaign}: {len(matrix.rows)} productversies"]
    for row in matrix.rows:
        lines.append(f"{row.vendor} / {row.product} {row.release} ({row.profile})")
        for suite, cell in row.cells.items():
            level = f", niveau {cell.level}" if cell.level else ""
            verdict = VERDICTS.get(cell.verdict, cell.verdict)
            lines.append(f"  {suite:20} {verdict}{level}; {cell.change.label}")
    regressions = matrix.regressions()
    lines.append(f"achteruitgang: {len(regressions)}")
    for row, cell in regressions:
        detail = ", ".join(cell.new_failures or cell.certified_regressions)
        lines.append(f"  {row.profile} {cell.suite}: {detail or 'niveau lager'}")
    return lines


def matrix_html(matrix: Matrix, errors: list[str]) -> str:
    head = "".join(f'<th scope="col">{html.escape(suite)}</th>' for suite in matrix.suites)
    body = []
    for row in matrix.rows:
        cells = "".join(_cell_html(row.cells.get(suite), row.profile) for suite in matrix.suites)
        name = f"{row.vendor} / {row.product} {row.release}"
        body.append(f'<tr><th scope="row">{html.escape(name)}</th>{cells}</tr>')
    regressions = "".join(
        f"<li>{html.escape(row.vendor)} / {html.escape(row.product)} {html.escape(row.release)},"
        f" {html.escape(cell.suite)}: {html.escape(', '.join(cell.new_failures) or 'niveau lager')}"
        f"{_certified_note(cell)}</li>"
        for row, cell in matrix.regressions()
    )
    problems = "".join(f"<li>{html.escape(error)}</li>" for error in errors)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Campagne {html.escape(matrix.campaign)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a}}
table{{border-collapse:collapse}}
th,td{{border:1px solid #767676;padding:.3rem .5rem;text-align:left}}
.worse{{background:#fde2e1}}.better{{background:#e3f4e3}}.network,.flaky{{background:#fff4ce}}
.wrap{{overflow-x:auto}}</style></head>
<body><main>
<h1>Campagne {html.escape(matrix.campaign)}</h1>
<p>{len(matrix.rows)} productversies, {sum(1 for _ in matrix.cells())} beoordelingen,
{len(matrix.regressions())} keer achteruitgang.</p>
<h2>Productversies en standaarden</h2>
<div class="wrap"><table><caption>Niveau, oordeel en verandering sinds de vorige test</caption>
<thead><tr><th scope="col">Product</th>{head}</tr></thead>
<tbody>{"".join(body)}</tbody></table></div>
<h2>Achteruitgang</h2>
<ul>{regressions or "<li>geen</li>"}</ul>
{f"<h2>Fouten in het lab</h2><ul>{problems}</ul>" if problems else ""}
</main></body></html>
"""


def _cell_html(cell: Cell | None, profile: str) -> str:
    if cell is None:
        return "<td>-</td>"
    text = VERDICTS.get(cell.verdict, cell.verdict)
    level = f", niveau {html.escape(cell.level)}" if cell.level else ""
    link = ""
    if cell.scorecard is not None:
        href = html.escape(f"{quote(profile)}/{quote(cell.suite)}/scorecard.html")
        link = f' <a href="{href}">scorecard</a>'
    kind = cell.change.value if cell.change is not Change.SAME else ""
    return f'<td class="{kind}">{text}{level}; {cell.change.label}{link}</td>'


def _certified_note(cell: Cell) -> str:
    if not cell.certified_regressions:
        return ""
    return f" (gecertificeerd geslaagd, nu gefaald: {len(cell.certified_regressions)} regels)"

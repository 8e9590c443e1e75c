"""A product's level over its runs of one suite, as the geometry of a small inline SVG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interop_lab.catalogue import TrendPoint
from interop_lab.site.data import NO_LEVEL, scorecard_href
from interop_lab.site.words import DUTCH, Words

WIDTH = 320
HEIGHT = 120
LEFT = 44  # room for the level labels
RIGHT = 12
TOP = 10
BOTTOM = 14


@dataclass(frozen=True, slots=True)
class PlotPoint:
    x: float
    y: float
    label: str  # read by screen readers and shown as a tooltip
    href: str
    failing: bool


@dataclass(frozen=True, slots=True)
class Plot:
    suite: str
    width: int
    height: int
    axis: tuple[tuple[str, float], ...]  # level label and its y
    points: tuple[PlotPoint, ...]
    description: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def trend_plot(
    suite: str, levels: Sequence[str], points: Sequence[TrendPoint], words: Words = DUTCH
) -> Plot:
    """Level 'geen' at the bottom, the suite's top level at the top, one run per step right."""
    rungs = [NO_LEVEL, *levels]
    for point in points:  # a level the suite no longer lists still gets a rung
        if point.level and point.level not in rungs:
            rungs.append(point.level)
    span = HEIGHT - TOP - BOTTOM
    step = span / max(len(rungs) - 1, 1)
    y_of = {rung: HEIGHT - BOTTOM - index * step for index, rung in enumerate(rungs)}
    inner = WIDTH - LEFT - RIGHT
    gap = inner / max(len(points) - 1, 1)
    plotted = tuple(
        PlotPoint(
            x=LEFT + (index * gap if len(points) > 1 else inner / 2),
            y=y_of[point.level or NO_LEVEL],
            label=_label(point, words),
            href=scorecard_href(point.iri),
            failing=point.verdict != "conformant",
        )
        for index, point in enumerate(points)
    )
    first, last = points[0], points[-1]
    description = words.plot_description.format(
        n=len(points),
        runs=words.plot_run if len(points) == 1 else words.plot_runs,
        first=first.ended[:10],
        last=last.ended[:10],
        level=words.level_text(last.level),
    )
    axis = tuple(
        (words.level_text(None) if rung == NO_LEVEL else rung, y) for rung, y in y_of.items()
    )
    return Plot(suite, WIDTH, HEIGHT, axis, plotted, description)


def _label(point: TrendPoint, words: Words) -> str:
    return words.plot_point.format(
        date=point.ended[:10],
        release=point.release,
        level=words.level_text(point.level),
        verdict=words.verdict_of(point.verdict),
    )

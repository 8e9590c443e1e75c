"""The trend plot's geometry: higher levels higher up, runs left to right."""

from __future__ import annotations

from interop_lab.catalogue import TrendPoint
from interop_lab.site.plot import HEIGHT, WIDTH, trend_plot

LEVELS = ("L1", "L2", "L3", "L4")


def _point(number: int, level: str | None, verdict: str = "conformant") -> TrendPoint:
    return TrendPoint(
        f"urn:uuid:{number}", f"2026-0{number}-01T00:00:00Z", "1.0", "self-test", verdict, level
    )


def test_runs_go_right_and_levels_go_up() -> None:
    plot = trend_plot(
        "ipdc-lpdc", LEVELS, [_point(1, "L2"), _point(2, "L4"), _point(3, None, "non-conformant")]
    )
    xs = [point.x for point in plot.points]
    ys = [point.y for point in plot.points]
    assert xs == sorted(xs)
    assert ys[1] < ys[0] < ys[2]
    assert [point.failing for point in plot.points] == [False, False, True]
    assert all(0 <= x <= WIDTH for x in xs)
    assert all(0 <= y <= HEIGHT for y in ys)
    assert "laatste niveau geen" in plot.description
    assert [label for label, _ in plot.axis] == ["geen", *LEVELS]


def test_one_run_is_centred_and_an_unknown_level_gets_a_rung() -> None:
    plot = trend_plot("x", LEVELS, [_point(1, "L9")])
    assert len(plot.points) == 1
    assert plot.axis[-1][0] == "L9"
    assert plot.polyline.count(",") == 1

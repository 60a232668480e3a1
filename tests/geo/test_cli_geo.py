"""harmattan geoparse, run through click (the command is registered on a private group)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from harmattan.interfaces.cli_geo import register


def _group() -> click.Group:
    @click.group()
    def main() -> None:
        pass

    register(main)
    return main


def test_geoparse_writes_one_line_per_article_and_reports_rejects(tmp_path: Path) -> None:
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(
        json.dumps({"id": "a1", "text": "Gunmen attacked Djibo, Burkina Faso."}) + "\n"
        + "not json\n"
        + json.dumps({"id": "a2", "text": "Nothing to see."}) + "\n", encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(_group(), ["geoparse", str(inputs), "-o", str(out),
                                           "--rejects", str(rejects)])
    assert result.exit_code == 3, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["article_id"] for line in lines] == ["a1", "a2"]
    assert [p["text"] for p in lines[0]["places"]] == ["Djibo", "Burkina Faso"]
    assert lines[1]["places"] == []
    assert json.loads(rejects.read_text(encoding="utf-8"))["line"] == 2


def test_geoparse_help_has_an_example() -> None:
    result = CliRunner().invoke(_group(), ["geoparse", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_geoparse_gives_the_same_lines_with_one_or_two_workers(tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        result = CliRunner().invoke(_group(), ["geoparse", str(samples), "-o", str(out),
                                               "--workers", workers, "--quiet"])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    lines = [json.loads(line) for line in outputs[0].splitlines()]
    assert len(lines) >= 37 and sum(len(line["places"]) for line in lines) > 100

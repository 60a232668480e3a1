"""The store tests run on SQLite and on PostgreSQL (the ``db_url`` fixture, in
``tests/conftest.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from harmattan.interfaces.cli_store import register


@pytest.fixture
def cli() -> click.Group:
    group = click.Group("harmattan")
    register(group)
    return group


@pytest.fixture
def run_cli(cli: click.Group):
    """Run a store command in-process with the stand-in coder; return the click Result."""
    from harmattan.runners import local
    from harmattan.store import stand_in

    def run(*args: str, code: int | None = 0):
        original = local._make_default_coder
        local._make_default_coder = stand_in.make_rule_coder
        try:
            result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
        finally:
            local._make_default_coder = original
        if code is not None:
            assert result.exit_code == code, result.output
        return result

    return run


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path

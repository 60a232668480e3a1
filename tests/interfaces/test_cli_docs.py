"""The CLI reference in docs/ is generated from --help and must not fall behind it."""

from __future__ import annotations

from pathlib import Path

from harmattan.interfaces.clidoc import render_cli_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render_cli_reference(), (
        "docs/cli.md is stale: run python -m harmattan.interfaces.clidoc > docs/cli.md"
    )


def test_every_command_has_an_example() -> None:
    text = render_cli_reference()
    sections = text.split("\n## ")[1:]
    leaves = [s for s in sections if "Commands:" not in s]
    assert leaves
    missing = [s.splitlines()[0] for s in leaves if "Example" not in s]
    assert not missing, missing


def test_every_command_takes_quiet() -> None:
    import click

    from harmattan.interfaces.cli import main

    def leaves(group: click.Group, path: str):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from leaves(command, f"{path} {name}")
            else:
                yield f"{path} {name}", command

    missing = [name for name, command in leaves(main, "harmattan")
               if not any("--quiet" in p.opts for p in command.params)]
    assert not missing, missing

"""docs/store.md documents every option of the store's commands, and every command has an example."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from harmattan.interfaces.cli_store import register

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def _commands() -> dict[str, click.Command]:
    group = click.Group("harmattan")
    register(group)
    return dict(group.commands)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_is_documented_and_every_command_has_an_example(name: str) -> None:
    command = _commands()[name]
    text = DOC.read_text(encoding="utf-8")
    assert f"harmattan {name}" in text
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert f"`{longest}`" in text or f"{longest} " in text or f"{longest}]" in text, (name, longest)
    assert "Example:" in (command.help or "")
    assert "--db" in [opt for p in command.params for opt in getattr(p, "opts", [])]
    assert "--quiet" in [opt for p in command.params for opt in getattr(p, "opts", [])]

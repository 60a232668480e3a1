"""Generate the CLI reference (docs/cli.md) from the commands' own ``--help``.

    python -m harmattan.interfaces.clidoc > docs/cli.md

A test compares the file with this output, so an option cannot go undocumented.
"""

from __future__ import annotations

import click

from harmattan.interfaces.cli import main


def _walk(command: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found.extend(_walk(command.commands[name], path + [name]))
    return found


def render_cli_reference() -> str:
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python -m harmattan.interfaces.clidoc > docs/cli.md`.",
        "",
    ]
    for path, command in _walk(main, ["harmattan"]):
        with click.Context(command, info_name=" ".join(path), terminal_width=100,
                           max_content_width=100) as ctx:
            text = command.get_help(ctx)
        parts += [f"## `{' '.join(path)}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render_cli_reference(), end="")

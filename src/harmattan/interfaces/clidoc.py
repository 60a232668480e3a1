"""Generate the CLI reference (docs/cli.md) from the commands' own ``--help``.

    python -m harmattan.interfaces.clidoc > docs/cli.md

A test compares the file with this output, so an option cannot go undocumented.
"""

from __future__ import annotations

import click

from harmattan.interfaces.cli import main


def _walk(command: click.Command, path: list[str], parent: click.Context | None
          ) -> list[tuple[list[str], click.Command, click.Context]]:
    # Contexts are chained as a real invocation chains them, so that the group's settings
    # (``-h`` as well as ``--help``) show on every command whatever ran before.
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=100,
                        max_content_width=100,
                        **(main.context_settings if parent is None else {}))
    found = [(path, command, ctx)]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            found.extend(_walk(command.commands[name], path + [name], ctx))
    return found


def render_cli_reference() -> str:
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `python -m harmattan.interfaces.clidoc > docs/cli.md`.",
        "",
    ]
    for path, command, ctx in _walk(main, ["harmattan"], None):
        # click caches each command's help option the first time it is built, with the names
        # of whatever context built it; rebuild it from this invocation-like chain.
        command._help_option = None
        text = command.get_help(ctx)
        parts += [f"## `{' '.join(path)}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render_cli_reference(), end="")

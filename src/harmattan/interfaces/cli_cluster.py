"""The options that send a command's coding to a Dask cluster (``code`` and ``ingest``)."""

from __future__ import annotations

from typing import Any

import click


def cluster_options(func: Any) -> Any:
    """``--scheduler tcp://HOST:PORT`` and ``--dask local:N``; read them with :func:`cluster_spec`."""
    func = click.option(
        "--dask", "dask_local", metavar="local:N", default=None,
        help="Run on a Dask cluster of N worker processes started on this machine for the run.",
    )(func)
    func = click.option(
        "--scheduler", metavar="tcp://HOST:PORT", default=None,
        help="Run on the Dask cluster behind this scheduler (the workers need harmattan "
             "installed; they get the articles from this process, not from the files).",
    )(func)
    return func


def cluster_spec(scheduler: str | None, dask_local: str | None, workers: int | None = None) -> str | None:
    """The cluster to run on, or None to run on this machine with --workers."""
    if scheduler and dask_local:
        raise click.UsageError("give --scheduler or --dask, not both")
    if workers is not None and (scheduler or dask_local):
        raise click.UsageError(
            "--workers counts processes on this machine; on Dask the cluster has the workers "
            "(--dask local:N starts N of them): give one or the other")
    if dask_local and not dask_local.startswith("local"):
        raise click.BadParameter(f"{dask_local!r}: write local:N (N worker processes)",
                                 param_hint="--dask")
    return scheduler or dask_local

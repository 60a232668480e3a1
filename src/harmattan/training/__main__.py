"""``python -m harmattan.training``: rebuild the event-classifier artifact.

Example:
    python -m harmattan.training --cv-folds 5 \
        --out src/harmattan/resources/models/event-classifier
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from harmattan.training.event_classifier import (
    TrainConfig,
    frozen_embedding_baseline,
    train_event_classifier,
)

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "models" / "event-classifier"


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, train, print the metrics as JSON."""
    parser = argparse.ArgumentParser(prog="python -m harmattan.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="artifact directory")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="folder with cameo-quad/ and plover-gold/ "
                             "(default: $HARMATTAN_SHARED_DATA or ../shared/data)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cv-folds", type=int, default=5, help="0 skips cross-validation")
    parser.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    parser.add_argument("--baseline", action="store_true",
                        help="only print the CV scores of the frozen-embedding baseline")
    args = parser.parse_args(argv)
    if args.baseline:
        report = frozen_embedding_baseline(args.data_dir, folds=args.cv_folds or 5, seed=args.seed)
    else:
        config = TrainConfig(epochs=args.epochs)
        report = train_event_classifier(args.out, seed=args.seed, cv_folds=args.cv_folds,
                                        data_dir=args.data_dir, config=config)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

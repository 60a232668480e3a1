"""``python -m harmattan.training``: rebuild the event-classifier artifact.

Example:
    python -m harmattan.training --cv-folds 5 \
        --out src/harmattan/resources/models/event-classifier

Folds in parallel processes, then the final fit reusing their predictions:
    for k in 0 1 2 3 4; do python -m harmattan.training --only-fold $k --fold-dir folds/ & done
    python -m harmattan.training --cv-folds 5 --fold-dir folds/
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from harmattan.training.event_classifier import (
    TrainConfig,
    frozen_embedding_baseline,
    train_event_classifier,
    train_fold,
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
    parser.add_argument("--weak-plover-weight", type=float, default=TrainConfig.weak_plover_weight,
                        help="PLOVER loss weight of the quad sentences' weak labels (0: unused)")
    parser.add_argument("--fold-dir", type=Path, default=None,
                        help="keep (and reuse) each CV fold's predictions in this folder")
    parser.add_argument("--only-fold", type=int, default=None,
                        help="train this CV fold only and store it in --fold-dir")
    parser.add_argument("--baseline", action="store_true",
                        help="only print the CV scores of the frozen-embedding baseline")
    args = parser.parse_args(argv)
    if args.baseline:
        report = frozen_embedding_baseline(args.data_dir, folds=args.cv_folds or 5, seed=args.seed)
    elif args.only_fold is not None:
        if args.fold_dir is None:
            parser.error("--only-fold needs --fold-dir")
        config = TrainConfig(epochs=args.epochs, weak_plover_weight=args.weak_plover_weight)
        stored = train_fold(args.only_fold, args.fold_dir, folds=args.cv_folds or 5,
                            seed=args.seed, data_dir=args.data_dir, config=config)
        report = {"fold": args.only_fold, "predictions": str(stored)}
    else:
        config = TrainConfig(epochs=args.epochs, weak_plover_weight=args.weak_plover_weight)
        report = train_event_classifier(args.out, seed=args.seed, cv_folds=args.cv_folds,
                                        data_dir=args.data_dir, config=config,
                                        fold_dir=args.fold_dir)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

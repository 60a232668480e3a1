"""The coder's acts figures with another act gate and P(event) threshold.

    .venv/bin/python benchmarks/acts_gate.py GATE_DIR [--min-event-probability 0.2]
        [--threshold T] [--part heldout|train]

For a gate from `harmattan train gate --out GATE_DIR` that was trained with another
`--min-event-probability`: the coder must parse the same sentences the gate was trained on.
On the train part the gate has seen the articles: its out-of-fold figures are in
GATE_DIR/metrics.json (``coder_cv_by_threshold``).
"""

from __future__ import annotations

import argparse
import json

from harmattan.events.acts_eval import evaluate_acts
from harmattan.events.coder import CoderSettings, EventCoder
from harmattan.events.gate import ActGate
from harmattan.training.act_gate import ACTS_DIR, load_act_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gate")
    parser.add_argument("--min-event-probability", type=float,
                        default=CoderSettings().min_event_probability)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--part", choices=["heldout", "train", "all"], default="heldout")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    labels, texts = load_act_texts(ACTS_DIR / "labels.jsonl", args.part)
    gate = ActGate(args.gate, threshold=args.threshold).initialize()
    coder = EventCoder(gate=gate, settings=CoderSettings(
        locate=False, min_event_probability=args.min_event_probability)).initialize()
    report = evaluate_acts(labels, texts, coder.code)
    print(json.dumps(report.to_dict(), indent=2) if args.json else
          f"gate {args.gate}, threshold {gate.threshold_}, P(event) >= "
          f"{args.min_event_probability}\n{report.render()}")


if __name__ == "__main__":
    main()

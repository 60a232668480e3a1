"""The coder's figures on the held-out annotated articles, step by step.

    .venv/bin/python benchmarks/acts_ablation.py [--part heldout|train|all]

Each row adds one of the coder's decisions about real news to the one before: one act per
sentence, one event per act per article, the act gate with its type head (the shipped
coder).  The gate and the type head are fitted on the train part, so only the held-out part
(the default) gives honest figures for the last row.
"""

from __future__ import annotations

import argparse

from harmattan.events.acts_eval import evaluate_acts
from harmattan.events.coder import CoderSettings, EventCoder
from harmattan.training.act_gate import ACTS_DIR, load_act_texts

STEPS = [
    ("every act of a sentence, no gate, no merge",
     dict(gate=False, merge_restatements=False, other_acts=True)),
    ("one act per sentence", dict(gate=False, merge_restatements=False, other_acts=False)),
    ("+ one event per act per article", dict(gate=False, merge_restatements=True, other_acts=False)),
    ("+ act gate and type head (shipped)", dict(gate=True, merge_restatements=True, other_acts=False)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["heldout", "train", "all"], default="heldout")
    args = parser.parse_args()
    labels, texts = load_act_texts(ACTS_DIR / "labels.jsonl", args.part)
    print("| coder | events | on act sentences | act sentences covered | type | source P / R "
          "| target P / R | extra per act |")
    print("|---|---|---|---|---|---|---|---|")
    for name, options in STEPS:
        coder = EventCoder(settings=CoderSettings(locate=False, **options)).initialize()
        f = evaluate_acts(labels, texts, coder.code).figures
        print(f"| {name} | {f['events']} | {f['event_precision']:.3f} | {f['act_coverage']:.3f} "
              f"| {f['type_accuracy']:.3f} | {f['source']['precision']:.3f} / "
              f"{f['source']['recall']:.3f} | {f['target']['precision']:.3f} / "
              f"{f['target']['recall']:.3f} | {f['extra_per_act']:.3f} |", flush=True)


if __name__ == "__main__":
    main()

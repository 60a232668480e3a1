"""The coder's acts figures, out of fold on the act annotations' train part, for settings of
the act reader's admission of sentences the sentence model reads as statements.

    .venv/bin/python benchmarks/acts_reader_admission.py [--setting SURE,P[,ACTORLESS] ...] [--quad]

A setting ``SURE,P`` parses a candidate sentence whose P(event) is below
``min_event_probability`` when the act reader gives P(act or background) ≥ SURE and
P(event) ≥ P (``CoderSettings.reader_sure``, ``reader_event_probability``); ``1.01,0.35,1.01``
turns the admission off.  ``ACTORLESS`` (``reader_sure_actorless``, default 1.01: off) lets
on a sentence with a trigger word and no known actor when the reader gives it at least that.  Each train sentence is read by the fold reader that did not see it
(``act_oof.json``, written by ``harmattan train act-model``), so the reader's part is out of
fold; the gate and type head were fitted on these articles.  ``--quad`` also scores the CAMEO
quad set (cross-validated), where clean statements must stay no event.  ``--option KEY=VALUE``
sets another ``CoderSettings`` field (JSON value) for every setting: ``reader_sure_appeals=1.01``.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from harmattan.events.acts_eval import evaluate_acts
from harmattan.events.coder import CoderSettings, EventCoder
from harmattan.events.gate import ActGate, default_gate_dir
from harmattan.training.act_gate import ACTS_DIR, load_act_texts, shared_data_dir


class OutOfFoldReaderGate(ActGate):
    """The shipped gate, with each train sentence read by the fold reader that did not see it."""

    def initialize(self) -> OutOfFoldReaderGate:
        super().initialize()
        self.oof_ = json.loads((default_gate_dir() / "act_oof.json").read_text(encoding="utf-8"))
        return self

    def act_readings(self, sentences: list[str], keys: list[tuple[str, int, int]]) -> np.ndarray | None:
        base = super().act_readings(sentences, keys)
        if base is None:
            return None
        return np.asarray([self.oof_.get(f"{a}:{s}-{e}", b) for (a, s, e), b in zip(keys, base)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setting", action="append", default=None,
                        help="SURE,P (default: off, and the shipped setting)")
    parser.add_argument("--quad", action="store_true")
    parser.add_argument("--option", action="append", default=[],
                        help="KEY=VALUE: another CoderSettings field for every setting "
                             "(reader_sure_appeals=1.01)")
    args = parser.parse_args()
    extra = {}
    for option in args.option:
        key, value = option.split("=", 1)
        extra[key] = json.loads(value)
    shipped = CoderSettings()
    settings = args.setting or ["1.01,0.35,1.01", f"{shipped.reader_sure},{shipped.reader_event_probability},"
                                                  f"{shipped.reader_sure_actorless}"]
    labels, texts = load_act_texts(ACTS_DIR / "labels.jsonl", "train")
    print("sure  P(event)  actorless  events  on-act  covered  type  source P/R  target P/R  extra" +
          ("  quad" if args.quad else ""))
    for setting in settings:
        values = [float(x) for x in setting.split(",")]
        sure, p_event, actorless = values[0], values[1], values[2] if len(values) > 2 else 1.01
        options = {"reader_sure": sure, "reader_event_probability": p_event,
                   "reader_sure_actorless": actorless, **extra}
        coder = EventCoder(gate=OutOfFoldReaderGate().initialize(),
                           settings=CoderSettings(locate=False, **options)).initialize()
        f = evaluate_acts(labels, texts, coder.code).figures
        line = (f"{sure:.2f}  {p_event:.2f}  {actorless:.2f}  {f['events']}  {f['event_precision']:.3f}  "
                f"{f['act_coverage']:.3f}  {f['type_accuracy']:.3f}  "
                f"{f['source']['precision']:.3f}/{f['source']['recall']:.3f}  "
                f"{f['target']['precision']:.3f}/{f['target']['recall']:.3f}  {f['extra_per_act']:.3f}")
        if args.quad:
            from harmattan.evaluation import evaluate_quad, load_gold
            from harmattan.events.classifier import CrossValidatedClassifier

            records = load_gold(shared_data_dir() / "cameo-quad" / "train.jsonl", "quad")
            quad = EventCoder(classifier=CrossValidatedClassifier(),
                              settings=CoderSettings(**options)).initialize()
            rendered = evaluate_quad(records, quad.code).render()
            line += "  " + next(x.split()[-1] for x in rendered.splitlines() if x.startswith("accuracy"))
        print(line, flush=True)


if __name__ == "__main__":
    main()

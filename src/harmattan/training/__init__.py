"""Training of the shipped models (needs the ``train`` extra: ``pip install -e '.[train]'``).

Nothing here is imported by the runtime; heavy libraries (torch, transformers, scikit-learn)
are imported inside the functions that need them.
"""

from harmattan.training.event_classifier import TrainConfig, train_event_classifier

__all__ = ["TrainConfig", "train_event_classifier"]

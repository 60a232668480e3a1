"""MinHash over word shingles, with LSH bands: which articles are near-duplicates.

Syndicated wire copy and updated versions of a report share most of their word 3-grams
(shingles).  The fraction of shared shingles (Jaccard similarity) is estimated from 120 MinHash
values; articles whose estimate reaches ``threshold`` (0.6) belong to the same story.  Finding
the candidates does not compare every pair: the signature is cut into 20 bands of 6 values, and
only articles that share at least one whole band are compared (the store indexes the bands).
With 20 × 6 a pair at similarity 0.7 shares a band with probability 1 - (1 - 0.7⁶)²⁰ ≈ 0.92,
at 0.8 ≈ 0.998, while unrelated articles written from the same phrases (similarity 0.3) meet
with probability 0.015 — with 32 × 4 bands it was 0.23, and every new article was compared with
a fifth of the store.

The hash functions are fixed (seeded), so signatures are the same in every process and every
run: a store can be extended by a later run, and a re-run gives the same stories.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

NUM_PERM = 120
BANDS = 20
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.6
#: At most this many candidates are compared (the oldest first): a bound on the work per
#: article even for a corpus of near-identical texts.
MAX_CANDIDATES = 200

_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20240601)
_A = _rng.randint(1, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams (the whole text as one shingle when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text: ``NUM_PERM`` uint32 values."""
    items = shingles(text)
    if not items:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    hashes = np.fromiter(
        (struct.unpack("<I", hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest())[0]
         for s in items),
        dtype=np.uint64, count=len(items),
    )
    # Universal hashing (a·x + b) mod p, as in Broder's MinHash; uint64 wrap-around is fine
    # here, it is the same in every process.
    permuted = ((np.outer(hashes, _A) + _B) % _PRIME) & _MAX32
    return permuted.min(axis=0).astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_buckets(sig: np.ndarray) -> list[str]:
    """``"<band>:<hash>"`` for each band of the signature: equal only for equal bands."""
    raw = sig.astype("<u4")
    return [
        f"{band}:" + hashlib.blake2b(raw[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for band in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM

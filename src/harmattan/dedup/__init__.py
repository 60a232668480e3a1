"""Near-duplicate articles (stories) and the same event told by many sources (clusters)."""

from harmattan.dedup.minhash import band_buckets, signature, similarity

__all__ = ["band_buckets", "signature", "similarity"]

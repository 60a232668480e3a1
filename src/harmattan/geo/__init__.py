"""Place mentions → gazetteer entries → event location and precision (offline, GeoNames)."""

from harmattan.geo.locate import article_country, event_location
from harmattan.geo.parser import Geoparser, Place

__all__ = ["Geoparser", "Place", "article_country", "event_location"]

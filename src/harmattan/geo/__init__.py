"""Place mentions → gazetteer entries → event location and precision (offline, GeoNames)."""

from harmattan.geo.locate import event_location
from harmattan.geo.parser import Geoparser, Place

__all__ = ["Geoparser", "Place", "event_location"]

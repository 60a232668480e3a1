"""Actor mentions → coded actors (country, sector, organisation) as they stood on the date."""

from harmattan.actors.build import build_phoenix
from harmattan.actors.resolver import ActorResolver, RoleHolder, default_resolver

__all__ = ["ActorResolver", "RoleHolder", "build_phoenix", "default_resolver"]

"""Saved campaigns and who they belong to (SQLAlchemy 2 over SQLite or PostgreSQL).

- `store`: drafts, a version per save, share ids, undoable deletes, conflicts refused;
- `owners`: owner ids by kind (`oidc:`, `email:`, `local:`, `guest:`) and the legacy mapping;
- `workspace`: the sign-in-less install's key (data/workspace.json) and its claim link.
"""

from components.storage.owners import owner_kind
from components.storage.store import DraftConflict, DraftInfo, Store, StoreError

__all__ = ["DraftConflict", "DraftInfo", "Store", "StoreError", "owner_kind"]

"""Renaming the business in the ad's own words: the old name, as a whole name, becomes the new
one in the greeting and the pre-filled message, never growing a field past its ceiling.

Pure: the composer offers the change (a button, never automatic) and applies what this says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from components.campaign.fields import MAX_CHARS
from components.campaign.model import Campaign

# The words the business says in the chat, which name it ("Hi! Welcome to Mama Bisi's").
RENAMED_FIELDS = {"greeting": "greeting", "prefill": "pre-filled message"}


def replace_name(text: str, old: str, new: str) -> str:
    """`text` with every whole occurrence of `old` (not part of a longer word: "Bo" in "Book"
    stays) replaced by `new`. Case-sensitive: a name is written as it is spelled."""
    if not old.strip():
        return text
    pattern = rf"(?<!\w){re.escape(old)}(?!\w)"
    return re.sub(pattern, lambda _match: new, text)


@dataclass(frozen=True)
class RenameOffer:
    """What renaming the business from `old` would change: the new text of each field that
    names it, and the fields that would pass their ceiling (left as they are)."""

    old: str
    changes: tuple[tuple[str, str], ...]
    too_long: tuple[str, ...]


def rename_offer(ad: Campaign, old: str) -> RenameOffer | None:
    """The offer to carry the new business name (`ad.business`) into the chat's words, when
    they still name the business `old`; None when there is nothing to change."""
    new = ad.business.strip()
    if not old.strip() or not new or old.strip() == new:
        return None
    changes, too_long = [], []
    for name in RENAMED_FIELDS:
        value = str(getattr(ad, name))
        renamed = replace_name(value, old.strip(), new)
        if renamed == value:
            continue
        if len(renamed) > MAX_CHARS[name]:
            too_long.append(name)
        else:
            changes.append((name, renamed))
    if not changes and not too_long:
        return None
    return RenameOffer(old.strip(), tuple(changes), tuple(too_long))

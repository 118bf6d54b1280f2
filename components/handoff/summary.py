"""What the handoff says to the owner in plain words, and what Ads Manager will still ask.

`owner_summary(ad, handoff)` is a few sentences of plain text (the page shows it with
`st.text`, never as Markdown, so the owner's own words appear exactly as typed).
`checklist(ad, handoff)` is what Ads Manager asks that the studio cannot know, one line of
why each; its words are the studio's, with codes and time zones as the only values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from components.campaign.hours import DAY_NAMES, DAYS, describe_day
from components.campaign.model import Campaign
from components.campaign.placements import PLACEMENTS, delivery
from components.handoff import meta
from components.handoff.build import Handoff
from components.world.locations import get_city
from components.world.money import format_money, rate_of
from components.world.regions import get_country


@dataclass(frozen=True)
class ChecklistItem:
    """One thing Ads Manager asks for, and why the studio cannot fill it in."""

    title: str
    why: str


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _quoted(text: str) -> str:
    return f"“{text}”"


def _money(handoff: Handoff, units: int) -> str:
    amount = units / handoff.offset
    rate = rate_of(handoff.currency)
    return format_money(amount / rate, handoff.currency)


def where(ad: Campaign) -> str:
    """'Nigeria, Lagos + 17 km' or 'Kenya, Uganda and Tanzania'."""
    city = get_city(ad.city) if ad.city else None
    names = []
    for code in ad.countries:
        country = get_country(code)
        name = country.name if country else code
        if city is not None and city.country == code:
            name = f"{name}, {city.name} + {ad.radius_km} km"
        names.append(name)
    return _join(names)


def _hours_text(ad: Campaign) -> str:
    parts = []
    for day in DAYS:
        parts.append(f"{DAY_NAMES[day][:3]} {describe_day(ad.hours, day)}")
    return "; ".join(parts)


def owner_summary(ad: Campaign, handoff: Handoff) -> str:
    """The campaign in a few plain sentences for the owner (user text quoted literally)."""
    last = handoff.end - timedelta(days=1)
    day_word = "day" if ad.days == 1 else "days"
    shown = [p.name for p in PLACEMENTS.values() if delivery(ad, p) is None]
    lines = [
        f"Your ad will run in {where(ad)}, {_money(handoff, handoff.daily_units)} a day for "
        f"{ad.days} {day_word}, from {handoff.start:%A %-d %B %Y} to {last:%A %-d %B %Y}, "
        f"on {_join(shown)}."
    ]
    number = ad.phone_check.international
    if ad.cta == "call":
        lines.append(f"People tap {ad.cta_label} and their phone calls {number}.")
        if ad.schedule_hours:
            lines.append(
                f"The ad runs only in your business hours ({ad.hours.timezone} time): "
                f"{_hours_text(ad)}."
            )
    else:
        clauses = []
        if ad.greeting.strip():
            clauses.append(f"greets them with {_quoted(ad.greeting)}")
        if ad.replies:
            clauses.append(f"offers the quick replies {_join([_quoted(r) for r in ad.replies])}")
        elif ad.prefill.strip():
            clauses.append(f"has {_quoted(ad.prefill)} ready to send")
        sentence = f"People tap {ad.cta_label} and land in a WhatsApp chat with {number}"
        lines.append(sentence + (f" that {_join(clauses)}." if clauses else "."))
    lines.append(
        f"The ad says {_quoted(ad.text)}, with the headline {_quoted(ad.headline)} and the "
        f"description {_quoted(ad.description)}."
    )
    lines.append(
        "Everything is created paused: nothing runs or costs money until you publish it in "
        "Ads Manager."
    )
    return "\n\n".join(lines)


def checklist(ad: Campaign, handoff: Handoff) -> list[ChecklistItem]:
    """What Ads Manager will ask that the studio cannot know, one line of why each."""
    account = handoff.document["ad_account"]
    items = [
        ChecklistItem(
            "A Facebook Page for the business"
            + ("" if ad.cta == "call" else ", with its WhatsApp Business number linked"),
            "The Page publishes the ad"
            + (
                ", and Meta recommends its opening hours are set for Call ads."
                if ad.cta == "call"
                else ", and Meta only sends taps to a WhatsApp number linked to that Page."
            ),
        ),
        ChecklistItem(
            "Your ad account and its id",
            "Every request is made on an ad account (act_<AD_ACCOUNT_ID>); the studio knows "
            "none of yours.",
        ),
        ChecklistItem(
            "A payment method on the ad account",
            "Meta does not deliver an ad the account cannot pay for.",
        ),
        ChecklistItem(
            f"The ad account's currency (the handoff assumes {account['currency']})",
            "Budgets are sent as whole numbers of the account currency's smallest unit "
            f"(offset {handoff.offset}); an account in another currency needs them converted.",
        ),
        ChecklistItem(
            f"The ad account's time zone (the handoff assumes {account['timezone_name']})",
            "Start and end times"
            + (" and the ad schedule" if ad.cta == "call" and ad.schedule_hours else "")
            + " are read in the account's time zone.",
        ),
        ChecklistItem(
            "Special ad categories",
            "Ads about credit, employment, housing, social issues, elections or politics must "
            "be declared; the handoff declares none.",
        ),
        ChecklistItem(
            "An access token for the curl commands",
            "It must come from someone who can advertise for the Page, with ads_management, "
            "pages_manage_ads, pages_read_engagement and pages_show_list; the studio never asks "
            "for one.",
        ),
        ChecklistItem(
            "Meta's ad review",
            "Every ad is reviewed before it runs; the studio cannot tell what review decides.",
        ),
    ]
    if ad.cta == "call":
        items.append(
            ChecklistItem(
                "An audience of 18 or older, in the number's country",
                "Meta's Call Ads guide requires both; the handoff sets age_min to "
                f"{meta.CALL_MIN_AGE}.",
            )
        )
    return items

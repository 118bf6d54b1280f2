"""The guided tour: six steps, what each shows, and what the presenter points at."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TourStep:
    """One step of the walkthrough."""

    key: str
    title: str
    note: str
    # What to say instead for a Call Now ad, where the button differs ("" = the same).
    call_note: str = ""

    def note_for(self, cta: str) -> str:
        """The presenter's note for an ad with this button."""
        return self.call_note if cta == "call" and self.call_note else self.note


STEPS: tuple[TourStep, ...] = (
    TourStep(
        "compose",
        "Your ad, as people see it",
        "Point at the WhatsApp button under the image: one tap and the customer is in a chat "
        "with you. The copy, the picture and the button are theirs to change in seconds.",
        "Point at the Call Now button under the image: one tap and the customer's phone is "
        "calling you. The copy, the picture and the button are theirs to change in seconds.",
    ),
    TourStep(
        "placements",
        "Every place it runs",
        "Same ad, every placement: feeds, Stories, Marketplace, Reels. Show the Stories "
        "sticker in the bottom safe zone and the notes where copy gets cut.",
    ),
    TourStep(
        "tap",
        "What happens after the tap",
        "The chat opens with their greeting, quick replies and the customer's message already "
        "typed. Hand them a phone: the QR code opens the real link.",
        "The phone dials the business; in business hours someone answers, outside them the "
        "call is missed and can be returned. Hand them a phone: the QR code opens the real "
        "link.",
    ),
    TourStep(
        "rollout",
        "Where it runs",
        "The button launched in the Americas, Africa, Australia and most of Asia. Switch to "
        "'Europe launched' to show what opens up, and the metrics Meta does not report there.",
    ),
    TourStep(
        "forecast",
        "What it could bring in",
        "A simulation, not a promise: the middle figure is the median of hundreds of runs, the "
        "range under it is how sure we are. A fast reply keeps the most leads, and until about "
        "50 results a week Meta is still learning, so results cost more.",
    ),
    TourStep(
        "compare",
        "Message or Call?",
        "The same budget and market with each button, each with its own uncertain funnel: the "
        "chance each one brings more leads, and how long a real test would take to tell. "
        "Calls need someone answering; chats can wait a little.",
    ),
)
STEP_KEYS = tuple(step.key for step in STEPS)


def step_index(key: str) -> int:
    """The position of a step (0 for an unknown key)."""
    return STEP_KEYS.index(key) if key in STEP_KEYS else 0


@dataclass(frozen=True)
class RolloutStep:
    """Availability in one rollout scenario: worldwide and for the ad's targets."""

    scenario: str
    label: str
    world_countries: int
    targets_delivering: tuple[str, ...]
    audience: tuple[int, int]


def rollout_steps(countries: tuple[str, ...]) -> list[RolloutStep]:
    """The launch wave, then Europe: how many countries run the button, and the targets'
    reach in each."""
    from components.world.regions import SCENARIOS, load_catalog, rollout_status
    from components.world.targeting import audience_total, delivering

    steps = []
    for scenario, label in SCENARIOS.items():
        world = sum(
            1 for code in load_catalog() if rollout_status(code, scenario).status == "available"
        )
        live = delivering(countries, scenario)
        steps.append(RolloutStep(scenario, label, world, live, audience_total(live)))
    return steps


def tour_scenario(countries: tuple[str, ...], scenario: str) -> str | None:
    """The rollout scenario the tour's forecast steps simulate: the ad's own when the button
    runs in some of its countries there; Europe when it runs there only once Europe launches
    (the Berlin café at launch); None when it runs in none of them either way."""
    from components.world.targeting import delivering

    if delivering(countries, scenario):
        return scenario
    if delivering(countries, "europe"):
        return "europe"
    return None

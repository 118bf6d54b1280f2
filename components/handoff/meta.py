"""Meta's Marketing API as the handoff uses it: the version, the field values, the currency
offsets and the placement names, each with the reference it was taken from.

Everything here was read from the copies the studio's `search` tool holds (read 2026-12-04):

- Meta's Python Business SDK, `facebook/facebook-python-business-sdk` at 94914f9 (June 2026),
  `facebook_business/apiconfig.py`: API_VERSION v25.0; `adobjects/campaign.py` (Objective,
  SpecialAdCategories), `adobjects/adset.py` (OptimizationGoal, DestinationType, BillingEvent,
  Status; `adset_schedule` as list<DayPart>, `pacing_type`), `adobjects/daypart.py`
  (start_minute, end_minute, days, timezone_type), `adobjects/targeting.py` (DevicePlatforms),
  `adobjects/targetinggeolocationcustomlocation.py`, `adobjects/adcreativelinkdata.py`
  (page_welcome_message, image_hash, name, message, description),
  `adobjects/adcreativelinkdatacalltoaction.py` (WHATSAPP_MESSAGE, CALL_NOW),
  `adobjects/adaccount.py` (create_ad_image takes `bytes`; the account's `currency`,
  `timezone_name`).
- "Ads that Click to WhatsApp" (v25.0, a copy dated 2026-03-30 of
  https://developers.facebook.com/docs/marketing-api/ad-creative/messaging-ads/click-to-whatsapp):
  objective OUTCOME_ENGAGEMENT, billing_event IMPRESSIONS, destination_type WHATSAPP,
  optimization_goal CONVERSATIONS, promoted_object.page_id (+ optional
  whatsapp_phone_number), link https://api.whatsapp.com/send, the CTA
  {"type": "WHATSAPP_MESSAGE", "value": {"app_destination": "WHATSAPP"}}, the
  `page_welcome_message` shapes (autofill_message, ice_breakers), daily_budget only for ad sets
  longer than 24 hours.
- "Call Ads" (v25.0, https://developers.facebook.com/documentation/ads-commerce/marketing-api/call-ads):
  destination_type PHONE_CALL, optimization_goal QUALITY_CALL, billing_event IMPRESSIONS,
  CALL_NOW with value.link "tel:+<number>", an audience of 18 or older, a number from the
  targeted country, and the Page's opening hours set.
- "Currency Codes" (https://developers.facebook.com/documentation/ads-commerce/marketing-api/currencies):
  budgets in the account currency's minor unit, offset 100 or 1.
- "Placement Targeting" (https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/reference/placement-targeting):
  publisher_platforms, facebook_positions, instagram_positions, device_platforms.
- "Ad scheduling" (Meta for Developers blog, 2014-08-13,
  https://developers.facebook.com/ads/blog/post/2014/08/13/ad-scheduling): a schedule needs a
  lifetime budget and pacing_type ["day_parting"]; whole hours; days 0 (Sunday) to 6.

Assumptions, where the stored references stop short (each one says so where it is used):
the position names (`feed`, `story`, `marketplace`, `facebook_reels`, `stream`) come from the
placement reference's example and a third-party API's list of Meta's values (the Zernio API
reference, docs.rs crate `late`), not from a Meta table; DayPart's timezone_type values
(`USER`, `ADVERTISER`) from third-party notes; the currency table's stored copy stops at
"UAE", so AED, USD (offset 100) and VND (offset 1) are assumed.
"""

from __future__ import annotations

API_VERSION = "v25.0"
GRAPH_URL = f"https://graph.facebook.com/{API_VERSION}"
SDK_SOURCE = "facebook/facebook-python-business-sdk@94914f9 (SDK v25.0.2)"

REFERENCES = {
    "Ads that Click to WhatsApp": (
        "https://developers.facebook.com/docs/marketing-api/ad-creative/messaging-ads/"
        "click-to-whatsapp"
    ),
    "Call Ads": "https://developers.facebook.com/documentation/ads-commerce/marketing-api/call-ads",
    "Currency Codes": (
        "https://developers.facebook.com/documentation/ads-commerce/marketing-api/currencies"
    ),
    "Placement Targeting": (
        "https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/"
        "reference/placement-targeting"
    ),
    "Ad scheduling": "https://developers.facebook.com/ads/blog/post/2014/08/13/ad-scheduling",
    "Ad Image": "https://developers.facebook.com/docs/marketing-api/reference/ad-image/",
}

# Placeholders the person replaces; the studio never knows, asks for or holds any of them.
AD_ACCOUNT_ID = "<AD_ACCOUNT_ID>"
PAGE_ID = "<PAGE_ID>"
ACCESS_TOKEN = "<ACCESS_TOKEN>"  # noqa: S105 (a placeholder, never a token)
# Ids that a request returns and a later one needs.
IMAGE_HASH = "<IMAGE_HASH>"
CAMPAIGN_ID = "<CAMPAIGN_ID>"
AD_SET_ID = "<AD_SET_ID>"
AD_CREATIVE_ID = "<AD_CREATIVE_ID>"
AD_ID = "<AD_ID>"
PLACEHOLDERS = {
    ACCESS_TOKEN: "an access token of a person who can advertise for the Page (curl only; "
    "the JSON holds none)",
    AD_ACCOUNT_ID: "the ad account's number, without act_",
    PAGE_ID: "the Facebook Page's id",
    IMAGE_HASH: "the hash the image upload returns",
    CAMPAIGN_ID: "the id the campaign request returns",
    AD_SET_ID: "the id the ad set request returns",
    AD_CREATIVE_ID: "the id the ad creative request returns",
}

# The two ads the studio makes, as Meta's guides configure them.
# Both guides accept it; the WhatsApp guide requires it for call prompts.
OBJECTIVE = "OUTCOME_ENGAGEMENT"
BILLING_EVENT = "IMPRESSIONS"
BID_STRATEGY = "LOWEST_COST_WITHOUT_CAP"
STATUS = "PAUSED"  # nothing goes live by accident; Ads Manager's Publish (or status=ACTIVE) does
DESTINATION = {"message": "WHATSAPP", "call": "PHONE_CALL"}
OPTIMIZATION_GOAL = {"message": "CONVERSATIONS", "call": "QUALITY_CALL"}
CTA_TYPE = {"message": "WHATSAPP_MESSAGE", "call": "CALL_NOW"}
APP_DESTINATION = "WHATSAPP"
WHATSAPP_LINK = "https://api.whatsapp.com/send"
# Call Ads' example links to the Page; the Page's address holds the Page id placeholder.
PAGE_LINK = f"https://www.facebook.com/{PAGE_ID}"
CALL_MIN_AGE = 18
DISTANCE_UNIT = "kilometer"
PACING_DAY_PARTING = "day_parting"
# The schedule is read in the ad account's time zone, which the handoff asks to be the
# business's (Ad scheduling blog: without it, the audience's own time zone is used).
SCHEDULE_TIMEZONE_TYPE = "ADVERTISER"

# page_welcome_message (Ads that Click to WhatsApp, "Populate the Page welcome message").
WELCOME_TEMPLATE = {
    "type": "VISUAL_EDITOR",
    "version": 2,
    "landing_screen_type": "welcome_message",
    "media_type": "text",
}
AUTOFILL = "autofill_message"
ICE_BREAKERS = "ice_breakers"

# Where each of the studio's placements (components.campaign.placements) runs, in targeting terms:
# (publisher platform, position, device). Position names: see the module docstring.
PLACEMENT_TARGETING = {
    "fb_feed_mobile": ("facebook", "feed", "mobile"),
    "fb_feed_desktop": ("facebook", "feed", "desktop"),
    "ig_feed": ("instagram", "stream", "mobile"),
    "fb_story": ("facebook", "story", "mobile"),
    "ig_story": ("instagram", "story", "mobile"),
    "marketplace": ("facebook", "marketplace", "mobile"),
    "reels": ("facebook", "facebook_reels", "mobile"),
}

# Currency Codes: budgets are integers in the currency's minor unit times this offset. Every
# currency of the stored table is here; one Meta does not list cannot be an ad account's.
CURRENCY_OFFSETS = {
    **dict.fromkeys(
        (
            "DZD", "ARS", "AUD", "BHD", "BDT", "BOB", "BGN", "BRL", "GBP", "CAD", "CNY", "HRK",
            "CZK", "DKK", "EGP", "EUR", "GTQ", "HNL", "HKD", "INR", "ILS", "JOD", "KES", "LVL",
            "LTL", "MOP", "MYR", "MXN", "NZD", "NIO", "NGN", "NOK", "PKR", "PEN", "PHP", "PLN",
            "QAR", "RON", "RUB", "SAR", "RSD", "SGD", "SKK", "ZAR", "SEK", "CHF", "THB", "TRY",
        ),
        100,
    ),
    **dict.fromkeys(("CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD"), 1),
    # Past the stored copy's end ("UAE…"): assumed.
    "AED": 100,
    "USD": 100,
    "VND": 1,
}  # fmt: skip
FALLBACK_CURRENCY = "USD"

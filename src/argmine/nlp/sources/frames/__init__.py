"""The finders: each yields the mentions of one attribution frame.

``FINDERS`` is their order of priority: a mention that overlaps one an earlier finder
made is dropped, its names going to that earlier mention.
"""

from __future__ import annotations

from argmine.nlp.sources.frames.credits import bracket_credit_mentions, credit_mentions, link_mentions, url_mentions
from argmine.nlp.sources.frames.cues import cue_mentions, media_mentions, participle_mentions, pour_mentions
from argmine.nlp.sources.frames.introductions import introduced_person_mentions
from argmine.nlp.sources.frames.inversions import (
    after_quote_mentions,
    incise_pronoun_mentions,
    inverted_mentions,
    signed_quote_mentions,
)
from argmine.nlp.sources.frames.left_subjects import left_subject_mentions
from argmine.nlp.sources.frames.programmes import programme_mentions
from argmine.nlp.sources.frames.reporting import (
    finding_pronoun_mentions,
    reporting_mentions,
    research_subject_mentions,
)
from argmine.nlp.sources.frames.research import research_action_mentions
from argmine.nlp.sources.frames.studies import own_research_mentions, producer_mentions, study_mentions

FINDERS = (
    credit_mentions,
    bracket_credit_mentions,
    after_quote_mentions,
    signed_quote_mentions,
    cue_mentions,
    participle_mentions,
    inverted_mentions,
    incise_pronoun_mentions,
    pour_mentions,
    reporting_mentions,
    left_subject_mentions,
    media_mentions,
    programme_mentions,
    research_subject_mentions,
    finding_pronoun_mentions,
    research_action_mentions,
    study_mentions,
    producer_mentions,
    own_research_mentions,
    url_mentions,
    link_mentions,
    introduced_person_mentions,
)

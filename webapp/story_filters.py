"""The story page's filters: read from the query string, so a filtered view can be shared and reloaded."""

from __future__ import annotations

from dataclasses import replace

from django import forms
from django.http import QueryDict

from timeline.entities.clusters import EntityCluster, find_entity
from timeline.models import MAX_ID
from timeline.stories.models import StoryEvent
from timeline.stories.selectors import StoryFilters

FILTER_FIELDS = ("start", "end", "article", "outlet", "entity", "q", "status")
REVERSED_RANGE = "the end date is before the start date"


class StoryFilterForm(forms.Form):
    start = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))
    article = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, label="Article")
    outlet = forms.CharField(required=False, max_length=200, label="Outlet")
    entity = forms.CharField(required=False, max_length=200, label="Who or where")
    q = forms.CharField(required=False, max_length=200, label="Keyword")
    status = forms.ChoiceField(
        required=False, label="Status",
        choices=[("", "any"), (StoryEvent.Status.APPROVED, "approved only"),
                 (StoryEvent.Status.PROPOSED, "proposed only")],
    )  # fmt: skip

    def __init__(self, data: QueryDict, *, articles: list[tuple[int, str]] | None) -> None:
        """``articles`` are the story's (id, title) choices; None accepts any article id (the
        chart data, where the selector keeps to the story anyway, without another query)."""
        super().__init__({k: v for k, v in data.items() if k in FILTER_FIELDS})
        if articles is None:
            self.fields["article"] = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
        else:
            self.fields["article"].choices = [("", "any article"), *articles]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            # Neither half of a reversed range is used: keeping "From" alone would filter
            # by a date the reader did not mean and the count would not say so.
            for name in ("start", "end"):
                self.add_error(name, REVERSED_RANGE)
        return cleaned

    def ignored(self) -> list[tuple[str, str]]:
        """(labels, reason) of the filters left out for an error, fields with one reason together."""
        by_reason: dict[str, list[str]] = {}
        for field in self:
            for error in field.errors:
                # Without its full stop: the notice punctuates the list ("Enter a valid date.." otherwise).
                by_reason.setdefault(error.rstrip("."), []).append(str(field.label))
        return [(" and ".join(labels), reason) for reason, labels in by_reason.items()]


def story_filters(form: StoryFilterForm) -> StoryFilters:
    """The selector filters from a bound form; a field with an error is left out (and shown)."""
    form.is_valid()
    data = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    return StoryFilters(
        start=data.get("start"),
        end=data.get("end"),
        article_ids=(data["article"],) if data.get("article") else (),
        outlet=(data.get("outlet") or "").strip(),
        entity=(data.get("entity") or "").strip(),
        keyword=(data.get("q") or "").strip(),
        statuses=(data["status"],) if data.get("status") else (),
    )


def is_filtered(filters: StoryFilters) -> bool:
    return filters != StoryFilters()


def filter_query(params: QueryDict) -> str:
    """The filter part of a query string (no page number), urlencoded, for the chart and export links."""
    kept = QueryDict(mutable=True)
    for name in FILTER_FIELDS:
        if value := params.get(name, "").strip():
            kept[name] = value
    return kept.urlencode()


def with_entity_names(entities: list[EntityCluster], filters: StoryFilters) -> StoryFilters:
    """The filters with the entity's every name: "Clinton" also finds "Bill Clinton"."""
    if not filters.entity:
        return filters
    entity = find_entity(entities, filters.entity)
    return replace(filters, entity_names=entity.written) if entity else filters


def filter_words(form: StoryFilterForm) -> list[tuple[str, str]]:
    """(label, value) of each filter given, as written: what a filtered page or file holds."""
    return [(str(field.label), str(form.data[field.name])) for field in form if form.data.get(field.name)]

"""Change-list query strings checked before Django runs them: an impossible date part or an id
no database column can hold answers with the admin's own "invalid lookup" page, never a 500.

Django turns most bad lookups into that page itself; a ``__year`` past 9999 or an id past
2**63 - 1 only fails when the query is compiled, after its guard.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict

from timeline.models import MAX_ID

DATE_PART_RANGES = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}


def lookup_out_of_range(params: QueryDict) -> str | None:
    """The first parameter no database can answer (its name), or None when all can be run."""
    for name, values in params.lists():
        part = name.rsplit("__", 1)[-1]
        for value in values:
            if not value.strip().lstrip("-").isdecimal():
                continue  # not a number: Django's own checks answer it
            number = int(value)
            if part in DATE_PART_RANGES:
                low, high = DATE_PART_RANGES[part]
                if not low <= number <= high:
                    return name
            elif abs(number) > MAX_ID:
                return name
    return None


class GuardedModelAdmin(admin.ModelAdmin):
    """A ModelAdmin whose change list refuses out-of-range lookups as Django refuses unknown ones."""

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if lookup_out_of_range(request.GET) is not None:
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)

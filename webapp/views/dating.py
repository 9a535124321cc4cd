"""Date the undated articles of a story or an import batch in one form, then re-analyse them.

An article without a publication date holds no happening (nothing relative can be resolved);
a journalist dates a whole upload here instead of opening each article.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from timeline import selectors
from timeline.jobs.services import articles_date_and_reanalyse
from timeline.models import Article
from timeline.stories import selectors as story_selectors
from timeline.stories.models import Story
from webapp.forms import DATE_ATTRS, checked_article_date
from webapp.views.access import write_access

CHANGE_ARTICLE = "timeline.change_article"
MAX_ROWS = 500  # one form; past this, date them with a manifest and import_articles


class DateArticlesForm(forms.Form):
    """One optional date per undated article, and one date for every article left blank."""

    everyone = forms.DateField(
        label="Date every article left blank", required=False, widget=forms.DateInput(attrs=DATE_ATTRS)
    )

    def __init__(self, *args: object, articles: list[Article], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.articles = articles
        for article in articles:
            self.fields[f"article_{article.pk}"] = forms.DateField(
                label=article.title, required=False, widget=forms.DateInput(attrs=DATE_ATTRS)
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if value is not None:
                try:
                    checked_article_date(value)
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        return cleaned

    def dates(self) -> dict[int, date]:
        """Article id -> its date, from its own field or the date for all; blank ones left out."""
        everyone = self.cleaned_data.get("everyone")
        chosen = {a.pk: self.cleaned_data.get(f"article_{a.pk}") or everyone for a in self.articles}
        return {pk: day for pk, day in chosen.items() if day is not None}

    def rows(self) -> list[tuple[Article, forms.BoundField]]:
        return [(article, self[f"article_{article.pk}"]) for article in self.articles]


@write_access(CHANGE_ARTICLE)
def date_story_articles(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        story = story_selectors.story_get(slug=slug)
    except Story.DoesNotExist as exc:
        raise Http404("No such story.") from exc
    undated = selectors.undated_articles(article_ids=story.articles.values("pk"))
    return _date_articles(request, undated, f"the story “{story.name}”", reverse("story-detail", args=[slug]))


@write_access(CHANGE_ARTICLE)
def date_undated_articles(request: HttpRequest) -> HttpResponse:
    """Every undated article, whichever upload or story it came with."""
    return _date_articles(request, selectors.undated_articles(), "every import", reverse("article-list"))


def _date_articles(request: HttpRequest, undated: QuerySet[Article], where: str, back: str) -> HttpResponse:
    articles = list(undated[:MAX_ROWS])
    form = DateArticlesForm(request.POST if request.method == "POST" else None, articles=articles)
    if request.method == "POST" and form.is_valid():
        dates = form.dates()
        if not dates:
            form.add_error(None, "Give at least one date (or one date for all of them).")
        else:
            try:
                batch = articles_date_and_reanalyse(dates=dates, user=request.user)
            except (ValidationError, Article.DoesNotExist) as exc:
                form.add_error(None, " ".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(request, f"Dated {len(dates)} article{'s' if len(dates) != 1 else ''}; "
                                          "re-analysing them against their dates.")  # fmt: skip
                return redirect("batch-detail", pk=batch.pk)
    context = {"form": form, "where": where, "back": back, "more": undated.count() > len(articles)}
    return render(request, "webapp/date_articles.html", context)

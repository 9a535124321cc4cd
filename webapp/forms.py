"""The import form: paste a text or upload files (or a .zip), with optional date, title, source, URL and story."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from timeline.analysis.drafts import ARTICLE_DATE_RANGE, article_date_problem, article_draft
from timeline.exceptions import FileRejected, ImportRejected
from timeline.ingest.article_input import ArticleInput, article_input_from_paste
from timeline.ingest.fetch import FetchLimits, fetch_page
from timeline.ingest.files import ALLOWED_SUFFIXES
from timeline.jobs.services import ItemInput
from timeline.temporal.limits import MAX_DCT, MIN_DCT
from webapp.import_inputs import Metadata, is_archive, item_from_input, items_from_uploads, read_one

# The browser's date picker offers only the dates the engine can count from.
DATE_ATTRS = {"type": "date", "min": MIN_DCT.isoformat(), "max": MAX_DCT.isoformat()}


def checked_article_date(published: date | None) -> date | None:
    if problem := article_date_problem(published):
        raise forms.ValidationError(problem)
    return published


class PublishedForm(forms.Form):
    """The date of an article that has none: relative dates are resolved against it."""

    published = forms.DateField(label="Published on", widget=forms.DateInput(attrs=DATE_ATTRS))

    def clean_published(self) -> date:
        return checked_article_date(self.cleaned_data["published"])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; cleans to a list (empty when none was chosen).

    An empty file is let through: the reader refuses it by name, so one empty file among
    several becomes a refused item of the batch instead of refusing all of them.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class ImportForm(forms.Form):
    """Paste an article or upload files (and .zip archives of them), with optional metadata.

    After ``is_valid()``: ``batch_items`` is None for one ordinary article, imported at
    once from ``article_input``; otherwise (several files, an archive, a long text) it
    lists the items to queue, unreadable files among them as refused items.
    """

    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "Paste the article here…"}),
    )
    upload = MultipleFileField(
        label="…or upload files",
        required=False,
        help_text=f"One or many: plain text, Markdown or HTML ({', '.join(ALLOWED_SUFFIXES)}), or a .zip of them.",
        widget=MultipleFileInput(attrs={"accept": ",".join((*ALLOWED_SUFFIXES, ".zip")), "multiple": True}),
    )
    fetch = forms.URLField(
        label="…or fetch a web page",
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text="The address of an article on the public web (http or https); its main text is imported.",
    )
    title = forms.CharField(
        label="Title", required=False, max_length=300,
        help_text="Leave empty to use the headline. With several files each keeps its own.",
    )  # fmt: skip
    published = forms.DateField(
        label="Published on",
        required=False,
        widget=forms.DateInput(attrs=DATE_ATTRS),
        help_text="The article's date; relative dates (“last week”) are resolved against it. "
        f"Leave empty to let the engine find it in the text. Any date {ARTICLE_DATE_RANGE}.",
    )
    source = forms.CharField(label="Source", required=False, max_length=500, help_text="A URL or a publication name.")
    url = forms.URLField(label="URL", required=False, max_length=500, assume_scheme="https",
                         help_text="Where the article was published (http or https).")  # fmt: skip
    story = forms.CharField(label="Story", required=False, max_length=200,
                            help_text="Add the articles to this story: an existing one (capitals and spaces "
                                      "do not matter) or a new one.",
                            widget=forms.TextInput(attrs={"list": "story-names", "autocomplete": "off"}))  # fmt: skip

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []  # what decoding an upload repaired, shown after import
        self.article_input: ArticleInput | None = None
        self.batch_items: list[ItemInput] | None = None

    def clean_published(self) -> date | None:
        return checked_article_date(self.cleaned_data.get("published"))

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        text, uploads = cleaned.get("text") or "", cleaned.get("upload") or []
        fetch = cleaned.get("fetch") or ""
        meta = Metadata(cleaned.get("published"), cleaned.get("source") or "", cleaned.get("url") or "")
        if sum(bool(given) for given in (text.strip(), uploads, fetch)) > 1:
            raise forms.ValidationError("Paste a text, upload files or give a web address: one of them.")
        if fetch:
            self._fetch(fetch, cleaned.get("title") or "", meta)
        elif len(uploads) > 1 or any(is_archive(u) for u in uploads):
            self.batch_items = items_from_uploads(uploads, meta)
        elif uploads:
            self._one_file(uploads[0], cleaned.get("title") or "", meta)
        elif text.strip():
            self._paste(text, cleaned.get("title") or "", meta)
        else:
            self.add_error("text", "The article text is empty: paste the article or choose a file to upload.")
        return cleaned

    def _one_file(self, upload: UploadedFile, title: str, meta: Metadata) -> None:
        limit = settings.TIMELINE_MAX_UPLOAD_BYTES
        # Check the size Django already knows before reading the file into memory.
        if upload.size > limit:
            raise forms.ValidationError(
                {"upload": f"{upload.name}: the file is {upload.size:,} bytes; the limit is {limit:,} bytes."}
            )
        try:
            article = read_one(upload.read(), upload.name, title=title, meta=meta)
        except FileRejected as exc:
            raise forms.ValidationError({"upload": str(exc)}) from exc
        self._settle(article, name=upload.name)

    def _fetch(self, url: str, title: str, meta: Metadata) -> None:
        limits = FetchLimits(max_bytes=settings.TIMELINE_FETCH_MAX_BYTES, timeout_seconds=settings.TIMELINE_FETCH_TIMEOUT,
                             allow_loopback=settings.TIMELINE_FETCH_ALLOW_LOOPBACK)  # fmt: skip
        try:
            page = fetch_page(url, limits)
            name = (urlsplit(page.url).hostname or "page") + (".txt" if page.content_type == "text/plain" else ".html")
            article = read_one(page.body, name, title=title, meta=replace(meta, url=meta.url or page.url))
        except ImportRejected as exc:
            raise forms.ValidationError({"fetch": str(exc)}) from exc
        self._settle(article, name=page.url)

    def _paste(self, text: str, title: str, meta: Metadata) -> None:
        try:  # reading (pasted HTML with no article text) and the import's checks, before anything is queued
            article = article_input_from_paste(text, title=title, published=meta.published, source=meta.source,
                                               url=meta.url)  # fmt: skip
            article_draft(text=article.text, title=article.title, published=article.published,
                          source=article.source, url=article.url)  # fmt: skip
        except ImportRejected as exc:
            raise forms.ValidationError(str(exc)) from exc
        self._settle(article, name="Pasted text")

    def _settle(self, article: ArticleInput, *, name: str) -> None:
        self.warnings = list(article.warnings)
        if len(article.text) > settings.TIMELINE_INLINE_MAX_CHARS:
            self.batch_items = [item_from_input(name, article)]  # long work: off the request
        else:
            self.article_input = article

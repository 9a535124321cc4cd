"""The import form: paste the text or upload a file, with an optional date, title and source."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from timeline.exceptions import FileRejected
from timeline.ingest import ALLOWED_SUFFIXES, read_article_file
from timeline.temporal.extract import MAX_DCT, MIN_DCT


class PublishedForm(forms.Form):
    """The date of an article that has none: relative dates are resolved against it."""

    published = forms.DateField(label="Published on", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_published(self) -> date:
        published = self.cleaned_data["published"]
        if not MIN_DCT <= published <= MAX_DCT:
            raise forms.ValidationError(f"Give a date between {MIN_DCT:%d %B %Y} and {MAX_DCT:%d %B %Y}.")
        return published


class ImportForm(forms.Form):
    """Collects one article; ``cleaned_data["text"]``/``["title"]`` are ready for ``article_import``."""

    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "Paste the article here…"}),
    )
    upload = forms.FileField(
        label="…or upload a file",
        required=False,
        help_text=f"Plain text, Markdown or HTML ({', '.join(ALLOWED_SUFFIXES)}).",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )
    title = forms.CharField(
        label="Title", required=False, max_length=300,
        help_text="Leave empty to use the file's title or the first line.",
    )  # fmt: skip
    published = forms.DateField(
        label="Published on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The article's date; relative dates (“last week”) are resolved against it. "
        "Leave empty to let the engine find it in the text.",
    )
    source = forms.CharField(label="Source", required=False, max_length=500, help_text="A URL or a publication name.")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []  # what decoding an upload repaired, shown after import

    def clean_published(self) -> date | None:
        published = self.cleaned_data.get("published")
        if published is not None and not 1000 <= published.year <= 9998:
            raise forms.ValidationError("Give a date between the years 1000 and 9998.")
        return published

    def clean(self) -> dict:
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("upload")
        if upload is not None and text.strip():
            raise forms.ValidationError("Paste the text or upload a file, not both.")
        if upload is not None:
            cleaned["text"], cleaned["title"] = self._read_upload(upload, cleaned.get("title") or "")
        elif not text.strip():
            self.add_error("text", "The article text is empty: paste the article or choose a file to upload.")
        return cleaned

    def _read_upload(self, upload: UploadedFile, title: str) -> tuple[str, str]:
        limit = settings.TIMELINE_MAX_UPLOAD_BYTES
        # Check the size Django already knows before reading the file into memory.
        if upload.size > limit:
            raise forms.ValidationError(
                {"upload": f"{upload.name}: the file is {upload.size:,} bytes; the limit is {limit:,} bytes."}
            )
        try:
            decoded = read_article_file(upload.read(), upload.name, max_bytes=limit)
        except FileRejected as exc:
            raise forms.ValidationError({"upload": str(exc)}) from exc
        self.warnings = decoded.warnings
        return decoded.text, title or decoded.title

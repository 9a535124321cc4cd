"""Who may browse (everyone, unless TIMELINE_LOGIN_REQUIRED) and who may write (the model permission)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse

View = Callable[..., HttpResponse]


def browse_access(view: View) -> View:
    """Let anyone in, or only signed-in users when ``settings.TIMELINE_LOGIN_REQUIRED`` is on.

    The setting is read per request so it can be switched without re-importing the URLconf.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if getattr(settings, "TIMELINE_LOGIN_REQUIRED", False) and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded


def api_access(view: View) -> View:
    """Like ``browse_access`` but answers JSON clients with 401 instead of a login redirect."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if getattr(settings, "TIMELINE_LOGIN_REQUIRED", False) and not request.user.is_authenticated:
            return JsonResponse({"error": "Sign in to read the timeline."}, status=401)
        return view(request, *args, **kwargs)

    return guarded


def write_access(*perms: str) -> Callable[[View], View]:
    """Let a view write only for users holding every model permission in ``perms``.

    Anonymous visitors are sent to sign in; signed-in users without the permissions get
    403 before the view runs, so nothing is read from the request or changed. The
    permissions are kept on the view (``required_permissions``) so tests can walk every
    writing route from the URLconf.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perms(perms):
                raise PermissionDenied(f"Needs the permission{'s' if len(perms) > 1 else ''} {', '.join(perms)}.")
            return view(request, *args, **kwargs)

        guarded.required_permissions = perms  # type: ignore[attr-defined]
        return guarded

    return decorate

import time
from urllib.parse import quote

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

SESSION_KEY = "social_kiosk_undo"
# A scanned badge identifies its person for a minute: no PIN for what follows.
BADGE_KEY = "social_kiosk_badge"
BADGE_SECONDS = 60


class SocialKiosk(http.Controller):
    """The participants' check-in on a shared tablet: /social_kiosk/<token>.

    Plain pages with big buttons (forms that POST), so a tap works on any tablet
    browser and a screen reader reads every button. The work is done by the
    ``social.kiosk`` model, which checks the token and the person."""

    def _kiosk(self, token):
        kiosk = request.env["social.kiosk"]
        company = kiosk._get_company(token)
        if not company:
            raise NotFound()
        # The kiosk acts as its own account (the author of what it records) and
        # speaks the company's language (Danish for a Danish company).
        request.update_env(user=company._get_social_kiosk_user())
        lang = company.partner_id.sudo()._get_document_lang()
        request.update_context(lang=lang)
        return request.env["social.kiosk"], company

    def _render(self, template, company, token, **values):
        undo = request.session.get(SESSION_KEY) or {}
        can_undo = bool(undo) and time.time() - undo.get("at", 0) < 60
        return request.render(
            template,
            {
                "company": company,
                "token": token,
                "can_undo": can_undo,
                "undo_text": undo.get("text") if can_undo else "",
                **values,
            },
        )

    def _badge_ok(self, employee_id):
        badge = request.session.get(BADGE_KEY) or {}
        return (
            badge.get("employee_id") == employee_id
            and time.time() - badge.get("at", 0) < BADGE_SECONDS
        )

    def _done(self, token, undo, text):
        if undo:
            request.session[SESSION_KEY] = {
                "undo": undo,
                "at": time.time(),
                "text": text,
            }
        return request.redirect(f"/social_kiosk/{token}?done=1")

    @http.route("/social_kiosk/<token>", type="http", auth="public", methods=["GET"])
    def grid(self, token, done=None, badge=None, **kw):
        kiosk, company = self._kiosk(token)
        placements = kiosk._get_today_placements(company)
        symbols = dict(
            request.env["hr.employee"]
            ._fields["kiosk_symbol"]
            ._description_selection(request.env)
        )
        # Photos only of people with a valid consent to them on the kiosk.
        photos = request.env["social.consent"]._get_consenting_employees(
            placements.employee_id, "kiosk_photo"
        )
        people = []
        for placement in placements:
            employee = placement.employee_id.sudo()
            first = (employee.name or "").split()[0] if employee.name else ""
            people.append(
                {
                    "employee": employee,
                    "first_name": first,
                    "label": first
                    if company.social_kiosk_show_names
                    else symbols.get(employee.kiosk_symbol, ""),
                    "state": kiosk._get_state(employee),
                    "photo": employee in photos,
                }
            )
        return self._render(
            "social_enterprise.kiosk_grid",
            company,
            token,
            people=people,
            done=done,
            badge_unknown=badge == "unknown",
        )

    @http.route(
        "/social_kiosk/<token>/badge", type="http", auth="public", methods=["POST"]
    )
    def badge(self, token, barcode=None, **kw):
        """A badge scanner types the badge's code and Enter into the grid's field:
        the person's page opens, and their taps need no PIN for a minute."""
        kiosk, company = self._kiosk(token)
        try:
            placement = kiosk._get_person_by_badge(company, barcode)
        except AccessError:
            request.session.pop(BADGE_KEY, None)
            return request.redirect(f"/social_kiosk/{token}?badge=unknown")
        employee_id = placement.employee_id.id
        request.session[BADGE_KEY] = {"employee_id": employee_id, "at": time.time()}
        return request.redirect(f"/social_kiosk/{token}/{employee_id}")

    @http.route(
        "/social_kiosk/<token>/<int:employee_id>",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def person(self, token, employee_id, error=None, **kw):
        kiosk, company = self._kiosk(token)
        try:
            placement = kiosk._get_person(company, employee_id)
        except AccessError as exc:
            raise NotFound() from exc
        reasons = (
            request.env["social.absence.reason"]
            .sudo()
            .search([("kiosk_label", "!=", False)])
        )
        return self._render(
            "social_enterprise.kiosk_person",
            company,
            token,
            placement=placement,
            employee=placement.employee_id.sudo(),
            state=kiosk._get_state(placement.employee_id),
            reasons=reasons,
            ask_pin=bool(
                company.social_kiosk_use_pin
                and placement.employee_id.sudo().pin
                and not self._badge_ok(employee_id)
            ),
            error=error,
        )

    @http.route(
        "/social_kiosk/<token>/<int:employee_id>/<string:action>",
        type="http",
        auth="public",
        methods=["POST"],
    )
    def act(
        self, token, employee_id, action, pin=None, reason_id=None, mood=None, **kw
    ):
        kiosk, company = self._kiosk(token)
        try:
            placement = kiosk._get_person(company, employee_id)
        except AccessError as exc:
            raise NotFound() from exc
        name = placement.employee_id.sudo().name.split()[0]
        env_ = request.env
        try:
            if action in ("check_in", "check_out", "absence") and not self._badge_ok(
                employee_id
            ):
                kiosk._check_pin(company, placement.employee_id, pin)
            if action == "check_in":
                undo = kiosk._check_in(placement)
                if undo:
                    request.session[SESSION_KEY] = {
                        "undo": undo,
                        "at": time.time(),
                        "text": env_._("%(name)s checked in.", name=name),
                    }
                return request.redirect(f"/social_kiosk/{token}/{employee_id}/mood")
            if action == "check_out":
                undo = kiosk._check_out(placement)
                return self._done(
                    token, undo, env_._("%(name)s checked out. Goodbye!", name=name)
                )
            if action == "absence":
                undo = kiosk._report_absence(placement, int(reason_id or 0))
                return self._done(
                    token,
                    undo,
                    env_._("Thank you, %(name)s. Get well soon.", name=name),
                )
            if action == "mood":
                undo = kiosk._set_mood(placement, mood)
                return self._done(
                    token, undo, env_._("Thank you, %(name)s!", name=name)
                )
        except UserError as exc:
            return request.redirect(
                f"/social_kiosk/{token}/{employee_id}?error={quote(exc.args[0])}"
            )
        raise NotFound()

    @http.route(
        "/social_kiosk/<token>/<int:employee_id>/mood",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def mood(self, token, employee_id, **kw):
        kiosk, company = self._kiosk(token)
        try:
            placement = kiosk._get_person(company, employee_id)
        except AccessError as exc:
            raise NotFound() from exc
        moods = (
            request.env["social.mood"]
            ._fields["mood"]
            ._description_selection(request.env)
        )
        return self._render(
            "social_enterprise.kiosk_mood",
            company,
            token,
            employee=placement.employee_id.sudo(),
            moods=moods,
        )

    @http.route(
        "/social_kiosk/<token>/<int:employee_id>/photo",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def photo(self, token, employee_id, **kw):
        """The person's photo, only with their consent to it on the kiosk."""
        kiosk, company = self._kiosk(token)
        try:
            placement = kiosk._get_person(company, employee_id)
        except AccessError as exc:
            raise NotFound() from exc
        employee = placement.employee_id.sudo()
        if not request.env["social.consent"]._has_consent(employee, "kiosk_photo"):
            raise NotFound()
        return (
            request.env["ir.binary"]
            ._get_image_stream_from(employee, "avatar_128")
            .get_response()
        )

    @http.route(
        "/social_kiosk/<token>/undo", type="http", auth="public", methods=["POST"]
    )
    def undo(self, token, **kw):
        kiosk, company = self._kiosk(token)
        last = request.session.pop(SESSION_KEY, None) or {}
        kiosk._undo(company, last.get("undo"), last.get("at"))
        return request.redirect(f"/social_kiosk/{token}")

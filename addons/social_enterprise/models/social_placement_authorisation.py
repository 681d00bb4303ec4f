# One concern a file keeps the placement model readable; the classes are merged by
# the registry.
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import authorisation as auth_tools

USER = "social_enterprise.social_enterprise_group_user"


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    authorisation_ids = fields.One2many(
        "social.authorisation", "placement_id", "Authorisations", groups=USER
    )
    authorisation_extension_ids = fields.One2many(
        "social.authorisation.extension",
        "placement_id",
        "Extension Requests",
        groups=USER,
    )
    suspension_ids = fields.One2many(
        "social.suspension", "placement_id", "Suspensions", groups=USER
    )
    authorised_until = fields.Date(
        compute="_compute_authorised_until",
        groups=USER,
        help="The end of the last authorised period; empty when open-ended or when "
        "the placement has no authorisation.",
    )

    @api.depends("authorisation_ids.date_from", "authorisation_ids.date_to")
    def _compute_authorised_until(self):
        for placement in self:
            auths = placement.sudo().authorisation_ids
            ends = auths.mapped("date_to")
            placement.authorised_until = max(ends) if auths and all(ends) else False

    def _get_billable_spans(self, first, last, periods=None):
        """The sub-ranges of [first, last] billing may charge: inside an authorised
        period (when the placement has any authorisation) and in no suspension.

        The one place the authorisation rule is applied; billing and status reports
        call it. ``periods`` is (authorised, suspended) as read by
        ``_get_authorisation_periods`` for many placements at once.
        """
        self.ensure_one()
        if periods is None:
            periods = self._get_authorisation_periods()
        authorised = periods[0].get(self.id) or [(first, last)]
        suspended = periods[1].get(self.id, [])
        return auth_tools.allowed_spans(first, last, authorised, suspended)

    def _get_authorisation_periods(self):
        """({placement id: [(from, to)]} authorised, {placement id: [(from, to)]}
        suspended) for these placements, in two queries. sudo: billing reads the
        periods, never the decisions' content."""
        result = ({}, {})
        for index, model in enumerate(("social.authorisation", "social.suspension")):
            groups = (
                self.env[model]
                .sudo()
                ._read_group(
                    [("placement_id", "in", self.ids)],
                    ["placement_id", "date_from:day", "date_to:day"],
                )
            )
            for placement, date_from, date_to in groups:
                result[index].setdefault(placement.id, []).append(
                    (date_from, date_to or None)
                )
        return result

    def _get_suspended_days(self, first, last):
        """Days of [first, last] the placement was suspended."""
        self.ensure_one()
        spans = [
            (max(s.date_from, first), min(s.date_to, last))
            for s in self.sudo().suspension_ids
            if s.date_from <= last and s.date_to >= first
        ]
        return auth_tools.span_days(auth_tools.merge(spans, last))

    @api.depends(
        "date_start",
        "scheme_id.max_duration",
        "scheme_id.max_duration_unit",
        "scheme_id.ceiling_duration",
        "scheme_id.ceiling_unit",
        "target_group",
        "extension_ids.duration",
        "extension_ids.duration_unit",
        "suspension_ids.date_from",
        "suspension_ids.date_to",
    )
    def _compute_max_end_date(self):
        """A suspension pauses the clock: the limit moves by the suspended days."""
        res = super()._compute_max_end_date()
        for placement in self:
            limit = placement.max_end_date
            if limit and placement.date_start:
                paused = placement._get_suspended_days(placement.date_start, limit)
                placement.max_end_date = limit + timedelta(days=paused)
        return res

    # ------------------------------------------------------------ warnings
    def _get_authorisation_warning_domain(self, today):
        """Authorisations of active placements whose end falls within the scheme's
        notice period and was not warned about yet."""
        return Domain(
            [
                ("placement_id.state", "=", "active"),
                ("date_to", "!=", False),
                ("date_to", ">=", today),
            ]
        )

    @api.model
    def _cron_warn_authorisation_expiry(self):
        """Daily: one activity per authorisation about to run out. Idempotent: the
        end warned about is remembered, and an approved extension clears it."""
        today = fields.Date.context_today(self)
        activity_type = self.env.ref(
            "social_enterprise.mail_activity_type_authorisation_expiry"
        )
        auths = self.env["social.authorisation"].search(
            self._get_authorisation_warning_domain(today)
        )
        vals_list = []
        for auth in auths:
            placement = auth.placement_id
            lead = timedelta(days=placement.scheme_id.followup_lead_days)
            if auth.date_to > today + lead or auth.expiry_warned_until == auth.date_to:
                continue
            later = placement.authorisation_ids.filtered(
                lambda a, auth=auth: a.date_from > auth.date_to
            )
            if later:
                continue
            vals_list.append(
                placement._prepare_activity_vals(
                    activity_type,
                    auth.date_to,
                    self.env._(
                        "Authorisation ends on %(date)s: ask the case worker for an "
                        "extension or plan the end",
                        date=auth.date_to,
                    ),
                )
            )
            auth.expiry_warned_until = auth.date_to
        self.env["mail.activity"].create(vals_list)
        return True


class SocialPlacementStatusReports(models.Model):
    _inherit = "social.placement"

    status_report_ids = fields.One2many(
        "social.status.report", "placement_id", "Status Reports", groups=USER
    )
    status_report_count = fields.Integer(
        compute="_compute_status_report_count", groups=USER
    )
    referral_ids = fields.One2many(
        "social.referral", "placement_id", "Referrals", groups=USER
    )

    def _compute_status_report_count(self):
        counts = self.env["social.status.report"]._read_group(
            [("placement_id", "in", self.ids)], ["placement_id"], ["__count"]
        )
        counts = {placement.id: count for placement, count in counts}
        for placement in self:
            placement.status_report_count = counts.get(placement.id, 0)

    def action_view_status_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_status_report_action"
        )
        action["domain"] = [("placement_id", "=", self.id)]
        action["context"] = {"default_placement_id": self.id}
        return action

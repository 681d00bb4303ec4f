# One concern a file keeps the placement and scheme models readable; the classes are
# merged by the registry.
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import periods
from .social_scheme import DURATION_UNITS

TARGET_GROUPS = [
    ("job_ready", "Job-ready (praktik 4 weeks)"),
    ("graduate", "New graduate (praktik 8 weeks)"),
    ("other", "Others far from the labour market (praktik 13 weeks)"),
    ("insured", "Benefit group: dagpenge / job-ready (public løntilskud 4 months)"),
    ("activity_ready", "Benefit group: activity-ready (public løntilskud 6 months)"),
    ("long_term", "Benefit group: others (public løntilskud 12 months)"),
]


class SocialSchemeDuration(models.Model):
    """The length of a placement by target group and kind of employer, as dated data:
    praktik 4 / 8 / 13 weeks, public løntilskud 4 / 6 / 12 months by benefit group."""

    _name = "social.scheme.duration"
    _description = "Scheme Duration by Target Group"
    _order = "scheme_id, target_group"

    scheme_id = fields.Many2one(
        "social.scheme", required=True, ondelete="cascade", index=True
    )
    target_group = fields.Selection(TARGET_GROUPS)
    employer_kind = fields.Selection(
        [("private", "Private employers"), ("public", "Public employers")]
    )
    duration = fields.Integer(required=True)
    duration_unit = fields.Selection(DURATION_UNITS, required=True, default="month")
    note = fields.Char("Source")


class SocialScheme(models.Model):
    _inherit = "social.scheme"

    duration_ids = fields.One2many(
        "social.scheme.duration", "scheme_id", "Durations by Target Group"
    )
    extension_duration = fields.Integer(
        help="Length of one extension (e.g. 13 weeks of praktik, 6 months of "
        "løntilskud or mentor support); 0: the scheme cannot be extended."
    )
    extension_unit = fields.Selection(DURATION_UNITS, default="month", required=True)
    max_extensions = fields.Integer(help="How many extensions at most; 0: no limit.")
    ceiling_duration = fields.Integer(
        "Absolute Limit",
        help="Extensions never go beyond this from the start (STU: completed "
        "within 5 years); 0: none.",
    )
    ceiling_unit = fields.Selection(DURATION_UNITS, default="year", required=True)
    status_review_months = fields.Integer(
        "Status Review (months)",
        help="Months from the start to a one-off status review before the grant "
        "ends (flexjob: 54 months, half a year before the 5-year grant); 0: none.",
    )


class SocialPlacementExtension(models.Model):
    """An extension of a placement beyond its scheme's length, decided on a date for
    a reason: the only way past the limit (editing the end date past it is refused).
    Kept small so the case worker's authorisations can link to it."""

    _name = "social.placement.extension"
    _description = "Placement Extension"
    _order = "placement_id, date"
    _check_company_auto = True

    placement_id = fields.Many2one(
        "social.placement", required=True, index=True, ondelete="cascade",
        check_company=True,
    )  # fmt: skip
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    date = fields.Date("Decided On", required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)
    duration = fields.Integer(required=True)
    duration_unit = fields.Selection(DURATION_UNITS, required=True, default="month")

    _duration_positive = models.Constraint(
        "CHECK(duration > 0)", "An extension lasts at least one week or month."
    )

    @api.constrains("placement_id", "duration", "duration_unit")
    def _check_scheme_allows(self):
        for extension in self:
            placement = extension.placement_id
            scheme = placement.scheme_id
            if not scheme.extension_duration:
                raise ValidationError(
                    self.env._(
                        "The scheme %(scheme)s cannot be extended.", scheme=scheme.name
                    )
                )
            count = len(placement.extension_ids)
            if scheme.max_extensions and count > scheme.max_extensions:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the scheme %(scheme)s allows %(n)s extension(s).",
                        name=placement.display_name,
                        scheme=scheme.name,
                        n=scheme.max_extensions,
                    )
                )


class SocialPlacement(models.Model):
    _inherit = "social.placement"

    target_group = fields.Selection(
        TARGET_GROUPS,
        tracking=True,
        help="Selects the length of praktik and of public løntilskud.",
    )
    extension_ids = fields.One2many(
        "social.placement.extension", "placement_id", "Extensions"
    )
    status_review_notified = fields.Boolean(copy=False, readonly=True)

    @api.depends(
        "date_start",
        "scheme_id.max_duration",
        "scheme_id.max_duration_unit",
        "target_group",
        "extension_ids.duration",
        "extension_ids.duration_unit",
    )
    def _compute_max_end_date(self):
        for placement in self:
            placement.max_end_date = placement._get_max_end_date()

    def _get_base_duration(self):
        """(duration, unit) of the placement before extensions, or (0, unit)."""
        self.ensure_one()
        scheme = self.scheme_id
        kind = self.company_id._get_employer_kind(self.date_start)
        lines = scheme.duration_ids.filtered(
            lambda d: (not d.target_group or d.target_group == self.target_group)
            and (not d.employer_kind or d.employer_kind == kind)
        ).sorted(lambda d: (not d.target_group, not d.employer_kind))
        if lines:
            return lines[0].duration, lines[0].duration_unit
        return scheme.max_duration, scheme.max_duration_unit

    def _get_max_end_date(self):
        self.ensure_one()
        if not self.scheme_id or not self.date_start:
            return False
        duration, unit = self._get_base_duration()
        if not duration:
            return False
        end = periods.duration_end(self.date_start, duration, unit)
        for extension in self.extension_ids.sorted("date"):
            end = periods.duration_end(
                end + timedelta(days=1),
                extension.duration,
                extension.duration_unit,
            )
        scheme = self.scheme_id
        if scheme.ceiling_duration:
            ceiling = periods.duration_end(
                self.date_start, scheme.ceiling_duration, scheme.ceiling_unit
            )
            end = min(end, ceiling)
        return end

    @api.model
    def _cron_schedule_followups(self):
        """Also the one-off status review of schemes that have one (flexjob at 54
        months), once per placement, within the scheme's notice period."""
        res = super()._cron_schedule_followups()
        today = fields.Date.context_today(self)
        review_type = self.env.ref(
            "social_enterprise.mail_activity_type_placement_review"
        )
        placements = self.search(
            self._get_followup_domain()
            + [
                ("scheme_id.status_review_months", ">", 0),
                ("status_review_notified", "=", False),
            ]
        )
        vals_list = []
        for placement in placements:
            scheme = placement.scheme_id
            due = placement.date_start + relativedelta(
                months=scheme.status_review_months
            )
            if due > today + relativedelta(days=scheme.followup_lead_days):
                continue
            vals_list.append(
                placement._prepare_activity_vals(
                    review_type,
                    due,
                    self.env._("%(scheme)s: status review", scheme=scheme.name),
                )
            )
            placement.status_review_notified = True
        self.env["mail.activity"].create(vals_list)
        return res

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import periods

SCHEME_TYPES = [
    ("flexjob", "Flexjob (2013 model)"),
    ("flexjob_old", "Flexjob (before 2013, refund)"),
    ("skaanejob", "Skånejob"),
    ("wage_subsidy_private", "Wage subsidy, private"),
    ("wage_subsidy_public", "Wage subsidy, public"),
    ("work_placement", "Work placement (virksomhedspraktik)"),
    ("small_job", "Small job / ordinary few hours"),
    ("mentor", "Mentor support"),
    ("sheltered_103", "Sheltered employment (§103)"),
    ("activity_104", "Activity and social offer (§104)"),
    ("stu", "STU (special youth education)"),
    ("job_clarification", "Jobafklaringsforløb"),
    ("resource", "Ressourceforløb"),
    ("ips", "IPS (supported employment)"),
    ("ordinary", "Ordinary employment"),
    ("other", "Other"),
]

PAYMENT_FLOWS = [
    ("wage", "Employer pays the full wage"),
    (
        "flex",
        "Employer pays effective hours, municipality pays flex subsidy to the person",
    ),
    ("wage_refund", "Employer pays the wage, municipality refunds a share"),
    ("wage_subsidy", "Employer pays the wage and receives an hourly subsidy"),
    ("service_fee", "Municipality pays the provider a rate"),
    ("benefit", "Person keeps a public benefit, no wage"),
]

REVENUE_STREAMS = [
    ("commercial", "Commercial sales"),
    ("social_service", "Social services"),
    ("wage_subsidy", "Wage subsidies"),
    ("grant", "Grants"),
    ("none", "No revenue"),
]

DURATION_UNITS = [("week", "Weeks"), ("month", "Months"), ("year", "Years")]


CAP_PERIODS = [("month", "Each month"), ("year", "Over 12 months")]


class SocialScheme(models.Model):
    """An employment or social-service scheme (ordning): the rules, not the people."""

    _name = "social.scheme"
    _description = "Employment Scheme"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical code, unique.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    scheme_type = fields.Selection(SCHEME_TYPES, required=True, default="other")
    legal_basis = fields.Text(
        help="The legal basis as text (act and paragraph). Paragraph numbers move with "
        "reforms: keep the text of the rule the placements started under."
    )
    description = fields.Html(translate=True)
    date_from = fields.Date("Valid From", required=True, default="2000-01-01")
    date_to = fields.Date("Valid To")
    open_until = fields.Date(
        "New Placements Until",
        help="Last start date for new placements. Placements started before keep the "
        "scheme.",
    )
    payment_flow = fields.Selection(PAYMENT_FLOWS, required=True, default="wage")
    payer_text = fields.Char(
        "Who Pays Whom", translate=True, help="The money flow in plain words."
    )
    revenue_stream = fields.Selection(REVENUE_STREAMS, required=True, default="none")
    max_duration = fields.Integer(help="Longest allowed placement; 0 means no limit.")
    max_duration_unit = fields.Selection(DURATION_UNITS, default="month", required=True)
    first_review_months = fields.Integer(
        help="Months from the start to the first follow-up; 0 uses the review interval."
    )
    review_interval_months = fields.Integer(
        help="Months between follow-ups after the first; 0 means no recurring "
        "follow-up."
    )
    counts_in_ratio_rule = fields.Boolean(
        help="Counts in the ratio rule (rimelighedskrav) of its production unit."
    )
    exclusive = fields.Boolean(
        default=True,
        help="A person can hold only one exclusive placement at a time "
        "(an employment form). Support schemes such as mentor or IPS are not "
        "exclusive.",
    )
    uses_effective_hours = fields.Boolean(
        help="Flexjob: the work capacity turns agreed hours into effective (paid) "
        "hours."
    )
    is_employment = fields.Boolean(
        help="The person is employed (paid wage) under this scheme; "
        "counts as disadvantaged worker in the share-of-workforce figure.",
    )
    absence_notice = fields.Boolean(
        "Same-Day Absence Notice",
        compute="_compute_absence_notice",
        store=True,
        readonly=False,
        help="An absence is reported to the placement's case worker the same day "
        "(virksomhedspraktik: absence must be reported the same day). On by default "
        "for work placements.",
    )
    rate_ids = fields.One2many("social.scheme.rate", "scheme_id", string="Rates")
    placement_ids = fields.One2many("social.placement", "scheme_id")
    placement_count = fields.Integer(compute="_compute_placement_count")

    _code_unique = models.UniqueIndex("(code)", "The scheme code must be unique.")
    _max_duration_positive = models.Constraint(
        "CHECK(max_duration >= 0 AND first_review_months >= 0 "
        "AND review_interval_months >= 0)",
        "Durations and review intervals cannot be negative.",
    )

    @api.constrains("date_from", "date_to", "open_until")
    def _check_dates(self):
        for scheme in self:
            if scheme.date_to and scheme.date_to < scheme.date_from:
                raise ValidationError(
                    self.env._(
                        "Scheme %(name)s: 'Valid To' (%(to)s) is before 'Valid From' "
                        "(%(valid_from)s).",
                        name=scheme.name,
                        to=scheme.date_to,
                        valid_from=scheme.date_from,
                    )
                )

    @api.depends("scheme_type")
    def _compute_absence_notice(self):
        for scheme in self:
            scheme.absence_notice = scheme.scheme_type == "work_placement"

    def _compute_placement_count(self):
        counts = self.env["social.placement"]._count_by("scheme_id", self)
        for scheme in self:
            scheme.placement_count = counts.get(scheme, 0)

    def _is_open_on(self, day):
        """Can a new placement start on ``day``?"""
        self.ensure_one()
        if day < self.date_from or (self.date_to and day > self.date_to):
            return False
        return not (self.open_until and day > self.open_until)

    def _max_end_date(self, start):
        """Last allowed day of a placement starting on ``start``, or None."""
        self.ensure_one()
        if not self.max_duration:
            return None
        return periods.duration_end(start, self.max_duration, self.max_duration_unit)

    def _get_rate(self, rate_type, day, employer_kind=None):
        """The rate line of ``rate_type`` valid on ``day`` (a record, possibly
        empty). With ``employer_kind`` (private / public), lines meant for the other
        kind of employer are skipped."""
        self.ensure_one()
        return self.rate_ids.filtered(
            lambda r: r.rate_type == rate_type
            and r.date_from <= day
            and (not r.date_to or r.date_to >= day)
            and (
                not employer_kind
                or not r.employer_kind
                or r.employer_kind == employer_kind
            )
        )[:1]

    def action_view_placements(self):
        self.ensure_one()
        return self.env["social.placement"]._action_open_for("scheme_id", self)

    followup_lead_days = fields.Integer(
        "Follow-up Notice (days)",
        default=30,
        help="How many days before a follow-up or the maximum duration the coordinator "
        "gets an activity.",
    )

    subsidy_cap_period = fields.Selection(
        CAP_PERIODS,
        default="month",
        required=True,
        help="Over which period the subsidy cap (a share of the wage cost) is "
        "counted: skånejob each month, løntilskud over a year.",
    )

    # ------------------------------------------- durations and extensions
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

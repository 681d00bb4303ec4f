from odoo import api, fields, models
from odoo.exceptions import ValidationError

METHODS = [
    ("effort", "Pay by effort (piece or task rate)"),
    ("hourly", "Hourly pay from a work assessment"),
]


class SocialPayBasis(models.Model):
    """How a §103 participant is paid from a date: by effort (a rate per piece or
    task) or by the hour at a pay set by a work assessment. Never below the floor of
    the trade (see ``social.pay.trade.wage``)."""

    _name = "social.pay.basis"
    _description = "Pay Basis (§103)"
    _inherit = ["social.pay.participant.mixin", "mail.thread"]
    _order = "placement_id, date_from desc"

    date_from = fields.Date("Valid From", required=True, tracking=True)
    date_to = fields.Date("Valid To", tracking=True)
    method = fields.Selection(METHODS, required=True, default="hourly", tracking=True)
    trade_wage_id = fields.Many2one(
        "social.pay.trade.wage",
        "Trade",
        required=True,
        help="The trade whose lowest collective wage sets the floor.",
    )
    floor_rate = fields.Float(
        "Floor (kr/h)",
        compute="_compute_floor_rate",
        digits=(16, 2),
        help="The floor on the first day of this pay basis.",
    )
    assessment_date = fields.Date(tracking=True)
    assessor_id = fields.Many2one("res.users", tracking=True)
    assessed_capacity = fields.Float(
        "Assessed Capacity (%)",
        tracking=True,
        help="The working capacity the work assessment found.",
    )
    hourly_rate = fields.Float(
        "Hourly Pay", digits=(16, 2), tracking=True, help="The assessed hourly pay."
    )
    effort_unit = fields.Char(
        help="What is counted, e.g. 'piece' or 'finished task'.", translate=True
    )
    effort_rate = fields.Float("Rate per Unit", digits=(16, 2), tracking=True)
    note = fields.Text()

    _rates_positive = models.Constraint(
        "CHECK(hourly_rate >= 0 AND effort_rate >= 0 AND assessed_capacity >= 0 "
        "AND assessed_capacity <= 100)",
        "Rates cannot be negative and the capacity is a share between 0 and 100 %.",
    )
    _dates_sane = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)",
        "A pay basis cannot end before it starts.",
    )

    @api.depends("trade_wage_id", "date_from")
    def _compute_floor_rate(self):
        for basis in self:
            wage = (
                basis.trade_wage_id._get_at(basis.date_from)
                if basis.trade_wage_id and basis.date_from
                else basis.trade_wage_id
            )
            basis.floor_rate = wage.floor_rate

    @api.depends("placement_id", "method", "date_from")
    def _compute_display_name(self):
        methods = dict(self._fields["method"]._description_selection(self.env))
        for basis in self:
            basis.display_name = (
                f"{basis.employee_id.name or ''}: {methods.get(basis.method, '')} "
                f"({basis.date_from or ''})"
            )

    @api.constrains(
        "method", "hourly_rate", "assessment_date", "assessor_id", "effort_rate"
    )
    def _check_method(self):
        for basis in self:
            name = basis.employee_id.name
            if basis.method == "hourly":
                if not (basis.assessment_date and basis.assessor_id):
                    raise ValidationError(
                        self.env._(
                            "%(name)s: an hourly pay needs a work assessment: give "
                            "its date and the assessor.",
                            name=name,
                        )
                    )
                if basis.hourly_rate < basis.floor_rate or not basis.hourly_rate:
                    raise ValidationError(
                        self.env._(
                            "%(name)s: the hourly pay %(rate).2f kr is below the "
                            "floor of %(floor).2f kr (%(percent)s %% of the lowest "
                            "wage of %(trade)s).",
                            name=name,
                            rate=basis.hourly_rate,
                            floor=basis.floor_rate,
                            percent=basis.trade_wage_id.floor_percent,
                            trade=basis.trade_wage_id.trade,
                        )
                    )
            elif not basis.effort_rate:
                raise ValidationError(
                    self.env._(
                        "%(name)s: pay by effort needs a rate per unit.", name=name
                    )
                )

    @api.constrains("placement_id", "date_from", "date_to")
    def _check_overlap(self):
        Wage = self.env["social.pay.trade.wage"]
        for basis in self:
            if self.search_count(
                [
                    ("id", "!=", basis.id),
                    ("placement_id", "=", basis.placement_id.id),
                ]
                + Wage._get_valid_domain(
                    basis.date_from, basis.date_to or "9999-12-31"
                ),
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s already has a pay basis in this period: close the "
                        "old one (Valid To) first.",
                        name=basis.employee_id.name,
                    )
                )

    @api.model
    def _get_for_month(self, placements, date_from, date_to):
        """{placement_id: the pay basis valid on the last day of the month that it
        covers}: a change of basis takes effect from the next month."""
        result = {}
        bases = self.search(
            [("placement_id", "in", placements.ids)]
            + self.env["social.pay.trade.wage"]._get_valid_domain(date_from, date_to),
            order="date_from",
        )
        for basis in bases:
            result[basis.placement_id.id] = basis
        return result

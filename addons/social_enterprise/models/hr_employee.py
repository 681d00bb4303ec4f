from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, html2plaintext

from ..tools import impact

# Stored fields that hr.employee.public lacks: outside the default prefetch, so
# that users who read employees through the public profile (all our groups but
# HR officers) can still read an employee's name.
PRIVATE_PREFETCH = "social_enterprise_private"

# Pictograms of the participants' kiosk (Font Awesome icon, label).
KIOSK_SYMBOLS = [
    ("fa-sun-o", "Sun"),
    ("fa-star", "Star"),
    ("fa-tree", "Tree"),
    ("fa-heart", "Heart"),
    ("fa-leaf", "Leaf"),
    ("fa-bicycle", "Bicycle"),
    ("fa-coffee", "Cup"),
    ("fa-anchor", "Anchor"),
    ("fa-bell", "Bell"),
    ("fa-car", "Car"),
    ("fa-music", "Note"),
    ("fa-paw", "Paw"),
    ("fa-moon-o", "Moon"),
    ("fa-bolt", "Lightning"),
    ("fa-umbrella", "Umbrella"),
    ("fa-rocket", "Rocket"),
]


MANAGER = "social_enterprise.social_enterprise_group_manager"

# Categories of data with their own retention, in the order they go.
SUPPORT = "support"
IDENTITY = "identity"
CATEGORIES = (SUPPORT, IDENTITY)
HOLD_FIELDS = ("privacy_legal_hold", "privacy_legal_hold_reason")

# Fields never worth exporting: technical, or the chatter (exported as such).
SKIPPED_FIELD_TYPES = ("binary", "image", "properties", "properties_definition")
SKIPPED_FIELDS = {
    "message_ids",
    "message_follower_ids",
    "message_partner_ids",
    "activity_ids",
    "website_message_ids",
    "rating_ids",
    "write_uid",
    "write_date",
    "avatar_128",
}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    placement_ids = fields.One2many(
        "social.placement",
        "employee_id",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )
    placement_count = fields.Integer(
        compute="_compute_placement_count",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )
    current_scheme_id = fields.Many2one(
        "social.scheme",
        compute="_compute_current_scheme_id",
        groups="social_enterprise.social_enterprise_group_supervisor",
        help="Scheme of the person's active exclusive placement.",
    )

    continuity_case_worker_changes = fields.Integer(
        "Case-Worker Changes (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    continuity_contact_count = fields.Integer(
        "Contact Persons (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
        help="Distinct people the person dealt with in the last 12 months: case "
        "workers, coordinators, work supervisors, support staff.",
    )
    continuity_meeting_count = fields.Integer(
        "Meetings with the Municipality (12 m.)",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    continuity_last_step_date = fields.Date(
        "Last Step Forward",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
        help="More effective hours, a higher work capacity or a move on to a job, "
        "flexjob or education.",
    )
    continuity_days_since_step = fields.Integer(
        "Days Since the Last Step Forward",
        compute="_compute_continuity",
        groups="social_enterprise.social_enterprise_group_user",
    )
    timeline_count = fields.Integer(
        compute="_compute_timeline_count",
        groups="social_enterprise.social_enterprise_group_supervisor",
    )

    payroll_number = fields.Char(
        copy=False,
        prefetch=PRIVATE_PREFETCH,
        groups="hr.group_hr_user,social_enterprise.social_enterprise_group_manager,"
        "account.group_account_user",
        help="The employee's number in the payroll system (Danløn, Dataløn, Salary, "
        "Zenegy...): payroll files are matched on it, and pay-basis exports carry it.",
    )

    ordinary_hours_12m = fields.Float(
        "Ordinary Hours, Last 12 Months",
        compute="_compute_ordinary_hours_12m",
        digits=(16, 2),
        groups="social_enterprise.social_enterprise_group_supervisor",
        help="Attended hours in small-job or ordinary employment over the last 12 "
        "months (evidence for the benefit rules on ordinary hours).",
    )

    def _compute_ordinary_hours_12m(self):
        hours = self.env["social.placement"]._get_ordinary_hours(
            self.filtered("id"), fields.Date.context_today(self)
        )
        for employee in self:
            employee.ordinary_hours_12m = hours.get(employee.id, 0.0)

    def _compute_continuity(self):
        today = fields.Date.context_today(self)
        measures = self.env["social.placement.history"]._get_continuity(
            self.filtered("id"), today - relativedelta(months=12), today
        )
        for employee in self:
            values = measures.get(employee.id, {})
            employee.continuity_case_worker_changes = values.get(
                "case_worker_changes", 0
            )
            employee.continuity_contact_count = values.get("contacts", 0)
            employee.continuity_meeting_count = values.get("meetings", 0)
            employee.continuity_last_step_date = values.get("last_step")
            employee.continuity_days_since_step = values.get("days_since_step") or 0

    def _compute_timeline_count(self):
        counts = dict(
            self.env["social.person.timeline"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.timeline_count = counts.get(employee._origin, 0)

    def action_view_timeline(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_person_timeline_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["name"] = self.env._("Timeline of %(name)s", name=self.name)
        return action

    def _compute_placement_count(self):
        counts = self.env["social.placement"]._count_by("employee_id", self)
        for employee in self:
            employee.placement_count = counts.get(employee, 0)

    @api.depends("placement_ids.state", "placement_ids.scheme_id")
    def _compute_current_scheme_id(self):
        active = self.env["social.placement"].search(
            [
                ("employee_id", "in", self.ids),
                ("state", "=", "active"),
                ("scheme_id.exclusive", "=", True),
            ],
            order="date_start desc",
        )
        by_employee = {}
        for placement in active:
            by_employee.setdefault(placement.employee_id.id, placement.scheme_id)
        for employee in self:
            employee.current_scheme_id = by_employee.get(employee.id, False)

    def action_view_placements(self):
        self.ensure_one()
        return self.env["social.placement"]._action_open_for("employee_id", self)

    def action_view_hours(self):
        """Week-by-week and month-by-month hours of all the person's placements."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "social_enterprise.social_placement_hours_report_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"group_by": ["date:month"]}
        return action

    kiosk_symbol = fields.Selection(
        KIOSK_SYMBOLS,
        "Kiosk Pictogram",
        groups="social_enterprise.social_enterprise_group_user",
        prefetch=PRIVATE_PREFETCH,
        help="The picture the person finds themselves by on the kiosk (when no "
        "photo may be shown).",
    )
    kiosk_show_photo = fields.Boolean(
        "Photo on the Kiosk",
        compute="_compute_kiosk_show_photo",
        groups="social_enterprise.social_enterprise_group_user",
        help="The kiosk shows the person's photo only while they have a valid consent "
        'to it (Consents, purpose "kiosk_photo"); otherwise their pictogram.',
    )

    def _compute_kiosk_show_photo(self):
        allowed = self.env["social.consent"]._get_consenting_employees(
            self.filtered("id"), "kiosk_photo"
        )
        for employee in self:
            employee.kiosk_show_photo = employee in allowed

    # -------------------------------------------------------------- privacy
    # Privacy of the people the enterprise serves: retention, anonymisation,
    # legal holds, and the catalogue of what the product holds about a person.
    #
    # How it works:
    #
    # 1. ``_privacy_get_catalogue`` lists, model by model, the personal data the
    # product holds about a person, what for, on which legal basis and under which
    # retention rule. Each addon adds its own models. The records of processing,
    # the access export and the anonymisation all read this one list.
    # 2. ``_privacy_get_end_dates`` says when a person's last placement and support
    # ended (None while one still runs); from that day the retention periods run.
    # 3. ``_privacy_get_due`` gives, per person and category (``support``: health
    # data; ``identity``: name, CPR, private contact data), the day from which
    # the data may go: the dated ``social.retention.rule`` in force on the end day,
    # or the longer period a municipal agreement requires.
    # 4. The daily cron ``_cron_privacy_retention`` anonymises what is due, except for
    # people under a legal hold, once (the dates it stores make it idempotent),
    # and records each step in a ``social.privacy.request`` of kind retention.
    # Aggregated reports keep adding up: placements, hours and scores stay, under
    # a pseudonym instead of the name.

    # Users of our groups read hr.employee through hr.employee.public (they are
    # no HR officers): a stored field that is not public must never be in the
    # default prefetch, or reading any employee's name raises "not available
    # for employee public profiles". Hence the own prefetch group below.
    privacy_legal_hold = fields.Boolean(
        "Legal Hold",
        groups=MANAGER,
        prefetch=PRIVATE_PREFETCH,
        copy=False,
        help="Keep all of this person's data, whatever its retention: a complaint, "
        "a lawsuit or an inspection needs it. Only managers set or lift it.",
    )
    privacy_legal_hold_reason = fields.Char(
        "Reason for the Hold", groups=MANAGER, copy=False, prefetch=PRIVATE_PREFETCH
    )
    privacy_support_anonymised_on = fields.Date(
        "Health Data Anonymised On",
        groups=MANAGER,
        readonly=True,
        copy=False,
        prefetch=PRIVATE_PREFETCH,
    )
    privacy_identity_anonymised_on = fields.Date(
        "Identity Anonymised On",
        groups=MANAGER,
        readonly=True,
        copy=False,
        prefetch=PRIVATE_PREFETCH,
    )
    privacy_request_ids = fields.One2many(
        "social.privacy.request", "employee_id", "Privacy Requests", groups=MANAGER
    )
    consent_ids = fields.One2many(
        "social.consent",
        "employee_id",
        "Consents",
        groups="social_enterprise.social_enterprise_group_user",
    )

    def write(self, vals):
        hold = {key: vals[key] for key in HOLD_FIELDS if key in vals}
        if not hold or self.env.su:
            return super().write(vals)
        if not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only Social Enterprise managers set or lift a legal hold.")
            )
        # sudo: managers decide legal holds without being HR officers; only the two
        # hold fields are written this way.
        super(HrEmployee, self.sudo()).write(hold)
        rest = {key: value for key, value in vals.items() if key not in hold}
        return super().write(rest) if rest else True

    # ------------------------------------------------------------------ catalogue
    @api.model
    def _privacy_get_catalogue(self):
        """What personal data the product holds about a person, model by model.

        Each entry: ``model``; ``person_field``, the field pointing to the person
        (``id`` for the employee itself); ``fields``, the personal fields;
        ``purpose`` and ``legal_basis`` in words; ``retention``, the code of the
        retention rule. Extend it in every addon that stores personal data.
        """
        return [
            {
                "model": "hr.employee",
                "person_field": "id",
                "fields": [
                    "name",
                    "private_email",
                    "private_phone",
                    "birthday",
                    "emergency_contact",
                    "emergency_phone",
                    "payroll_number",
                ],
                "purpose": self.env._(
                    "Employment, payroll and identification towards the paying "
                    "municipality."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(b) and (c); the CPR number: "
                    "databeskyttelsesloven §11(2)."
                ),
                "retention": IDENTITY,
            },
            {
                "model": "hr.version",
                "person_field": "employee_id",
                "fields": [
                    "ssnid",
                    "identification_id",
                    "private_street",
                    "private_zip",
                    "private_city",
                    "date_version",
                ],
                "purpose": self.env._(
                    "Employment terms, and the CPR number for payroll."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(b) and (c); databeskyttelsesloven §11(2)."
                ),
                "retention": IDENTITY,
            },
            {
                "model": "social.placement",
                "person_field": "employee_id",
                "fields": [
                    "scheme_id",
                    "municipality_id",
                    "case_worker_id",
                    "person_ref",
                    "date_start",
                    "date_end",
                    "weekly_hours",
                    "work_capacity",
                    "end_reason",
                    "destination",
                    "social_note",
                ],
                "purpose": self.env._(
                    "Deliver, bill and report the place a municipality bought."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(b), (c) and (e); the agreement with the "
                    "municipality; social notes art. 9(2)(h)."
                ),
                "retention": IDENTITY,
            },
            {
                "model": "hr.attendance",
                "person_field": "employee_id",
                "fields": ["check_in", "check_out", "worked_hours"],
                "purpose": self.env._(
                    "Hours present, for billing, wages and subsidies."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(b) and (c)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.transition.followup",
                "person_field": "employee_id",
                "fields": ["destination", "date_due", "answer", "still_in_job"],
                "purpose": self.env._(
                    "Follow-up after the place ended, for impact reports."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(e) and (f)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.consent",
                "person_field": "employee_id",
                "fields": ["purpose_id", "date_given", "method", "date_withdrawn"],
                "purpose": self.env._(
                    "Proof of the consents the person gave or withdrew."
                ),
                "legal_basis": self.env._("GDPR art. 7(1)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.privacy.request",
                "person_field": "employee_id",
                "fields": ["kind", "request_date", "done_summary", "kept_summary"],
                "purpose": self.env._(
                    "Record of the person's requests and what was done."
                ),
                "legal_basis": self.env._("GDPR art. 5(2) and 12."),
                "retention": IDENTITY,
            },
            *self._privacy_get_catalogue_more(),
        ]

    @api.model
    def _privacy_get_catalogue_more(self):
        """The person's way (referral, absence, wellbeing, history, status reports)
        and the money about them (billing, claims, wages, pay, timesheets)."""
        bookkeeping = self.env._(
            "GDPR art. 6(1)(b) and (c); Bogføringsloven §10-12 (five years)."
        )
        money = self.env._(
            "Bill the municipality, claim subsidies and pay wages and participant pay."
        )
        return [
            {
                "model": "social.referral",
                "person_field": "employee_id",
                "fields": [
                    "person_name",
                    "person_ref",
                    "order_ref",
                    "date_received",
                    "decline_reason",
                    "note",
                    "attachment_ids",
                ],
                "purpose": self.env._(
                    "Intake of the person a municipality refers, and the decision."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(b) and (e); intake notes art. 9(2)(h)."
                ),
                "retention": IDENTITY,
            },
            {
                "model": "social.authorisation",
                "person_field": "employee_id",
                "fields": ["reference", "date_from", "date_to", "scheme_id"],
                "purpose": self.env._(
                    "The municipality's authorisation of the place, its extensions."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(b) and (e)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.absence",
                "person_field": "employee_id",
                "fields": ["date", "reason_id", "minutes_late", "notice_state"],
                "purpose": self.env._(
                    "Absence and its reason, for billing, the same-day notice to the "
                    "case worker and the municipality's reports."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(b) and (e); sickness art. 9(2)(b)."
                ),
                "retention": IDENTITY,
            },
            {
                "model": "social.mood",
                "person_field": "employee_id",
                "fields": ["date", "mood"],
                "purpose": self.env._(
                    "The person's own daily rating of how they are, for their "
                    "support and, aggregated, for outcome reports."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(e) and 9(2)(h)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.placement.history",
                "person_field": "employee_id",
                "fields": ["date", "kind", "note"],
                "purpose": self.env._(
                    "The person's way: changes of hours, capacity and case worker, "
                    "meetings and steps forward."
                ),
                "legal_basis": self.env._("GDPR art. 6(1)(b) and (e)."),
                "retention": IDENTITY,
            },
            {
                "model": "social.status.report",
                "person_field": "employee_id",
                "fields": ["type_id", "date_from", "date_to", "body", "next_steps"],
                "purpose": self.env._(
                    "Status reports the case worker asked for, as sent."
                ),
                "legal_basis": self.env._(
                    "GDPR art. 6(1)(e); health details art. 9(2)(h) with the "
                    "person's consent."
                ),
                "retention": SUPPORT,
            },
            {
                "model": "social.billing.line",
                "person_field": "employee_id",
                "fields": ["period_start", "quantity", "amount", "person_ref"],
                "purpose": money,
                "legal_basis": bookkeeping,
                "retention": IDENTITY,
            },
            {
                "model": "social.subsidy.claim.line",
                "person_field": "employee_id",
                "fields": ["hours", "amount", "person_ref"],
                "purpose": money,
                "legal_basis": bookkeeping,
                "retention": IDENTITY,
            },
            {
                "model": "social.wage.period",
                "person_field": "employee_id",
                "fields": ["period_start", "paid_hours", "gross_wage"],
                "purpose": money,
                "legal_basis": bookkeeping,
                "retention": IDENTITY,
            },
            *(
                {
                    "model": model,
                    "person_field": "employee_id",
                    "fields": personal,
                    "purpose": money,
                    "legal_basis": bookkeeping,
                    "retention": IDENTITY,
                }
                for model, personal in (
                    (
                        "social.pay.basis",
                        ["method", "assessed_capacity", "hourly_rate", "note"],
                    ),
                    ("social.pay.transport", ["distance_km", "means"]),
                    ("social.pay.effort", ["period_start", "units"]),
                    ("social.pay.line", ["pay_type", "hours", "amount"]),
                )
            ),
            {
                "model": "account.analytic.line",
                "person_field": "employee_id",
                "fields": ["date", "unit_amount", "name"],
                "purpose": self.env._("Hours worked in production, by scheme."),
                "legal_basis": self.env._("GDPR art. 6(1)(b) and (c)."),
                "retention": IDENTITY,
            },
        ]

    @api.model
    def _privacy_get_processing_records(self):
        """The records of processing (GDPR art. 30) generated from the catalogue:
        one dict per model with labels a data-protection officer reads."""
        Rule = self.env["social.retention.rule"]
        today = fields.Date.context_today(self)
        records = []
        for entry in self._privacy_get_catalogue():
            if entry["model"] not in self.env:
                continue
            Model = self.env[entry["model"]]
            rule = Rule._get_rule(entry["retention"], today)
            records.append(
                {
                    "model": entry["model"],
                    "description": Model._description,
                    "fields": [
                        Model._fields[f].get_description(self.env)["string"]
                        for f in entry["fields"]
                        if f in Model._fields
                    ],
                    "purpose": entry["purpose"],
                    "legal_basis": entry["legal_basis"],
                    "retention": self.env._(
                        "%(rule)s: %(months)s months (%(origin)s)",
                        rule=rule.name,
                        months=rule.months,
                        origin=rule.source,
                    )
                    if rule
                    else "",
                }
            )
        return records

    # ------------------------------------------------------------ end and due
    @api.model
    def _privacy_get_subjects(self):
        """The people the product serves (extended by support_hours), archived
        included: those with a placement."""
        # sudo: the retention job looks at everyone's dates, not their content.
        groups = (
            self.env["social.placement"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([], ["employee_id"])
        )
        return self.with_context(active_test=False).browse(
            [employee.id for (employee,) in groups]
        )

    def _privacy_get_end_dates(self):
        """``{employee id: date or None}`` for the people the product serves: the
        day their last placement or support ended, None while one still runs.
        People with no placement nor support (ordinary staff) are left out."""
        result = {}
        groups = (
            self.env["social.placement"]
            .sudo()
            ._read_group(
                [("employee_id", "in", self.ids)],
                ["employee_id", "state"],
                ["date_end:max", "date_start:max"],
            )
        )
        for employee, state, date_end, date_start in groups:
            end = None if state in ("draft", "active") else (date_end or date_start)
            self._privacy_merge_end(result, employee.id, end)
        return result

    @api.model
    def _privacy_merge_end(self, result, employee_id, end):
        """Fold one end day into ``result`` (None, still running, wins)."""
        if employee_id in result and result[employee_id] is None:
            return
        if end is None:
            result[employee_id] = None
        else:
            result[employee_id] = max(end, result.get(employee_id) or end)

    def _privacy_get_agreement_months(self):
        """``{employee id: months}``: the longest retention the agreements of the
        municipalities that placed the person require (0: none set)."""
        placements = (
            self.env["social.placement"]
            .sudo()
            .search([("employee_id", "in", self.ids)])
        )
        agreements = (
            self.env["social.agreement"]
            .sudo()
            .with_context(active_test=False)
            .search([("municipality_id", "in", placements.municipality_id.ids)])
        )
        months_by_municipality = {}
        for agreement in agreements:
            key = agreement.municipality_id.id
            months_by_municipality[key] = max(
                months_by_municipality.get(key, 0), agreement.privacy_retention_months
            )
        result = {}
        for placement in placements:
            key = placement.employee_id.id
            result[key] = max(
                result.get(key, 0),
                months_by_municipality.get(placement.municipality_id.id, 0),
            )
        return result

    @api.model
    def _privacy_get_booking_sources(self):
        """SQL of (employee_id, date) rows: the posted journal entries that name a
        person (invoice lines, subsidy claims, participant pay, payroll). The
        bookkeeping law keeps them five years from the end of their financial year,
        so the person's name and CPR are kept as long as the last of them."""
        posted = SQL("m.state = 'posted'")
        return [
            SQL(
                "SELECT l.employee_id, m.date FROM social_billing_line l"
                " JOIN account_move m ON m.id = l.move_id WHERE %s",
                posted,
            ),
            SQL(
                "SELECT l.employee_id, m.date FROM social_subsidy_claim_line l"
                " JOIN social_subsidy_claim c ON c.id = l.claim_id"
                " JOIN account_move m ON m.id = c.move_id WHERE %s",
                posted,
            ),
            SQL(
                "SELECT l.employee_id, m.date FROM social_pay_line l"
                " JOIN account_move m ON m.id = l.move_id WHERE %s",
                posted,
            ),
            SQL(
                "SELECT w.employee_id, m.date FROM social_wage_period w"
                " JOIN account_move m ON m.id = w.move_id WHERE %s",
                posted,
            ),
        ]

    def _privacy_get_booking_dates(self):
        """``{employee id: date}``: the day of the last posted entry naming each of
        these people, in one query."""
        if not self:
            return {}
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                "SELECT employee_id, max(date) FROM (%s) booked"
                " WHERE employee_id = ANY(%s) GROUP BY employee_id",
                SQL(" UNION ALL ").join(self._privacy_get_booking_sources()),
                list(self.ids),
            )
        )
        return dict(rows)

    def _privacy_get_due(self, on_date=None):
        """One dict per person and category not yet anonymised: ``employee``,
        ``category``, ``end`` (retention start), ``due`` (first day it may go),
        ``rule`` and ``hold``. With ``on_date``, only what is due by then."""
        Rule = self.env["social.retention.rule"]
        employees = self.sudo().with_context(active_test=False)
        ends = employees._privacy_get_end_dates()
        agreement_months = employees._privacy_get_agreement_months()
        ended = employees.browse([i for i, end in ends.items() if end is not None])
        booked = ended._privacy_get_booking_dates()
        result = []
        for employee in ended:
            done = {
                SUPPORT: employee.privacy_support_anonymised_on,
                IDENTITY: employee.privacy_identity_anonymised_on,
            }
            for category in CATEGORIES:
                end = ends[employee.id]
                if category == IDENTITY:
                    # An invoice or pay entry after the end (billed in arrears)
                    # starts the bookkeeping years later.
                    end = max(end, booked.get(employee.id) or end)
                rule = Rule._get_rule(category, end)
                if done[category] or not rule:
                    continue
                months = rule.months
                required = agreement_months.get(employee.id, 0)
                if required:
                    # The controller's instruction wins for health data; no
                    # agreement shortens what a law keeps (identity).
                    months = required if category == SUPPORT else max(months, required)
                due = rule._get_due_date(end, employee.company_id, months)
                if on_date and due > on_date:
                    continue
                result.append(
                    {
                        "employee": employee,
                        "category": category,
                        "end": end,
                        "due": due,
                        "rule": rule,
                        "hold": employee.privacy_legal_hold,
                    }
                )
        return result

    # -------------------------------------------------------------- anonymise
    def _privacy_anonymise_support(self):
        """Clear the health data of these people (extended by support_hours). Runs
        as superuser: the retention cron and the erasure request."""
        env = self.env(su=True)
        domain = [("employee_id", "in", self.ids)]
        env["social.placement"].with_context(active_test=False).search(domain).write(
            {"social_note": False}
        )
        env["social.referral"].search(domain).write({"note": False})
        # Status reports as sent may hold health details: their texts and PDF go.
        reports = env["social.status.report"].search(domain)
        attachments = reports.attachment_id
        reports.with_context(social_privacy_anonymise=True).write(
            {"body": False, "next_steps": False, "attachment_id": False}
        )
        attachments.unlink()
        reports.message_ids.unlink()

    def _privacy_get_pseudonym(self):
        self.ensure_one()
        secret = self.env["social.impact.report"]._get_pseudonym_secret()
        return impact.pseudonym(secret, "person", self.id)

    def _privacy_anonymise_identity(self):
        """Replace the name by a pseudonym and clear CPR and private contact data;
        placements, hours and scores stay for the aggregated reports."""
        for employee in self.sudo().with_context(tracking_disable=True):
            label = self.env._(
                "Anonymised %(id)s", id=employee._privacy_get_pseudonym()
            )
            employee.write(
                {
                    "name": label,
                    "private_email": False,
                    "private_phone": False,
                    "birthday": False,
                    "place_of_birth": False,
                    "emergency_contact": False,
                    "emergency_phone": False,
                    "work_email": False,
                    "work_phone": False,
                    "mobile_phone": False,
                    "payroll_number": False,
                }
            )
            employee.version_ids.write(
                {
                    "ssnid": False,
                    "identification_id": False,
                    "passport_id": False,
                    "private_street": False,
                    "private_street2": False,
                    "private_zip": False,
                    "private_city": False,
                }
            )
            if employee.work_contact_id:
                employee.work_contact_id.write(
                    {"name": label, "email": False, "phone": False}
                )
            employee.message_ids.unlink()
        placements = (
            self.env["social.placement"]
            .sudo()
            .with_context(active_test=False)
            .search([("employee_id", "in", self.ids)])
        )
        placements.write({"person_ref": False})
        placements.message_ids.unlink()
        consents = (
            self.env["social.consent"].sudo().search([("employee_id", "in", self.ids)])
        )
        consents.write({"document": False, "document_name": False, "note": False})
        env = self.env(su=True)
        domain = [("employee_id", "in", self.ids)]
        referrals = env["social.referral"].search(domain)
        referrals.attachment_ids.unlink()
        referrals.write(
            {"person_name": False, "person_ref": False, "decline_reason": False}
        )
        referrals.message_ids.unlink()
        # Past the bookkeeping years: the municipality's person references go too.
        env["social.billing.line"].search(domain).write({"person_ref": False})
        env["social.subsidy.claim.line"].search(domain).write({"person_ref": False})
        env["social.wage.period"].search(domain).write({"payroll_number": False})

    def _privacy_anonymise(self, categories):
        """Anonymise ``categories`` of these people now and record what was done
        (one ``social.privacy.request`` per person). Health data always goes with
        the identity."""
        today = fields.Date.context_today(self)
        employees = self.sudo()
        if IDENTITY in categories or SUPPORT in categories:
            todo = employees.filtered(lambda e: not e.privacy_support_anonymised_on)
            todo._privacy_anonymise_support()
            todo.write({"privacy_support_anonymised_on": today})
        if IDENTITY in categories:
            todo = employees.filtered(lambda e: not e.privacy_identity_anonymised_on)
            todo._privacy_anonymise_identity()
            todo.write({"privacy_identity_anonymised_on": today})
        return True

    @api.model
    def _cron_privacy_retention(self):
        """Daily: anonymise what has passed its retention, except under a legal
        hold. Idempotent: a category anonymised once is never due again."""
        today = fields.Date.context_today(self)
        employees = self._privacy_get_subjects()
        by_employee = {}
        for item in employees._privacy_get_due(today):
            if not item["hold"]:
                by_employee.setdefault(item["employee"], []).append(item)
        Request = self.env["social.privacy.request"].sudo()
        for employee, items in by_employee.items():
            categories = {item["category"] for item in items}
            employee._privacy_anonymise(categories)
            Request.create(
                {
                    "employee_id": employee.id,
                    "kind": "retention",
                    "state": "done",
                    "done_date": today,
                    "done_summary": "\n".join(
                        self.env._(
                            "%(category)s anonymised: retention from %(end)s, due "
                            "%(due)s under %(rule)s (%(origin)s).",
                            category=item["category"],
                            end=item["end"],
                            due=item["due"],
                            rule=item["rule"].name,
                            origin=item["rule"].source,
                        )
                        for item in items
                    ),
                }
            )
        return True

    @api.model
    def _privacy_get_preview(self, months=1):
        """What the cron will anonymise within ``months`` (default: next month)."""
        limit = fields.Date.context_today(self) + relativedelta(months=months)
        employees = self._privacy_get_subjects()
        return sorted(
            employees._privacy_get_due(limit),
            key=lambda i: (i["due"], i["employee"].id),
        )

    # ------------------------------------------------------------------ export
    def _privacy_collect(self):
        """Everything the catalogue holds about this person, as plain values (the
        access request, GDPR art. 15). Restricted fields read here are logged."""
        self.ensure_one()
        sections = []
        for entry in self._privacy_get_catalogue():
            if entry["model"] not in self.env:
                continue
            # sudo: the access request is a manager's duty towards the person; what
            # it reads of health data is written to the access log below.
            Model = self.env[entry["model"]].sudo().with_context(active_test=False)
            records = Model.search([(entry["person_field"], "=", self.id)], order="id")
            names = [
                name
                for name, field in Model._fields.items()
                if field.store
                and field.type not in SKIPPED_FIELD_TYPES
                and name not in SKIPPED_FIELDS
                and name != "id"
            ]
            if hasattr(records, "_log_sensitive_access"):
                sensitive = records._get_sensitive_field_names(names)
                if sensitive:
                    records._log_sensitive_access(sensitive)
            sections.append(
                {
                    "model": entry["model"],
                    "description": Model._description,
                    "purpose": entry["purpose"],
                    "records": [
                        {
                            "id": record.id,
                            "values": {
                                Model._fields[name].get_description(self.env)[
                                    "string"
                                ]: self._privacy_export_value(record, name)
                                for name in names
                            },
                        }
                        for record in records
                    ],
                }
            )
        return {
            "person": self.sudo().name,
            "employee_id": self.id,
            "generated": fields.Datetime.now().isoformat(),
            "sections": sections,
        }

    @api.model
    def _privacy_export_value(self, record, name):
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type in ("one2many", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        if field.type == "html":
            return html2plaintext(value or "")
        if value is False and field.type != "boolean":
            return ""
        if isinstance(value, (int, float, str, bool)):
            return value
        return str(value)

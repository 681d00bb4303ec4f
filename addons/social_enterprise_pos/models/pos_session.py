from collections import defaultdict

from odoo import fields, models

from ..tools import till


class PosSession(models.Model):
    _inherit = "pos.session"

    social_till_line_ids = fields.One2many(
        "account.analytic.line", "pos_session_id", "Till Hours", readonly=True
    )

    # ------------------------------------------------ revenue stream on closing
    def _get_sale_key(self, base_line):
        """Sales are grouped by revenue stream as well, so each journal item of the
        closing entry carries its stream."""
        key = super()._get_sale_key(base_line)
        account = self.config_id._get_social_revenue_account(base_line["product_id"])
        key["social_revenue_account_id"] = account.id if account else False
        return key

    def _get_sale_vals(self, key, sale_vals):
        vals = super()._get_sale_vals(key, sale_vals)
        if key.get("social_revenue_account_id"):
            vals["analytic_distribution"] = {
                str(key["social_revenue_account_id"]): 100.0
            }
        return vals

    # ---------------------------------------------------------------- till hours
    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        result = super()._validate_session(
            balancing_account=balancing_account,
            amount_to_balance=amount_to_balance,
            bank_payment_method_diffs=bank_payment_method_diffs,
        )
        if self.state == "closed":
            self._social_log_till_hours()
        return result

    def _get_till_cashiers(self):
        """The people who staffed the till: the cashiers of its orders, else the
        employee of the user who opened it."""
        self.ensure_one()
        employees = self.order_ids.employee_id | self.employee_id
        return employees or self.user_id.employee_id

    def _get_till_window(self):
        self.ensure_one()
        return self.start_at, self.stop_at or fields.Datetime.now()

    def _prepare_till_line_vals(self, employee, hours):
        self.ensure_one()
        return {
            "name": self.env._("Till: %(session)s", session=self.name),
            "project_id": self.config_id.social_project_id.id,
            "employee_id": employee.id,
            "date": fields.Date.context_today(self, self.start_at),
            "unit_amount": hours,
            "pos_session_id": self.id,
            "company_id": self.company_id.id,
        }

    def _social_log_till_hours(self):
        """Log each cashier's till hours as a timesheet on the till's production
        project (see ``tools/till.py``); once per session."""
        # sudo: a cashier closing the till may not be a timesheet user; only the
        # hours of this session's own cashiers are read and written.
        sessions = self.sudo().filtered(
            lambda s: s.config_id.social_project_id and not s.social_till_line_ids
        )
        vals_list = []
        for session in sessions:
            cashiers = session._get_till_cashiers()
            if not cashiers or not session.start_at:
                continue
            window = session._get_till_window()
            attendance = defaultdict(list)
            for record in (
                self.env["hr.attendance"]
                .sudo()
                .search(
                    [
                        ("employee_id", "in", cashiers.ids),
                        ("check_in", "<", window[1]),
                        "|",
                        ("check_out", "=", False),
                        ("check_out", ">", window[0]),
                    ]
                )
            ):
                attendance[record.employee_id].append(
                    (record.check_in, record.check_out)
                )
            for employee, hours in till.till_hours(
                list(cashiers), attendance, window
            ).items():
                if hours > 0:
                    vals_list.append(session._prepare_till_line_vals(employee, hours))
        return self.env["account.analytic.line"].sudo().create(vals_list)

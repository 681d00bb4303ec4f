from datetime import datetime, time, timedelta

from odoo import api, fields, models

# (product, quantity) of the orders rung up each session day, in turn.
BASKETS = [
    [("product_coffee_demo", 2), ("product_cake_demo", 2)],
    [("product_sandwich_demo", 1), ("product_coffee_demo", 1)],
    [("product_coffee_demo", 1)],
    [("product_sandwich_demo", 2), ("product_cake_demo", 1)],
]
ORDERS_PER_DAY = 8
SESSION_DAYS = 5


class SocialPosDemo(models.AbstractModel):
    """Loader of the café's sample sessions (products and project are in
    demo/pos_demo.xml): a till for the café, then a week of sessions whose orders the
    café's sample people ring up, each closed so that the sales are posted."""

    _name = "social.pos.demo"
    _description = "Point of Sale Sample Data"

    def _ref(self, name):
        return self.env.ref(f"social_enterprise_pos.{name}")

    @api.model
    def _demo_generate(self):
        company = self.env.ref("base.demo_company_dk")
        if not company.chart_template:
            return
        env = self.with_company(company).with_context(
            tracking_disable=True, mail_notrack=True, allowed_company_ids=company.ids
        )
        cashiers = env._demo_cashiers()
        config = env._demo_config(company, cashiers)
        if config.session_ids:
            return  # loaded before: the sessions of an earlier install are kept
        today = fields.Date.context_today(self)
        days = [today - timedelta(days=n) for n in range(1, 10)]
        days = sorted(d for d in days if d.weekday() < 5)[-SESSION_DAYS:]
        for index, day in enumerate(days):
            env._demo_session(config, day, cashiers, index)

    @api.model
    def _demo_cashiers(self):
        department = self.env.ref("social_enterprise.hr_department_cafe_demo")
        return (
            self.env["social.placement"]
            .search(
                [
                    ("employee_id.department_id", "=", department.id),
                    ("state", "=", "active"),
                    ("scheme_id.exclusive", "=", True),
                ],
                order="id",
                limit=4,
            )
            .employee_id
        )

    @api.model
    def _demo_config(self, company, cashiers):
        journal = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "cash")], limit=1
        ) or self.env["account.journal"].create(
            {
                "name": "Kasse (café)",
                "code": "CAFE",
                "type": "cash",
                "company_id": company.id,
            }
        )
        # One cash payment method per cash journal (reused when loaded again).
        cash = self.env["pos.payment.method"].search(
            [("journal_id", "=", journal.id)], limit=1
        ) or self.env["pos.payment.method"].create(
            {
                "name": "Kontant (café)",
                "journal_id": journal.id,
                "company_id": company.id,
            }
        )
        vals = {
            "social_project_id": self._ref("project_cafe_till_demo").id,
            "module_pos_hr": True,
            "basic_employee_ids": [fields.Command.set(cashiers.ids)],
        }
        # A cash method belongs to one till: a till that has it is the café's, left
        # by an earlier install (Odoo keeps it with its sessions on uninstall).
        config = self.env["pos.config"].search(
            [("company_id", "=", company.id), ("payment_method_ids", "in", cash.ids)],
            limit=1,
        )
        if config:
            config.write(vals)
            return config
        return self.env["pos.config"].create(
            dict(
                vals,
                name="Café Børsten",
                company_id=company.id,
                payment_method_ids=[fields.Command.set(cash.ids)],
            )
        )

    @api.model
    def _demo_session(self, config, day, cashiers, index):
        # A session as the till's user would open it (open_ui refuses the superuser).
        session = self.env["pos.session"].create(
            {"config_id": config.id, "user_id": self.env.ref("base.user_admin").id}
        )
        session.set_opening_control(0, None)
        session.start_at = datetime.combine(day, time(9, 0))
        total = 0.0
        for number in range(ORDERS_PER_DAY):
            cashier = cashiers[(index + number) % len(cashiers)] if cashiers else False
            total += self._demo_order(
                session, BASKETS[number % len(BASKETS)], day, cashier
            )
        session.post_closing_cash_details(total)
        session.close_session_from_ui()
        # The sample session closed now; date it on its day and log its hours again.
        session.stop_at = datetime.combine(day, time(15, 0))
        session.social_till_line_ids.unlink()
        session._social_log_till_hours()

    @api.model
    def _demo_order(self, session, basket, day, cashier):
        lines, total, tax_total = [], 0.0, 0.0
        for name, qty in basket:
            product = self._ref(name)
            taxes = product.taxes_id.filtered(
                lambda t, c=session.company_id: t.company_id == c
            )
            amounts = taxes.compute_all(
                product.lst_price, session.currency_id, qty, product=product
            )
            lines.append(
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": product.lst_price,
                        "price_subtotal": amounts["total_excluded"],
                        "price_subtotal_incl": amounts["total_included"],
                        "tax_ids": [fields.Command.set(taxes.ids)],
                    }
                )
            )
            total += amounts["total_included"]
            tax_total += amounts["total_included"] - amounts["total_excluded"]
        order = self.env["pos.order"].create(
            {
                "session_id": session.id,
                "company_id": session.company_id.id,
                "date_order": datetime.combine(day, time(10, 0)),
                "employee_id": cashier.id if cashier else False,
                "lines": lines,
                "amount_tax": tax_total,
                "amount_total": total,
                "amount_paid": 0.0,
                "amount_return": 0.0,
            }
        )
        order.add_payment(
            {
                "pos_order_id": order.id,
                "amount": total,
                "payment_method_id": session.payment_method_ids[:1].id,
            }
        )
        order.action_pos_order_paid()
        return total

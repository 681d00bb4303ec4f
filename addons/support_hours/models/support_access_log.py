from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# Retention of the log itself: a dated rule (social.retention.rule) with this code.
RETENTION_CODE = "access_log"


class SupportAccessLog(models.Model):
    """Who read which sensitive support record, and when (GDPR art. 9 audit).

    Append-only: nobody changes or deletes a line through the ORM, administrators and
    superuser included, and a PostgreSQL trigger refuses UPDATE, DELETE and TRUNCATE
    on the table (only the person link may be cleared, by the foreign key, when a
    person is deleted). The only way out is the retention clean-up
    (``_gc_access_log``), which deletes the lines older than the dated retention rule
    ``access_log`` in one statement, after telling the trigger so.
    """

    _name = "support.access.log"
    _description = "Support Access Log"
    _order = "create_date desc, id desc"
    _log_access = True

    user_id = fields.Many2one(
        "res.users", "Opened By", required=True, index=True, ondelete="restrict"
    )
    res_model = fields.Char("Document Model", required=True, index=True)
    res_id = fields.Many2oneReference("Document ID", model_field="res_model")
    employee_id = fields.Many2one(
        "hr.employee", "Person", index=True, ondelete="set null"
    )
    field_names = fields.Char("Restricted Fields Read")
    model_description = fields.Char("Document", compute="_compute_model_description")

    _model_record_idx = models.Index("(res_model, res_id)")

    @api.depends("res_model")
    def _compute_model_description(self):
        names = {
            model: self.env[model]._description
            for model in set(self.mapped("res_model"))
            if model in self.env
        }
        for log in self:
            log.model_description = names.get(log.res_model, log.res_model)

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    def init(self):
        res = super().init()
        # A plain string (no parameters): the "%" is plpgsql's, not a placeholder.
        self.env.cr.execute(
            """
            CREATE OR REPLACE FUNCTION support_access_log_immutable() RETURNS trigger
            LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    IF NEW.employee_id IS NULL
                       AND (NEW.id, NEW.user_id, NEW.res_model, NEW.res_id,
                            NEW.field_names, NEW.create_date, NEW.create_uid)
                           IS NOT DISTINCT FROM
                           (OLD.id, OLD.user_id, OLD.res_model, OLD.res_id,
                            OLD.field_names, OLD.create_date, OLD.create_uid) THEN
                        RETURN NEW;  -- ON DELETE SET NULL of a deleted person
                    END IF;
                ELSIF TG_OP = 'DELETE' THEN
                    IF current_setting('support_hours.access_log_gc', true) = 'on' THEN
                        RETURN OLD;  -- the retention clean-up
                    END IF;
                END IF;
                RAISE EXCEPTION 'The support access log is append-only (%)', TG_OP;
            END;
            $fn$;
            DROP TRIGGER IF EXISTS support_access_log_immutable ON support_access_log;
            CREATE TRIGGER support_access_log_immutable
                BEFORE UPDATE OR DELETE ON support_access_log
                FOR EACH ROW EXECUTE FUNCTION support_access_log_immutable();
            DROP TRIGGER IF EXISTS support_access_log_no_truncate ON support_access_log;
            CREATE TRIGGER support_access_log_no_truncate
                BEFORE TRUNCATE ON support_access_log
                FOR EACH STATEMENT EXECUTE FUNCTION support_access_log_immutable();
            """
        )
        return res

    def write(self, vals):
        if self:
            raise AccessError(
                self.env._(
                    "The access log cannot be changed, not even by an administrator."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(
            self.env._(
                "The access log cannot be deleted, not even by an administrator: "
                "lines go when their retention period ends."
            )
        )

    @api.model
    def _get_retention_limit(self):
        """The oldest creation time kept: now minus the retention rule in force."""
        now = fields.Datetime.now()
        rule = self.env["social.retention.rule"]._get_rule(RETENTION_CODE, now.date())
        return fields.Datetime.subtract(now, months=rule.months if rule else 60)

    @api.model
    def _gc_access_log(self):
        """Delete the log lines older than the retention rule ``access_log`` (one
        statement; the trigger lets this one through)."""
        limit = self._get_retention_limit()
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("SET LOCAL support_hours.access_log_gc = 'on'")
        cr.execute(SQL("DELETE FROM support_access_log WHERE create_date < %s", limit))
        cr.execute("SET LOCAL support_hours.access_log_gc = 'off'")
        self.invalidate_model()
        return True

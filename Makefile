# Social Enterprise for Odoo 19.0: the project's commands. See README.md.
.PHONY: help setup run test lint pot bench clean-db

help:
	@echo "make run    - set up (PostgreSQL, virtualenv, Odoo 19.0), create/update the database, serve"
	@echo "make test   - set up, lint, install into a fresh database, run every test"
	@echo "make lint   - ruff, pylint-odoo (OCA mandatory checks), manifestoo licenses"
	@echo "make pot    - regenerate the .pot templates and merge them into da.po"
	@echo "make bench  - run the report benchmarks and print figures"
	@echo "make setup  - only the set-up part"

setup:
	@scripts/setup.sh

run:
	@scripts/run.sh

test:
	@scripts/test.sh

lint:
	@scripts/lint.sh

pot:
	@scripts/pot.sh

bench:
	@scripts/bench.sh

clean-db:
	@dropdb --if-exists "$${ODOO_DB:-social_enterprise}"

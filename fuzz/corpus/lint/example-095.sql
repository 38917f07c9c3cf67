DROP VIEW IF EXISTS reporting.weekly_totals;

"""Courses as delivered: clock-time schedules, their checks, run sheets, calendars, certificates."""

"""Reading and writing other tools' formats: vCard, CSV, Markdown, iCalendar, JSON."""

"""At 80x24 every field of every form is reachable: tab moves through them all, and the one
with the focus is scrolled into view (capture's own check is in test_capture_mode)."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjournal.tui.screens.form import FormScreen
from netjournal.tui.screens.learning_form import LearningForm
from netjournal.tui.screens.log_form import LogForm
from netjournal.tui.screens.outreach_form import OutreachForm
from netjournal.tui.screens.person_form import PersonForm
from tests.tui.support import area, make_app, settle, wait_loaded

FORMS = [("1", "a", PersonForm), ("2", "a", LearningForm), ("3", "a", OutreachForm),
         ("1", "l", LogForm)]  # fmt: skip


@pytest.mark.parametrize(("area_key", "key", "form_type"), FORMS)
async def test_every_field_of_the_form_is_reachable_at_80_by_24(
    journal_dir: Path, area_key: str, key: str, form_type: type[FormScreen]
) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await area(pilot, area_key)
        await pilot.press(key)
        await settle(pilot)
        form = app.screen
        assert isinstance(form, form_type)
        fields = form.query_one("#form-fields")
        for spec in form.FIELDS:
            widget = form.query_one(f"#field-{spec.name}")
            assert app.focused is widget, spec.name
            assert fields.region.contains_region(widget.region), f"{spec.name} is off screen"
            await pilot.press("tab")
            await settle(pilot)

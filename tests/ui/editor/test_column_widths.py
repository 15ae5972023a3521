"""Column widths that fit a table: the widest columns wrap first, no header is cut."""

from __future__ import annotations

from sip_desk.ui.editor.column_widths import fitted_widths, widened


def test_too_wide_columns_give_way_widest_first_never_under_their_header():
    wanted = {0: 260, 1: 100, 2: 260, 3: 80}
    least = {0: 120, 1: 90, 2: 60, 3: 70}

    widths = fitted_widths(wanted, least, 600)

    assert sum(widths.values()) <= 600
    assert widths[1] == 100 and widths[3] == 80  # the narrow ones keep their width
    assert widths[0] == widths[2] == 210
    assert all(widths[c] >= least[c] for c in widths)


def test_columns_stay_at_their_least_width_when_even_that_does_not_fit():
    widths = fitted_widths({0: 200, 1: 200}, {0: 150, 1: 150}, 250)

    assert widths == {0: 150, 1: 150}


def test_room_left_over_goes_first_to_cut_text_then_to_text_columns():
    widths = {0: 100, 1: 60, 2: 260}
    natural = {0: 100, 1: 60, 2: 300}

    grown = widened(widths, natural, [0, 2], 600)

    assert grown[1] == 60  # a check box or date column does not grow
    assert grown[2] >= 300
    assert sum(grown.values()) == 600

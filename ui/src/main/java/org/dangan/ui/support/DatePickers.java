package org.dangan.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A date picker speaking the user's language: month and weekday names, "today" and "cancel", the
 * week starting on Monday, dates written as 2026-11-30. Vaadin's own texts are English otherwise.
 */
public final class DatePickers {

    private DatePickers() {}

    public static DatePicker translated(DatePicker picker) {
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale() == null ? Locale.SIMPLIFIED_CHINESE : ui.getLocale();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(IntStream.rangeClosed(1, 12)
                .mapToObj(m -> Month.of(m).getDisplayName(TextStyle.FULL, locale))
                .toList());
        // Vaadin counts weekdays from Sunday
        List<DayOfWeek> week = Arrays.asList(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        i18n.setWeekdays(
                week.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        i18n.setWeekdaysShort(week.stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .toList());
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(ui.getTranslation("datePicker.today"));
        i18n.setCancel(ui.getTranslation("datePicker.cancel"));
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
        picker.setLocale(locale);
        return picker;
    }
}

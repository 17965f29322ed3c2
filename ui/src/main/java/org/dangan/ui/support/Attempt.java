package org.dangan.ui.support;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dangan.workflow.platform.Refused;
import org.springframework.security.access.AccessDeniedException;

/**
 * Runs a step a user asked for; a refusal of the domain (wrong state, missing field, not allowed)
 * is shown to the user in its own words instead of failing the screen.
 */
public final class Attempt {

    private Attempt() {}

    /** The refusal's message, also shown as an error notification; empty when the step was done. */
    public static Optional<String> run(Runnable step) {
        try {
            step.run();
            return Optional.empty();
        } catch (Refused | IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
            return Optional.of(Refusals.show(e));
        }
    }

    /** Runs the step on the row picked in the grid, or asks to pick one; what came of it goes to the status line. */
    public static <T> void onSelected(
            Grid<T> grid, Span status, String pickFirst, Consumer<T> step, Function<T, String> done) {
        T selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            status.setText(pickFirst);
            return;
        }
        run(() -> {
                    step.accept(selected);
                    status.setText(done.apply(selected));
                })
                .ifPresent(status::setText);
    }
}

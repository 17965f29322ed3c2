package org.dangan.ui.custody;

import com.vaadin.flow.component.UI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dangan.workflow.custody.CustodyEntry;
import org.dangan.workflow.institution.Institution;
import org.dangan.workflow.institution.Institutions;
import org.dangan.workflow.security.UserAccounts;

/**
 * The custody ledger as people read it: who acted by their name (the application's own entries as
 * 系统), places by institution name and box, and the reasons the application writes in its own
 * fixed words (kept as written: the ledger is hash-chained) in the user's language, the free text
 * people typed after them as typed. One per screen, made for the entries it shows.
 */
public final class LedgerTexts {

    /** The reasons the application writes, each with its bundle key; groups are the key's arguments. */
    private static final List<Map.Entry<Pattern, String>> REASONS = List.of(
            Map.entry(Pattern.compile("registered"), "custodyReason.registered"),
            Map.entry(Pattern.compile("imported"), "custodyReason.imported"),
            Map.entry(Pattern.compile("retired after sign-off"), "custodyReason.retired"),
            Map.entry(Pattern.compile("check-out (\\d+) returned"), "custodyReason.checkoutReturned"),
            Map.entry(Pattern.compile("check-out (\\d+): (.*)", Pattern.DOTALL), "custodyReason.checkout"),
            Map.entry(Pattern.compile("disposal (\\d+)"), "custodyReason.disposal"),
            Map.entry(Pattern.compile("scanned to (.*)", Pattern.DOTALL), "custodyReason.scannedTo"),
            Map.entry(
                    Pattern.compile("stocktake (\\d+): found in (.*)", Pattern.DOTALL), "custodyReason.stocktakeFound"),
            Map.entry(Pattern.compile("transfer (\\d+): (.*)", Pattern.DOTALL), "custodyReason.transfer"),
            Map.entry(Pattern.compile("handover (\\d+) \\((\\w+)\\)"), "custodyReason.handover"),
            Map.entry(Pattern.compile("received in bag handover-(\\d+)"), "custodyReason.bag"));

    private static final Pattern BOX = Pattern.compile("BX\\d{10}");

    private final Map<String, String> people;
    private final Map<String, String> institutionNames;

    /** For the entries a screen shows: their actors' names are read at once. */
    public LedgerTexts(Institutions institutions, UserAccounts users, Collection<CustodyEntry> entries) {
        // a file checked out is with the person who asked for it: the ledger's place is then a user name
        this.people = users.displayNames(entries.stream()
                .flatMap(e -> Stream.of(e.actor(), e.from(), e.to()))
                .filter(Objects::nonNull)
                .filter(a -> !"system".equals(a))
                .collect(Collectors.toSet()));
        this.institutionNames = institutions.all().stream()
                .collect(Collectors.toMap(Institution::getCode, Institution::getName, (x, y) -> x));
    }

    /** The person by name; the application's own entries are the system's. */
    public String actor(String actor) {
        if (actor == null) {
            return "";
        }
        return "system".equals(actor) ? text("custody.system") : people.getOrDefault(actor, actor);
    }

    /**
     * A place of the ledger: an institution by its name rather than its code (also where a code
     * leads a box, "130123101201 BX0000000003"), a person (who has a file checked out) by name, a
     * box as a box, a location path as it is.
     */
    public String place(String place) {
        if (place == null || place.isBlank()) {
            return "";
        }
        String name = institutionNames.get(place);
        if (name != null) {
            return name;
        }
        // the accounts read give their own name back for what is no account
        String person = people.get(place);
        if (person != null && !person.equals(place)) {
            return person;
        }
        if (BOX.matcher(place).matches()) {
            return text("custodyPlace.box", place);
        }
        int space = place.indexOf(' ');
        if (space > 0 && institutionNames.containsKey(place.substring(0, space))) {
            return institutionNames.get(place.substring(0, space)) + " · "
                    + place(place.substring(space + 1).strip());
        }
        return place;
    }

    /** Where a file is now: the shelf its box stands on and the box, or the place as the ledger says. */
    public String where(String currentPlace, String boxPlace) {
        String place = place(currentPlace);
        return boxPlace == null
                        || !BOX.matcher(Objects.toString(currentPlace, "")).matches()
                ? place
                : boxPlace + " · " + place;
    }

    /** The reason in the user's language where the application wrote it; what people typed as typed. */
    public String reason(String reason) {
        if (reason == null) {
            return "";
        }
        for (Map.Entry<Pattern, String> known : REASONS) {
            Matcher m = known.getKey().matcher(reason);
            if (m.matches()) {
                Object[] arguments = new Object[m.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = m.group(i + 1);
                }
                if (known.getValue().equals("custodyReason.handover")) {
                    arguments[1] = text("changeKind." + arguments[1]);
                }
                return text(known.getValue(), arguments);
            }
        }
        return reason;
    }

    private static String text(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}

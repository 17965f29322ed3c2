package org.dangan.workflow.storage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dangan.workflow.platform.Refused;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Storage locations of the archivist's own institution as the screens manage them: site > room >
 * cabinet or shelf, and the boxes on them (each new box with the next barcode, received and
 * stored in the ledger).
 */
@Service
@Transactional
public class Locations {

    public record Node(long id, String name, LocationType type, Long parentId, String place, long boxes) {

        /** The code on the location's printed label, for the shelves and cabinets that have one. */
        public Optional<String> labelCode() {
            return holdsBoxes() ? Optional.of(StorageLocation.labelCode(id)) : Optional.empty();
        }

        public boolean holdsBoxes() {
            return type.holdsBoxes();
        }
    }

    /** A box as it stands on its shelf: where, and how full. */
    public record ShelfBox(int position, String barcode, int files, int capacity) {}

    private final StorageLocationRepository locations;
    private final BoxRepository boxes;
    private final StorageAdministration administration;
    private final BoxContents contents;

    Locations(
            StorageLocationRepository locations,
            BoxRepository boxes,
            StorageAdministration administration,
            BoxContents contents) {
        this.contents = contents;
        this.locations = locations;
        this.boxes = boxes;
        this.administration = administration;
    }

    /** The institution's locations, each with its full place and how many boxes stand on it, by place. */
    @Transactional(readOnly = true)
    public List<Node> ofMyInstitution() {
        DanganUser user = archivist();
        List<Box> all = boxes.findByInstitutionIdOrderByBarcode(user.institutionId());
        return locations.findByInstitutionIdInOrderByName(List.of(user.institutionId())).stream()
                .map(l -> new Node(
                        l.getId(),
                        l.getName(),
                        l.getType(),
                        l.getParentId(),
                        administration.place(l),
                        all.stream()
                                .filter(b -> b.getLocationId().equals(l.getId()))
                                .count()))
                .sorted(Comparator.comparing(Node::place))
                .toList();
    }

    /** The boxes on a shelf or in a cabinet of the archivist's institution, by position. */
    @Transactional(readOnly = true)
    public List<ShelfBox> boxesOn(long locationId) {
        StorageLocation location = mine(locationId, archivist());
        List<Box> standing = boxes.findByLocationIdOrderByPosition(location.getId());
        Map<Long, Integer> files =
                contents.fileCounts(standing.stream().map(Box::getId).toList());
        return standing.stream()
                .map(b -> new ShelfBox(
                        b.getPosition(), b.getBarcode().value(), files.getOrDefault(b.getId(), 0), b.getCapacity()))
                .toList();
    }

    /** A new location under {@code parentId} (none: a site) in the archivist's institution. */
    public Node add(Long parentId, String name, LocationType type) {
        DanganUser user = archivist();
        if (name == null || name.isBlank()) {
            throw Refused.invalid("location.nameRequired");
        }
        StorageLocation parent = parentId == null ? null : mine(parentId, user);
        StorageLocation saved =
                administration.register(new StorageLocation(name.strip(), type, parent, user.institutionId()));
        return new Node(
                saved.getId(), saved.getName(), saved.getType(), saved.getParentId(), administration.place(saved), 0);
    }

    /** A new box on a shelf or in a cabinet of the archivist's institution; answers its barcode. */
    public String addBox(long locationId, int capacity) {
        DanganUser user = archivist();
        return administration
                .register(new Box(administration.nextBoxBarcode(), capacity, mine(locationId, user)))
                .getBarcode()
                .value();
    }

    private StorageLocation mine(long id, DanganUser user) {
        return locations
                .findById(id)
                .filter(l -> l.getInstitutionId().equals(user.institutionId()))
                .orElseThrow(() -> Refused.invalid("location.notFound", id));
    }

    private static DanganUser archivist() {
        DanganUser user = CurrentUser.require();
        if (!user.is(Role.ARCHIVIST)) {
            throw Refused.forbidden("location.archivistsOnly");
        }
        return user;
    }
}

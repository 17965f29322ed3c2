package org.dangan.workflow.institution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InstitutionController {

    private final Institutions institutions;

    InstitutionController(Institutions institutions) {
        this.institutions = institutions;
    }

    /** The caller's part of the tree, rooted at their own institution. */
    @GetMapping("/api/institutions")
    List<Node> tree() {
        InstitutionScope scope = institutions.currentScope();
        Map<Long, Node> nodes = new HashMap<>();
        for (Institution i : scope.institutions()) {
            nodes.put(
                    i.getId(),
                    new Node(i.getId(), i.getCode(), i.getName(), i.getType(), i.getStatus(), new ArrayList<>()));
        }
        List<Node> roots = new ArrayList<>();
        for (Institution i : scope.institutions()) {
            Node parent = nodes.get(i.getParentId());
            (parent == null ? roots : parent.children()).add(nodes.get(i.getId()));
        }
        nodes.values().forEach(n -> n.children().sort(Comparator.comparing(Node::code)));
        return roots;
    }

    record Node(
            Long id, String code, String name, InstitutionType type, InstitutionStatus status, List<Node> children) {}
}

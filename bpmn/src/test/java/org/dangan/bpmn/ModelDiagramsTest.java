package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All eight models as a reader meets them in Camunda Modeler: the gateways decide on variables
 * the steps before them set, not on calls into Java hidden in a condition; and every name drawn
 * beside its element (events, gateways, named flows) has a place of its own in the diagram, wide
 * enough for its text, covering no other name, shape or line.
 */
class ModelDiagramsTest {

    /**
     * Camunda Modeler draws external labels in 11 px Arial, about 11 px a CJK character and 7 px any
     * other, 14 px a line, and wraps them at 90 px whatever width their bounds say.
     */
    static final double LINE_HEIGHT = 14;

    static final double WRAP_WIDTH = 90;
    /** The strip along the top of an expanded subprocess where its own name is drawn. */
    static final double TITLE_HEIGHT = 30;

    record Box(double x, double y, double width, double height) {
        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        /** A straight segment of an edge (every edge here is drawn with right angles) crossing this box. */
        boolean crossedBy(Waypoint a, Waypoint b) {
            double left = Math.min(a.getX(), b.getX());
            double top = Math.min(a.getY(), b.getY());
            return overlaps(
                    new Box(left - 1, top - 1, Math.abs(a.getX() - b.getX()) + 2, Math.abs(a.getY() - b.getY()) + 2));
        }
    }

    static BpmnModelInstance read(String name) throws Exception {
        try (InputStream in = ModelDiagramsTest.class.getResourceAsStream("/bpmn/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "archive-handover.bpmn",
                "assessment-milestone.bpmn",
                "document-digitisation.bpmn",
                "paper-checkout.bpmn",
                "paper-disposal.bpmn",
                "record-transfer.bpmn",
                "registration-follow-up.bpmn",
                "resident-correction.bpmn",
                "verification-campaign.bpmn"
            })
    void gateways_decide_on_variables_not_on_calls_into_java(String name) throws Exception {
        BpmnModelInstance model = read(name);
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            String flow = ((BaseElement) condition.getParentElement()).getId();
            assertThat(condition.getTextContent())
                    .as("condition of %s in %s", flow, name)
                    .matches("\\$\\{[^()]+}")
                    .doesNotContain(".");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "archive-handover.bpmn",
                "assessment-milestone.bpmn",
                "document-digitisation.bpmn",
                "paper-checkout.bpmn",
                "paper-disposal.bpmn",
                "record-transfer.bpmn",
                "registration-follow-up.bpmn",
                "resident-correction.bpmn",
                "verification-campaign.bpmn"
            })
    void every_name_beside_an_element_has_a_place_that_covers_nothing_else(String name) throws Exception {
        BpmnModelInstance model = read(name);
        Map<String, Box> labels = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node && (node instanceof Event || node instanceof Gateway)) {
                label(node, shape.getBpmnLabel(), labels, problems);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow) {
                label(flow, edge.getBpmnLabel(), labels, problems);
            }
        }
        List<String> ids = List.copyOf(labels.keySet());
        for (int i = 0; i < ids.size(); i++) {
            Box label = labels.get(ids.get(i));
            for (int j = i + 1; j < ids.size(); j++) {
                if (label.overlaps(labels.get(ids.get(j)))) {
                    problems.add("the name of " + ids.get(i) + " covers the name of " + ids.get(j));
                }
            }
            String owner = ids.get(i);
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                if (element.getId().equals(owner)) {
                    continue;
                }
                Box box = Box.of(shape.getBounds());
                if (element instanceof SubProcess && inside(model.getModelElementById(owner), element)) {
                    box = new Box(box.x(), box.y(), box.width(), TITLE_HEIGHT);
                    if (label.overlaps(box)) {
                        problems.add("the name of " + owner + " covers the title of " + element.getId());
                    }
                } else if (label.overlaps(box)) {
                    problems.add("the name of " + owner + " covers " + element.getId());
                }
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                if (edge.getBpmnElement().getId().equals(owner)) {
                    continue;
                }
                List<Waypoint> points = List.copyOf(edge.getWaypoints());
                for (int k = 0; k + 1 < points.size(); k++) {
                    if (label.crossedBy(points.get(k), points.get(k + 1))) {
                        problems.add("the name of " + owner + " lies on the line of "
                                + edge.getBpmnElement().getId());
                        break;
                    }
                }
            }
        }
        assertThat(problems).as("labels in %s", name).isEmpty();
    }

    /** A named event, gateway or flow must carry its label's bounds, wide and high enough for its name. */
    private static void label(FlowElement element, BpmnLabel label, Map<String, Box> labels, List<String> problems) {
        String text = element.getName();
        if (text == null || text.isBlank()) {
            return;
        }
        if (label == null || label.getBounds() == null) {
            problems.add(element.getId() + " \"" + text + "\" has no label bounds: Modeler would place it by guess");
            return;
        }
        Box box = Box.of(label.getBounds());
        double width = text.codePoints().mapToDouble(c -> c > 0x2e80 ? 11 : 7).sum();
        double lines = Math.ceil(width / WRAP_WIDTH);
        double neededWidth = Math.min(width, WRAP_WIDTH);
        if (box.width() < neededWidth || box.height() < lines * LINE_HEIGHT) {
            problems.add(element.getId() + " \"" + text + "\": its label (" + box.width() + " x " + box.height()
                    + ") is smaller than its name drawn (" + neededWidth + " x " + lines * LINE_HEIGHT + ")");
        }
        labels.put(element.getId(), box);
    }

    private static boolean inside(ModelElementInstance element, BaseElement container) {
        for (ModelElementInstance parent = element.getParentElement();
                parent != null;
                parent = parent.getParentElement()) {
            if (parent == container) {
                return true;
            }
        }
        return false;
    }
}

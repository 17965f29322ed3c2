package org.dangan.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The decision files open in Camunda Modeler as a decision requirements diagram: DMN 1.3 with
 * diagram interchange (DMNDI), a shape for every decision and input data and an edge for every
 * requirement, no two shapes on top of each other; and Camunda's DMN engine still reads them.
 */
class DecisionDiagramsTest {

    static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";

    record Box(String id, double x, double y, double width, double height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    @ParameterizedTest
    @CsvSource({"/dmn/retention.dmn, 1", "/dmn/verification-settings.dmn, 2", "/dmn/indicator-targets.dmn, 1"})
    void the_decision_requirements_are_drawn_and_the_engine_reads_the_tables(String path, int decisions)
            throws Exception {
        Document xml;
        try (InputStream in = DecisionDiagramsTest.class.getResourceAsStream(path)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(in);
        }
        List<String> drawnElements = new ArrayList<>();
        Set<String> elements = new HashSet<>();
        for (String kind : List.of("decision", "inputData", "informationRequirement")) {
            NodeList found = xml.getElementsByTagNameNS(DMN, kind);
            for (int i = 0; i < found.getLength(); i++) {
                elements.add(((Element) found.item(i)).getAttribute("id"));
            }
        }
        assertThat(xml.getElementsByTagNameNS(DMN, "decision").getLength()).isEqualTo(decisions);
        assertThat(xml.getElementsByTagNameNS(DMN, "inputData").getLength())
                .as("input data")
                .isPositive();
        assertThat(xml.getElementsByTagNameNS(DMNDI, "DMNDiagram").getLength())
                .as("diagrams")
                .isOne();
        List<Box> shapes = new ArrayList<>();
        NodeList shapeNodes = xml.getElementsByTagNameNS(DMNDI, "DMNShape");
        for (int i = 0; i < shapeNodes.getLength(); i++) {
            Element shape = (Element) shapeNodes.item(i);
            Element bounds =
                    (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
            assertThat(bounds).as("bounds of %s", shape.getAttribute("id")).isNotNull();
            shapes.add(new Box(
                    shape.getAttribute("dmnElementRef"),
                    Double.parseDouble(bounds.getAttribute("x")),
                    Double.parseDouble(bounds.getAttribute("y")),
                    Double.parseDouble(bounds.getAttribute("width")),
                    Double.parseDouble(bounds.getAttribute("height"))));
            drawnElements.add(shape.getAttribute("dmnElementRef"));
        }
        NodeList edges = xml.getElementsByTagNameNS(DMNDI, "DMNEdge");
        for (int i = 0; i < edges.getLength(); i++) {
            drawnElements.add(((Element) edges.item(i)).getAttribute("dmnElementRef"));
        }
        assertThat(drawnElements).as("what the diagram draws").containsExactlyInAnyOrderElementsOf(elements);
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                assertThat(shapes.get(i).overlaps(shapes.get(j)))
                        .as("%s on top of %s", shapes.get(i).id(), shapes.get(j).id())
                        .isFalse();
            }
        }

        try (InputStream in = DecisionDiagramsTest.class.getResourceAsStream(path)) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            Dmn.validateModel(model);
            List<DmnDecision> parsed = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                    .buildEngine()
                    .parseDecisions(model);
            assertThat(parsed)
                    .hasSize(decisions)
                    .allSatisfy(d -> assertThat(d.isDecisionTable()).isTrue());
        }
    }
}

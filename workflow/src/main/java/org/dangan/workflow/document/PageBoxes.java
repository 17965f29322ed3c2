package org.dangan.workflow.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dangan.ocr.TextBox;

/** The boxes of a page's lines and words as they are stored: JSON arrays of {text, x, y, width, height, confidence}. */
public record PageBoxes(List<TextBox> lines, List<TextBox> words) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<TextBox>> LIST = new TypeReference<>() {};

    static String json(List<TextBox> boxes) {
        try {
            return JSON.writeValueAsString(boxes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write text boxes", e);
        }
    }

    static List<TextBox> parse(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored text boxes are not readable: " + e.getOriginalMessage(), e);
        }
    }
}

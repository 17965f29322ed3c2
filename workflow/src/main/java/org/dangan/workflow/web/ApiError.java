package org.dangan.workflow.web;

import java.util.Map;

/** The JSON body of every error the REST API answers. */
public record ApiError(int status, String error, String message, Map<String, Object> details) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, Map.of());
    }
}

package org.dangan.workflow.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dangan.workflow.support.DanganTest;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Whatever a caller sends or asks for, a refusal comes back as JSON with a message key and a text in
 * the request's language: hostile bodies, unknown addresses, and clients that accept only PDF.
 */
@DanganTest
class ApiErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Fixtures.County county;

    @BeforeEach
    void setUp() {
        county = fixtures.county();
    }

    private RequestPostProcessor as(String user) {
        return httpBasic(county.user(user), Fixtures.PASSWORD);
    }

    @Test
    void a_refusal_is_json_even_to_a_client_that_accepts_only_pdf_or_text() throws Exception {
        mvc.perform(get("/api/campaigns/999999999/report.pdf")
                        .with(as("county-supervisor"))
                        .accept(MediaType.APPLICATION_PDF)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.details.key").value("campaign.notFound"));
        mvc.perform(get("/api/documents/999999999/text").with(as("archivist-a")).accept(MediaType.TEXT_PLAIN))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("document.missing"));
    }

    @Test
    void malformed_deep_or_mistyped_bodies_are_named_as_such_in_the_callers_language() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String body : new String[] {"{", "{\"fileNumbers\": 5, \"until\": \"2027-13-45\"}", deep}) {
            mvc.perform(post("/api/checkouts")
                            .with(as("archivist-a"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body)
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.details.key").value("error.body.unreadable"))
                    .andExpect(jsonPath("$.message").value("请求内容无法读取：JSON格式、字段类型或日期有误，或嵌套过深"));
        }
        mvc.perform(post("/api/checkouts")
                        .with(as("archivist-a"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.details.key").value("error.mediaType"));
        mvc.perform(get("/api/campaigns/1/sample").with(as("county-checker")).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.details.key").value("error.parameter.missing"))
                .andExpect(jsonPath("$.details.parameter").value("institution"))
                .andExpect(jsonPath("$.message").value("Parameter institution is missing"));
    }

    @Test
    void an_address_under_api_that_nothing_serves_is_a_json_404_not_the_screens_page() throws Exception {
        mvc.perform(get("/api/nonexistent").with(as("archivist-a")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("error.noSuchApi"));
        mvc.perform(delete("/api/nonexistent").with(as("archivist-a")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.details.key").value("error.noSuchApi"));
    }

    @Test
    void a_known_address_asked_with_the_wrong_method_is_a_405_naming_the_methods_it_takes() throws Exception {
        mvc.perform(delete("/api/stocktakes").with(as("archivist-a")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.details.key").value("error.method"));
        mvc.perform(put("/api/campaigns/1/sample").with(as("county-checker")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.details.key").value("error.method"));
        // the right method with a body of the wrong type: 415, not 405 naming the method just used
        mvc.perform(post("/api/documents")
                        .with(as("archivist-a"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.details.key").value("error.mediaType"));
        mvc.perform(post("/api/bags")
                        .with(as("archivist-a"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("not a bag"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.details.key").value("error.mediaType"));
    }

    @Test
    void refusals_made_before_any_controller_are_json_in_chinese_unless_asked_otherwise() throws Exception {
        // the URL rules' refusal speaks the API's language, not the server's
        mvc.perform(get("/v3/api-docs").with(as("archivist-a")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.details.key").value("error.forbidden"))
                .andExpect(jsonPath("$.message").value("无权访问"));
        mvc.perform(get("/v3/api-docs").with(as("archivist-a")).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value("Access denied"));
    }
}

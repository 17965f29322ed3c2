package org.dangan.workflow.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's reference at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}, both for
 * administrators): generated from the controllers' signatures, so it cannot drift from the code.
 * What the signatures cannot say is added here: HTTP Basic, and that every refusal answers {@link ApiError}.
 */
@Configuration
class ApiReference {

    static final String BASIC = "basic";
    static final String ERROR = "ApiError";

    @Bean
    OpenAPI danganApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Dang'an REST API")
                        .version("1")
                        .description("Resident health records: registry, scans, search, verification campaigns, "
                                + "custody of paper, check-outs, retention, handovers and transfers. Who may call "
                                + "what is checked per role and institution (see the README's Security section); "
                                + "process tasks are Camunda's own API at /engine-rest, described by Camunda. "
                                + "Every call is made with HTTP Basic, also from this page: the screens' login "
                                + "does not reach the API, so use Authorize with your user name and password "
                                + "before Try it out."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Names a nested type after its outer class too ({@code Checkouts.Request} is "CheckoutsRequest"):
     * by simple name, the many records called Request, Decision or Result would share one schema and
     * the reference would show one endpoint's shape for another's.
     */
    @Bean
    ModelResolver namesWithOuterClass() {
        return new ModelResolver(Json.mapper(), new TypeNameResolver() {
            @Override
            protected String getNameOfClass(Class<?> cls) {
                String name = super.getNameOfClass(cls);
                Class<?> outer = cls.getEnclosingClass();
                return outer == null || !name.equals(cls.getSimpleName()) ? name : getNameOfClass(outer) + name;
            }
        });
    }

    /**
     * Every refusal (a {@code Refused} of a service, a URL rule, unreadable input) answers the same
     * JSON body; documented once as a 4XX of each operation rather than guessed per handler.
     */
    @Bean
    OpenApiCustomizer errorBody() {
        return api -> {
            Map<String, Schema> schemas = ModelConverters.getInstance().read(ApiError.class);
            schemas.forEach((name, schema) -> api.getComponents().addSchemas(name, schema));
            Schema<?> error = api.getComponents().getSchemas().get(ERROR);
            error.description("A refusal in the request's language (Accept-Language); details.key is the message key, "
                    + "stable for clients (e.g. role.required, error.noSuchApi); details may name a parameter.");
            ApiResponse refused = new ApiResponse()
                    .description("Refused: {status, error, message, details: {key}}")
                    .content(new Content()
                            .addMediaType(
                                    "application/json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR))));
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations()
                            .forEach(operation -> operation.getResponses().addApiResponse("4XX", refused)));
        };
    }
}

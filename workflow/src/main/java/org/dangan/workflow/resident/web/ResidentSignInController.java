package org.dangan.workflow.resident.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.dangan.workflow.resident.ResidentCodes;
import org.dangan.workflow.resident.ResidentSettings;
import org.dangan.workflow.resident.ResidentSignIn;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in of residents (issue 19): a code by SMS, the code for a bearer token, sign-out. */
@RestController
@RequestMapping("/api/resident")
class ResidentSignInController {

    private final ResidentCodes codes;
    private final ResidentSignIn signIn;
    private final ResidentSettings settings;
    private final MessageSource messages;

    ResidentSignInController(
            ResidentCodes codes, ResidentSignIn signIn, ResidentSettings settings, MessageSource messages) {
        this.codes = codes;
        this.signIn = signIn;
        this.settings = settings;
        this.messages = messages;
    }

    record CodeRequest(String idNumber, String phone) {}

    record SignInRequest(String idNumber, String code) {}

    record Token(String token) {}

    /** The answer is the same whether or not the pair is on file, and whether or not a code went out. */
    @PostMapping("/codes")
    ResponseEntity<Map<String, String>> codes(
            @RequestBody CodeRequest body, HttpServletRequest request, Locale locale) {
        codes.request(body.idNumber(), body.phone(), settings.clientAddress(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("message", messages.getMessage("resident.codes.sent", null, locale)));
    }

    @PostMapping("/sign-in")
    Token signIn(@RequestBody SignInRequest body, HttpServletRequest request) {
        return new Token(signIn.signIn(body.idNumber(), body.code(), settings.clientAddress(request)));
    }

    @PostMapping("/sign-out")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        signIn.signOut(request);
        return ResponseEntity.noContent().build();
    }
}

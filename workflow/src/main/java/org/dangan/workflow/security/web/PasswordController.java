package org.dangan.workflow.security.web;

import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.UserAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/me/password}: every user changes their own password, under the password policy. */
@RestController
class PasswordController {

    private final UserAccounts accounts;

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record Change(String current, String password) {}

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@RequestBody Change change) {
        accounts.changePassword(CurrentUser.require().getUsername(), change.current(), change.password());
    }
}

package org.dangan.ui.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.dangan.workflow.security.UserAccounts;
import org.dangan.workflow.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Browserless view tests on the real Spring context: real services, database and access
 * control; only the browser is faked. The same context as the tests over a real server (one
 * process engine per test JVM: Camunda's webapps look engines up in a JVM-wide registry).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.dangan.ui");

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected UserAccounts users;

    @Autowired
    protected Fixtures fixtures;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        VaadinSession.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    /** A login starts a new session in real life; the layout of the last user must not linger. */
    protected void newSession() {
        MockVaadin.tearDown();
        setUpVaadin();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** What Spring Security's filter would do for a logged-in request: the principal and its roles. */
    protected void login(String username) {
        UserDetails user = users.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        ServletRequest raw = VaadinServletRequest.getCurrent().getHttpServletRequest();
        while (raw instanceof ServletRequestWrapper wrapper) {
            raw = wrapper.getRequest();
        }
        FakeRequest request = (FakeRequest) raw;
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) ->
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }
}

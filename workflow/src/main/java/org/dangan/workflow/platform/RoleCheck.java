package org.dangan.workflow.platform;

import java.util.Arrays;
import java.util.List;
import org.dangan.workflow.security.CurrentUser;
import org.dangan.workflow.security.DanganUser;
import org.dangan.workflow.security.Role;

/**
 * The role an action needs, checked by the service at the entry of the action, before any lookup,
 * so that a caller in the wrong role learns nothing (not even whether an id exists) and changes
 * nothing. It lives here rather than in {@code security} because {@link Refused} does, and
 * {@code platform} already depends on {@code security}.
 */
public final class RoleCheck {

    private RoleCheck() {}

    /** The current user, refused (403, {@code role.required}) unless they hold one of {@code roles}. */
    public static DanganUser require(Role... roles) {
        DanganUser user = CurrentUser.require();
        if (Arrays.stream(roles).noneMatch(user::is)) {
            throw Refused.forbidden("role.required", List.of(roles));
        }
        return user;
    }
}

package org.dangan.workflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByInstitutionId(Long institutionId);

    List<UserAccount> findByUsernameIn(Collection<String> usernames);
}

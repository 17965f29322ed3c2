package org.dangan.workflow.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    java.util.List<UserAccount> findByInstitutionId(Long institutionId);

    java.util.List<UserAccount> findByUsernameIn(java.util.Collection<String> usernames);
}

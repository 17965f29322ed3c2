package org.dangan.workflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    // a string query, not one derived from the name: Spring Data creates each derived query under
    // a lock of its own, and at 50 connections on two cores the requests queued on it (issue 21)
    @Query("select a from UserAccount a where a.username = :username")
    Optional<UserAccount> findByUsername(@Param("username") String username);

    List<UserAccount> findByInstitutionId(Long institutionId);

    List<UserAccount> findByUsernameIn(Collection<String> usernames);
}

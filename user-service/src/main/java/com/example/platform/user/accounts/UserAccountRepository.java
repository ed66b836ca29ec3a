package com.example.platform.user.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Stored accounts. Email lookups go through the unique index on {@code lower(email)}.
 */
public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

	@Query("select u from UserAccount u where lower(u.email) = :key")
	Optional<UserAccount> findByEmailKey(String key);

	@Query("select count(u) > 0 from UserAccount u where lower(u.email) = :key")
	boolean existsByEmailKey(String key);

}

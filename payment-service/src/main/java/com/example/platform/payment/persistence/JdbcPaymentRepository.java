package com.example.platform.payment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.PaymentStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.example.platform.support.jdbc.SqlValues.instant;
import static com.example.platform.support.jdbc.SqlValues.text;
import static com.example.platform.support.jdbc.SqlValues.ts;

/**
 * Payments in table {@code payment}, with plain SQL: one statement stores a new payment,
 * one reads (or reads and locks) it, one stores a change (checking the version read).
 * Every charge runs these; an ORM spent more CPU on them than the statements themselves
 * cost (profiled: Hibernate was ~30 % of this service's CPU per order).
 */
@Repository
public class JdbcPaymentRepository implements PaymentRepository {

	private static final String SELECT = "select id, order_id, user_id, amount, currency, payment_method, status, "
			+ "decline_code, provider_charge_id, failure_reason, attempts, next_attempt_at, created_at, updated_at, "
			+ "version from payment ";

	private static final String INSERT = """
			insert into payment (id, order_id, user_id, amount, currency, payment_method, status, decline_code,
			  provider_charge_id, failure_reason, attempts, next_attempt_at, created_at, updated_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
			""";

	// What a payment is for never changes once created; its state does.
	private static final String UPDATE = """
			update payment set status = ?, decline_code = ?, provider_charge_id = ?, failure_reason = ?, attempts = ?,
			  next_attempt_at = ?, updated_at = ?, version = version + 1
			where id = ? and version = ?
			""";

	// The status as a literal, so the partial index payment_pending serves the query.
	private static final String DUE = SELECT + "where status = 'PENDING' and next_attempt_at <= ? "
			+ "order by next_attempt_at limit ? for update skip locked";

	private final JdbcClient jdbc;

	public JdbcPaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Payment save(Payment payment) {
		Payment.Stored row = payment.stored();
		if (row.version() == null) {
			this.jdbc.sql(INSERT)
				.params(row.id(), row.orderId(), row.userId(), row.amount(), row.currency(), row.paymentMethod(),
						row.status().name(), text(row.declineCode()), text(row.providerChargeId()),
						text(row.failureReason()), row.attempts(), ts(row.nextAttemptAt()), ts(row.createdAt()),
						ts(row.updatedAt()))
				.update();
			payment.storedAs(0);
			return payment;
		}
		int updated = this.jdbc.sql(UPDATE)
			.params(row.status().name(), text(row.declineCode()), text(row.providerChargeId()),
					text(row.failureReason()), row.attempts(), ts(row.nextAttemptAt()), ts(row.updatedAt()), row.id(),
					row.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Payment " + row.id() + " changed (or vanished) since version " + row.version() + " was read");
		}
		payment.storedAs(row.version() + 1);
		return payment;
	}

	@Override
	public Optional<Payment> findById(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ?").param(id).query(JdbcPaymentRepository::payment).optional();
	}

	@Override
	public Optional<Payment> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ? for update")
			.param(id)
			.query(JdbcPaymentRepository::payment)
			.optional();
	}

	@Override
	public List<Payment> findByOrderOldestFirst(UUID orderId) {
		return this.jdbc.sql(SELECT + "where order_id = ? order by created_at, id")
			.param(orderId)
			.query(JdbcPaymentRepository::payment)
			.list();
	}

	@Override
	public List<Payment> findDueForResolver(Instant now, int limit) {
		return this.jdbc.sql(DUE).params(ts(now), limit).query(JdbcPaymentRepository::payment).list();
	}

	@Override
	public long countByStatus(PaymentStatus status) {
		return this.jdbc.sql("select count(*) from payment where status = ?")
			.param(status.name())
			.query(Long.class)
			.single();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return Payment.restore(new Payment.Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, UUID.class), rs.getLong(4), rs.getString(5), rs.getString(6),
				PaymentStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getInt(11), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
				rs.getLong(15)));
	}

}

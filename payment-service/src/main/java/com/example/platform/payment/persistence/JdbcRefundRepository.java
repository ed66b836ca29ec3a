package com.example.platform.payment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.example.platform.payment.refunds.Refund;
import com.example.platform.payment.refunds.RefundRepository;
import com.example.platform.payment.refunds.RefundStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.example.platform.support.jdbc.SqlValues.instant;
import static com.example.platform.support.jdbc.SqlValues.text;
import static com.example.platform.support.jdbc.SqlValues.ts;

/**
 * Refunds in table {@code refund}, with plain SQL, the same way as
 * {@link JdbcPaymentRepository}: one statement per insert, read or change, a change
 * checking the version read.
 */
@Repository
public class JdbcRefundRepository implements RefundRepository {

	private static final String SELECT = "select id, payment_id, amount, currency, status, provider_refund_id, "
			+ "failure_reason, attempts, next_attempt_at, created_at, updated_at, version from refund ";

	private static final String INSERT = """
			insert into refund (id, payment_id, amount, currency, status, provider_refund_id, failure_reason, attempts,
			  next_attempt_at, created_at, updated_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
			""";

	// What is refunded never changes once created; the refund's state does.
	private static final String UPDATE = """
			update refund set status = ?, provider_refund_id = ?, failure_reason = ?, attempts = ?, next_attempt_at = ?,
			  updated_at = ?, version = version + 1
			where id = ? and version = ?
			""";

	// The status as a literal, so the partial index refund_pending serves the query.
	private static final String DUE = SELECT + "where status = 'PENDING' and next_attempt_at <= ? "
			+ "order by next_attempt_at limit ? for update skip locked";

	private final JdbcClient jdbc;

	public JdbcRefundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Refund save(Refund refund) {
		Refund.Stored row = refund.stored();
		if (row.version() == null) {
			this.jdbc.sql(INSERT)
				.params(row.id(), row.paymentId(), row.amount(), row.currency(), row.status().name(),
						text(row.providerRefundId()), text(row.failureReason()), row.attempts(),
						ts(row.nextAttemptAt()), ts(row.createdAt()), ts(row.updatedAt()))
				.update();
			refund.storedAs(0);
			return refund;
		}
		int updated = this.jdbc.sql(UPDATE)
			.params(row.status().name(), text(row.providerRefundId()), text(row.failureReason()), row.attempts(),
					ts(row.nextAttemptAt()), ts(row.updatedAt()), row.id(), row.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Refund " + row.id() + " changed (or vanished) since version " + row.version() + " was read");
		}
		refund.storedAs(row.version() + 1);
		return refund;
	}

	@Override
	public Optional<Refund> findById(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ?").param(id).query(JdbcRefundRepository::refund).optional();
	}

	@Override
	public Optional<Refund> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + "where id = ? for update")
			.param(id)
			.query(JdbcRefundRepository::refund)
			.optional();
	}

	@Override
	public long sumReserved(UUID paymentId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from refund where payment_id = ? and status <> 'FAILED'")
			.param(paymentId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<Refund> findDueForResolver(Instant now, int limit) {
		return this.jdbc.sql(DUE).params(ts(now), limit).query(JdbcRefundRepository::refund).list();
	}

	@Override
	public long countByStatus(RefundStatus status) {
		return this.jdbc.sql("select count(*) from refund where status = ?")
			.param(status.name())
			.query(Long.class)
			.single();
	}

	private static Refund refund(ResultSet rs, int row) throws SQLException {
		return Refund.restore(new Refund.Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
				rs.getString(4), RefundStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8),
				instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
				rs.getLong(12)));
	}

}

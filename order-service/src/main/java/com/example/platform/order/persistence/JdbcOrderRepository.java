package com.example.platform.order.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderLine;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.example.platform.support.jdbc.SqlValues.instant;
import static com.example.platform.support.jdbc.SqlValues.text;
import static com.example.platform.support.jdbc.SqlValues.ts;
import static com.example.platform.support.jdbc.SqlValues.uuid;

/**
 * Orders in tables {@code orders} and {@code order_line}, with plain SQL: one statement
 * stores a new order with its lines, one reads an order with its lines, one stores a
 * change (checking the version read). The order path runs these on every order; an ORM
 * spent more CPU on them than the statements themselves cost (profiled: Hibernate was a
 * third of this service's CPU per order).
 */
@Repository
public class JdbcOrderRepository implements OrderRepository {

	private static final String ORDER_COLUMNS = "o.id, o.user_id, o.status, o.currency, o.total_amount, "
			+ "o.payment_method, o.payment_id, o.decline_code, o.refund_id, o.created_at, o.updated_at, "
			+ "o.reconcile_attempts, o.reconcile_after, o.reconcile_failure, o.version";

	private static final int LINE_OFFSET = 15;

	private static final String WITH_LINES = "select " + ORDER_COLUMNS
			+ ", l.sku, l.product_name, l.quantity, l.unit_price from orders o "
			+ "join order_line l on l.order_id = o.id ";

	// The order and its lines in one statement: the lines come as arrays, unnested in
	// line order (line_no from 0, as the order's list index).
	private static final String INSERT = """
			with new_order as (
			  insert into orders (id, user_id, status, currency, total_amount, payment_method, payment_id,
			    decline_code, refund_id, created_at, updated_at, reconcile_attempts, reconcile_after,
			    reconcile_failure, version)
			  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
			  returning id)
			insert into order_line (order_id, line_no, sku, product_name, quantity, unit_price)
			select new_order.id, line.no - 1, line.sku, line.product_name, line.quantity, line.unit_price
			from new_order, unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[])
			  with ordinality as line(sku, product_name, quantity, unit_price, no)
			""";

	// Lines never change once placed; the order's own columns do.
	private static final String UPDATE = """
			update orders set status = ?, payment_id = ?, decline_code = ?, refund_id = ?, updated_at = ?,
			  reconcile_attempts = ?, reconcile_after = ?, reconcile_failure = ?, version = version + 1
			where id = ? and version = ?
			""";

	private final JdbcClient jdbc;

	public JdbcOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Order save(Order order) {
		Order.Stored row = order.stored();
		if (row.version() == null) {
			insert(order, row);
			order.storedAs(0);
			return order;
		}
		int updated = this.jdbc.sql(UPDATE)
			.params(row.status().name(), uuid(row.paymentId()), text(row.declineCode()), uuid(row.refundId()),
					ts(row.updatedAt()), row.reconcileAttempts(), ts(row.reconcileAfter()),
					text(row.reconcileFailure()), row.id(), row.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException(
					"Order " + row.id() + " changed (or vanished) since version " + row.version() + " was read");
		}
		order.storedAs(row.version() + 1);
		return order;
	}

	private void insert(Order order, Order.Stored row) {
		List<OrderLine> lines = order.getLines();
		String[] skus = new String[lines.size()];
		String[] names = new String[lines.size()];
		int[] quantities = new int[lines.size()];
		long[] unitPrices = new long[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			skus[i] = line.getSku();
			names[i] = line.getProductName();
			quantities[i] = line.getQuantity();
			unitPrices[i] = line.getUnitPriceAmount();
		}
		this.jdbc.sql(INSERT)
			.params(row.id(), row.userId(), row.status().name(), row.currency(), row.totalAmount(), row.paymentMethod(),
					uuid(row.paymentId()), text(row.declineCode()), uuid(row.refundId()), ts(row.createdAt()),
					ts(row.updatedAt()), row.reconcileAttempts(), ts(row.reconcileAfter()),
					text(row.reconcileFailure()), skus, names, quantities, unitPrices)
			.update();
	}

	@Override
	public Optional<Order> findById(UUID id) {
		return first(this.jdbc.sql(WITH_LINES + "where o.id = ? order by l.line_no").param(id).query(this::orders));
	}

	@Override
	public Optional<Order> findByIdAndUserId(UUID id, UUID userId) {
		return first(this.jdbc.sql(WITH_LINES + "where o.id = ? and o.user_id = ? order by l.line_no")
			.params(id, userId)
			.query(this::orders));
	}

	@Override
	public Page<Order> findByUserNewestFirst(UUID userId, Pageable pageable) {
		String page = pageable.isPaged() ? " limit " + pageable.getPageSize() + " offset " + pageable.getOffset() : "";
		List<Order> content = this.jdbc
			.sql(WITH_LINES + "where o.id in (select id from orders where user_id = ? "
					+ "order by created_at desc, id desc" + page + ") order by o.created_at desc, o.id desc, l.line_no")
			.param(userId)
			.query(this::orders);
		return PageableExecutionUtils.getPage(content, pageable,
				() -> this.jdbc.sql("select count(*) from orders where user_id = ?")
					.param(userId)
					.query(Long.class)
					.single());
	}

	/**
	 * Rows of orders joined with their lines, ordered by order, then line: one order per
	 * run of rows with the same id.
	 */
	private List<Order> orders(ResultSet rs) throws SQLException {
		Map<UUID, Order.Stored> rows = new LinkedHashMap<>();
		Map<UUID, List<OrderLine>> lines = new LinkedHashMap<>();
		while (rs.next()) {
			UUID id = rs.getObject(1, UUID.class);
			if (!rows.containsKey(id)) {
				rows.put(id, row(rs));
				lines.put(id, new ArrayList<>());
			}
			lines.get(id)
				.add(OrderLine.restore(rs.getString(LINE_OFFSET + 1), rs.getString(LINE_OFFSET + 2),
						rs.getInt(LINE_OFFSET + 3), rs.getLong(LINE_OFFSET + 4)));
		}
		List<Order> orders = new ArrayList<>(rows.size());
		rows.forEach((id, row) -> orders.add(Order.restore(row, lines.get(id))));
		return orders;
	}

	private static Order.Stored row(ResultSet rs) throws SQLException {
		return new Order.Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				OrderStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5), rs.getString(6),
				rs.getObject(7, UUID.class), rs.getString(8), rs.getObject(9, UUID.class), instant(rs.getTimestamp(10)),
				instant(rs.getTimestamp(11)), rs.getInt(12), instant(rs.getTimestamp(13)), rs.getString(14),
				rs.getLong(15));
	}

	private static Optional<Order> first(List<Order> orders) {
		return orders.isEmpty() ? Optional.empty() : Optional.of(orders.get(0));
	}

}

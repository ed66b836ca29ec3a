package com.example.platform.order.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;
import com.example.platform.order.catalog.ProductRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The price list in table {@code product}, read with plain SQL.
 */
@Repository
public class JdbcProductRepository implements ProductRepository {

	private static final String SELECT = "select sku, name, unit_price, currency, active from product ";

	private final JdbcClient jdbc;

	public JdbcProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Product> findActive() {
		return this.jdbc.sql(SELECT + "where active order by sku").query(JdbcProductRepository::product).list();
	}

	@Override
	public List<Product> findBySkus(String[] skus) {
		// One array parameter: the same statement text whatever the number of SKUs.
		return this.jdbc.sql(SELECT + "where sku = any(?)").param(skus).query(JdbcProductRepository::product).list();
	}

	@Override
	public Optional<Product> findById(String sku) {
		return this.jdbc.sql(SELECT + "where sku = ?").param(sku).query(JdbcProductRepository::product).optional();
	}

	private static Product product(ResultSet rs, int row) throws SQLException {
		return new Product(rs.getString(1), rs.getString(2), new Money(rs.getLong(3), rs.getString(4)),
				rs.getBoolean(5));
	}

}

package com.example.platform.order.catalog;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The price list.
 */
public interface ProductRepository extends JpaRepository<Product, String> {

	List<Product> findByActiveTrueOrderBySku();

	List<Product> findBySkuIn(Collection<String> skus);

}

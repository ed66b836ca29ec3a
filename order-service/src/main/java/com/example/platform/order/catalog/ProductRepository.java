package com.example.platform.order.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The price list.
 */
public interface ProductRepository {

	/**
	 * @return the products that can be ordered, by SKU
	 */
	List<Product> findActive();

	/**
	 * @param skus the SKUs
	 * @return the products with these SKUs (unknown ones are left out), for pricing an
	 * order
	 */
	List<Product> findBySkus(String[] skus);

	/**
	 * @param sku the SKU
	 * @return the product, if listed (active or not)
	 */
	Optional<Product> findById(String sku);

}

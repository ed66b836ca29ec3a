package com.example.platform.order.api;

import java.util.List;

/**
 * One page of the caller's orders, newest first.
 *
 * @param items the orders on this page
 * @param page the zero-based page number
 * @param size the page size asked for
 * @param totalElements how many orders the caller has
 * @param totalPages how many pages there are
 */
record OrderPage(List<OrderResponse> items, int page, int size, long totalElements, int totalPages) {
}

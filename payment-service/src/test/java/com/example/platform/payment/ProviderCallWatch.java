package com.example.platform.payment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.platform.payment.payments.PaymentProvider;
import com.example.platform.payment.refunds.RefundProvider;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches every call to the payment provider and records, by our reference (the
 * provider's idempotency key), whether the calling thread held a transaction or any
 * transactional resource (a JDBC connection, an entity manager) at that moment. The
 * service promises it never does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProviderCallWatch {

	private static final Map<String, Boolean> heldResources = new ConcurrentHashMap<>();

	/**
	 * @param reference a payment or refund id
	 * @return whether a transaction or resource was held during its last provider call,
	 * or {@code null} if the provider was never called for it
	 */
	public static Boolean heldResourcesDuringCall(String reference) {
		return heldResources.get(reference);
	}

	@Bean
	static BeanPostProcessor providerCallWatcher() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof PaymentProvider) || !(bean instanceof RefundProvider)) {
					return bean;
				}
				return Proxy.newProxyInstance(PaymentProvider.class.getClassLoader(),
						new Class<?>[] { PaymentProvider.class, RefundProvider.class }, (proxy, method, args) -> {
							if (args != null && args.length == 1) {
								heldResources.put(reference(args[0]),
										TransactionSynchronizationManager.isActualTransactionActive()
												|| !TransactionSynchronizationManager.getResourceMap().isEmpty());
							}
							try {
								return method.invoke(bean, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
	}

	private static String reference(Object argument) {
		return switch (argument) {
			case PaymentProvider.ChargeRequest charge -> charge.reference().toString();
			case RefundProvider.RefundRequest refund -> refund.reference().toString();
			default -> String.valueOf(argument);
		};
	}

}

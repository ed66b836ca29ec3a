package com.example.platform.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared service baseline ({@code platform.http.*}).
 *
 * @param maxRequestBody the largest request body a service accepts (default 1 MB)
 */
@ConfigurationProperties("platform.http")
public record ServiceSupportProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}

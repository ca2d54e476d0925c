package org.carelog.infra.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode: seeds a demo facility through commands on first start (the {@code demo} profile or
 * {@code CARELOG_DEMO_ENABLED=true}).
 */
@ConfigurationProperties("carelog.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled) {}

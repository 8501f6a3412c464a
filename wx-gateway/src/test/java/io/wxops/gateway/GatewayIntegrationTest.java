package io.wxops.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wxops.devkit.DevServersInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full gateway on a random port against this JVM's real MariaDB/MySQL and Redis. Every
 * test class using it shares one cached context; tests isolate themselves by registering
 * their own account.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DevServersInitializer.class)
@Import(Fixtures.class)
public @interface GatewayIntegrationTest {

}

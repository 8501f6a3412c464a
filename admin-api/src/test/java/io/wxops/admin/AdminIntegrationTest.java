package io.wxops.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.wxops.devkit.DevServersInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full admin API on a random port against this JVM's real MariaDB/MySQL and Redis, with
 * the WeChat API simulator standing in for api.weixin.qq.com. Test classes share one
 * cached context and isolate themselves by creating their own people and accounts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { DevServersInitializer.class, SimulatorInitializer.class })
@Import(AdminFixtures.class)
public @interface AdminIntegrationTest {

}

package io.wxops.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The shared domain on its own, against real servers. */
@SpringBootApplication
@Import(WxCoreConfiguration.class)
public class CoreTestApplication {

}

package io.wxops.gateway;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port, for load balancers and Kubernetes probes:
 * the status only (200 when UP, else 503), no components or details. It is the readiness
 * group's status: whether this instance takes traffic (not while starting or draining
 * before a shutdown, see {@code ShutdownDrain}), not whether the shared database or Redis
 * is up, which would take every instance out at once and hide the 503 problems the
 * instances answer themselves during an outage. Everything else of Actuator (health
 * details, metrics, Prometheus) is on the management port
 * ({@code management.server.port}), bound to an internal address.
 */
@RestController
class PublicHealthController {

	private final HealthEndpoint health;

	PublicHealthController(HealthEndpoint health) {
		this.health = health;
	}

	@GetMapping("/actuator/health")
	ResponseEntity<Map<String, String>> health() {
		HealthDescriptor readiness = this.health.healthForPath("readiness");
		Status status = ((readiness != null) ? readiness : this.health.health()).getStatus();
		HttpStatus code = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
	}

}

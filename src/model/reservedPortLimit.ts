/**
 * ECS's limit on the host ports one container instance reserves.
 *
 * @module
 */

/**
 * The most host ports a container instance may have reserved at a time:
 * the agent's own (`ECS_RESERVED_PORTS`, `ECS_RESERVED_PORTS_UDP`) and the
 * static host ports of its running tasks, TCP and UDP counted together.
 * Dynamically assigned host ports do not count.
 *
 * @remarks
 * ECS documents the 100 ("A container instance can have up to 100 reserved
 * ports at a time, including the default reserved ports. Automatically
 * assigned ports don't count toward the 100 reserved ports limit", the API
 * reference of `PortMapping.hostPort`); that TCP and UDP share it is the
 * library's reading, since ECS names one limit.
 */
export const RESERVED_PORT_LIMIT = 100;

/**
 * The reasons a case of {@link placementCase} can be built to fail for.
 *
 * @module
 */

/**
 * Why a request built to fail cannot be placed, in ECS's words for a
 * failure's reason (`ecsReason`): every instance is out of reach of the
 * agent (`AGENT`), lacks a required attribute (`ATTRIBUTE`), has too little
 * CPU or memory (`RESOURCE:CPU`, `RESOURCE:MEMORY`), reserves a port the
 * task binds (`RESOURCE:PORTS`), or fails a memberOf constraint
 * (`MEMBER_OF`, which ECS reports as `MemberOf placement constraint unsatisfied.`).
 */
export type InfeasibleReason = 'AGENT' | 'ATTRIBUTE' | 'RESOURCE:CPU' | 'RESOURCE:MEMORY' | 'RESOURCE:PORTS' | 'MEMBER_OF';

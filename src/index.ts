/**
 * task-placement: Amazon ECS task placement, reproduced exactly and explained.
 *
 * @packageDocumentation
 */
export * from './query/index';
export type { InstanceView } from './model/InstanceView';

/**
 * One command of a model-based run over a cluster, and the checks after it.
 *
 * @module
 */
import type * as fc from 'fast-check';
import type { ClusterSnapshot } from '../../cluster/Cluster';
import { checkSnapshot } from '../check/checkSnapshot';
import { PlacementLawError } from '../check/PlacementLawError';
import { checkAgreement } from './checkAgreement';
import type { ClusterModel, ClusterReal } from './ClusterModel';

/** What one kind of command does; {@link ClusterCommand} adds the checks every command shares. */
export interface CommandStep {
  /** Whether the command can run on the model's state: the instance or task it needs exists. */
  check(model: Readonly<ClusterModel>): boolean;
  /**
   * Drives the system, checks what this command promises (throwing when it
   * is broken), and brings the model up to date.
   *
   * @returns how counter-examples show the command
   */
  run(model: ClusterModel, real: ClusterReal, before: ClusterSnapshot): string;
}

/**
 * A command that, after its own step, checks the cluster's bookkeeping
 * ({@link checkSnapshot}) and that the cluster and the model agree.
 */
export class ClusterCommand implements fc.Command<ClusterModel, ClusterReal> {
  /** What the last run did, for counter-examples: ids are only known once it runs. */
  private shown: string;

  constructor(label: string, private readonly step: CommandStep) {
    this.shown = label;
  }

  check(model: Readonly<ClusterModel>): boolean {
    return this.step.check(model);
  }

  run(model: ClusterModel, real: ClusterReal): void {
    this.shown = this.step.run(model, real, real.cluster.snapshot());
    const after = real.cluster.snapshot();
    const violations = checkSnapshot(after);
    if (violations.length > 0) throw new PlacementLawError(violations);
    const problems = checkAgreement(model, after);
    if (problems.length > 0) throw new Error(`After ${this.shown}, the cluster and the model disagree:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }

  toString(): string {
    return this.shown;
  }
}

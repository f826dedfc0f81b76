/**
 * What kind of document describes a service: ECS's own JSON, a
 * CloudFormation template, or Terraform's JSON.
 *
 * @module
 */
import { isRecord } from '../model/validation/fields';

/** The kinds of document a service can be read from. */
export type DocumentKind = 'ecs' | 'cloudformation' | 'terraform';

/** A CloudFormation template in YAML starts with one of its sections. */
const YAML_TEMPLATE = /^\s*(?:AWSTemplateFormatVersion|Resources|Transform|Parameters|Description)\s*:/m;

/**
 * Tells a document by its shape: a CloudFormation template has
 * `Resources` or `AWSTemplateFormatVersion` (or is the `TemplateBody` of
 * `aws cloudformation get-template`, or a YAML template's text), Terraform's
 * JSON has `format_version` with `values` or `planned_values` (and a state
 * file, `lineage` and `resources`); anything else is taken for ECS's own.
 *
 * @param json - the parsed document
 * @returns its kind
 */
export function documentKind(json: unknown): DocumentKind {
  if (typeof json === 'string') return YAML_TEMPLATE.test(json) ? 'cloudformation' : 'ecs';
  if (!isRecord(json)) return 'ecs';
  if (isRecord(json.Resources) || json.AWSTemplateFormatVersion !== undefined || json.TemplateBody !== undefined) return 'cloudformation';
  const terraformShow = json.format_version !== undefined && (json.values !== undefined || json.planned_values !== undefined || json.terraform_version !== undefined);
  const stateFile = json.lineage !== undefined && Array.isArray(json.resources);
  return terraformShow || stateFile ? 'terraform' : 'ecs';
}

/**
 * Says what to do with a document given to a reader of another kind, for
 * the message that refuses it.
 *
 * @param json - the parsed document
 * @returns a sentence, or `''` when the document is of none of the other kinds
 */
export function otherReaderHint(json: unknown): string {
  switch (documentKind(json)) {
    case 'cloudformation': return ' It looks like a CloudFormation template: read it with fromCloudFormation.';
    case 'terraform': return " It looks like Terraform's JSON: read it with fromTerraform.";
    default: return '';
  }
}

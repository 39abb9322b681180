/**
 * `@social-shift/core/docs`: what only documentation and tools need, kept off the main entry so that apps do not
 * ship it: the JSON Schemas of the model (zod's JSON Schema generator), and the Markdown pages of the permission
 * table and of each workflow. `pnpm schemas` and `pnpm docs:generate` in the repository use them.
 *
 * @packageDocumentation
 */

export { ERROR_CODES } from '../errors/error-codes.js';
export type { PublishedSchemaName } from '../model/json-schemas.js';
export { formatJsonSchema, generateJsonSchemas } from '../model/json-schemas.js';
export { actionDescriptions } from '../roles/action-descriptions.js';
export { permissionTableMarkdown } from '../roles/permission-docs.js';
export type { WorkflowDescription } from '../workflows/workflow-descriptions.js';
export { workflowDescriptions } from '../workflows/workflow-descriptions.js';
export { granteesText, workflowMarkdown } from '../workflows/workflow-docs.js';

/**
 * The part of a domain event the metrics read: its type, time, entity and payload. A full `DomainEvent` fits;
 * so does the lighter object a fast reader builds from a line of NDJSON.
 */
export interface MetricsEvent {
  readonly type: string;
  readonly at: string;
  readonly entityId: string;
  readonly data: Readonly<Record<string, unknown>>;
}
